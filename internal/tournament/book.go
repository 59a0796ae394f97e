package tournament

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Book is everything stored of a tournament: the record the pages show
// and the package debate computes from.
type Book struct {
	Tournament
	Teams  []Team  `json:"teams"`
	Judges []Judge `json:"judges"`
	Rounds []Round `json:"rounds"`
}

// Book reads tournament id whole; p needs ViewTournaments.
func (s *Service) Book(ctx context.Context, p access.Principal, id int64) (*Book, error) {
	t, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return s.book(ctx, s.db.R, t)
}

func (s *Service) book(ctx context.Context, q store.Querier, t Tournament) (*Book, error) {
	b := &Book{Tournament: t}
	var err error
	if b.Teams, err = store.Select(ctx, q, scanTeam, s.q.Teams, t.ID); err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(b.Teams))
	for i, tm := range b.Teams {
		at[tm.ID] = i
	}
	type member struct {
		team int64
		Member
	}
	ms, err := store.Select(ctx, q, func(sc store.Scanner) (member, error) {
		var m member
		var last, first string
		err := sc.Scan(&m.team, &m.YouthID, &last, &first, &m.RegionPath)
		m.Name = strings.TrimSpace(last + " " + first)
		return m, err
	}, s.q.Members, t.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		tm := &b.Teams[at[m.team]]
		tm.Members = append(tm.Members, m.Member)
	}
	if b.Judges, err = store.Select(ctx, q, scanJudge, s.q.Judges, t.ID); err != nil {
		return nil, err
	}
	if b.Rounds, err = store.Select(ctx, q, scanRound, s.q.Rounds, t.ID); err != nil {
		return nil, err
	}
	return b, s.debates(ctx, q, b)
}

// debates reads the debates of b's rounds and their ballots.
func (s *Service) debates(ctx context.Context, q store.Querier, b *Book) error {
	round := make(map[int64]int, len(b.Rounds))
	for i, r := range b.Rounds {
		round[r.ID] = i
	}
	ballots, err := store.Select(ctx, q, scanBallot, s.q.Ballots, b.ID)
	if err != nil {
		return err
	}
	byDebate := make(map[int64]*Ballot, len(ballots))
	for i := range ballots {
		byDebate[ballots[i].debate] = &ballots[i].Ballot
	}
	rows, err := q.QueryContext(ctx, s.q.Debates, b.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d Debate
		var roundID int64
		var pos int
		var judges string
		if err := rows.Scan(&d.ID, &roundID, &pos, &d.Prop, &d.Opp, &judges); err != nil {
			return err
		}
		d.Judges, d.Ballot = parseIDs(judges), byDebate[d.ID]
		r := &b.Rounds[round[roundID]]
		r.Debates = append(r.Debates, d)
	}
	return rows.Err()
}

func scanTeam(sc store.Scanner) (Team, error) {
	var t Team
	return t, sc.Scan(&t.ID, &t.Name, &t.School, &t.Region)
}

func scanJudge(sc store.Scanner) (Judge, error) {
	var j Judge
	return j, sc.Scan(&j.ID, &j.Name, &j.UserID, &j.School, &j.Region, &j.Strength)
}

func scanRound(sc store.Scanner) (Round, error) {
	var r Round
	var notes string
	var pub sql.NullTime
	if err := sc.Scan(&r.ID, &r.Stage, &r.Number, &r.Bye, &notes, &pub, &r.CreatedAt); err != nil {
		return r, err
	}
	r.CreatedAt = r.CreatedAt.UTC()
	if pub.Valid {
		at := pub.Time.UTC()
		r.PublishedAt = &at
	}
	return r, json.Unmarshal([]byte(notes), &r.Notes)
}

type storedBallot struct {
	debate int64
	Ballot
}

func scanBallot(sc store.Scanner) (storedBallot, error) {
	var b storedBallot
	var prop, opp string
	err := sc.Scan(&b.debate, &b.Winner, &prop, &opp, &b.Version, &b.EnteredAt)
	b.PropScores, b.OppScores, b.EnteredAt = parseInts(prop), parseInts(opp), b.EnteredAt.UTC()
	return b, err
}

func parseIDs(s string) []int64 {
	var out []int64
	for _, f := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

func parseInts(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func joinInts[T int | int64](xs []T) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(int64(x), 10))
	}
	return b.String()
}
