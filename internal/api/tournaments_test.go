package api

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/youth"
)

// TestTournamentAPI runs a tournament of two teams through the API: one
// preliminary round, a final, the results; a ballot before publishing
// and one with both sides winning are refused; a volunteer is refused.
func TestTournamentAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	coord := f.token[access.Coordinator]
	var members []int64
	for i := range 4 {
		r, err := f.svc.Youth.Register(t.Context(), youth.FormPrincipal(f.org.ID, f.org.Path), f.org.ID, youth.Input{
			LastName: "Debater", FirstName: fmt.Sprint("No", i), Birth: testworld.Day(2006, 5, 1+i), RegionCode: "KZ-75",
			Settlement: youth.Urban, Status: youth.NEET, Field: "media", Language: "ru",
			Contact: youth.Contact{Phone: fmt.Sprintf("+7 705 %07d", i)}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}})
		check(t, err)
		members = append(members, r.ID)
	}
	r := f.do(t, "POST", Prefix+"/tournaments", coord, map[string]any{"name": "Duel", "prelims": 1, "break_size": 2, "qualifiers": 1,
		"rules": map[string]int{"speakers": 2, "min_score": 60, "max_score": 80, "panel_size": 1}})
	if r.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", r.Code, r.Body)
	}
	tr := decodeAs[tournament.Tournament](t, r)
	base := fmt.Sprintf("%s/tournaments/%d", Prefix, tr.ID)
	for i := range 2 {
		if r := f.do(t, "POST", base+"/teams", coord, map[string]any{"name": fmt.Sprint("Team ", i), "members": members[2*i : 2*i+2]}); r.Code != http.StatusCreated {
			t.Fatalf("team: %d %s", r.Code, r.Body)
		}
	}
	play := func(path string) tournament.Round {
		t.Helper()
		r := f.do(t, "POST", base+path, coord, nil)
		if r.Code != http.StatusCreated {
			t.Fatalf("%s: %d %s", path, r.Code, r.Body)
		}
		round := decodeAs[tournament.Round](t, r)
		ballot := fmt.Sprintf("%s/debates/%d/ballot", base, round.Debates[0].ID)
		good := map[string]any{"winner": "opp", "prop_scores": []int{70, 70}, "opp_scores": []int{72, 72}}
		if r := f.do(t, "PUT", ballot, coord, good); r.Code != http.StatusConflict {
			t.Errorf("a ballot before publishing: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "POST", fmt.Sprintf("%s/rounds/%d/publish", base, round.ID), coord, nil); r.Code != http.StatusNoContent {
			t.Fatalf("publish: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "PUT", ballot, coord, map[string]any{"winner": "both", "prop_scores": []int{70, 70}, "opp_scores": []int{72, 72}}); r.Code != http.StatusUnprocessableEntity {
			t.Errorf("both winning: %d %s", r.Code, r.Body)
		}
		if r := f.do(t, "PUT", ballot, coord, good); r.Code != http.StatusOK {
			t.Fatalf("ballot: %d %s", r.Code, r.Body)
		}
		return round
	}
	round := play("/rounds")
	if r := f.do(t, "POST", base+"/rounds", coord, nil); r.Code != http.StatusConflict {
		t.Errorf("a second preliminary round of one: %d %s", r.Code, r.Body)
	}
	play("/break")
	st := decodeAs[tournament.Standings](t, f.do(t, "GET", base+"/standings", coord, nil))
	// Round 1's winner is seed 1 and argues the proposition in the
	// final, which the opposition wins: round 1's loser is the champion.
	if len(st.Qualified) != 1 || st.Qualified[0] != round.Debates[0].Prop {
		t.Errorf("qualified %v, want %d", st.Qualified, round.Debates[0].Prop)
	}
	res := decodeAs[struct{ Items []tournament.Result }](t, f.do(t, "GET", base+"/results", coord, nil))
	if len(res.Items) != 4 || res.Items[0].Rank != 1 || res.Items[0].Score != 70 || res.Items[3].Rank != 2 {
		t.Errorf("results %+v", res.Items)
	}
	if r := f.do(t, "GET", Prefix+"/tournaments", f.token[access.Volunteer], nil); r.Code != http.StatusForbidden {
		t.Errorf("a volunteer lists tournaments: %d", r.Code)
	}
}
