package tournament

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/kit"
)

// roundView is a round's draw: its debates with their panels and
// ballots, the bye, the rules the draw relaxed and why, and a ballot
// form for each debate while the round is open.
type roundView struct {
	Page
	Book      *tournament.Book
	Round     *tournament.Round
	Notes     []string
	Names     func(int64) string
	Judges    map[int64]string
	Open      bool // ballots may be entered
	CanManage bool
	Rows      []debateRow
	Speakers  []int
	Sides     []string
}

// debateRow is one debate of the draw as the page shows it.
type debateRow struct {
	ID                  int64
	PropName, OppName   string
	JudgeNames          []string
	Winner              string // the winning team's name once decided
	PropTotal, OppTotal int
	Form                *form
}

// Round shows round {round} of tournament {id}.
func (s *Server) Round(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.round(w, r, rq, 0, nil, http.StatusOK)
}

func (s *Server) round(w http.ResponseWriter, r *http.Request, rq *request, debateID int64, bf *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	roundID, err := kit.FormID(r.PathValue("round"))
	if err != nil {
		return err
	}
	b, err := s.svc.Tournaments.Book(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := roundView{Page: s.Page(r, rq, "tournaments.round"), Book: b, Names: names(b), Judges: map[int64]string{},
		CanManage: access.Can(rq.P, access.ManageTournaments, b.Target()) == nil, Sides: []string{"prop", "opp"}}
	for i := range b.Rounds {
		if b.Rounds[i].ID == roundID {
			v.Round = &b.Rounds[i]
		}
	}
	if v.Round == nil {
		return kit.ErrNotFound
	}
	stage := "tournaments.prelim_round"
	if v.Round.Stage == tournament.Elim {
		stage = "tournaments.elim_round"
	}
	v.Title = rq.L.T(stage, "Number", v.Round.Number) + " · " + b.Name
	for _, n := range v.Round.Notes {
		key, args := n.Message(v.Names)
		v.Notes = append(v.Notes, rq.L.T(key, args...))
	}
	for _, j := range b.Judges {
		v.Judges[j.ID] = j.Name
	}
	latest := b.Latest()
	v.Open = v.CanManage && v.Round.PublishedAt != nil && latest != nil && latest.ID == v.Round.ID
	for i := range b.Rules.Speakers {
		v.Speakers = append(v.Speakers, i+1)
	}
	for _, d := range v.Round.Debates {
		f := kit.NewForm(nil, ballotFields(b.Rules.Speakers)...)
		if d.Ballot != nil {
			f.Values["winner"] = d.Ballot.Winner
			for i, x := range d.Ballot.PropScores {
				f.Values["prop_"+strconv.Itoa(i+1)] = strconv.Itoa(x)
			}
			for i, x := range d.Ballot.OppScores {
				f.Values["opp_"+strconv.Itoa(i+1)] = strconv.Itoa(x)
			}
		}
		if d.ID == debateID {
			f = bf
		}
		row := debateRow{ID: d.ID, PropName: v.Names(d.Prop), OppName: v.Names(d.Opp), Form: f}
		for _, j := range d.Judges {
			row.JudgeNames = append(row.JudgeNames, v.Judges[j])
		}
		if bl := d.Ballot; bl != nil {
			row.Winner, row.PropTotal, row.OppTotal = row.OppName, sum(bl.PropScores), sum(bl.OppScores)
			if bl.Winner == "prop" {
				row.Winner = row.PropName
			}
		}
		v.Rows = append(v.Rows, row)
	}
	s.Render(w, status, "tournament_round", &v)
	return nil
}

// Publish publishes round {round}'s draw.
func (s *Server) Publish(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	roundID, err := kit.FormID(r.PathValue("round"))
	if err != nil {
		return err
	}
	if err := s.svc.Tournaments.Publish(r.Context(), rq.P, id, roundID); err != nil {
		return err
	}
	s.Flash(r, "tournaments.published")
	return kit.SeeOther(w, r, url(id, "rounds", kit.Itoa(roundID)))
}

func ballotFields(speakers int) []string {
	out := []string{"winner"}
	for _, side := range []string{"prop_", "opp_"} {
		for i := range speakers {
			out = append(out, side+strconv.Itoa(i+1))
		}
	}
	return out
}

// Ballot enters the ballot of debate {debate} of round {round}.
func (s *Server) Ballot(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	debateID, err := kit.FormID(r.PathValue("debate"))
	if err != nil {
		return err
	}
	t, err := s.svc.Tournaments.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, ballotFields(t.Rules.Speakers)...)
	in := tournament.BallotInput{Winner: f.Values["winner"]}
	if len(r.PostForm["winner"]) > 1 {
		in.Winner = "both"
	}
	for i := range t.Rules.Speakers {
		in.PropScores = append(in.PropScores, kit.Count(rq, f, "prop_"+strconv.Itoa(i+1)))
		in.OppScores = append(in.OppScores, kit.Count(rq, f, "opp_"+strconv.Itoa(i+1)))
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Tournaments.EnterBallot(r.Context(), rq.P, id, debateID, in)
		if err == nil {
			s.Flash(r, "tournaments.ballot_saved")
			return kit.SeeOther(w, r, url(id, "rounds", r.PathValue("round"))+"#debate-"+kit.Itoa(debateID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		f.Move("prop_scores", "prop_1")
		f.Move("opp_scores", "opp_1")
	}
	return s.round(w, r, rq, debateID, f, http.StatusUnprocessableEntity)
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
