package deliveries

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

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
