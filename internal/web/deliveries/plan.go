package deliveries

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/web/kit"
)

// planLines is how many lines the plan's form offers.
const planLines = 3

// planFields are the fields of the plan's form, in page order.
var planFields = func() []string {
	out := []string{"campaign_id", "warehouse_id", "due_on", "types"}
	for i := range planLines {
		for _, f := range []string{"item", "size", "rule", "grade_min", "grade_max", "per_pupil", "quantity"} {
			out = append(out, lineField(i, f))
		}
	}
	return append(out, "note")
}()

// planTypes are the kinds of institution a plan may deliver to.
var planTypes = []orgs.Type{orgs.SupportCentre, orgs.AdaptationCentre, orgs.School}

// planView is the plan's form and, after a preview, what it would make.
type planView struct {
	Page
	Form       *form
	Campaigns  []option
	Warehouses []option
	Types      []typeCheck
	Rows       []planRow
	Preview    *preview
}

// typeCheck is one kind of institution to tick.
type typeCheck struct {
	Value, Label string
	Checked      bool
}

// planRow is one line of the form with its field names.
type planRow struct {
	N                                                        int
	Item, Size, Rule, GradeMin, GradeMax, PerPupil, Quantity string
	Items, Rules                                             []option
}

// preview is what a plan would make: each institution's delivery with how
// its quantities were computed, and those it passes over.
type preview struct {
	Rows    []previewRow
	Skipped []skipRow
	Total   int64
}

type previewRow struct {
	Org     string
	How     []string
	Planned int64
}

type skipRow struct{ Org, Reason string }

// PlanForm shows the plan's form, for the campaign ?campaign_id= when
// given: one primary kit per pupil in grades 1–4 of the support and
// adaptation centres, due on 30 August when that is still to come.
func (s *Server) PlanForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, planFields...)
	f.Values["campaign_id"] = r.URL.Query().Get("campaign_id")
	today := s.Today(rq)
	due := time.Date(today.Year(), time.August, 30, 0, 0, 0, 0, time.UTC)
	if due.Before(today) {
		due = today.AddDate(0, 0, 14)
	}
	f.Values["due_on"] = due.Format(time.DateOnly)
	f.Values["types"] = string(orgs.SupportCentre) + "," + string(orgs.AdaptationCentre)
	f.Values[lineField(0, "rule")], f.Values[lineField(0, "grade_min")] = string(deliveries.PerPupil), "1"
	f.Values[lineField(0, "grade_max")], f.Values[lineField(0, "per_pupil")] = "4", "1"
	n, err := s.names(r.Context(), rq)
	if err != nil {
		return err
	}
	for _, it := range n.items {
		if it.Code == "primary_kit" {
			f.Values[lineField(0, "item")] = strconv.FormatInt(it.ID, 10)
		}
	}
	return s.renderPlan(w, r, rq, f, nil, http.StatusOK)
}

// Plan previews the plan (the preview button) or makes it.
func (s *Server) Plan(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, planFields...)
	f.Values["types"] = strings.Join(r.PostForm["types"], ",")
	in, rows := planInput(rq, f)
	in.DryRun = r.PostFormValue("preview") != ""
	if len(f.FieldErrs) == 0 {
		res, err := s.svc.Deliveries.Plan(r.Context(), rq.P, in)
		if err == nil && !in.DryRun {
			s.Flash(r, "delivery.planned")
			return kit.SeeOther(w, r, "/deliveries?campaign="+strconv.FormatInt(in.CampaignID, 10))
		}
		if err == nil {
			n, err := s.names(r.Context(), rq)
			if err != nil {
				return err
			}
			return s.renderPlan(w, r, rq, f, previewOf(rq, n, res), http.StatusOK)
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		// The service numbers the lines it was given; put each error
		// beside the line of the form it came from.
		for i := len(rows) - 1; i >= 0; i-- {
			for _, name := range []string{"item", "size", "rule", "grades", "per_pupil", "quantity"} {
				f.Move(lineField(i, name), lineField(rows[i], name))
			}
		}
		for i := range planLines {
			f.Move(lineField(i, "grades"), lineField(i, "grade_min"))
		}
	}
	return s.renderPlan(w, r, rq, f, nil, http.StatusUnprocessableEntity)
}

