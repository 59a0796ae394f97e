package youth

import (
	"context"
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/youth"
)

// registerFields are the form's fields in page order.
var registerFields = []string{"last_name", "first_name", "patronymic", "birth_date", "region", "settlement",
	"status", "field", "goals", "language", "phone", "telegram", "email", "guardian_name", "guardian_relation",
	"guardian_contact", "shortlist_consent"}

// registerView is the public form of youth organisation Org.
type registerView struct {
	Page
	Org         orgs.Organisation
	Form        *form
	Regions     []kit.Option
	Settlements []kit.Option
	Statuses    []kit.Option
	Fields      []kit.Option
	Languages   []kit.Option
}

// registeredView is the confirmation: where they were routed, their age
// group and their secret link, or that they were registered before.
type registeredView struct {
	Page
	Routed   string
	AgeGroup youth.AgeGroup
	Link     string // the whole address of their own page; "" for a repeated registration
	Guardian guardianBox
}

// RegisterForm shows the registration form of youth organisation {org}.
func (s *Server) RegisterForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, registerFields...)
	f.Values["language"] = string(rq.L.Locale())
	return s.renderRegister(w, r, rq, f, http.StatusOK)
}

// Register takes a registration: the confirmation with the young
// person's link, or the form again with every problem beside its field.
func (s *Server) Register(w http.ResponseWriter, r *http.Request, rq *request) error {
	org, err := s.org(r.Context(), r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, registerFields...)
	in := youth.Input{LastName: f.Values["last_name"], FirstName: f.Values["first_name"],
		Patronymic: f.Values["patronymic"], Birth: kit.FormDate(rq, f, "birth_date"), RegionCode: f.Values["region"],
		Settlement: youth.Settlement(f.Values["settlement"]), Status: youth.Status(f.Values["status"]),
		Field: f.Values["field"], Goals: f.Values["goals"], Language: f.Values["language"], Channel: youth.Web,
		Contact:   youth.Contact{Phone: f.Values["phone"], Telegram: f.Values["telegram"], Email: f.Values["email"]},
		Shortlist: f.Values["shortlist_consent"] != "",
		Guardian: youth.GuardianDetails{Name: f.Values["guardian_name"], Relation: f.Values["guardian_relation"],
			Contact: f.Values["guardian_contact"]}}
	if len(f.FieldErrs) == 0 {
		if err := s.allow(r, "youth_register", RegisterPerWindow); err != nil {
			return err
		}
		reg, err := s.svc.Youth.Register(r.Context(), youth.FormPrincipal(org.ID, org.Path), org.ID, in)
		if err == nil {
			v := registeredView{Page: s.Page(r, rq, "youth.registered_title"), AgeGroup: reg.AgeGroup}
			if !reg.Existing {
				key, args := reg.Route.Message()
				v.Routed = rq.L.T(key, args...)
			}
			if reg.Link != "" {
				v.Link = LinkURL(r, reg.Link)
				v.Guardian = s.registeredGuardian(r, reg)
			}
			s.private(w, http.StatusOK, "youth_registered", &v)
			return nil
		}
		if errors.Is(err, public.ErrLimited) || !f.Absorb(rq.L, err) {
			return err
		}
		f.Move("contact", "phone")
	}
	return s.renderRegister(w, r, rq, f, http.StatusUnprocessableEntity)
}

// LinkURL is the whole address of the own page of token, on the host
// the request came to.
func LinkURL(r *http.Request, token string) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/y/" + token
}

func (s *Server) renderRegister(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	org, err := s.org(ctx, r)
	if err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	v := registerView{Page: s.Page(r, rq, "youth.register_title"), Org: org, Form: f}
	v.Regions = []kit.Option{{Label: rq.L.T("public.choose")}}
	kids, err := s.svc.Geo.Children(ctx, access.System, country(org.RegionPath))
	if err != nil {
		return err
	}
	for _, reg := range kids {
		v.Regions = append(v.Regions, kit.Option{Value: reg.Code, Label: reg.Name(loc), Selected: reg.Code == f.Values["region"]})
	}
	choose := rq.L.T("public.choose")
	v.Settlements = kit.Choices(youth.Settlements(), f.Values["settlement"], choose, kit.Key[youth.Settlement](rq.L, "youth.settlement."))
	v.Statuses = kit.Choices(youth.Statuses(), f.Values["status"], choose, kit.Key[youth.Status](rq.L, "youth.status."))
	fields, err := s.svc.Mentoring.Fields(ctx)
	if err != nil {
		return err
	}
	v.Fields = []kit.Option{{Label: choose}}
	for _, fd := range fields {
		if fd.Active {
			v.Fields = append(v.Fields, kit.Option{Value: fd.Code, Label: fd.Name(loc), Selected: fd.Code == f.Values["field"]})
		}
	}
	for _, l := range i18n.All() {
		v.Languages = append(v.Languages, kit.Option{Value: string(l), Label: l.NativeName(), Selected: string(l) == f.Values["language"]})
	}
	s.Render(w, status, "youth_register", &v)
	return nil
}

// org is the youth organisation of the route's {org}: an active one, or
// not found.
func (s *Server) org(ctx context.Context, r *http.Request) (orgs.Organisation, error) {
	id, err := kit.PathID(withID(r, "org"))
	if err != nil {
		return orgs.Organisation{}, err
	}
	o, err := s.svc.Orgs.Get(ctx, access.System, id)
	if err != nil || !o.Active {
		return orgs.Organisation{}, errs.ErrNotFound
	}
	return o, nil
}

// withID is r with the path value name as {id}, for kit.PathID.
func withID(r *http.Request, name string) *http.Request {
	c := r.Clone(r.Context())
	c.SetPathValue("id", r.PathValue(name))
	return c
}

// country is the code of the country a region path starts with.
func country(path string) string {
	if codes := geo.PathCodes(path); len(codes) > 0 {
		return codes[0]
	}
	return ""
}
