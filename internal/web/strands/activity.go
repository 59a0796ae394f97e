package strands

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/kit"
)

// activityView is an activity: its facts, its participants with their
// attendance and progress, its sessions, and for its managers the forms
// that enrol a young person, add a session and record progress.
type activityView struct {
	Page
	Activity     strands.Activity
	Region       string
	Participants []strands.Participant
	Sessions     []strands.Session
	CanManage    bool
	CanOutcomes  bool
	Form         *form
}

// the fields of the activity page's forms.
var activityPageFields = []string{"youth_id", "held_on", "topic", "leader", "progress", "note"}

// Activity shows the {id} activity.
func (s *Server) Activity(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderActivity(w, r, rq, kit.NewForm(nil, activityPageFields...), http.StatusOK)
}

func (s *Server) renderActivity(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Strands.Activity(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := activityView{Page: s.Page(r, rq, "strands.title"), Activity: a, Form: f,
		CanManage:   access.Can(rq.P, access.ManageStrands, a.Target()) == nil,
		CanOutcomes: access.Allowed(rq.P, access.ViewOutcomes)}
	v.Title = a.Name
	v.Region = s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))(a.RegionCode)
	if v.Participants, err = s.svc.Strands.Participants(ctx, rq.P, id); err != nil {
		return err
	}
	if v.Sessions, err = s.svc.Strands.Sessions(ctx, rq.P, id); err != nil {
		return err
	}
	if f.Values["held_on"] == "" {
		day := s.Today(rq)
		if day.Before(a.StartsOn) || day.After(a.EndsOn) {
			day = a.StartsOn
		}
		f.Values["held_on"] = day.Format(time.DateOnly)
	}
	s.Render(w, status, "activity", &v)
	return nil
}

// Enrol enrols the young person whose number the form gives on the {id}
// activity.
func (s *Server) Enrol(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, activityPageFields...)
	youthID := kit.Number(rq, f, "youth_id")
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Strands.Enrol(r.Context(), rq.P, id, youthID)
		if err == nil {
			s.Flash(r, "strands.enrolled")
			return kit.SeeOther(w, r, "/activities/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderActivity(w, r, rq, f, http.StatusUnprocessableEntity)
}

// AddSession adds a session to the {id} activity and opens its register.
func (s *Server) AddSession(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, activityPageFields...)
	day := kit.FormDate(rq, f, "held_on")
	if len(f.FieldErrs) == 0 {
		se, err := s.svc.Strands.AddSession(r.Context(), rq.P, id, day, f.Values["topic"], f.Values["leader"])
		if err == nil {
			return kit.SeeOther(w, r, "/activity-sessions/"+kit.Itoa(se.ID))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderActivity(w, r, rq, f, http.StatusUnprocessableEntity)
}

// Progress records a participant's progress on the {id} activity.
func (s *Server) Progress(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, activityPageFields...)
	youthID, _ := kit.FormID(f.Values["youth_id"])
	progress := kit.Count(rq, f, "progress")
	if len(f.FieldErrs) == 0 {
		err := s.svc.Strands.SetProgress(r.Context(), rq.P, id, youthID, progress, f.Values["note"])
		if err == nil {
			s.Flash(r, "strands.progress_saved")
			return kit.SeeOther(w, r, "/activities/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderActivity(w, r, rq, f, http.StatusUnprocessableEntity)
}
