package deliveries

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
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
// draft or open.
func (s *Service) Plan(ctx context.Context, p access.Principal, in PlanInput) (PlanResult, error) {
	if err := access.Can(p, access.ManageDeliveries, p.Scope()); err != nil {
		return PlanResult{}, err
	}
	in.Note = text.Clean(in.Note)
	fs := checkPlan(in)
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

// checkPlan checks what needs no database: the deadline, the types, the
// lines' rules and ranges, the note.
func checkPlan(in PlanInput) []errs.FieldError {
	var fs []errs.FieldError
	if in.DueOn.IsZero() || in.DueOn.Year() < 2000 || in.DueOn.Year() > 2100 {
		fs = append(fs, errs.Field("due_on", "error.delivery_due_required"))
	}
	if len(in.Types) == 0 {
		fs = append(fs, errs.Field("types", "error.delivery_types_required"))
	}
	for _, t := range in.Types {
		if !t.Valid() {
			fs = append(fs, valid.Choice("types", orgs.Types()...))
			break
		}
	}
	if len(in.Lines) == 0 || len(in.Lines) > MaxLines {
		fs = append(fs, errs.Field("lines", "error.delivery_lines_range", "Max", MaxLines))
	}
	for i, l := range in.Lines {
		f := func(name string) string { return "lines." + strconv.Itoa(i) + "." + name }
		switch l.Rule {
		case PerPupil:
			if l.GradeMin < 1 || l.GradeMax > MaxGrade || l.GradeMin > l.GradeMax {
				fs = append(fs, errs.Field(f("grades"), "error.delivery_grades", "Max", MaxGrade))
			}
			if l.PerPupil < 1 || l.PerPupil > MaxPerPupil {
				fs = append(fs, errs.Field(f("per_pupil"), "error.delivery_per_pupil", "Max", MaxPerPupil))
			}
		case Fixed:
			if l.Quantity < 1 || l.Quantity > MaxQuantity {
				fs = append(fs, errs.Field(f("quantity"), "error.stock_quantity_range", "Max", MaxQuantity))
			}
		default:
			fs = append(fs, valid.Choice(f("rule"), Rules()...))
		}
	}
	return valid.Note(fs, "note", in.Note)
}

// checkWarehouse checks that the warehouse is one p sees and open.
func (s *Service) checkWarehouse(ctx context.Context, p access.Principal, id int64, fs []errs.FieldError) ([]errs.FieldError, error) {
	w, err := s.stock.Warehouse(ctx, p, id)
	switch {
	case errors.Is(err, errs.ErrNotFound):
		return append(fs, errs.Field("warehouse_id", "error.stock_warehouse_unknown")), nil
	case err != nil:
		return fs, err
	case !w.Active:
		return append(fs, errs.Field("warehouse_id", "error.stock_warehouse_closed", "Warehouse", w.Name)), nil
	}
	return fs, nil
}

// checkItems checks each line's item: offered by c, counted in units (a
// device goes to a child by serial number, never in a delivery), in a
// size its sizing takes, and not twice in one size.
func (s *Service) checkItems(ctx context.Context, p access.Principal, c campaign.Campaign, lines []LineInput,
	fs []errs.FieldError) ([]errs.FieldError, error) {
	seen := map[string]bool{}
	for i := range lines {
		l := &lines[i]
		l.Size = strings.ToUpper(strings.TrimSpace(l.Size))
		f := func(name string) string { return "lines." + strconv.Itoa(i) + "." + name }
		offered := slices.ContainsFunc(c.Items, func(o campaign.Offered) bool { return o.ItemID == l.ItemID })
		if !offered {
			fs = append(fs, errs.Field(f("item"), "error.delivery_item_not_offered"))
			continue
		}
		it, err := s.campaigns.Item(ctx, p, l.ItemID)
		if err != nil {
			return fs, err
		}
		switch {
		case it.SerialTracked:
			fs = append(fs, errs.Field(f("item"), "error.delivery_devices"))
		case campaign.CheckSize(it.Sizing, l.Size) == campaign.SizeRequired:
			fs = append(fs, errs.Field(f("size"), "error.size_required"))
		case campaign.CheckSize(it.Sizing, l.Size) == campaign.SizeInvalid:
			fs = append(fs, errs.Field(f("size"), "error.size_invalid"))
		case campaign.CheckSize(it.Sizing, l.Size) == campaign.SizeNotApplicable:
			fs = append(fs, errs.Field(f("size"), "error.size_not_applicable"))
		}
		k := strconv.FormatInt(l.ItemID, 10) + "/" + l.Size
		if seen[k] {
			fs = append(fs, errs.Field(f("item"), "error.delivery_line_twice"))
		}
		seen[k] = true
	}
	return fs, nil
}

// institutions are the open organisations of types within p's scope that
// stand in one of c's regions (in its organiser's region when it names
// none), by name.
func (s *Service) institutions(ctx context.Context, q store.Querier, p access.Principal, c campaign.Campaign,
	types []orgs.Type) ([]institution, error) {
	var regions []string
	for _, r := range c.Regions {
		regions = append(regions, r.Path)
	}
	if len(regions) == 0 {
		regions = []string{c.Target().RegionPath}
	}
	var out []institution
	for _, t := range slices.Compact(slices.Sorted(slices.Values(types))) {
		list, err := store.Select(ctx, q, func(sc store.Scanner) (institution, error) {
			var o institution
			return o, sc.Scan(&o.id, &o.name, &o.typ, &o.path, &o.regionPath)
		}, s.q.Institutions, store.Args(p.ScopeArgs(), []any{string(t)})...)
		if err != nil {
			return nil, err
		}
		for _, o := range list {
			if slices.ContainsFunc(regions, func(r string) bool { return strings.HasPrefix(o.regionPath, r) }) {
				out = append(out, o)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b institution) int { return strings.Compare(a.name, b.name) })
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
