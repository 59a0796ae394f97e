package dedupe

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/linkage"
	"github.com/jolproject/jol/internal/linkage/names"
	"github.com/jolproject/jol/internal/store"
)

// Why a scan ran.
const (
	ByRequest  = "request"
	ByImport   = "import"
	BySchedule = "schedule"
	BySeed     = "seed" // the sample data's
)

// Scan is one run over the registry.
type Scan struct {
	ID         int64     `json:"id"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at,omitzero"`
	Reason     string    `json:"reason"`
	Persons    int       `json:"persons"`   // live records read
	Pairs      int       `json:"pairs"`     // likely pairs found, decided ones too
	NewPairs   int       `json:"new_pairs"` // of them, pairs not queued before
	TookMS     int64     `json:"took_ms"`
}

// MinProbability is the least probability of one person a pair must
// have to be queued. The engine's clerical band reaches down to 1/20,
// where on a registry of families most pairs are brothers and sisters,
// or namesakes born years apart: reviewers would wade through hundreds
// of them to find the few that matter.
const MinProbability = 0.2

// candidate is a likely pair a scan found, by person id, a < b.
type candidate struct {
	a, b          int64
	weight, prob  float64
	agree, differ []string
}

// Run scans the whole registry now: it reads the live persons, finds
// the likely pairs with the engine and writes them into the queue (see
// UpsertPair), then drops the pending pairs no longer found. by is the
// user who asked, 0 for none.
func (s *Service) Run(ctx context.Context, reason string, by int64) (Scan, error) {
	start := s.clock()
	sc := Scan{StartedAt: start, Reason: reason}
	if err := s.d.DB.W.QueryRowContext(ctx, s.q.InsertScan, start, reason, store.NullID(by)).Scan(&sc.ID); err != nil {
		return Scan{}, fmt.Errorf("start a duplicate scan: %w", err)
	}
	d, ids, err := s.read(ctx)
	if err != nil {
		return Scan{}, err
	}
	sc.Persons = len(ids)
	cands := find(d, ids)
	sc.Pairs = len(cands)
	err = s.writeTx(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
		rows := make([][]any, len(cands))
		for i, c := range cands {
			rows[i] = []any{c.a, c.b, c.weight, c.prob, strings.Join(c.agree, ","), strings.Join(c.differ, ","),
				start, sc.ID}
		}
		var before, after int
		if err := tx.QueryRowContext(ctx, s.q.CountPairs).Scan(&before); err != nil {
			return err
		}
		if err := store.BulkExec(ctx, conn, s.q.UpsertPair, rows); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.CountPairs).Scan(&after); err != nil {
			return err
		}
		sc.NewPairs = after - before
		if _, err := tx.ExecContext(ctx, s.q.DropStale, sc.ID); err != nil {
			return err
		}
		sc.FinishedAt = s.clock()
		sc.TookMS = s.d.Now().Sub(start).Milliseconds()
		_, err := tx.ExecContext(ctx, s.q.FinishScan, sc.ID, sc.FinishedAt, sc.Persons, sc.Pairs, sc.NewPairs, sc.TookMS)
		return err
	})
	if err != nil {
		return Scan{}, fmt.Errorf("write the duplicate queue: %w", err)
	}
	return sc, nil
}

// read streams the live persons into a dataset; ids[i] is record i's.
func (s *Service) read(ctx context.Context) (*linkage.Dataset, []int64, error) {
	rows, err := s.d.DB.R.QueryContext(ctx, s.q.LivePersons)
	if err != nil {
		return nil, nil, fmt.Errorf("read the registry: %w", err)
	}
	defer rows.Close()
	d := linkage.NewDataset(linkage.NewLexicon())
	d.RegionCodes = true // paths such as /KZ/KZ-71/: the same or not
	var ids []int64
	for rows.Next() {
		var id int64
		var in linkage.Input
		var birth sql.NullTime
		var sex, region string
		if err := rows.Scan(&id, &in.Last, &in.First, &in.Patronymic, &birth, &sex, &in.NatID, &region); err != nil {
			return nil, nil, fmt.Errorf("read the registry: %w", err)
		}
		fill(&in, birth.Time, sex, region)
		d.Add(in)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read the registry: %w", err)
	}
	return d, ids, nil
}

// fill completes an input from a person's stored birth date, sex and
// region path: the date packed (zero when unknown), the sex as the
// engine reads it, the ID's digits, and the region down to the district
// (a settlement is too fine: families move within a district).
func fill(in *linkage.Input, birth time.Time, sex, regionPath string) {
	if !birth.IsZero() {
		in.Birth = linkage.MakeDate(birth.Year(), int(birth.Month()), birth.Day())
	}
	switch sex {
	case "M":
		in.Sex = linkage.SexMale
	case "F":
		in.Sex = linkage.SexFemale
	}
	in.NatID = names.Digits(in.NatID)
	parts := strings.Split(strings.Trim(regionPath, "/"), "/")
	in.Region = strings.Join(parts[:min(len(parts), 3)], "/")
}

// find deduplicates d and returns its likely pairs, best first: every
// pair within a cluster the engine formed, and the pairs of its review
// band, each with the engine's weight and the agreement of its fields.
func find(d *linkage.Dataset, ids []int64) []candidate {
	if d.Len() < 2 {
		return nil
	}
	res := linkage.Dedup(d)
	var out []candidate
	for _, p := range res.Pairs {
		g := agreements(p.Fields)
		if contradicts(g) {
			continue
		}
		c := candidate{a: ids[p.Left], b: ids[p.Right], weight: p.Weight, prob: res.Model.Posterior(p.Weight)}
		if c.prob < MinProbability {
			continue
		}
		if c.a > c.b {
			c.a, c.b = c.b, c.a
		}
		for _, f := range Fields() {
			switch g[f] {
			case Agree, Alike:
				c.agree = append(c.agree, f)
			case Differ:
				c.differ = append(c.differ, f)
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y candidate) int {
		if c := cmp.Compare(y.weight, x.weight); c != 0 {
			return c
		}
		return cmp.Compare(x.a, y.a)
	})
	return out
}

// contradicts reports whether a graded pair is two people whatever its
// weight: two different ID numbers; or, without an ID number that
// agrees, two different dates of birth (not a typo, a swap of day and
// month or a year apart), or a different last name, first name or
// patronymic ("different" is the engine's disagreement: not one name in
// two scripts, spellings or with a typo, nor first and last name
// swapped). The engine fits its weights to the registry itself, where
// twins (one last name, patronymic, birth date and place, two first
// names) and children of one first name and patronymic born the same day
// in one district are common enough to weigh as matches; a reviewer
// would only ever say "not the same person" to them.
func contradicts(g map[string]Agreement) bool {
	switch g[FieldNationalID] {
	case Differ:
		return true
	case Agree, Alike:
		return false
	}
	return g[FieldBirth] == Differ || g[FieldLast] == Differ || g[FieldFirst] == Differ || g[FieldPatronymic] == Differ
}

// writeTx runs fn in a transaction on one connection of the writer, so
// fn can write in bulk on it (store.BulkExec).
func (s *Service) writeTx(ctx context.Context, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	conn, err := s.d.DB.W.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(conn, tx); err != nil {
		return err
	}
	return tx.Commit()
}
