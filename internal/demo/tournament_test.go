package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/tournament"
)

// TestTheDebateTournament: 16 teams, four preliminary rounds with no
// pairing repeated and every ballot in, the break of four decided through
// the final, and two qualifiers for the national cup.
func TestTheDebateTournament(t *testing.T) {
	_, svc := seeded(t)
	ts, _, err := svc.Tournaments.List(ctx, access.System, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, x := range ts {
		if x.Name == demo.TournamentName {
			id = x.ID
		}
	}
	b, err := svc.Tournaments.Book(ctx, access.System, id)
	if err != nil {
		t.Fatal(err)
	}
	prelims, elims := b.Stage(tournament.Prelim), b.Stage(tournament.Elim)
	if b.State != tournament.Finished || len(b.Teams) != 16 || len(prelims) != 4 || len(elims) != 2 {
		t.Fatalf("state %s, %d teams, %d preliminary and %d elimination rounds", b.State, len(b.Teams), len(prelims), len(elims))
	}
	met := map[[2]int64]int{}
	for _, r := range prelims {
		if len(r.Debates) != 8 || !r.Complete() {
			t.Errorf("round %d: %d debates, complete %v", r.Number, len(r.Debates), r.Complete())
		}
		for _, d := range r.Debates {
			k := [2]int64{min(d.Prop, d.Opp), max(d.Prop, d.Opp)}
			if met[k]++; met[k] > 1 {
				t.Errorf("teams %d and %d met twice in the preliminaries", k[0], k[1])
			}
		}
	}
	if len(elims[0].Debates) != 2 || len(elims[1].Debates) != 1 || !elims[1].Complete() {
		t.Errorf("semi-finals %d, final %d", len(elims[0].Debates), len(elims[1].Debates))
	}
	q, err := b.Qualified()
	if err != nil || len(q) != 2 {
		t.Errorf("qualifiers %v, %v", q, err)
	}
	regions := map[string]bool{}
	for _, tm := range b.Teams {
		regions[tm.Region] = true
	}
	if len(regions) < 3 {
		t.Errorf("teams of %d regions", len(regions))
	}
}
