package aftercare

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/web/kit"
)

// volunteerFields are the fields of a volunteer's form, in page order.
var volunteerFields = []string{"name", "phone", "email", "skills", "region", "org_id", "user_id", "active", "version",
	"languages", "subjects", "availability"}

// volunteersView is the registry: a filtered page of volunteers and the
// form that registers one.
type volunteersView struct {
	Page
	listing
	Rows      []volunteerRow
	Filter    *form
	Skills    []option
	Subjects  []option
	CanManage bool
	Form      *form
	Choices   volunteerChoices
}

// volunteerRow is a volunteer with their skills named.
type volunteerRow struct {
	aftercare.Volunteer
	SkillNames string
}

// volunteerChoices are the choices of a volunteer's form.
type volunteerChoices struct {
	Skills   []option
	Orgs     []option
	Logins   []option
	Regions  []option
	Subjects []option
	Slots    []slotRow
}

// slotRow is a day of the week with its parts to tick.
type slotRow struct {
	Day   string
	Parts []option
}

// Volunteers lists the volunteers of the user's scope by ?skill=,
// ?region= and ?active=, newest first.
func (s *Server) Volunteers(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, volunteerFields...)
	f.Values["active"] = "on"
	return s.renderVolunteers(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderVolunteers(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	q := kit.QueryForm(r, "skill", "region", "active", "subject", "language")
	fl := aftercare.VolunteerFilter{Skill: aftercare.Skill(q.Values["skill"]), Active: q.Values["active"] != "",
		Subject: q.Values["subject"], Language: strings.ToLower(q.Values["language"])}
	if code := kit.NormRegion(q.Values["region"]); code != "" {
		g, err := s.svc.Geo.Lookup(ctx, code)
		if err != nil {
			q.Fail(rq.L, "region", "error.unknown_region", "Code", code)
		}
		fl.RegionPath = g.Path
		if fl.RegionPath == "" {
			fl.RegionPath = "/-/" // nothing matches an unknown region
		}
	}
	n, err := s.svc.Aftercare.VolunteersCount(ctx, rq.P, fl)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Aftercare.Volunteers(ctx, rq.P, fl, pg.Store())
	if err != nil {
		return err
	}
	v := volunteersView{Page: s.Page(r, rq, "nav.volunteers"), listing: pg.Listing(r, next, n), Filter: q, Form: f,
		CanManage: access.Allowed(rq.P, access.ManageVolunteers)}
	v.Skills = append([]option{{Value: "", Label: rq.L.T("aftercare.any_skill")}}, skillOptions(rq.L, []string{q.Values["skill"]})...)
	v.Subjects = kit.Choices(aftercare.Subjects(), q.Values["subject"], rq.L.T("aftercare.any_subject"),
		func(k string) string { return rq.L.T("subject." + k) })
	for _, vo := range list {
		v.Rows = append(v.Rows, volunteerRow{Volunteer: vo, SkillNames: s.skillNames(rq, vo.Skills)})
	}
	if v.CanManage {
		if v.Choices, err = s.volunteerChoices(r, rq, f, 0); err != nil {
			return err
		}
	}
	s.Render(w, status, "volunteers", &v)
	return nil
}

// skillNames names skills in the reader's language.
func (s *Server) skillNames(rq *request, skills []aftercare.Skill) string {
	var out []string
	for _, k := range skills {
		out = append(out, rq.L.T("aftercare.skill."+string(k)))
	}
	return strings.Join(out, rq.L.T("common.list_separator"))
}

// volunteerChoices are the skills, organisations, regions and logins of
// the form of volunteer id (0 for a new one).
func (s *Server) volunteerChoices(r *http.Request, rq *request, f *form, id int64) (volunteerChoices, error) {
	ctx := r.Context()
	var c volunteerChoices
	c.Skills = skillOptions(rq.L, strings.Split(f.Values["skills"], ","))
	subjects, slots := strings.Split(f.Values["subjects"], ","), strings.Split(f.Values["availability"], ",")
	for _, k := range aftercare.Subjects() {
		c.Subjects = append(c.Subjects, option{Value: k, Label: rq.L.T("subject." + k), Selected: slices.Contains(subjects, k)})
	}
	for _, d := range aftercare.Days() {
		row := slotRow{Day: rq.L.T("day." + d)}
		for _, per := range aftercare.Periods() {
			code := aftercare.Slot(d, per)
			row.Parts = append(row.Parts, option{Value: code, Label: rq.L.T("period." + per),
				Selected: slices.Contains(slots, code)})
		}
		c.Slots = append(c.Slots, row)
	}
	var err error
	if c.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["org_id"], "—", 0); err != nil {
		return c, err
	}
	if c.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return c, err
	}
	logins, err := s.svc.Aftercare.VolunteerLogins(ctx, rq.P)
	if err != nil {
		return c, err
	}
	c.Logins = append(c.Logins, option{Value: "", Label: rq.L.T("aftercare.no_login"), Selected: f.Values["user_id"] == ""})
	for _, l := range logins {
		if l.VolunteerID != 0 && l.VolunteerID != id {
			continue // another volunteer's
		}
		v := strconv.FormatInt(l.UserID, 10)
		c.Logins = append(c.Logins, option{Value: v, Label: l.Name + " · " + l.Email, Selected: v == f.Values["user_id"]})
	}
	return c, nil
}

// volunteerInput reads a volunteer's form.
func volunteerInput(rq *request, r *http.Request, f *form) aftercare.VolunteerInput {
	in := aftercare.VolunteerInput{Name: f.Values["name"], Phone: f.Values["phone"], Email: f.Values["email"],
		RegionCode: kit.NormRegion(f.Values["region"]), OrgID: kit.FilterID(rq, f, "org_id"),
		UserID: kit.FilterID(rq, f, "user_id"), Active: f.Values["active"] != ""}
	for _, k := range r.PostForm["skills"] {
		in.Skills = append(in.Skills, aftercare.Skill(k))
	}
	f.Values["skills"] = strings.Join(r.PostForm["skills"], ",")
	in.Languages = strings.FieldsFunc(f.Values["languages"], func(r rune) bool { return r == ',' || r == ' ' })
	in.Subjects, in.Slots = r.PostForm["subjects"], r.PostForm["availability"]
	f.Values["subjects"], f.Values["availability"] = strings.Join(in.Subjects, ","), strings.Join(in.Slots, ",")
	return in
}

// VolunteerCreate registers a volunteer.
func (s *Server) VolunteerCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, volunteerFields...)
	in := volunteerInput(rq, r, f)
	if len(f.FieldErrs) == 0 {
		v, err := s.svc.Aftercare.CreateVolunteer(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "aftercare.volunteer_saved")
			return kit.SeeOther(w, r, "/volunteers/"+kit.Itoa(v.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderVolunteers(w, r, rq, f, http.StatusUnprocessableEntity)
}
