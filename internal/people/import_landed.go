package people

// A list that files something for each of its persons (a school's list
// of pupils files a request for each) needs to know whom each row landed
// on: the person it registered, or the one it matched, as the row leaves
// them. The session keeps the plan of each row of the batch when asked;
// the people list itself never asks, so it keeps nothing per row.

// KeepPersons makes the session keep, for Landed, whom each row of a
// batch landed on. Call it before the first batch.
func (is *ImportSession) KeepPersons() { is.landed = map[int]*rowPlan{} }

// keep remembers the plan of the row of line, the last one made for it:
// a row planned again (written one by one after a conflict) replaces it.
func (is *ImportSession) keep(line int, pl *rowPlan) {
	if is.landed != nil {
		is.landed[line] = pl
	}
}

// Landed returns the person the row of line of the last batch landed on,
// as the row leaves them (with their region and organisation paths), and
// false for a row that was rejected or not in that batch. In a dry run a
// person the list would register has a made-up negative id, the same for
// every later row about them. It forgets the batch: call it once per row,
// after Batch, with that batch's outcomes.
func (is *ImportSession) Landed(line int, out Outcome) (Person, bool) {
	pl, ok := is.landed[line]
	delete(is.landed, line)
	if !ok || out == Rejected || pl.rec.ID == 0 {
		return Person{}, false
	}
	return pl.rec, true
}
