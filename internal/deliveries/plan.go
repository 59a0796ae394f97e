package deliveries

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// LineInput is a line of a plan: an item the campaign offers, in a size,
// and the rule of its quantity — PerPupil units per pupil on the roster in
// grades GradeMin to GradeMax, or Quantity units (Fixed).
type LineInput struct {
	ItemID   int64  `json:"item_id"`
	Size     string `json:"size,omitempty"`
	Rule     Rule   `json:"rule"`
	GradeMin int    `json:"grade_min,omitempty"`
	GradeMax int    `json:"grade_max,omitempty"`
	PerPupil int    `json:"per_pupil,omitempty"`
	Quantity int64  `json:"quantity,omitempty"`
}

// PlanInput plans the deliveries of a campaign from a warehouse, due on
// DueOn, to every open institution of Types in the campaign's regions and
// the planner's scope. DryRun computes them and writes nothing.
type PlanInput struct {
	CampaignID  int64
	WarehouseID int64
	DueOn       time.Time
	Types       []orgs.Type
	Lines       []LineInput
	Note        string
	DryRun      bool
}

// Skip is an institution a plan passed over, and why: it has a live
// delivery of the campaign already (already_planned), or every line came
// to nothing (empty_roster: no pupil in the grades).
type Skip struct {
	OrgID   int64  `json:"org_id"`
	OrgName string `json:"org_name"`
	Reason  string `json:"reason"`
}

// PlanResult is what a plan made (or, on a dry run, would make) and the
// institutions it passed over.
type PlanResult struct {
	Deliveries []Delivery `json:"deliveries"`
	Skipped    []Skip     `json:"skipped"`
}

// institution is an organisation a plan may deliver to.
type institution struct {
	id               int64
	name, typ        string
	path, regionPath string
}

// Plan plans a delivery for each institution in's types name: its lines'
// quantities computed from its roster as it is now. Institutions with a
// live delivery of the campaign, or whose every line comes to nothing, are
// passed over and listed. The campaign must be a delivery campaign, in
// draft or open, and the deadline not yet passed (error.delivery_due_past).
func (s *Service) Plan(ctx context.Context, p access.Principal, in PlanInput) (PlanResult, error) {
	if err := access.Can(p, access.ManageDeliveries, p.Scope()); err != nil {
		return PlanResult{}, err
	}
	in.Note = text.Clean(in.Note)
	fs := checkPlan(in)
	if y := in.DueOn.Year(); y >= 2000 && y <= 2100 && store.Day(in.DueOn).Before(s.today()) {
		fs = append(fs, errs.Field("due_on", "error.delivery_due_past"))
	}
	c, err := s.campaigns.Get(ctx, p, in.CampaignID)
	switch {
	case errors.Is(err, errs.ErrNotFound) || errs.CodeOf(err) == errs.Forbidden:
		fs = append(fs, errs.Field("campaign_id", "error.delivery_campaign_unknown"))
	case err != nil:
		return PlanResult{}, err
	case c.Programme != campaign.Delivery:
		fs = append(fs, errs.Field("campaign_id", "error.delivery_programme"))
	case c.Status != campaign.Draft && c.Status != campaign.Open:
		fs = append(fs, errs.Field("campaign_id", "error.delivery_campaign_closed"))
	default:
		if fs, err = s.checkItems(ctx, p, c, in.Lines, fs); err != nil {
			return PlanResult{}, err
		}
	}
	if fs, err = s.checkWarehouse(ctx, p, in.WarehouseID, fs); err != nil {
		return PlanResult{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return PlanResult{}, err
	}
	if in.DryRun {
		return s.plan(ctx, s.db.R, p, c, in)
	}
	var out PlanResult
	err = s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		out, err = s.plan(ctx, tx, p, c, in)
		return err
	})
	return out, err
}

