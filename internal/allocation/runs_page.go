package allocation

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// RunPage lists a page of campaign id's runs, the latest first, and the
// cursor of the next page ("" on the last): the list pages of the web and
// the API read the runs this way, like every list of Jol.
func (s *Service) RunPage(ctx context.Context, p access.Principal, id int64, pg store.Page) ([]Run, string, error) {
	if _, err := s.campaignFor(ctx, p, id, ViewAction); err != nil {
		return nil, "", err
	}
	list, err := store.Select(ctx, s.db.R, scanRun, s.q.RunPage, id, pg.BeforeArg(), pg.LimitArg(), pg.SkipArg())
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, list, func(r Run) int64 { return r.ID })
	return list, next, nil
}

// RunsCount counts what RunPage pages through, up to store.CountCap.
func (s *Service) RunsCount(ctx context.Context, p access.Principal, id int64) (store.Count, error) {
	if _, err := s.campaignFor(ctx, p, id, ViewAction); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountRuns, id, store.CountArg())
}
