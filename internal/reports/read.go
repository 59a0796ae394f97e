package reports

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// Get returns the report of campaign id, if p may read reports and see
// the campaign; not found when none was produced.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Report, error) {
	if err := access.Can(p, access.ViewReports, p.Scope()); err != nil {
		return Report{}, err
	}
	c, err := s.d.Campaigns.Get(ctx, p, id)
	if err != nil {
		return Report{}, err
	}
	if err := access.Can(p, access.ViewReports, c.Target()); err != nil {
		return Report{}, err
	}
	return s.get(ctx, id)
}

// Published returns the report of the campaign published as slug, for its
// public page: no principal, since a produced report is public (through
// Public, which shows its tables suppressed). A campaign without one is
// not found.
func (s *Service) Published(ctx context.Context, slug string) (Report, error) {
	c, err := s.d.Campaigns.Public(ctx, slug)
	if err != nil {
		return Report{}, err
	}
	return s.get(ctx, c.ID)
}

// Has reports whether campaign id has a report.
func (s *Service) Has(ctx context.Context, id int64) (bool, error) {
	var n int
	err := s.db.R.QueryRowContext(ctx, s.q.Exists, id).Scan(&n)
	return n > 0, err
}

func (s *Service) get(ctx context.Context, id int64) (Report, error) {
	r := Report{CampaignID: id}
	var data string
	err := s.db.R.QueryRowContext(ctx, s.q.Get, id).Scan(&r.ProducedAt, &r.ProducedBy, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return Report{}, errs.New(errs.NotFound, "error.report_none")
	}
	if err != nil {
		return Report{}, err
	}
	if err := json.Unmarshal([]byte(data), &r.Figures); err != nil {
		return Report{}, err
	}
	r.ProducedAt = r.ProducedAt.UTC()
	return r, nil
}
