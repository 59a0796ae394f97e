package campaigns

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// rulesView is a campaign's eligibility rules and priority weights: the
// current version, every earlier one, the form that saves the next, the
// same rule set as JSON for what the form does not show, and the
// recalculation's progress.
type rulesView struct {
	Page
	C          campaign.Campaign
	Name       string
	Current    *eligibility.RuleSet
	Versions   []eligibility.RuleSet
	Form       *form
	Categories []codeRow
	Incomes    []codeRow
	Items      []itemRules // the campaign's offer, each with its own conditions
	Bands      []bandRow   // the distance bands' rows, some empty
	MaxBands   int
	JSON       *form // the whole rule set as JSON: the advanced view
	Advanced   bool  // the JSON view opens: it was just posted
	CanManage  bool
	Job        *jobs.Job
	JobStatus  string
	Summary    *eligibility.Summary
}

// codeRow is a category or an income category with its name and the
// names of its fields in the form.
type codeRow struct {
	Code, Name, Need, Points string
}

// itemRules is an item the campaign offers with the names of the fields of
// its own conditions: ages, grades, categories, not received this year.
type itemRules struct {
	ID                                 int64
	Name                               string
	AgeMin, AgeMax, GradeMin, GradeMax string
	NotReceived, Categories            string // Categories carries the errors of the category list
	Needs                              []codeRow
	Open                               bool // it has conditions, or a mistake in them
}

// bandRow is a row of the distance bands: its number (from 0) and the
// names of its fields.
type bandRow struct {
	Index        int
	From, Points string
}

// maxBands bounds the distance bands the form takes.
const maxBands = 20

// ruleFields are the form's fields besides the per-code, per-item and
// per-band ones.
var ruleFields = []string{"age_min", "age_max", "grade_min", "grade_max", "regions", "not_received",
	"points_per_child", "children_from", "points_disability", "points_single_guardian", "bands"}

func (s *Server) rulesView(r *http.Request, rq *request, c campaign.Campaign) (*rulesView, error) {
	ctx := r.Context()
	loc := string(rq.L.Locale())
	v := &rulesView{Page: s.Page(r, rq, "rules.title"), C: c, Name: c.Text(loc).Name, MaxBands: maxBands,
		CanManage: access.Can(rq.P, eligibility.ManageAction, c.Target()) == nil}
	v.Title = rq.L.T("rules.title_of", "Name", v.Name)
	versions, err := s.svc.Eligibility.RuleSets(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	if len(versions) > 0 {
		v.Current, v.Versions = &versions[0], versions
	}
	cats, err := s.svc.People.Categories(ctx, access.System)
	if err != nil {
		return nil, err
	}
	fields := append([]string{}, ruleFields...)
	for _, x := range cats {
		row := codeRow{Code: x.Code, Name: x.Name(loc), Need: "need_" + x.Code, Points: "cat_" + x.Code}
		v.Categories = append(v.Categories, row)
		fields = append(fields, row.Need, row.Points)
	}
	for _, code := range people.IncomeCategories() {
		row := codeRow{Code: code, Name: rq.L.T("income." + code), Points: "income_" + code}
		v.Incomes = append(v.Incomes, row)
		fields = append(fields, row.Points)
	}
	offer, err := s.svc.Requests.Offer(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, it := range offer {
		row := newItemRules(it.ID, it.Name(loc), v.Categories)
		v.Items = append(v.Items, row)
		fields = append(fields, row.fields()...)
	}
	bands := 1
	if v.Current != nil {
		bands = len(v.Current.Weights.Distance) + 1
	}
	if r.Method == http.MethodPost {
		bands, _ = strconv.Atoi(r.PostFormValue("bands"))
	}
	v.setBands(bands)
	for _, b := range v.Bands {
		fields = append(fields, b.From, b.Points)
	}
	if r.Method == http.MethodPost && r.PostFormValue("form") != "json" {
		v.Form = kit.NewForm(r, fields...)
	} else {
		v.Form = kit.NewForm(nil, fields...)
	}
	v.JSON = kit.NewForm(nil, "json")
	return v, nil
}

// newItemRules names the fields of item id's conditions: "it12_age_min", …
func newItemRules(id int64, name string, cats []codeRow) itemRules {
	p := "it" + strconv.FormatInt(id, 10) + "_"
	row := itemRules{ID: id, Name: name, AgeMin: p + "age_min", AgeMax: p + "age_max", GradeMin: p + "grade_min",
		GradeMax: p + "grade_max", NotReceived: p + "not_received", Categories: p + "categories"}
	for _, c := range cats {
		row.Needs = append(row.Needs, codeRow{Code: c.Code, Name: c.Name, Need: p + "need_" + c.Code})
	}
	return row
}

// fields are the names of the row's inputs.
func (it itemRules) fields() []string {
	out := []string{it.AgeMin, it.AgeMax, it.GradeMin, it.GradeMax, it.NotReceived}
	for _, n := range it.Needs {
		out = append(out, n.Need)
	}
	return out
}

// setBands makes n rows of distance bands (at least one, at most
// maxBands).
func (v *rulesView) setBands(n int) {
	n = max(1, min(n, maxBands))
	v.Bands = v.Bands[:0]
	for i := range n {
		k := strconv.Itoa(i)
		v.Bands = append(v.Bands, bandRow{Index: i, From: "band_from_" + k, Points: "band_points_" + k})
	}
}

// finish opens each item's conditions that hold something or a mistake,
// and records how many band rows the form has, before the page is shown.
func (v *rulesView) finish() {
	f := v.Form
	for i, it := range v.Items {
		open := f.Has(it.Categories)
		for _, name := range it.fields() {
			open = open || f.Values[name] != "" || f.Has(name)
		}
		v.Items[i].Open = open
	}
	f.Values["bands"] = strconv.Itoa(len(v.Bands))
}
