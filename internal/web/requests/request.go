package requests

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/kit"
)

// requestView is one request with everything that hangs off it.
type requestView struct {
	Page
	Request     requests.Request
	StatusName  string
	ChannelName string
	Applicant   string // the kind of applicant, translated
	Events      []eventRow
	Comments    []requests.Comment
	Documents   []requests.Document
	Moves       []moveButton // the decisions the lifecycle allows now
	Reasons     []option
	CanDecide   bool
	CanEdit     bool
	Reviewers   []option // who may be given the request to review
	Mine        bool     // the user reviews it
	Conflict    string   // why the decision just made was not taken
	Form        *form
	MaxDocument string
	Eligibility eligibilityView
	Handovers   handoversView
	Messages    []messageRow // the outbox to the applicant, newest first
}

// eventRow is one step of the history.
type eventRow struct {
	requests.Event
	FromName, ToName, ReasonName string
}

// moveButton is a status a request may move to.
type moveButton struct {
	To     requests.Status
	Name   string
	Reject bool // needs the reason
}

// transitionFields are the fields of the decision form.
var transitionFields = []string{"to", "version", "reason", "note"}

// Request shows the {id} request. Opening it writes the access log.
func (s *Server) Request(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderRequest(w, r, rq, kit.NewForm(nil, transitionFields...), "", http.StatusOK)
}

func (s *Server) renderRequest(w http.ResponseWriter, r *http.Request, rq *request, f *form, conflict string, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	x, err := s.svc.Requests.Get(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	v := requestView{Page: s.Page(r, rq, "requests.request"), Request: x, StatusName: statusName(rq, x.Status),
		ChannelName: rq.L.T("requestchannel." + string(x.Channel)), Applicant: rq.L.T("applicantkind." + string(x.ApplicantKind)),
		CanDecide: x.MergedInto == 0 && access.Can(rq.P, access.DecideRequests, x.Target()) == nil,
		CanEdit:   access.Can(rq.P, access.SubmitRequests, x.Target()) == nil,
		Conflict:  conflict, Form: f, MaxDocument: "5 MB"}
	v.Title = rq.L.T("requests.request_ref", "Reference", x.Reference)
	evs, err := s.svc.Requests.Events(ctx, rq.P, id)
	if err != nil {
		return err
	}
	for _, e := range evs {
		row := eventRow{Event: e, ToName: statusName(rq, e.To)}
		if e.From != "" {
			row.FromName = statusName(rq, e.From)
		}
		if e.Reason != "" {
			row.ReasonName = rq.L.T("rejectreason." + string(e.Reason))
		}
		v.Events = append(v.Events, row)
	}
	if v.Eligibility, err = s.eligibility(ctx, rq, x); err != nil {
		return err
	}
	if v.Comments, err = s.svc.Requests.Comments(ctx, rq.P, id); err != nil {
		return err
	}
	if v.Documents, err = s.svc.Requests.Documents(ctx, rq.P, id); err != nil {
		return err
	}
	if v.Handovers, err = s.handovers(ctx, rq, x); err != nil {
		return err
	}
	if v.Messages, err = s.messages(ctx, rq, id); err != nil {
		return err
	}
	if v.CanDecide {
		able, err := s.svc.Accounts.Able(ctx, rq.P, access.DecideRequests, x.Target())
		if err != nil {
			return err
		}
		chosen := x.ReviewerID
		if id, err := strconv.ParseInt(f.Values["reviewer"], 10, 64); err == nil {
			chosen = id // the choice refused, shown again beside its reason
		}
		v.Reviewers = kit.ColleagueOptions(rq.L, able, chosen, rq.L.T("requests.choose_reviewer"))
		v.Mine = x.ReviewerID == rq.P.UserID
		for _, to := range x.Status.Next() {
			v.Moves = append(v.Moves, moveButton{To: to, Name: rq.L.T("requestmove." + string(to)), Reject: to == requests.Rejected})
		}
		v.Reasons = kit.Choices(requests.Reasons(), f.Values["reason"], rq.L.T("requests.choose_reason"),
			func(rs requests.Reason) string { return rq.L.T("rejectreason." + string(rs)) })
	}
	s.Render(w, status, "request", &v)
	return nil
}

// Transition takes a decision on the {id} request. A decision made on a
// page older than the request is not taken: the page comes back with the
// request as it stands and says so.
func (s *Server) Transition(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, transitionFields...)
	version, _ := strconv.Atoi(f.Values["version"])
	_, err = s.svc.Requests.Transition(r.Context(), rq.P, id, requests.Move{To: requests.Status(f.Values["to"]),
		Version: version, Reason: requests.Reason(f.Values["reason"]), Note: f.Values["note"], Via: "web"})
	if err == nil {
		s.Flash(r, "requests.decided")
		return kit.SeeOther(w, r, requestURL(id))
	}
	if e := errs.As(err); e != nil && e.Code == errs.Conflict {
		return s.renderRequest(w, r, rq, kit.NewForm(nil, transitionFields...), rq.L.T(e.Key, e.Args...), http.StatusConflict)
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	return s.renderRequest(w, r, rq, f, "", http.StatusUnprocessableEntity)
}

// Comment leaves a comment on the {id} request.
func (s *Server) Comment(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "body")
	if _, err := s.svc.Requests.AddComment(r.Context(), rq.P, id, f.Values["body"]); err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.renderRequest(w, r, rq, f, "", http.StatusUnprocessableEntity)
	}
	s.Flash(r, "requests.commented")
	return kit.SeeOther(w, r, requestURL(id)+"#comments")
}

// Review gives the {id} request to a reviewer: the user chosen in the
// list (reviewer), the user themselves (action "self", or a form naming
// nobody), or nobody (action "off"). A user who may not decide the
// request is refused beside the list with the reason.
func (s *Server) Review(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "reviewer", "action", "version")
	version, _ := strconv.Atoi(f.Values["version"])
	reviewer, flash := rq.P.UserID, "requests.reviewer_set"
	switch _, chose := r.PostForm["reviewer"]; {
	case f.Values["action"] == "off":
		reviewer, flash = 0, "requests.reviewer_removed"
	case f.Values["action"] == "self" || !chose:
	case f.Values["reviewer"] == "":
		f.Fail(rq.L, "reviewer", "requests.choose_reviewer_first")
		return s.renderRequest(w, r, rq, f, "", http.StatusUnprocessableEntity)
	default:
		if reviewer, err = strconv.ParseInt(f.Values["reviewer"], 10, 64); err != nil {
			reviewer = -1 // no such user: the service says so
		}
		flash = "requests.reviewer_assigned"
	}
	_, err = s.svc.Requests.AssignReviewer(r.Context(), rq.P, id, version, reviewer)
	var e *errs.Error
	if errors.As(err, &e) && e.Code == errs.Conflict {
		return s.renderRequest(w, r, rq, kit.NewForm(nil, transitionFields...), rq.L.T(e.Key, e.Args...), http.StatusConflict)
	}
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.renderRequest(w, r, rq, f, "", http.StatusUnprocessableEntity)
	}
	if reviewer == rq.P.UserID {
		flash = "requests.reviewer_set"
	}
	s.Flash(r, flash)
	return kit.SeeOther(w, r, requestURL(id))
}
