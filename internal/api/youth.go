package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/youth"
)

// The young people of the mentoring programme: the public registration,
// which answers the young person's secret link once; the coordinators'
// list, a young person's record (its reading written to the access log),
// a guardian's consent and a link re-issued; and, by the link alone, the
// young person's shortlist and their choice of mentors.

// youthRegistration is the body of POST /y/register/{org}.
type youthRegistration struct {
	LastName         string `json:"last_name"`
	FirstName        string `json:"first_name"`
	Patronymic       string `json:"patronymic"`
	BirthDate        string `json:"birth_date"`
	Region           string `json:"region"`
	Settlement       string `json:"settlement"`
	Status           string `json:"status"`
	Field            string `json:"field"`
	Goals            string `json:"goals"`
	Language         string `json:"language"`
	Phone            string `json:"phone"`
	Telegram         string `json:"telegram"`
	Email            string `json:"email"`
	GuardianName     string `json:"guardian_name"`
	GuardianRelation string `json:"guardian_relation"`
	GuardianContact  string `json:"guardian_contact"`
	ShortlistConsent bool   `json:"shortlist_consent"`
}

// registerYouth takes a public registration for youth organisation
// {org}: 201 with the new record's id, branch, age group and secret link,
// which is never shown again; 200 without a link when the same person was
// registered before.
func (a *API) registerYouth(w http.ResponseWriter, r *http.Request, _ *request) error {
	if err := a.allowPublic(r, "youth_register", youthRegisterPerWindow); err != nil {
		return err
	}
	orgID, err := pathID(r, "org")
	if err != nil {
		return err
	}
	org, err := a.svc.Orgs.Get(r.Context(), access.System, orgID)
	if err != nil || !org.Active {
		return errs.ErrNotFound
	}
	var in youthRegistration
	if err := decode(r, &in); err != nil {
		return err
	}
	birth, err := optionalDay("birth_date", in.BirthDate)
	if err != nil {
		return err
	}
	reg, err := a.svc.Youth.Register(r.Context(), youth.FormPrincipal(org.ID, org.Path), org.ID, youth.Input{
		LastName: in.LastName, FirstName: in.FirstName, Patronymic: in.Patronymic, Birth: birth,
		RegionCode: in.Region, Settlement: youth.Settlement(in.Settlement), Status: youth.Status(in.Status),
		Field: in.Field, Goals: in.Goals, Language: in.Language, Channel: youth.Web,
		Contact:   youth.Contact{Phone: in.Phone, Telegram: in.Telegram, Email: in.Email},
		Shortlist: in.ShortlistConsent, Guardian: youth.GuardianDetails{Name: in.GuardianName,
			Relation: in.GuardianRelation, Contact: in.GuardianContact}})
	if err != nil {
		return err
	}
	if reg.Existing {
		// The sender learns that the person is registered, nothing of
		// the record: knowing a name, a birth date and a contact opens
		// nothing.
		return writeJSON(w, http.StatusOK, jsonType, map[string]bool{"existing": true})
	}
	return writeJSON(w, http.StatusCreated, jsonType, reg)
}

// listYouth is a page of the young people of the caller's scope, newest
// first, narrowed as the web list is; minors' contacts come masked.
func (a *API) listYouth(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	org, err := queryID(r, "org")
	if err != nil {
		return err
	}
	f := youth.Filter{AgeGroup: youth.AgeGroup(q.Get("age_group")), Region: q.Get("region"),
		Status: youth.Status(q.Get("status")), Field: q.Get("field"), OrgID: org}
	switch q.Get("consent") {
	case "":
	case "missing":
		f.NoConsent = true
	default:
		return errs.Validation(errs.Field("consent", "error.invalid_choice"))
	}
	list, next, err := a.svc.Youth.List(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// youthRecord is a young person as a coordinator reads them: the record,
// what a match still waits for (i18n keys), their ranked mentors and when
// their link was last issued.
type youthRecord struct {
	Youth      youth.Youth `json:"youth"`
	Missing    []string    `json:"missing"`
	Choices    []int64     `json:"choices"`
	LinkIssued *time.Time  `json:"link_issued_at,omitempty"`
}

// getYouth answers young person {id}; the reading is written to the
// access log.
func (a *API) getYouth(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := a.youthRecord(r, rq, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rec)
}

func (a *API) youthRecord(r *http.Request, rq *request, id int64) (youthRecord, error) {
	ctx := r.Context()
	y, err := a.svc.Youth.Get(ctx, rq.p, id, youth.ViaAPI)
	if err != nil {
		return youthRecord{}, err
	}
	rec := youthRecord{Youth: y, Missing: youth.MatchReady(y, a.Now().UTC())}
	if rec.Missing == nil {
		rec.Missing = []string{}
	}
	if rec.Choices, err = a.svc.Youth.Choices(ctx, rq.p, id); err != nil {
		return youthRecord{}, err
	}
	at, err := a.svc.Youth.LinkIssued(ctx, rq.p, id)
	if !at.IsZero() {
		rec.LinkIssued = &at
	}
	return rec, err
}

// guardianConsent is the body of PUT /youth/{id}/consent.
type guardianConsent struct {
	Name      string `json:"name"`
	Relation  string `json:"relation"`
	Contact   string `json:"contact"`
	ConsentOn string `json:"consent_on"`
}

// putYouthConsent records a minor's guardian's consent and answers the
// young person as they now stand.
func (a *API) putYouthConsent(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in guardianConsent
	if err := decode(r, &in); err != nil {
		return err
	}
	on, err := optionalDay("consent_on", in.ConsentOn)
	if err != nil {
		return err
	}
	y, err := a.svc.Youth.RecordGuardianConsent(r.Context(), rq.p, id, youth.Guardian{Name: in.Name,
		Relation: in.Relation, Contact: in.Contact, ConsentOn: on})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, y)
}

// youthLink is a secret link just issued: its token, shown this once.
type youthLink struct {
	Link string `json:"link"`
}

// reissueYouthLink issues young person {id} a new link; the old one stops
// working.
func (a *API) reissueYouthLink(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	token, err := a.svc.Youth.Link(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/youth/"+strconv.FormatInt(id, 10), youthLink{Link: token})
}
