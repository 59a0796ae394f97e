package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/youth"
)

// guardianLink is a guardian link just issued: its token, shown this
// once, the page it opens and until when.
type guardianLink struct {
	Token   string    `json:"token"`
	Path    string    `json:"path"`
	Expires time.Time `json:"expires_at"`
}

// guardianLinkState is a young person's guardian link as a coordinator
// sees it, with its status on the server's clock.
type guardianLinkState struct {
	Status string `json:"status"`
	youth.GuardianLinkState
}

// issueGuardianLink issues minor {id} a new guardian link, for the
// coordinator to send to the guardian; the old one stops working.
func (a *API) issueGuardianLink(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, err := a.svc.Youth.IssueGuardianLink(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/youth/"+strconv.FormatInt(id, 10)+"/guardian-link",
		guardianLink{Token: l.Token, Path: l.Path(), Expires: l.Expires})
}

// getGuardianLink answers the state of young person {id}'s guardian
// link: none, pending, expired, consented or declined.
func (a *API) getGuardianLink(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	st, err := a.svc.Youth.GuardianLinkOf(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, guardianLinkState{Status: st.Status(a.Now().UTC()), GuardianLinkState: st})
}
