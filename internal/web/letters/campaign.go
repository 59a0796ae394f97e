package letters

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/web/kit"
)

// campaignView is a campaign's letters page.
type campaignView struct {
	Page
	C          campaign.Campaign
	Name       string
	CanManage  bool
	Busy       bool // a run is queued or running: the page refreshes itself
	Runs       []letters.Run
	Recipients []letters.Recipient
	Thanked    int
}

// Letters shows the {id} campaign's letters page.
func (s *Server) Letters(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Campaigns.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	recips, err := s.svc.Letters.Recipients(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	runs, err := s.svc.Letters.Runs(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	v := &campaignView{Page: s.Page(r, rq, "letters.title"), C: c, Name: c.Text(string(rq.L.Locale())).Name,
		CanManage: access.Can(rq.P, access.ManageLetters, c.Target()) == nil, Runs: runs, Recipients: recips}
	for _, rc := range recips {
		if rc.LetterID != 0 {
			v.Thanked++
		}
	}
	for _, run := range runs {
		if run.Status == letters.RunQueued || run.Status == letters.RunRunning {
			v.Busy, v.Refresh = true, 3
		}
	}
	v.Title = rq.L.T("letters.title_of", "Name", v.Name)
	s.render(w, http.StatusOK, "letters", v)
	return nil
}

// Run starts (or resumes) the {id} campaign's run of thank-you letters.
func (s *Server) Run(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	_, err = s.svc.Letters.Start(r.Context(), rq.P, id, letters.SponsorLetter)
	if errs.CodeOf(err) == errs.Conflict {
		s.Flash(r, errs.As(err).Key)
		return kit.SeeOther(w, r, lettersURL(id))
	} else if err != nil {
		return err
	}
	s.Flash(r, "letters.started")
	return kit.SeeOther(w, r, lettersURL(id))
}

// Letter sends one letter of the {id} campaign.
func (s *Server) Letter(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	n, err := strconv.ParseInt(r.PathValue("letter"), 10, 64)
	if err != nil {
		return errs.ErrNotFound
	}
	l, err := s.svc.Letters.Letter(r.Context(), rq.P, n)
	if err != nil {
		return err
	}
	if l.CampaignID != id {
		return errs.ErrNotFound
	}
	return sendPDF(w, "letter-"+kit.Itoa(l.ID)+"-"+l.Locale+".pdf", l.PDF)
}

// Combined sends the combined file of a run of the {id} campaign.
func (s *Server) Combined(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	n, err := strconv.ParseInt(r.PathValue("run"), 10, 64)
	if err != nil {
		return errs.ErrNotFound
	}
	run, pdf, err := s.svc.Letters.Combined(r.Context(), rq.P, n)
	if err != nil {
		return err
	}
	if run.CampaignID != id {
		return errs.ErrNotFound
	}
	return sendPDF(w, "letters-"+kit.Itoa(id)+"-run-"+kit.Itoa(run.ID)+".pdf", pdf)
}