// planInput reads the form; rows are the form's line numbers of the
// lines it holds, in order.
func planInput(rq *request, f *form) (deliveries.PlanInput, []int) {
	in := deliveries.PlanInput{CampaignID: kit.FilterID(rq, f, "campaign_id"),
		WarehouseID: kit.FilterID(rq, f, "warehouse_id"), DueOn: kit.FormDate(rq, f, "due_on"), Note: f.Values["note"]}
	for _, t := range strings.Split(f.Values["types"], ",") {
		if t != "" {
			in.Types = append(in.Types, orgs.Type(t))
		}
	}
	var rows []int
	for i := range planLines {
		item := kit.FilterID(rq, f, lineField(i, "item"))
		if item == 0 {
			continue
		}
		rows = append(rows, i)
		in.Lines = append(in.Lines, deliveries.LineInput{ItemID: item, Size: f.Values[lineField(i, "size")],
			Rule: deliveries.Rule(f.Values[lineField(i, "rule")]), GradeMin: int(kit.Number(rq, f, lineField(i, "grade_min"))),
			GradeMax: int(kit.Number(rq, f, lineField(i, "grade_max"))), PerPupil: int(kit.Number(rq, f, lineField(i, "per_pupil"))),
			Quantity: kit.Number(rq, f, lineField(i, "quantity"))})
	}
	return in, rows
}

func (s *Server) renderPlan(w http.ResponseWriter, r *http.Request, rq *request, f *form, p *preview, status int) error {
	ctx := r.Context()
	n, err := s.names(ctx, rq)
	if err != nil {
		return err
	}
	whs, err := s.svc.Stock.Warehouses(ctx, rq.P)
	if err != nil {
		return err
	}
	v := planView{Page: s.Page(r, rq, "delivery.plan"), Form: f, Preview: p,
		Campaigns: n.campaignOptions(f.Values["campaign_id"], "—")}
	v.Warehouses = append(v.Warehouses, option{Value: "", Label: "—"})
	for _, wh := range whs {
		if wh.Active {
			id := strconv.FormatInt(wh.ID, 10)
			v.Warehouses = append(v.Warehouses, option{Value: id, Label: wh.Name, Selected: id == f.Values["warehouse_id"]})
		}
	}
	ticked := strings.Split(f.Values["types"], ",")
	for _, t := range planTypes {
		v.Types = append(v.Types, typeCheck{Value: string(t), Label: rq.L.T("orgtype." + string(t)),
			Checked: slices.Contains(ticked, string(t))})
	}
	for i := range planLines {
		row := planRow{N: i + 1, Item: lineField(i, "item"), Size: lineField(i, "size"), Rule: lineField(i, "rule"),
			GradeMin: lineField(i, "grade_min"), GradeMax: lineField(i, "grade_max"), PerPupil: lineField(i, "per_pupil"),
			Quantity: lineField(i, "quantity")}
		row.Items = append(row.Items, option{Value: "", Label: "—", Selected: f.Values[row.Item] == ""})
		for _, it := range n.items {
			if it.Active && !it.SerialTracked {
				id := strconv.FormatInt(it.ID, 10)
				row.Items = append(row.Items, option{Value: id, Label: it.Name(n.l), Selected: id == f.Values[row.Item]})
			}
		}
		slices.SortStableFunc(row.Items[1:], func(a, b option) int { return strings.Compare(a.Label, b.Label) })
		row.Rules = kit.Choices(deliveries.Rules(), f.Values[row.Rule], "", kit.Key[deliveries.Rule](rq.L, "delivery.rule."))
		v.Rows = append(v.Rows, row)
	}
	s.Render(w, status, "plan", &v)
	return nil
}

// previewOf is res as the preview shows it.
func previewOf(rq *request, n names, res deliveries.PlanResult) *preview {
	p := &preview{}
	for _, d := range res.Deliveries {
		row := previewRow{Org: d.OrgName, Planned: d.Planned}
		for _, l := range d.Lines {
			row.How = append(row.How, how(rq, n, l))
		}
		p.Total += d.Planned
		p.Rows = append(p.Rows, row)
	}
	for _, sk := range res.Skipped {
		p.Skipped = append(p.Skipped, skipRow{Org: sk.OrgName, Reason: rq.L.T("delivery.skipped." + sk.Reason)})
	}
	return p
}

// how says how a line's quantity was computed.
func how(rq *request, n names, l deliveries.Line) string {
	name := n.item(l.ItemID)
	if l.Size != "" {
		name += " " + l.Size
	}
	if l.Rule == deliveries.PerPupil {
		return rq.L.T("delivery.how.per_pupil", "Item", name, "Planned", l.Planned, "Roster", l.Roster,
			"From", l.GradeMin, "To", l.GradeMax, "Per", l.PerPupil)
	}
	return rq.L.T("delivery.how.fixed", "Item", name, "Planned", l.Planned)
}
