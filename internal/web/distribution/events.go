package distribution

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// eventsView lists the events in the reader's scope and offers the form
// that plans one.
type eventsView struct {
	Page
	kit.Listing
	Events []eventRow
	CanRun bool
	eventForm
}

// eventRow is an event with its campaign's name.
type eventRow struct {
	distribution.Event
	Campaign string
}

// Events lists the distribution events at the warehouses the reader
// sees, the latest first.
func (s *Server) Events(w http.ResponseWriter, r *http.Request, rq *request) error {
	f, orgs, staff := newEventForm(nil)
	f.Values["starts_time"], f.Values["ends_time"], f.Values["whole_point"] = "09:00", "17:00", "on"
	return s.renderEvents(w, r, rq, f, orgs, staff, http.StatusOK)
}

func (s *Server) renderEvents(w http.ResponseWriter, r *http.Request, rq *request, f *form, orgs, staff []int64, status int) error {
	ctx := r.Context()
	n, err := s.svc.Distribution.EventsCount(ctx, rq.P, distribution.Filter{})
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Distribution.EventPage(ctx, rq.P, distribution.Filter{}, pg.Cursor, pg.Store())
	if err != nil {
		return err
	}
	names, _, err := s.campaignNames(ctx, rq)
	if err != nil {
		return err
	}
	v := eventsView{Page: s.Page(r, rq, "distribution.events"), Listing: pg.Listing(r, next, n),
		CanRun: access.Allowed(rq.P, access.RunDistribution)}
	for _, e := range list {
		v.Events = append(v.Events, eventRow{e, names[e.CampaignID]})
	}
	if v.CanRun {
		if v.eventForm, err = s.eventChoices(ctx, rq, f, orgs, staff); err != nil {
			return err
		}
	}
	s.Render(w, status, "events", &v)
	return nil
}

// EventCreate plans an event.
func (s *Server) EventCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f, orgs, staff := newEventForm(r)
	in := eventInput(rq, f, orgs, staff)
	if len(f.FieldErrs) == 0 {
		e, err := s.svc.Distribution.CreateEvent(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "distribution.event_created")
			return kit.SeeOther(w, r, eventURL(e.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderEvents(w, r, rq, f, orgs, staff, http.StatusUnprocessableEntity)
}

// eventView is an event's page.
type eventView struct {
	Page
	Event     distribution.Event
	Campaign  string
	Moves     []distribution.Status
	CanRun    bool
	Groups    []group
	Lines     int
	Handed    int
	Photos    []distribution.Photo
	Assign    *form
	Conflict  string
	MaxPhoto  string
	eventForm // the edit form
}

// Event shows the {id} event: its facts, its status, its list by school
// or centre (counts, no names), the photos of its signed lists, and to
// those who run it the forms that change it.
func (s *Server) Event(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderEvent(w, r, rq, nil, nil, nil, nil, "", http.StatusOK)
}

func (s *Server) renderEvent(w http.ResponseWriter, r *http.Request, rq *request, f *form, orgs, staff []int64,
	assign *form, conflict string, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, rows, err := s.svc.Distribution.Lines(ctx, rq.P, id)
	if err != nil {
		return err
	}
	names, _, err := s.campaignNames(ctx, rq)
	if err != nil {
		return err
	}
	v := eventView{Page: s.Page(r, rq, "distribution.event"), Event: e, Campaign: names[e.CampaignID],
		CanRun: mayRun(rq, e), Conflict: conflict, MaxPhoto: "5 MB", Lines: len(rows)}
	v.Title = e.Place
	v.Groups = groups(rows)
	for _, g := range v.Groups {
		v.Handed += g.Handed
	}
	if v.Photos, err = s.svc.Distribution.Photos(ctx, rq.P, id); err != nil {
		return err
	}
	if v.CanRun {
		v.Moves = e.Status.Next()
		if f == nil {
			f, _, _ = newEventForm(nil)
			orgs, staff = fillEventForm(rq, f, e)
		}
		if v.eventForm, err = s.eventChoices(ctx, rq, f, orgs, staff); err != nil {
			return err
		}
		if assign == nil {
			assign = kit.NewForm(nil, "references")
		}
		v.Assign = assign
	}
	s.Render(w, status, "event", &v)
	return nil
}

// EventUpdate edits the {id} event.
func (s *Server) EventUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f, orgs, staff := newEventForm(r)
	in := eventInput(rq, f, orgs, staff)
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Distribution.UpdateEvent(r.Context(), rq.P, id, in)
		if err == nil {
			s.Flash(r, "distribution.event_saved")
			return kit.SeeOther(w, r, eventURL(id))
		}
		if e := errs.As(err); e != nil && e.Code == errs.Conflict {
			return s.renderEvent(w, r, rq, nil, nil, nil, nil, rq.L.T(e.Key, e.Args...), http.StatusConflict)
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderEvent(w, r, rq, f, orgs, staff, nil, "", http.StatusUnprocessableEntity)
}

// EventStatus opens or closes the {id} event.
func (s *Server) EventStatus(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "to", "version")
	version, _ := strconv.Atoi(f.Values["version"])
	_, err = s.svc.Distribution.SetStatus(r.Context(), rq.P, id, version, distribution.Status(f.Values["to"]))
	if err == nil {
		s.Flash(r, "distribution.status_saved")
		return kit.SeeOther(w, r, eventURL(id))
	}
	if e := errs.As(err); e != nil && e.Code == errs.Conflict {
		return s.renderEvent(w, r, rq, nil, nil, nil, nil, rq.L.T(e.Key, e.Args...), http.StatusConflict)
	}
	return err
}
