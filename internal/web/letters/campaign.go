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
	Sponsors   recipientList
	Volunteers recipientList
}

// recipientList is the recipients of one kind of letter and how many of
// them were thanked.
type recipientList struct {
	TableID, Column string // the table's id and its first column's title key
	Rows            []letters.Recipient
	Thanked         int
}

// recipientTable is what the partial letter-recipients draws: a list
// with the page it is on.
type recipientTable struct {
	*campaignView
	recipientList
}

// SponsorTable and VolunteerTable are the page's two lists of recipients.
func (v *campaignView) SponsorTable() recipientTable   { return recipientTable{v, v.Sponsors} }
func (v *campaignView) VolunteerTable() recipientTable { return recipientTable{v, v.Volunteers} }

func (l *recipientList) add(r letters.Recipient) {
	l.Rows = append(l.Rows, r)
	if r.LetterID != 0 {
		l.Thanked++
	}
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
		CanManage: access.Can(rq.P, access.ManageLetters, c.Target()) == nil, Runs: runs,
		Sponsors:   recipientList{TableID: "sponsor-list", Column: "letters.col.sponsor"},
		Volunteers: recipientList{TableID: "volunteer-list", Column: "letters.col.volunteer"}}
	for _, rc := range recips {
		if rc.Kind == letters.VolunteerLetter {
			v.Volunteers.add(rc)
		} else {
			v.Sponsors.add(rc)
		}
	}
	for _, run := range runs {
		if run.Status == letters.RunQueued || run.Status == letters.RunRunning {
			v.Busy, v.Refresh = true, 3
		}
	}
	v.Title = rq.L.T("letters.title_of", "Name", v.Name)
	s.Render(w, http.StatusOK, "letters", v)
	return nil
}

// Run starts (or resumes) the {id} campaign's run of letters of the
// form's kind (sponsor when not given).
func (s *Server) Run(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	k := letters.Kind(r.FormValue("kind"))
	if k == "" {
		k = letters.SponsorLetter
	}
	_, err = s.svc.Letters.Start(r.Context(), rq.P, id, k)
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
