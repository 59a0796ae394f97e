package importing

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/kit"
)

// schoolListTarget is the target whose uploads name a campaign.
const schoolListTarget = "school-list"

// campaignChoice is the preview's choice of the campaign a school's list
// files its requests in: the campaigns open to the user, the chosen one
// first selected.
type campaignChoice struct {
	Chosen  string // the chosen campaign's name; "" before one is chosen
	Options []option
}

// campaignOf is the campaign choice of upload up, nil for a list of
// another target.
func (s *Server) campaignOf(r *http.Request, rq *request, up imports.Upload) (*campaignChoice, error) {
	if up.Target != schoolListTarget {
		return nil, nil
	}
	list, err := s.svc.Requests.ListCampaigns(r.Context(), rq.P, string(rq.L.Locale()))
	if err != nil {
		return nil, err
	}
	c := &campaignChoice{}
	for _, lc := range list {
		sel := lc.ID == up.Preview.Campaign
		if sel {
			c.Chosen = lc.Name
		}
		c.Options = append(c.Options, option{Value: strconv.FormatInt(lc.ID, 10), Label: lc.Name, Selected: sel})
	}
	return c, nil
}

// ImportCampaignSet records the campaign chosen on a school list's
// preview: one of the open campaigns the user may submit requests to.
func (s *Server) ImportCampaignSet(w http.ResponseWriter, r *http.Request, rq *request) error {
	up, err := s.routeUpload(r, rq)
	if err != nil {
		return err
	}
	if up.Target != schoolListTarget {
		return kit.ErrNotFound
	}
	id, err := kit.FormID(r.PostFormValue("campaign"))
	if err != nil || id <= 0 {
		return errs.New(errs.Invalid, "error.invalid_choice")
	}
	open, err := s.svc.Requests.ListCampaigns(r.Context(), rq.P, string(rq.L.Locale()))
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(open, func(c requests.ListCampaign) bool { return c.ID == id }) {
		return errs.New(errs.Invalid, "error.invalid_choice")
	}
	if err := s.svc.Imports.SetCampaign(r.Context(), rq.P, up, id); err != nil {
		return err
	}
	s.Flash(r, "imports.campaign_saved")
	http.Redirect(w, r, uploadURL(up.ID)+"?template="+r.PostFormValue("template"), http.StatusSeeOther)
	return nil
}
