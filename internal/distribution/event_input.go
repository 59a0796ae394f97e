package distribution

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// defaultLength is how long an event lasts when its end is not given.
const defaultLength = 8 * time.Hour

// checkEvent checks in and fills what it leaves out: the warehouse is
// open and p runs distributions there, the campaign is one its stock
// serves (of the organiser's subtree or a partner's, as allocation draws
// on: another organisation's campaign is unknown) and takes events (open
// or closed, neither a draft nor reported), the schools and centres are
// organisations of p's subtree (those the web's form offers p) and the
// staff are among those p may name (StaffChoices): a school, centre or
// user out of p's reach is refused as one that does not exist, so an
// event shows no name p may not see and lists no other organisation's
// children. Schools, centres and staff already on event before, when it
// is changed, stay allowed (staff while active): a coordinator above p
// may have named them.
func (s *Service) checkEvent(ctx context.Context, tx *sql.Tx, p access.Principal, in *EventInput, before *Event) error {
	in.Place, in.Note = text.Clean(in.Place), text.Clean(in.Note)
	fs := valid.Name(nil, "place", in.Place, MaxPlace)
	fs = valid.Note(fs, "note", in.Note)
	switch {
	case in.StartsAt.IsZero():
		fs = append(fs, errs.Field("starts_at", "error.required", "Field", "starts_at"))
	case in.EndsAt.IsZero():
		in.EndsAt = in.StartsAt.Add(defaultLength)
	case in.EndsAt.Before(in.StartsAt):
		fs = append(fs, errs.Field("ends_at", "error.event_ends_before"))
	}
	in.StartsAt, in.EndsAt = in.StartsAt.UTC(), in.EndsAt.UTC()
	w, err := s.stock.Warehouse(ctx, p, in.WarehouseID)
	usable := false
	switch {
	case errs.CodeOf(err) == errs.NotFound:
		fs = append(fs, errs.Field("warehouse_id", "error.stock_warehouse_unknown"))
	case err != nil:
		return err
	case access.Can(p, access.RunDistribution, w.Target()) != nil:
		fs = append(fs, errs.Field("warehouse_id", "error.org_out_of_scope"))
	case !w.Active:
		fs = append(fs, errs.Field("warehouse_id", "error.stock_warehouse_closed", "Warehouse", w.Name))
	default:
		usable = true
	}
	var status string
	var served bool
	err = tx.QueryRowContext(ctx, s.q.CampaignOf, in.CampaignID, w.Target().OrgPath).Scan(&status, &served)
	switch {
	case errors.Is(err, sql.ErrNoRows) || err == nil && usable && !served:
		fs = append(fs, errs.Field("campaign_id", "error.event_campaign_unknown"))
	case err != nil:
		return err
	case status != "open" && status != "closed":
		fs = append(fs, errs.Field("campaign_id", "error.event_campaign_closed"))
	}
	if in.WholePoint {
		in.OrgIDs = nil
	}
	in.OrgIDs, in.StaffIDs = distinct(in.OrgIDs), distinct(in.StaffIDs)
	for _, id := range in.OrgIDs {
		lo, hi := access.Span(p.OrgPath)
		if before != nil && named(before.Orgs, id) {
			lo, hi = access.Span("")
		}
		var n Named
		err := tx.QueryRowContext(ctx, s.q.OrgByID, id, lo, hi).Scan(&n.ID, &n.Name, &n.path)
		if errors.Is(err, sql.ErrNoRows) {
			fs = append(fs, errs.Field("org_ids", "error.unknown_org"))
			break
		}
		if err != nil {
			return err
		}
	}
	if len(in.StaffIDs) > MaxStaff {
		fs = append(fs, errs.Field("staff_ids", "error.too_many", "Max", MaxStaff))
	}
	for _, id := range in.StaffIDs {
		lo, hi := access.Span(p.OrgPath)
		if before != nil && named(before.Staff, id) {
			lo, hi = access.Span("")
		}
		var name string
		err := tx.QueryRowContext(ctx, s.q.StaffByID, id, lo, hi).Scan(&id, &name)
		if errors.Is(err, sql.ErrNoRows) {
			fs = append(fs, errs.Field("staff_ids", "error.event_staff_unknown"))
			break
		}
		if err != nil {
			return err
		}
	}
	return errs.Validation(fs...)
}

// writeParts writes event id's rule and staff as in gives them.
func (s *Service) writeParts(ctx context.Context, tx *sql.Tx, id int64, in EventInput) error {
	for _, q := range []string{s.q.ClearEventOrgs, s.q.ClearEventStaff} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	for _, org := range in.OrgIDs {
		if _, err := tx.ExecContext(ctx, s.q.InsertEventOrg, id, org); err != nil {
			return err
		}
	}
	for _, u := range in.StaffIDs {
		if _, err := tx.ExecContext(ctx, s.q.InsertEventStaff, id, u); err != nil {
			return err
		}
	}
	return nil
}

// named reports whether id is one of list.
func named(list []Named, id int64) bool {
	return slices.ContainsFunc(list, func(n Named) bool { return n.ID == id })
}

// distinct is ids without zeros and repeats, in order.
func distinct(ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		if id != 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
