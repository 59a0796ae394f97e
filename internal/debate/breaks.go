package debate

import (
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// Bracket is the elimination rounds after the break: the broken teams by
// seed (Seeds[0] is seed 1), the debates of each round played or to
// play, and each round's winners. Seed 1 meets seed N, 2 meets N−1, and
// so on, in the standard bracket order that keeps the top two seeds apart
// until the final; later rounds pair the winners of neighbouring
// debates. The higher seed argues proposition.
type Bracket struct {
	Seeds   []int64
	Rounds  [][]Debate
	Winners [][]int64
}

// Break takes the top size teams of the ranked standings into the
// elimination rounds. size is a power of two, from 2 up to the number of
// teams.
func Break(standings []Standing, size int) (*Bracket, error) {
	if size < 2 || size > len(standings) || size&(size-1) != 0 {
		return nil, errs.Validation(errs.Field("break_size", "error.debate_break_size", "Max", len(standings)))
	}
	ss := slices.Clone(standings)
	slices.SortFunc(ss, func(a, b Standing) int { return a.Rank - b.Rank })
	b := &Bracket{}
	for _, s := range ss[:size] {
		b.Seeds = append(b.Seeds, s.Team.ID)
	}
	var first []Debate
	for _, seed := range bracketOrder(size) {
		first = append(first, Debate{Prop: b.Seeds[seed-1], Opp: b.Seeds[size-seed]})
	}
	b.Rounds = [][]Debate{first}
	return b, nil
}

// bracketOrder lists the higher seeds of the first round's debates so
// that neighbours meet next: 1, 4, 2, 3 for eight teams (1 v 8, 4 v 5,
// 2 v 7, 3 v 6), and seeds 1 and 2 reach the final only by winning.
func bracketOrder(size int) []int {
	order := []int{1}
	for m := 2; m <= size/2; m *= 2 {
		next := make([]int, 0, m)
		for _, s := range order {
			next = append(next, s, m+1-s)
		}
		order = next
	}
	return order
}

// Current returns the debates still to decide, or nil when the final is
// decided.
func (b *Bracket) Current() []Debate {
	if len(b.Winners) == len(b.Rounds) {
		return nil
	}
	return b.Rounds[len(b.Rounds)-1]
}

// Record takes the winners of the current round, one per debate in
// order, and draws the next round.
func (b *Bracket) Record(winners []int64) error {
	cur := b.Current()
	if cur == nil {
		return errs.New(errs.Conflict, "error.debate_elim_over")
	}
	if len(winners) != len(cur) {
		return errs.Validation(errs.Field("winners", "error.debate_elim_results", "Count", len(cur)))
	}
	for i, w := range winners {
		if w != cur[i].Prop && w != cur[i].Opp {
			return errs.Validation(errs.Field("winners", "error.debate_elim_winner"))
		}
	}
	b.Winners = append(b.Winners, slices.Clone(winners))
	if len(winners) == 1 {
		return nil
	}
	seed := make(map[int64]int, len(b.Seeds))
	for i, id := range b.Seeds {
		seed[id] = i
	}
	var next []Debate
	for i := 0; i < len(winners); i += 2 {
		hi, lo := winners[i], winners[i+1]
		if seed[lo] < seed[hi] {
			hi, lo = lo, hi
		}
		next = append(next, Debate{Prop: hi, Opp: lo})
	}
	b.Rounds = append(b.Rounds, next)
	return nil
}

// Qualifiers lists the broken teams by how far they went (the champion,
// then the finalist, then the semi-finalists, …), by seed within a stage,
// and returns the first k: the teams that go on, say, to the national cup.
func (b *Bracket) Qualifiers(k int) []int64 {
	reached := make(map[int64]int, len(b.Seeds))
	for r, ws := range b.Winners {
		for _, w := range ws {
			reached[w] = r + 1
		}
	}
	order := slices.Clone(b.Seeds) // already by seed
	slices.SortStableFunc(order, func(x, y int64) int { return reached[y] - reached[x] })
	return order[:min(k, len(order))]
}
