package youth

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/youth"
)

// personView is a young person's page for a coordinator: the record
// (a minor's contacts masked unless the reader may see them), what a
// match waits for, their ranking, the consent form and the link.
type personView struct {
	Page
	Y          youth.Youth
	Missing    []string
	Choices    []int64
	Minor      bool
	LinkIssued time.Time
	NewLink    string // the whole address of a link just re-issued, shown once
	Form       *form  // the guardian's consent
	CanManage  bool
	Guardian   guardianBox // the guardian link's state, and a new one
	// LanguageName is the young person's language in its own name.
	LanguageName string
	Region       func(code string) string
	Field        func(code string) string
}

// consentFields are the guardian's consent form's fields.
var consentFields = []string{"guardian_name", "guardian_relation", "guardian_contact", "consent_on"}

// Person shows young person {id}; opening it writes the access log.
func (s *Server) Person(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderPerson(w, r, rq, nil, "", http.StatusOK)
}

// Consent records the guardian's consent.
func (s *Server) Consent(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, consentFields...)
	g := youth.Guardian{Name: f.Values["guardian_name"], Relation: f.Values["guardian_relation"],
		Contact: f.Values["guardian_contact"], ConsentOn: kit.FormDate(rq, f, "consent_on")}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Youth.RecordGuardianConsent(r.Context(), rq.P, id, g)
		if err == nil {
			s.Flash(r, "youth.consent_recorded")
			return kit.SeeOther(w, r, "/youth/"+kit.Itoa(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderPerson(w, r, rq, f, "", http.StatusUnprocessableEntity)
}

// Reissue issues the young person a new link, shown once on their page.
func (s *Server) Reissue(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	token, err := s.svc.Youth.Link(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderPerson(w, r, rq, nil, LinkURL(r, token), http.StatusOK)
}

func (s *Server) renderPerson(w http.ResponseWriter, r *http.Request, rq *request, f *form, link string, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	y, err := s.svc.Youth.Get(ctx, rq.P, id, youth.ViaWeb)
	if err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	v := personView{Page: s.Page(r, rq, "youth.person_title"), Y: y, Minor: y.Minor(s.Now().UTC()), NewLink: link,
		CanManage: access.Can(rq.P, access.ManageYouth, y.Target()) == nil, Region: s.RegionNamer(ctx, s.svc.Geo, loc)}
	v.Title = y.FirstName + " " + y.LastName
	v.LanguageName = i18n.Locale(y.Language).NativeName()
	if v.Field, err = s.fieldNamer(ctx, loc); err != nil {
		return err
	}
	for _, k := range youth.MatchReady(y, s.Now().UTC()) {
		v.Missing = append(v.Missing, rq.L.T(k))
	}
	if v.Choices, err = s.svc.Youth.Choices(ctx, rq.P, id); err != nil {
		return err
	}
	if v.LinkIssued, err = s.svc.Youth.LinkIssued(ctx, rq.P, id); err != nil {
		return err
	}
	action := ""
	if v.CanManage {
		action = "/youth/" + kit.Itoa(id) + "/guardian-link"
	}
	if v.Guardian, err = s.guardianBoxOf(r, rq.P, y, action); err != nil {
		return err
	}
	if f == nil {
		f = kit.NewForm(nil, consentFields...)
		f.Values["guardian_name"], f.Values["guardian_relation"] = y.Guardian.Name, y.Guardian.Relation
		if !y.Masked {
			f.Values["guardian_contact"] = y.Guardian.Contact
		}
	}
	v.Form = f
	s.Render(w, status, "youth_person", &v)
	return nil
}
