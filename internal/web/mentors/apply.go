package mentors

import (
	"maps"
	"net/http"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/kit"
)

// profileFields are the profile form's fields in page order; the checks
// (fields, languages) come as lists beside them.
var profileFields = []string{"name", "email", "phone", "contact", "org", "region", "background", "fields",
	"languages", "formats", "in_person", "online", "capacity", "minors", "vetting", "vetting_document",
	"vetted_on", "vetting_expires", "vetted_by"}

// applyView is the public application form.
type applyView struct {
	Page
	Form        *form
	Branches    []kit.Option
	Regions     []regionGroup
	Backgrounds []kit.Option
	Fields      []kit.Option
	Languages   []kit.Option
	Max         int
}

// regionGroup is a branch's places in the region list.
type regionGroup struct {
	Label   string
	Options []kit.Option
}

// ApplyForm shows the public application form in the visitor's language.
func (s *Server) ApplyForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, profileFields...)
	f.Values["capacity"] = "1"
	return s.renderApply(w, r, rq, f, nil, http.StatusOK)
}

// Apply records an application: the confirmation, or the form again with
// every problem beside its field and nothing lost.
func (s *Server) Apply(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, profileFields...)
	in, chosen := profileInput(r, rq, f)
	if len(f.FieldErrs) == 0 {
		if err := s.Allow(r, "mentor_apply", ApplyPerWindow); err != nil {
			return err
		}
		var err error
		if !kit.Trapped(r) { // a bot is thanked like anyone, and nothing is kept
			_, err = s.svc.Mentoring.Apply(r.Context(), in)
		}
		if err == nil {
			w.Header().Set("Cache-Control", "no-store")
			v := s.Page(r, rq, "mentors.applied_title")
			s.Render(w, http.StatusOK, "mentor_applied", &v)
			return nil
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	} else if err := s.svc.Mentoring.Check(r.Context(), in); err != nil {
		// The form's own errors stand; the service's add the others.
		mine := maps.Clone(f.FieldErrs)
		if !f.Absorb(rq.L, err) {
			return err
		}
		for k, msg := range mine {
			f.FieldErrs[k] = msg
		}
	}
	f.Move("contact", "email")
	return s.renderApply(w, r, rq, f, chosen, http.StatusUnprocessableEntity)
}

func (s *Server) renderApply(w http.ResponseWriter, r *http.Request, rq *request, f *form, chosen map[string][]string, status int) error {
	ctx := r.Context()
	loc := string(rq.L.Locale())
	branches, err := s.svc.Mentoring.Branches(ctx)
	if err != nil {
		return err
	}
	v := applyView{Page: s.Page(r, rq, "mentors.apply_title"), Form: f, Max: mentoring.MaxCapacity}
	v.Branches = []kit.Option{{Label: rq.L.T("public.choose")}}
	for _, b := range branches {
		id := kit.Itoa(b.ID)
		v.Branches = append(v.Branches, kit.Option{Value: id, Label: b.Name, Selected: f.Values["org"] == id})
		g := regionGroup{Label: b.Name}
		for _, p := range b.Places {
			g.Options = append(g.Options, kit.Option{Value: p.Code, Label: p.Name(loc),
				Selected: f.Values["region"] == p.Code && f.Values["org"] == id})
		}
		v.Regions = append(v.Regions, g)
	}
	if err := s.choices(r, rq, &v.Backgrounds, &v.Fields, &v.Languages, f, chosen); err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, status, "mentor_apply", &v)
	return nil
}

// choices fills the options of the background, the fields of expertise
// (the active ones, and any already chosen) and the languages.
func (s *Server) choices(r *http.Request, rq *request, bgs, fields, langs *[]kit.Option, f *form, chosen map[string][]string) error {
	loc := string(rq.L.Locale())
	*bgs = kit.Choices(mentoring.Backgrounds(), f.Values["background"], rq.L.T("public.choose"),
		kit.Key[mentoring.Background](rq.L, "mentoring.background."))
	all, err := s.svc.Mentoring.Fields(r.Context())
	if err != nil {
		return err
	}
	for _, fd := range all {
		on := slices.Contains(chosen["fields"], fd.Code)
		if fd.Active || on {
			*fields = append(*fields, kit.Option{Value: fd.Code, Label: fd.Name(loc), Selected: on})
		}
	}
	for _, l := range mentoring.Languages() {
		*langs = append(*langs, kit.Option{Value: l, Label: kit.LangName(l), Selected: slices.Contains(chosen["languages"], l)})
	}
	return nil
}

// profileInput reads a profile form: the values into f, the ticked
// fields and languages as chosen.
func profileInput(r *http.Request, rq *request, f *form) (mentoring.Input, map[string][]string) {
	chosen := map[string][]string{"fields": r.PostForm["fields"], "languages": r.PostForm["languages"]}
	in := mentoring.Input{Name: f.Values["name"], Phone: f.Values["phone"], Email: f.Values["email"],
		Background: mentoring.Background(f.Values["background"]), Fields: chosen["fields"],
		Languages: chosen["languages"], RegionCode: f.Values["region"], InPerson: f.Values["in_person"] != "",
		Online: f.Values["online"] != "", Minors: f.Values["minors"] != ""}
	in.OrgID, _ = strconv.ParseInt(f.Values["org"], 10, 64)
	if in.OrgID <= 0 {
		f.Fail(rq.L, "org", "error.required", "Field", rq.L.T("field.mentor_branch"))
	}
	in.Capacity = kit.Count(rq, f, "capacity")
	in.Vetting = mentoring.Vetting{Document: f.Values["vetting_document"], CheckedBy: f.Values["vetted_by"],
		On: kit.FormDate(rq, f, "vetted_on"), Expires: kit.FormDate(rq, f, "vetting_expires")}
	return in, chosen
}
