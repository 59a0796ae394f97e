package api

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/letters"
)

// campaignLettersOut is a campaign's letters: its sponsors, thanked or
// not, and its runs, newest first.
type campaignLettersOut struct {
	Recipients []letters.Recipient `json:"recipients"`
	Runs       []letters.Run       `json:"runs"`
}

func (a *API) listLetters(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	out := campaignLettersOut{Recipients: []letters.Recipient{}, Runs: []letters.Run{}}
	recips, err := a.svc.Letters.Recipients(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	runs, err := a.svc.Letters.Runs(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	out.Recipients, out.Runs = append(out.Recipients, recips...), append(out.Runs, runs...)
	return writeJSON(w, http.StatusOK, jsonType, out)
}

// startLetterRun starts (or resumes) the campaign's run of thank-you
// letters; it answers 202 with the run, which a job then writes.
func (a *API) startLetterRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := a.svc.Letters.Start(r.Context(), rq.p, id, letters.SponsorLetter)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/letter-runs/"+strconv.FormatInt(run.ID, 10))
	return writeJSON(w, http.StatusAccepted, jsonType, run)
}

func (a *API) getLetterRun(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	run, err := a.svc.Letters.Run(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, run)
}

func (a *API) getLetterRunPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	_, pdf, err := a.svc.Letters.Combined(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writePDF(w, pdf)
}

func (a *API) getLetterPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, err := a.svc.Letters.Letter(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writePDF(w, l.PDF)
}

func writePDF(w http.ResponseWriter, pdf []byte) error {
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, err := w.Write(pdf)
	return err
}

func (a *API) listLetterTemplates(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ts, err := a.svc.Letters.Templates(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, list[letters.Template]{Items: ts})
}

// templateIn is the body of PUT …/letter-templates/{kind}/{locale}.
type templateIn struct {
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Version int    `json:"version"`
}

func (a *API) putLetterTemplate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in templateIn
	if err := decode(r, &in); err != nil {
		return err
	}
	locale := r.PathValue("locale")
	if l, ok := i18n.Parse(locale); ok && string(l) == locale {
		locale = string(l)
	}
	t, err := a.svc.Letters.SaveTemplate(r.Context(), rq.p, id, letters.TemplateInput{
		Kind: letters.Kind(r.PathValue("kind")), Locale: locale, Subject: in.Subject, Body: in.Body, Version: in.Version})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, t)
}

func (a *API) getLetterhead(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	h, err := a.svc.Letters.Letterhead(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, h)
}

func (a *API) putLetterhead(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in letters.Letterhead
	if err := decode(r, &in); err != nil {
		return err
	}
	h, err := a.svc.Letters.SaveLetterhead(r.Context(), rq.p, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, h)
}
