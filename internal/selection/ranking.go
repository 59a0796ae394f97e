package selection

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
)

// Rank ranks selection id's candidates (see the package's Rank) and
// stores every candidate's row. A collecting or ranked selection becomes
// ranked; during appeals an upheld appeal ranks it anew (rerank).
func (s *Service) Rank(ctx context.Context, p access.Principal, id int64) (Selection, error) {
	sel, err := s.writable(ctx, p, id, Collecting, Ranked)
	if err != nil {
		return Selection{}, err
	}
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		if err := tx.Lock(ctx, "selection:"+itoa(id)); err != nil {
			return err
		}
		n, err := s.rerank(ctx, tx, sel)
		if err != nil {
			return err
		}
		if err := s.setState(ctx, tx, sel, Ranked, time.Time{}); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "rank", Entity: "selection", EntityID: itoa(id),
			OrgPath: sel.OrgPath, RegionPath: sel.RegionPath, After: map[string]any{"candidates": n}})
	})
	if err != nil {
		return Selection{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// rerank computes sel's ranking from its scores and the macro-region
// table and replaces its rows; it answers the number of candidates. A
// candidate whose region has left the table stops it: the table must
// be mended first.
func (s *Service) rerank(ctx context.Context, tx *store.Tx, sel Selection) (int, error) {
	macros, err := s.macroMap(ctx, tx)
	if err != nil {
		return 0, err
	}
	type row struct {
		id     int64
		region string
		score  float64
	}
	rows, err := store.Select(ctx, tx, func(sc store.Scanner) (row, error) {
		var r row
		err := sc.Scan(&r.id, &r.region, &r.score)
		return r, err
	}, s.q.Candidates, sel.ID)
	if err != nil {
		return 0, err
	}
	cands := make([]Candidate, len(rows))
	regions := make(map[int64]string, len(rows))
	counts := map[Macro]int{}
	for i, r := range rows {
		code := topCode(r.region)
		m, ok := macros[code]
		if !ok {
			return 0, errs.New(errs.Conflict, "error.selection_unmapped", "ID", itoa(r.id), "Region", code)
		}
		cands[i] = Candidate{YouthID: r.id, Macro: m, Score: r.score}
		regions[r.id] = code
		counts[m]++
	}
	quotas := sel.Quotas
	if sel.QuotaMode == ProportionalQuotas {
		quotas = Proportional(counts, sel.Places)
		if err := s.writeQuotas(ctx, tx, sel.ID, quotas); err != nil {
			return 0, err
		}
	}
	placed := Rank(cands, quotas, sel.Places, sel.TieRule, sel.ID)
	if _, err := tx.ExecContext(ctx, s.q.DeleteResults, sel.ID); err != nil {
		return 0, err
	}
	st, err := tx.PrepareContext(ctx, s.q.InsertResult)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	for i, pl := range placed {
		if _, err := st.ExecContext(ctx, sel.ID, pl.YouthID, regions[pl.YouthID], pl.Macro, pl.Score, pl.MacroRank,
			pl.Quota, pl.Position, pl.Reason, i+1); err != nil {
			return 0, err
		}
	}
	return len(placed), nil
}

// Row is a candidate's row of a ranking as staff read it.
type Row struct {
	Ord       int        `json:"-"`
	YouthID   int64      `json:"youth_id"`
	LastName  string     `json:"last_name"`
	FirstName string     `json:"first_name"`
	Region    geo.Region `json:"region"` // the top-level region: code and names
	Macro     Macro      `json:"macro"`
	Score     float64    `json:"score"`
	MacroRank int        `json:"macro_rank"`
	Quota     int        `json:"quota"`
	Position  int        `json:"position"` // 0 when not selected
	Reason    Reason     `json:"reason"`
}

// Ranking returns a page of selection id's last ranking: the top list in
// order, then the others by score; macro narrows it to one macro-region
// ("" for all). The cursor is the row's order.
func (s *Service) Ranking(ctx context.Context, p access.Principal, id int64, macro Macro, after, limit int) ([]Row, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	limit = min(max(limit, 1), 1000)
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Row, error) {
		var r Row
		g := &r.Region
		err := sc.Scan(&r.Ord, &r.YouthID, &r.LastName, &r.FirstName, &g.Code, &g.NameEN, &g.NameKK, &g.NameRU,
			&g.NameFR, &g.NameFA, &r.Macro, &r.Score, &r.MacroRank, &r.Quota, &r.Position, &r.Reason)
		return r, err
	}, s.q.Results, id, string(macro), after, limit)
}
