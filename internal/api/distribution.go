package api

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
)

// eventInput is the body of POST /distribution/events.
type eventInput struct {
	CampaignID  int64     `json:"campaign_id"`
	WarehouseID int64     `json:"warehouse_id"`
	Place       string    `json:"place"`
	StartsAt    time.Time `json:"starts_at"`
	EndsAt      time.Time `json:"ends_at"`
	WholePoint  bool      `json:"whole_point"`
	OrgIDs      []int64   `json:"org_ids"`
	StaffIDs    []int64   `json:"staff_ids"`
	Note        string    `json:"note"`
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request, rq *request) error {
	campaign, err := queryID(r, "campaign_id")
	if err != nil {
		return err
	}
	warehouse, err := queryID(r, "warehouse_id")
	if err != nil {
		return err
	}
	list, next, err := a.svc.Distribution.EventPage(r.Context(), rq.p, distribution.Filter{CampaignID: campaign,
		WarehouseID: warehouse}, r.URL.Query().Get("cursor"), page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) createEvent(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in eventInput
	if err := decode(r, &in); err != nil {
		return err
	}
	e, err := a.svc.Distribution.CreateEvent(r.Context(), rq.p, distribution.EventInput{CampaignID: in.CampaignID,
		WarehouseID: in.WarehouseID, Place: in.Place, StartsAt: in.StartsAt, EndsAt: in.EndsAt, WholePoint: in.WholePoint,
		OrgIDs: in.OrgIDs, StaffIDs: in.StaffIDs, Note: in.Note})
	if err != nil {
		return err
	}
	return created(w, Prefix+"/distribution/events/"+strconv.FormatInt(e.ID, 10), e)
}

func (a *API) getEvent(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	e, err := a.svc.Distribution.Event(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, e)
}

// eventStatusInput is the body of POST /distribution/events/{id}/status.
type eventStatusInput struct {
	To      distribution.Status `json:"to"`
	Version int                 `json:"version"`
}

func (a *API) setEventStatus(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in eventStatusInput
	if err := decode(r, &in); err != nil {
		return err
	}
	e, err := a.svc.Distribution.SetStatus(r.Context(), rq.p, id, in.Version, in.To)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, e)
}

// listLines answers the event's list, with the children's names the
// caller may see; reading it is logged.
func (a *API) listLines(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, rows, err := a.svc.Distribution.List(r.Context(), rq.p, id, "api")
	if err != nil {
		return err
	}
	return writeList(w, rows, "")
}

// assignInput is the body of POST /distribution/events/{id}/lines.
type assignInput struct {
	References []string `json:"references"`
}

func (a *API) assignLines(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in assignInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := a.svc.Distribution.Assign(r.Context(), rq.p, id, in.References)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, map[string]int{"assigned": n})
}

// codeInput is the body of POST /distribution/events/{id}/codes.
type codeInput struct {
	RequestID int64 `json:"request_id"`
}

func (a *API) sendCode(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in codeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	sent, err := a.svc.Distribution.SendCode(r.Context(), rq.p, id, in.RequestID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, sent)
}

// handoverInput is the body of POST /distribution/events/{id}/handovers.
// The signature is a PNG in base64, bare or as a data URL; the code is
// checked (and its attempt counted) by the handover itself.
type handoverInput struct {
	RequestID int64                    `json:"request_id"`
	Lines     []distribution.LineInput `json:"lines"`
	Proof     distribution.Proof       `json:"proof"`
	Signature string                   `json:"signature"`
	Code      string                   `json:"code"`
	PhotoID   int64                    `json:"photo_id"`
	Note      string                   `json:"note"`
}

func (a *API) createHandover(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in handoverInput
	if err := decode(r, &in); err != nil {
		return err
	}
	var sig []byte
	if in.Signature != "" {
		if sig, err = base64.StdEncoding.DecodeString(strings.TrimPrefix(in.Signature, "data:image/png;base64,")); err != nil {
			return errs.Validation(errs.Field("signature", "error.signature_not_png"))
		}
	}
	h, err := a.svc.Distribution.HandOver(r.Context(), rq.p, distribution.HandoverInput{EventID: id,
		RequestID: in.RequestID, Lines: in.Lines, Proof: in.Proof, Signature: sig, Code: in.Code, PhotoID: in.PhotoID,
		Note: in.Note, Locale: a.locale(r, rq), Via: "api"})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, h)
}

// returnInput is the body of POST /distribution/handovers/{id}/return.
type returnInput struct {
	Line int    `json:"line"`
	Note string `json:"note"`
}

func (a *API) returnHandover(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in returnInput
	if err := decode(r, &in); err != nil {
		return err
	}
	out, err := a.svc.Distribution.Return(r.Context(), rq.p, distribution.ReturnInput{HandoverID: id, Line: in.Line,
		Note: in.Note, Locale: a.locale(r, rq), Via: "api"})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, out)
}
