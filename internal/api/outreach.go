package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/outreach"
)

// The out-of-school cases: an outreach worker's queue, a case with its
// timeline, the actions of its steps (each names the version it was
// written against: of two workers saving one case, one is told the case
// changed, 409), the funnel, the step deadlines and the out-of-school
// run's flags.

// listOutreachCases lists the open cases of the caller's scope, the
// nearest deadline first; ?mine=1 keeps the caller's own.
func (a *API) listOutreachCases(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f := outreach.Filter{Mine: flag(q, "mine")}
	list, next, err := a.svc.Outreach.Queue(r.Context(), rq.p, f, outreach.Page{Cursor: q.Get("cursor"), Limit: page(r).Limit})
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

// getOutreachCase answers a case with its timeline, needs, referrals and
// checks; the reading is written to the access log.
func (a *API) getOutreachCase(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v, err := a.svc.Outreach.Get(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, v)
}

// caseAction is the body of every action on a case: the version it was
// written against and the action's own fields.
type caseAction struct {
	Version   int                    `json:"version"`
	Mode      outreach.Mode          `json:"mode"`
	Reason    outreach.Reason        `json:"reason"`
	Note      string                 `json:"note"`
	Needs     []outreach.NeedNote    `json:"needs"`
	Need      outreach.Need          `json:"need"`
	CharityID int64                  `json:"charity_id"`
	SchoolID  int64                  `json:"school_id"`
	On        string                 `json:"on"`
	Attending bool                   `json:"attending"`
	Outcome   outreach.Outcome       `json:"outcome"`
	Shared    []outreach.SharedField `json:"shared"`
	UserID    int64                  `json:"user_id"`
}

// actOnCase runs the {act} of the path on case {id} and answers the case
// as it now stands; a referral answers 201 with the referral.
func (a *API) actOnCase(act string) handler {
	return func(w http.ResponseWriter, r *http.Request, rq *request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var in caseAction
		if err := decode(r, &in); err != nil {
			return err
		}
		ctx, svc := r.Context(), a.svc.Outreach
		var c outreach.Case
		switch act {
		case "contact":
			c, err = svc.Contact(ctx, rq.p, id, in.Version, outreach.ContactInput{Mode: in.Mode, Reason: in.Reason,
				Note: in.Note})
		case "needs":
			c, err = svc.AddNeeds(ctx, rq.p, id, in.Version, in.Needs)
		case "refer":
			ref, err := svc.Refer(ctx, rq.p, id, in.Version, outreach.ReferInput{Need: in.Need,
				CharityID: in.CharityID, Note: in.Note})
			if err != nil {
				return err
			}
			return created(w, Prefix+"/outreach/cases/"+strconv.FormatInt(id, 10), ref)
		case "enrol":
			on, err := optionalDay("on", in.On)
			if err != nil {
				return err
			}
			c, err = svc.Enrol(ctx, rq.p, id, in.Version, outreach.EnrolInput{SchoolID: in.SchoolID, On: on})
			if err != nil {
				return err
			}
		case "check":
			c, err = svc.Check(ctx, rq.p, id, in.Version, outreach.CheckInput{Attending: in.Attending, Note: in.Note})
		case "close":
			c, err = svc.Close(ctx, rq.p, id, in.Version, in.Outcome)
		case "consent":
			c, err = svc.Share(ctx, rq.p, id, in.Version, in.Shared)
		case "assign":
			c, err = svc.Assign(ctx, rq.p, id, in.Version, in.UserID)
		}
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, jsonType, c)
	}
}

// funnel is the answer of GET /outreach/funnel.
type funnel struct {
	By     string           `json:"by"`
	Stages []outreach.Stage `json:"stages"`
}

// getOutreachFunnel counts the cases of the caller's scope by how far
// they got, per district, or per reason with ?by=reason.
func (a *API) getOutreachFunnel(w http.ResponseWriter, r *http.Request, rq *request) error {
	by := r.URL.Query().Get("by")
	if by != "reason" {
		by = "district"
	}
	st, err := a.svc.Outreach.Funnel(r.Context(), rq.p, by == "reason")
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, funnel{By: by, Stages: nonNil(st)})
}

// deadlines is the body and answer of /outreach/deadlines: the calendar
// days each step is given.
type deadlines map[outreach.Step]int

func (a *API) getOutreachDeadlines(w http.ResponseWriter, r *http.Request, rq *request) error {
	ds, err := a.svc.Outreach.Deadlines(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, deadlines(ds))
}

func (a *API) putOutreachDeadlines(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in deadlines
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := a.svc.Outreach.SetDeadlines(r.Context(), rq.p, in); err != nil {
		return err
	}
	return a.getOutreachDeadlines(w, r, rq)
}

// flagInput is the body of POST /outreach/flags: the children the
// out-of-school run found.
type flagInput struct {
	Children []struct {
		PersonID   int64               `json:"person_id"`
		Category   outreach.Category   `json:"category"`
		Visibility outreach.Visibility `json:"visibility"`
		Confidence float64             `json:"confidence"`
		Why        string              `json:"why"`
		RegionCode string              `json:"region_code"`
		OrgID      int64               `json:"org_id"`
		SchoolID   int64               `json:"school_id"`
	} `json:"children"`
}

// flagResult is the answer of POST /outreach/flags, with each refusal's
// reason in the caller's language.
type flagResult struct {
	outreach.FlagResult
	Refused []flagRefusal `json:"refused"`
}

type flagRefusal struct {
	Index    int    `json:"index"`
	PersonID int64  `json:"person_id"`
	Message  string `json:"message"`
}

// flagOutOfSchool records the children of an out-of-school run: a case
// for each new one, the open case updated for the others (see
// outreach.Service.Flag).
func (a *API) flagOutOfSchool(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in flagInput
	if err := decode(r, &in); err != nil {
		return err
	}
	list := make([]outreach.Flagged, len(in.Children))
	for i, c := range in.Children {
		list[i] = outreach.Flagged{PersonID: c.PersonID, Category: c.Category, Visibility: c.Visibility,
			Confidence: c.Confidence, Why: c.Why, RegionCode: c.RegionCode, OrgID: c.OrgID, SchoolID: c.SchoolID}
	}
	res, err := a.svc.Outreach.Flag(r.Context(), rq.p, list)
	if err != nil {
		return err
	}
	out := flagResult{FlagResult: res, Refused: []flagRefusal{}}
	l := a.localizer(r, rq)
	for _, f := range res.Refused {
		out.Refused = append(out.Refused, flagRefusal{Index: f.Index, PersonID: f.PersonID, Message: a.errText(l, f.Err)})
	}
	return writeJSON(w, http.StatusOK, jsonType, out)
}

// errText is err as one line in the caller's language: the first refused
// field and why, or the error's message.
func (a *API) errText(l *i18n.Localizer, err error) string {
	se := a.fromDomain(l, err)
	if len(se.fields) > 0 {
		return se.fields[0].Field + ": " + se.fields[0].Message
	}
	return l.T(se.key, se.args...)
}