// plan computes the deliveries of in through q and, unless it is a dry
// run, writes them (q is then the transaction).
func (s *Service) plan(ctx context.Context, q store.Querier, p access.Principal, c campaign.Campaign, in PlanInput) (PlanResult, error) {
	var out PlanResult
	insts, err := s.institutions(ctx, q, p, c, in.Types)
	if err != nil {
		return out, err
	}
	planned, err := store.Select(ctx, q, store.ScanID, s.q.Planned, c.ID)
	if err != nil {
		return out, err
	}
	now := s.now().UTC()
	for _, o := range insts {
		if slices.Contains(planned, o.id) {
			out.Skipped = append(out.Skipped, Skip{o.id, o.name, "already_planned"})
			continue
		}
		d, err := s.compute(ctx, q, p, o, in, now)
		if err != nil {
			return out, err
		}
		if d.Planned == 0 {
			out.Skipped = append(out.Skipped, Skip{o.id, o.name, "empty_roster"})
			continue
		}
		if tx, ok := q.(*sql.Tx); ok && !in.DryRun {
			if err := s.insert(ctx, tx, p, &d); err != nil {
				return out, err
			}
		}
		out.Deliveries = append(out.Deliveries, d)
	}
	return out, nil
}

// compute is the delivery in plans for institution o: each line's
// quantity from o's roster as it stands.
func (s *Service) compute(ctx context.Context, q store.Querier, p access.Principal, o institution, in PlanInput,
	now time.Time) (Delivery, error) {
	byGrade := map[int]int64{}
	rows, err := store.Select(ctx, q, func(sc store.Scanner) ([2]int64, error) {
		var r [2]int64
		return r, sc.Scan(&r[0], &r[1])
	}, s.q.Roster, o.path, o.id)
	if err != nil {
		return Delivery{}, err
	}
	for _, r := range rows {
		byGrade[int(r[0])] = r[1]
	}
	d := Delivery{CampaignID: in.CampaignID, OrgID: o.id, OrgName: o.name, OrgType: o.typ, WarehouseID: in.WarehouseID,
		DueOn: store.Day(in.DueOn), Status: Planned, Note: in.Note, CreatedName: p.Name, CreatedAt: now, Version: 1,
		orgPath: o.path, regionPath: o.regionPath}
	for i, l := range in.Lines {
		ln := Line{Line: i + 1, ItemID: l.ItemID, Size: l.Size, Rule: l.Rule, Planned: l.Quantity}
		if l.Rule == PerPupil {
			ln.GradeMin, ln.GradeMax, ln.PerPupil = l.GradeMin, l.GradeMax, l.PerPupil
			for g := l.GradeMin; g <= l.GradeMax; g++ {
				ln.Roster += byGrade[g]
			}
			ln.Planned = ln.Roster * int64(l.PerPupil)
		}
		d.Planned += ln.Planned
		d.Lines = append(d.Lines, ln)
	}
	return d, nil
}

// insert writes planned delivery d with its lines (a line that came to
// nothing too: it shows that nobody was in its grades) and records it.
func (s *Service) insert(ctx context.Context, tx *sql.Tx, p access.Principal, d *Delivery) error {
	err := tx.QueryRowContext(ctx, s.q.InsertDelivery, d.CampaignID, d.OrgID, d.orgPath, d.regionPath, d.WarehouseID,
		d.DueOn, d.Note, store.NullID(p.UserID), p.Name, d.CreatedAt).Scan(&d.ID)
	if store.IsUniqueViolation(err) {
		return errs.New(errs.Conflict, "error.delivery_changed")
	}
	if err != nil {
		return err
	}
	for _, l := range d.Lines {
		if _, err := tx.ExecContext(ctx, s.q.InsertLine, d.ID, l.Line, l.ItemID, l.Size, string(l.Rule), l.GradeMin,
			l.GradeMax, l.PerPupil, l.Roster, l.Planned); err != nil {
			return err
		}
	}
	return s.log.Record(ctx, tx, p, audit.Change{Action: "plan", Entity: "delivery", EntityID: itoa(d.ID),
		OrgPath: d.orgPath, RegionPath: d.regionPath, After: d})
}
