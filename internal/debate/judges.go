package debate

import (
	"slices"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/flow"
)

// Judge is an adjudicator. Strength is the tab room's rating, 0 to
// MaxStrength; Conflicts lists teams the judge must not judge (a former
// coach, a relative) beyond those of their own school and region.
type Judge struct {
	ID        int64
	School    string
	Region    string
	Strength  int
	Conflicts []int64
}

// MaxStrength is the top of a judge's rating.
const MaxStrength = 100

// Panel is the judges of one debate, strongest first: the first chairs.
type Panel struct {
	Debate Debate
	Judges []int64
}

// Allocation is the judges' panels of a round, in the draw's order, and
// the panels that could not be filled.
type Allocation struct {
	Panels   []Panel
	Shortage []Relaxation // RelaxJudges: Need judges were wanted, Have found
}

// RelaxJudges reports a panel short of judges without a conflict: the
// debate of teams A and B has Have of the Need judges.
const RelaxJudges = "debate.judges.short"

// conflicted says whether judge j may not judge team tm.
func conflicted(j Judge, tm Team) bool {
	return j.School != "" && j.School == tm.School ||
		j.Region != "" && j.Region == tm.Region ||
		slices.Contains(j.Conflicts, tm.ID)
}

// AllocateJudges seats panels of t.Rules.PanelSize on the debates of a
// draw, listed from the top bracket down as Pair returns them. No judge
// sits on two panels or judges a team they are conflicted with. Among
// the allocations that fill the most seats, it maximises the sum over
// seated judges of strength × the debate's importance (the number of
// debates below it), so the strongest judges go to the top debates. A
// panel it cannot fill is reported in Shortage, never filled with a
// conflict.
func AllocateJudges(t Tournament, debates []Debate, judges []Judge) (Allocation, error) {
	if err := t.Validate(); err != nil {
		return Allocation{}, err
	}
	if err := validateJudges(judges); err != nil {
		return Allocation{}, err
	}
	idx := t.index()
	for _, d := range debates {
		for _, id := range []int64{d.Prop, d.Opp} {
			if _, ok := idx[id]; !ok {
				return Allocation{}, errs.New(errs.Invalid, "error.debate_unknown_team", "ID", id)
			}
		}
	}
	size := int64(t.Rules.PanelSize)
	seats := size * int64(len(debates))
	g := flow.NewGraph(0, 0)
	src, sink := g.AddNode(), g.AddNode()
	g.SetSupply(src, seats)
	g.SetSupply(sink, -seats)
	// An empty seat costs more than all seated judges together can gain,
	// so the most seats are filled first.
	empty := MaxStrength*int64(len(debates))*seats + 1
	g.AddArc(src, sink, seats, empty)
	first := g.AddNodes(len(debates))
	for d := range debates {
		g.AddArc(first+d, sink, size, 0)
	}
	type seat struct{ judge, debate, arc int }
	var arcs []seat
	for j, jd := range judges {
		node := g.AddNode()
		g.AddArc(src, node, 1, 0)
		for d, db := range debates {
			if conflicted(jd, t.Teams[idx[db.Prop]]) || conflicted(jd, t.Teams[idx[db.Opp]]) {
				continue
			}
			importance := int64(len(debates) - d)
			arcs = append(arcs, seat{j, d, g.AddArc(node, first+d, 1, -int64(jd.Strength)*importance)})
		}
	}
	sol, err := g.Solve()
	if err != nil {
		return Allocation{}, err // cannot happen: the bypass keeps it feasible
	}
	al := Allocation{Panels: make([]Panel, len(debates))}
	for d, db := range debates {
		al.Panels[d].Debate = db
	}
	for _, s := range arcs {
		if sol.Flow[s.arc] == 1 {
			al.Panels[s.debate].Judges = append(al.Panels[s.debate].Judges, judges[s.judge].ID)
		}
	}
	strength := make(map[int64]int, len(judges))
	for _, j := range judges {
		strength[j.ID] = j.Strength
	}
	for d := range al.Panels {
		p := &al.Panels[d]
		slices.SortStableFunc(p.Judges, func(a, b int64) int { return strength[b] - strength[a] })
		if have := len(p.Judges); int64(have) < size {
			al.Shortage = append(al.Shortage, Relaxation{Key: RelaxJudges,
				Teams: [2]int64{p.Debate.Prop, p.Debate.Opp}, Args: []any{"Have", have, "Need", size}})
		}
	}
	return al, nil
}

func validateJudges(judges []Judge) error {
	seen := make(map[int64]bool, len(judges))
	for _, j := range judges {
		if j.ID <= 0 || seen[j.ID] {
			return errs.Validation(errs.Field("judges", "error.debate_judge_ids"))
		}
		seen[j.ID] = true
		if j.Strength < 0 || j.Strength > MaxStrength {
			return errs.Validation(errs.Field("judges", "error.debate_judge_strength", "Max", MaxStrength))
		}
	}
	return nil
}
