package appeals

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Get returns appeal id with the persons and requests it links, for p,
// and writes to the access log that p read it when it names a person:
// via is the surface ("web", "api"). An appeal outside p's scope is not
// found.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64, via string) (Appeal, error) {
	a, err := s.visible(ctx, p, s.db.R, id)
	if err != nil {
		return Appeal{}, err
	}
	if err := s.named(ctx, p, []*Appeal{&a}); err != nil {
		return Appeal{}, err
	}
	if err := s.readLinks(ctx, p, &a); err != nil {
		return Appeal{}, err
	}
	if a.PersonID != 0 || len(a.People) > 0 {
		if err := s.log.ViewedIn(ctx, p, "appeal", itoa(a.ID), a.Target(), via); err != nil {
			return Appeal{}, err
		}
	}
	return a, nil
}

// visible reads appeal id through q once p may see it.
func (s *Service) visible(ctx context.Context, p access.Principal, q store.Querier, id int64) (Appeal, error) {
	if err := access.Can(p, access.ViewAppeals, p.Scope()); err != nil {
		return Appeal{}, err
	}
	a, err := scanAppeal(q.QueryRowContext(ctx, s.q.ByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Appeal{}, errs.ErrNotFound
	} else if err != nil {
		return Appeal{}, fmt.Errorf("appeal %d: %w", id, err)
	}
	if !access.Within(p, a.Target()) {
		return Appeal{}, errs.ErrNotFound
	}
	return a, nil
}

// editable is Get without the access log, for a change by p, who needs
// RecordAppeals on the appeal.
func (s *Service) editable(ctx context.Context, p access.Principal, id int64) (Appeal, error) {
	a, err := s.visible(ctx, p, s.db.R, id)
	if err != nil {
		return Appeal{}, err
	}
	if err := access.Can(p, access.RecordAppeals, a.Target()); err != nil {
		return Appeal{}, err
	}
	return a, s.readLinks(ctx, p, &a)
}

// named fills in the registry's names of the callers p may see, in one
// scoped query.
func (s *Service) named(ctx context.Context, p access.Principal, as []*Appeal) error {
	var ids []int64
	for _, a := range as {
		if a.PersonID != 0 {
			ids = append(ids, a.PersonID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	names, err := s.people.PersonNames(ctx, p, ids)
	if err != nil {
		return err
	}
	for _, a := range as {
		a.PersonName = names[a.PersonID]
	}
	return nil
}

func scanAppeal(sc store.Scanner) (Appeal, error) {
	var a Appeal
	var answeredOn, answeredAt sql.NullTime
	err := sc.Scan(&a.ID, &a.Kind, &a.Channel, &a.Status, &a.PersonID, &a.CallerName, &a.CallerPhone, &a.Subject,
		&a.RegionID, &a.RegionCode, &a.RegionPath, &a.OrgID, &a.OrgPath, &a.OrgName, &a.CampaignID, &a.AssigneeID,
		&a.Assignee, &a.ReceivedAt, &a.WorkingDays, &a.DueOn, &a.Outcome, &a.Answer, &answeredOn, &answeredAt,
		&a.AnsweredBy, &a.Version, &a.CreatedBy, &a.UpdatedAt)
	a.ReceivedAt, a.DueOn, a.UpdatedAt = a.ReceivedAt.UTC(), store.Day(a.DueOn.UTC()), a.UpdatedAt.UTC()
	a.AnsweredOn, a.AnsweredAt = store.Day(store.TimeOf(answeredOn)), store.TimeOf(answeredAt)
	return a, err
}
