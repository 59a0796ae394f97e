package api

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/strands"
)

// The rest of a young person's own routes, by their secret link like
// the shortlist: their match and mentorship, feedback after a session, a
// safeguarding concern, the activities of their region and the
// selections they are a candidate of. Each calls the service the web
// page and the bot call, with the young person's ID the link resolves.

// ownProposal is a proposed match as its young person reads it: the
// mentor by first name, and only once a minor's match is approved.
type ownProposal struct {
	ID          int64             `json:"id"`
	Status      matching.Status   `json:"status"`
	MentorName  string            `json:"mentor_first_name,omitempty"`
	Choice      int               `json:"choice"`
	Explanation string            `json:"explanation"`
	Reasons     []matching.Reason `json:"reasons"`
	Deadline    time.Time         `json:"deadline"`
}

// ownMatch is what GET /y/{token}/match answers.
type ownMatch struct {
	Proposals   []ownProposal    `json:"proposals"`
	Mentorships []mentorship.Own `json:"mentorships"`
	// Rules are the safeguarding rules a minor is shown, in the
	// caller's language; none for an adult.
	Rules []string `json:"safeguarding_rules"`
}

// explain gives a match's reasons as one sentence in l's language.
func explain(l *i18n.Localizer, rs []matching.Reason) string {
	out := ""
	for i, r := range rs {
		switch {
		case i == 1:
			out += "; "
		case i > 1:
			out += ", "
		}
		out += l.T(r.Key, r.Args...)
	}
	return out
}

// getOwnMatch answers the young person's proposals and mentorships.
func (a *API) getOwnMatch(w http.ResponseWriter, r *http.Request, rq *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	ctx, l := r.Context(), a.localizer(r, rq)
	ps, err := a.svc.Matching.ForYouth(ctx, own.Youth.ID)
	if err != nil {
		return err
	}
	out := ownMatch{Proposals: []ownProposal{}, Rules: []string{}}
	for _, p := range ps {
		first := mentorship.Own{Mentorship: mentorship.Mentorship{MentorName: p.MentorName}}.FirstName()
		out.Proposals = append(out.Proposals, ownProposal{ID: p.ID, Status: p.Status, MentorName: first, Choice: p.Choice,
			Explanation: explain(l, p.Reasons), Reasons: p.Reasons, Deadline: p.Deadline})
	}
	if out.Mentorships, err = a.svc.Mentorship.ForYouth(ctx, own.Youth.ID); err != nil {
		return err
	}
	if own.Youth.Minor(a.Now().UTC()) {
		for _, k := range []string{"youth.rule_public", "youth.rule_guardian", "youth.rule_contacts", "youth.rule_report"} {
			out.Rules = append(out.Rules, l.T(k))
		}
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return writeJSON(w, http.StatusOK, jsonType, out)
}

// ownFeedback is the body of POST /y/{token}/sessions/{id}/feedback.
type ownFeedback struct {
	Rating  int    `json:"rating"`
	Comment string `json:"comment"`
}

// postOwnFeedback records the young person's feedback on a session of
// their mentorship.
func (a *API) postOwnFeedback(w http.ResponseWriter, r *http.Request, rq *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in ownFeedback
	if err := decode(r, &in); err != nil {
		return err
	}
	f, err := a.svc.Mentorship.YouthFeedback(r.Context(), own.Youth.ID, id, in.Rating, in.Comment)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, f)
}

// ownConcern is what a young person learns of the concern they reported:
// that it is taken, and what happens next in their language.
type ownConcern struct {
	ID        int64     `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	Next      string    `json:"next"`
}

// postOwnConcern reports the young person's safeguarding concern about
// their mentorship; it reaches the safeguarding lead at once.
func (a *API) postOwnConcern(w http.ResponseWriter, r *http.Request, rq *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in safeguardingConcernInput
	if err := decode(r, &in); err != nil {
		return err
	}
	c, err := a.svc.Mentorship.YouthConcern(r.Context(), own.Youth.ID, id, in.Body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, ownConcern{ID: c.ID, CreatedAt: c.CreatedAt,
		Next: a.localizer(r, rq).T("youth.concern_next")})
}

// getOwnActivities answers the activities of the young person's region
// that are not over, each saying whether they joined it.
func (a *API) getOwnActivities(w http.ResponseWriter, r *http.Request, _ *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	offers, err := a.svc.Strands.OpenFor(r.Context(), own.Youth.ID)
	if err != nil {
		return err
	}
	if offers == nil {
		offers = []strands.Offer{}
	}
	return writeJSON(w, http.StatusOK, jsonType, map[string]any{"activities": offers})
}

// joinOwnActivity enrols the young person on activity {id}.
func (a *API) joinOwnActivity(w http.ResponseWriter, r *http.Request, _ *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	e, err := a.svc.Strands.Join(r.Context(), own.Youth.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, e)
}

// ownStanding is a selection as its candidate reads it.
type ownStanding struct {
	selection.Standing
	Appealable bool `json:"appealable"` // an appeal is taken today
}

// getOwnSelections answers the selections the young person is a
// candidate of, with their place, their appeal and its deadline.
func (a *API) getOwnSelections(w http.ResponseWriter, r *http.Request, _ *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	sts, err := a.svc.Selection.ForYouth(r.Context(), own.Youth.ID)
	if err != nil {
		return err
	}
	out := make([]ownStanding, len(sts))
	for i, st := range sts {
		out[i] = ownStanding{Standing: st, Appealable: st.Appealable(a.Now().UTC())}
	}
	return writeJSON(w, http.StatusOK, jsonType, map[string]any{"selections": out})
}

// ownAppeal is the body of POST /y/{token}/selections/{id}/appeal.
type ownAppeal struct {
	Reason string `json:"reason"`
}

// postOwnAppeal files the young person's appeal in selection {id}.
func (a *API) postOwnAppeal(w http.ResponseWriter, r *http.Request, _ *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in ownAppeal
	if err := decode(r, &in); err != nil {
		return err
	}
	ap, err := a.svc.Selection.FileOwn(r.Context(), id, own.Youth.ID, in.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, ap)
}
