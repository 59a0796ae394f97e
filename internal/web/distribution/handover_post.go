package distribution

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// HandoverPost hands over the ticked lines of a family at the {id} event
// with the proof chosen; a refusal shows the screen again with what was
// typed and the reason beside its field.
func (s *Server) HandoverPost(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, handoverFields...)
	request, _ := strconv.ParseInt(f.Values["request_id"], 10, 64)
	in := distribution.HandoverInput{EventID: id, RequestID: request, Proof: distribution.Proof(f.Values["proof"]),
		Code: f.Values["code"], Note: f.Values["note"], Locale: string(rq.L.Locale()), Via: "web"}
	in.PhotoID, _ = strconv.ParseInt(f.Values["photo_id"], 10, 64)
	var checked []int
	for _, v := range r.PostForm["line"] {
		n, err := strconv.Atoi(v)
		if err != nil {
			continue
		}
		checked = append(checked, n)
		ln := distribution.LineInput{Line: n}
		if sn := strings.TrimSpace(r.PostFormValue("serial." + v)); sn != "" {
			ln.Serials = serials(sn)
			f.Values["serial."+v] = sn
		}
		in.Lines = append(in.Lines, ln)
	}
	if in.Proof == distribution.Signature {
		if in.Signature, err = dataURL(f.Values["signature"]); err != nil {
			f.Fail(rq.L, "signature", "error.signature_not_png")
		}
	}
	f.Values["signature"] = "" // the pad starts blank again
	if len(f.FieldErrs) == 0 {
		h, err := s.svc.Distribution.HandOver(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "distribution.handed_done")
			return kit.SeeOther(w, r, handoverURL(id, h.RequestID))
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) || !f.Absorb(rq.L, err) {
			return err
		}
		for i, ln := range in.Lines {
			n := strconv.Itoa(ln.Line)
			f.Move("lines."+strconv.Itoa(i)+".serials", "serial."+n)
			f.Move("lines."+strconv.Itoa(i)+".line", "line-"+n)
		}
	}
	status := http.StatusUnprocessableEntity
	if e := errs.As(err); e != nil && e.Code == errs.Conflict {
		status = http.StatusConflict
	}
	return s.renderHandover(w, r, rq, kit.NewForm(nil, "ref"), f, request, checked, status)
}

// SendCode sends a one-time code for the family of the posted request to
// the applicant's phone, or the Telegram chat that follows the request,
// and shows the screen again.
func (s *Server) SendCode(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, handoverFields...)
	request, _ := strconv.ParseInt(f.Values["request_id"], 10, 64)
	sent, err := s.svc.Distribution.SendCode(r.Context(), rq.P, id, request)
	if err == nil {
		if sent.SentTo == distribution.ByTelegram {
			s.Flash(r, "distribution.code_sent_chat")
		} else {
			s.Flash(r, "distribution.code_sent")
		}
		return kit.SeeOther(w, r, handoverURL(id, request)+"&proof=code#code")
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	f.FieldErrs["code"], f.Summary = f.Summary, ""
	f.Values["proof"] = string(distribution.Code)
	return s.renderHandover(w, r, rq, kit.NewForm(nil, "ref"), f, request, nil, errs.HTTPStatus(errs.CodeOf(err)))
}

// Return takes line ?line of the {id} handover back into stock.
func (s *Server) Return(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "line", "note", "event_id", "request_id")
	line, _ := strconv.Atoi(f.Values["line"])
	event, _ := strconv.ParseInt(f.Values["event_id"], 10, 64)
	request, _ := strconv.ParseInt(f.Values["request_id"], 10, 64)
	_, err = s.svc.Distribution.Return(r.Context(), rq.P, distribution.ReturnInput{HandoverID: id, Line: line,
		Note: f.Values["note"], Locale: string(rq.L.Locale()), Via: "web"})
	if err != nil {
		return err
	}
	s.Flash(r, "distribution.returned")
	return kit.SeeOther(w, r, handoverURL(event, request))
}

// handoverURL is the handover screen of event at request's family.
func handoverURL(event, request int64) string {
	return eventURL(event) + "/handover?request=" + kit.Itoa(request)
}

// dataURL decodes the PNG a signature pad posts as a data URL.
func dataURL(v string) ([]byte, error) {
	if v == "" {
		return nil, nil
	}
	payload, ok := strings.CutPrefix(v, "data:image/png;base64,")
	if !ok {
		return nil, errors.New("not a PNG data URL")
	}
	return base64.StdEncoding.DecodeString(payload)
}

// serials splits what was typed into a serial box.
func serials(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' })
}
