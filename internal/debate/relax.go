package debate

// Relaxation is one wish a draw gave up, in a form every surface can
// explain in the user's language: Key is an i18n message key, Teams the
// teams concerned (the second 0 when there is one), Args further
// name/value pairs. Message adds the teams' names as A and B.
type Relaxation struct {
	Key   string
	Teams [2]int64
	Args  []any
}

// The relaxations a draw reports, from the most to the least important
// wish given up.
const (
	// RelaxRepeat: teams A and B meet again; Times is how many times
	// they will have met.
	RelaxRepeat = "debate.relax.repeat"
	// RelaxPullUp: team A, on Wins wins, meets team B from the bracket
	// of Bracket wins.
	RelaxPullUp = "debate.relax.pull_up"
	// RelaxSchool: teams A and B are both of school School.
	RelaxSchool = "debate.relax.same_school"
	// RelaxRegion: teams A and B are both of region Region.
	RelaxRegion = "debate.relax.same_region"
	// RelaxSides: team A takes a side it has had more often; after the
	// round it will have argued Prop times for the proposition and Opp
	// times for the opposition.
	RelaxSides = "debate.relax.sides"
)

// Message returns the message key and its arguments, with the teams'
// names (by name) as A and B.
func (r Relaxation) Message(name func(id int64) string) (key string, args []any) {
	args = append(args, "A", name(r.Teams[0]))
	if r.Teams[1] != 0 {
		args = append(args, "B", name(r.Teams[1]))
	}
	return r.Key, append(args, r.Args...)
}

// relaxations lists what the debates of a draw give up, most important
// first. The draw is optimal, so each was forced by a more important
// wish.
func (p *pairing) relaxations(debates []Debate) []Relaxation {
	var byTier [numTiers][]Relaxation
	for _, d := range debates {
		a, b := &p.ss[p.rank[d.Prop]], &p.ss[p.rank[d.Opp]]
		pair := [2]int64{d.Prop, d.Opp}
		if m := a.met(b.Team.ID); m > 0 {
			byTier[tierRepeat] = append(byTier[tierRepeat],
				Relaxation{Key: RelaxRepeat, Teams: pair, Args: []any{"Times", m + 1}})
		}
		if a.Wins != b.Wins {
			lo, hi := a, b
			if lo.Wins > hi.Wins {
				lo, hi = hi, lo
			}
			byTier[tierBracket] = append(byTier[tierBracket], Relaxation{Key: RelaxPullUp,
				Teams: [2]int64{lo.Team.ID, hi.Team.ID}, Args: []any{"Wins", lo.Wins, "Bracket", hi.Wins}})
		}
		if a.Team.School != "" && a.Team.School == b.Team.School {
			byTier[tierSchool] = append(byTier[tierSchool],
				Relaxation{Key: RelaxSchool, Teams: pair, Args: []any{"School", a.Team.School}})
		}
		if a.Team.Region != "" && a.Team.Region == b.Team.Region {
			byTier[tierRegion] = append(byTier[tierRegion],
				Relaxation{Key: RelaxRegion, Teams: pair, Args: []any{"Region", a.Team.Region}})
		}
		if prop, opp := a.Prop+1, a.Opp; abs(prop-opp) > 1 {
			byTier[tierSides] = append(byTier[tierSides], Relaxation{Key: RelaxSides,
				Teams: [2]int64{d.Prop, 0}, Args: []any{"Prop", prop, "Opp", opp}})
		}
		if prop, opp := b.Prop, b.Opp+1; abs(prop-opp) > 1 {
			byTier[tierSides] = append(byTier[tierSides], Relaxation{Key: RelaxSides,
				Teams: [2]int64{d.Opp, 0}, Args: []any{"Prop", prop, "Opp", opp}})
		}
	}
	var out []Relaxation
	for _, rs := range byTier {
		out = append(out, rs...)
	}
	return out
}
