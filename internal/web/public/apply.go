package public

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/web/kit"
)

// applyFields are the form's fields in page order (the sizes follow the
// items); "website" is the trap a person never sees.
var applyFields = []string{"last_name", "first_name", "patronymic", "birth_date", "sex", "national_id", "grade",
	"guardian_last_name", "guardian_first_name", "guardian_phone", "relation", "region", "distance_km", "items",
	"consent", "child_assent", "website"}

// applyView is the form, and what the campaign offers.
type applyView struct {
	Page
	Campaign    public.Campaign
	Name        string // the campaign's name in the page's language
	WhoMayApply string // who may apply, in the page's language
	Form        *kit.Form
	Closed      bool
	Sexes       []kit.Option
	Relations   []kit.Option
	Regions     []kit.Option
	Items       []itemRow
	// Who says who may apply under the campaign's current rules; Grades
	// are the grade's choices, asked when the rules bound the grade.
	Who    []string
	Grades []kit.Option
}

// itemRow is one thing the campaign offers, with its size field.
type itemRow struct {
	ID        int64
	Name      string
	Sizing    string // none, clothes, shoes
	Rule      string // what the item's own rules ask: "ages 6–10"
	Checked   bool
	Err       *kit.FieldMsg // the item refused for the child's age or grade
	SizeField string
	Size      string
	SizeErr   *kit.FieldMsg
}

// doneView is the confirmation: the reference and what comes next.
type doneView struct {
	Page
	Name      string
	Reference string
}

// ApplyForm shows the application form of campaign {slug}.
func (s *Server) ApplyForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.svc.Public.Campaign(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "apply", s.applyView(r, rq, c, kit.NewForm(nil, applyFields...)))
	return nil
}

// Apply takes the application: the confirmation with the reference
// number, or the form again with every problem beside its field.
func (s *Server) Apply(w http.ResponseWriter, r *http.Request, rq *request) error {
	slug := r.PathValue("slug")
	c, err := s.svc.Public.Campaign(r.Context(), slug)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, applyFields...)
	a := public.Application{LastName: f.Values["last_name"], FirstName: f.Values["first_name"],
		Patronymic: f.Values["patronymic"], BirthDate: kit.FormDate(rq, f, "birth_date"),
		Sex: people.Sex(f.Values["sex"]), NationalID: f.Values["national_id"],
		GuardianLastName: f.Values["guardian_last_name"], GuardianFirstName: f.Values["guardian_first_name"],
		GuardianPhone: f.Values["guardian_phone"], Relation: public.Relation(f.Values["relation"]),
		RegionCode: f.Values["region"], Grade: f.Values["grade"], Distance: f.Values["distance_km"],
		Consent: f.Values["consent"] != "", ChildAssent: f.Values["child_assent"] != "", Locale: string(rq.L.Locale())}
	for _, v := range r.PostForm["item"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || len(a.Items) >= len(c.Items) {
			f.Fail(rq.L, "items", "public.error.items")
			break
		}
		size := r.PostFormValue(public.SizeField(id))
		f.Values[public.SizeField(id)] = size
		a.Items = append(a.Items, public.Choice{ItemID: id, Size: size})
	}
	if len(f.FieldErrs) == 0 {
		var rc public.Receipt
		rc, err = s.svc.Public.Apply(r.Context(), slug, s.clientIP(r), a, f.Values["website"] != "")
		if err == nil {
			v := doneView{Page: s.Page(r, rq, "public.done_title"), Name: c.Names.In(string(rq.L.Locale())),
				Reference: rc.Reference}
			s.render(w, http.StatusOK, "applied", &v)
			return nil
		}
		if errors.Is(err, public.ErrLimited) || !f.Absorb(rq.L, err) {
			return err
		}
	}
	v := s.applyView(r, rq, c, f)
	code := http.StatusUnprocessableEntity
	if e := errs.As(err); e != nil && e.Code == errs.Conflict {
		code = http.StatusConflict
	}
	s.render(w, code, "apply", v)
	return nil
}

func (s *Server) applyView(r *http.Request, rq *request, c public.Campaign, f *kit.Form) *applyView {
	loc := string(rq.L.Locale())
	v := &applyView{Page: s.Page(r, rq, "public.apply_title"), Campaign: c, Name: c.Names.In(loc),
		WhoMayApply: c.WhoMayApply.In(loc), Form: f, Closed: !c.Open(s.Now().UTC()), Who: c.Rules.Describe(rq.L)}
	if c.Rules.AsksGrade() {
		v.Grades = []kit.Option{{Label: rq.L.T("public.choose")}, {Value: "0", Label: rq.L.T("public.grade_none"),
			Selected: f.Values["grade"] == "0"}}
		for g := 1; g <= people.MaxGrade; g++ {
			n := strconv.Itoa(g)
			v.Grades = append(v.Grades, kit.Option{Value: n, Label: n, Selected: f.Values["grade"] == n})
		}
	}
	v.Title = rq.L.T("public.apply_title") + " · " + v.Name
	v.Sexes = kit.Choices([]people.Sex{people.Female, people.Male}, f.Values["sex"], rq.L.T("public.choose"),
		func(x people.Sex) string { return rq.L.T("sex." + strings.ToLower(string(x))) })
	v.Relations = kit.Choices(public.Relations(), f.Values["relation"], rq.L.T("public.choose"),
		kit.Key[public.Relation](rq.L, "public.relation."))
	v.Regions = []kit.Option{{Label: rq.L.T("public.choose")}}
	for _, reg := range c.Regions {
		v.Regions = append(v.Regions, kit.Option{Value: reg.Code, Label: reg.Names.In(loc),
			Selected: reg.Code == f.Values["region"]})
	}
	chosen := map[string]bool{}
	if r.Method == http.MethodPost {
		for _, id := range r.PostForm["item"] {
			chosen[id] = true
		}
	}
	for _, it := range c.Items {
		sf := public.SizeField(it.ID)
		v.Items = append(v.Items, itemRow{ID: it.ID, Name: it.Names.In(loc), Sizing: it.Sizing,
			Rule: c.Rules.DescribeItem(rq.L, it.ID), Checked: chosen[strconv.FormatInt(it.ID, 10)],
			Err: f.Err(public.ItemField(it.ID)), SizeField: sf, Size: f.Values[sf], SizeErr: f.Err(sf)})
	}
	v.Path = r.URL.Path
	return v
}
