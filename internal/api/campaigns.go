package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// campaignOut is a campaign as the API shows it: dates as yyyy-mm-dd.
type campaignOut struct {
	campaign.Campaign
	StartsOn   string `json:"starts_on"`
	EndsOn     string `json:"ends_on"`
	ApplyUntil string `json:"apply_until"`
}

func outCampaign(c campaign.Campaign) campaignOut {
	return campaignOut{Campaign: c, StartsOn: isoDay(c.StartsOn), EndsOn: isoDay(c.EndsOn), ApplyUntil: isoDay(c.LastApplyDay())}
}

func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// campaignInput is the body of POST /campaigns and PUT /campaigns/{id}:
// the whole campaign, lists included; a PUT carries the version it read.
type campaignInput struct {
	Slug          string                  `json:"slug"`
	Programme     campaign.Programme      `json:"programme"`
	OrganiserID   int64                   `json:"organiser_id"`
	StartsOn      string                  `json:"starts_on"`
	EndsOn        string                  `json:"ends_on"`
	ApplyUntil    string                  `json:"apply_until"`
	Budget        int64                   `json:"budget"`
	Currency      string                  `json:"currency"`
	PreviousID    int64                   `json:"previous_id"`
	Texts         []campaign.Text         `json:"texts"`
	Regions       []string                `json:"regions"`
	Partners      []partnerInput          `json:"partners"`
	Contacts      []campaign.Contact      `json:"contacts"`
	Items         []offeredInput          `json:"items"`
	RegionTargets []campaign.RegionTarget `json:"region_targets"`
	Version       int                     `json:"version"`
}

type partnerInput struct {
	OrgID int64                `json:"org_id"`
	Role  campaign.PartnerRole `json:"role"`
}

type offeredInput struct {
	ItemID int64  `json:"item_id"`
	Code   string `json:"code"`
	Target int    `json:"target"`
}

// input turns the body into the domain's input; a date that does not
// parse is a field error.
func (in campaignInput) input() (campaign.Input, error) {
	out := campaign.Input{Slug: in.Slug, Programme: in.Programme, OrganiserID: in.OrganiserID, Budget: in.Budget,
		Currency: in.Currency, PreviousID: in.PreviousID, Texts: in.Texts, RegionCodes: in.Regions,
		Contacts: in.Contacts, Targets: in.RegionTargets}
	var fs []errs.FieldError
	for _, d := range []struct {
		field string
		v     string
		dst   *time.Time
	}{{"starts_on", in.StartsOn, &out.StartsOn}, {"ends_on", in.EndsOn, &out.EndsOn}, {"apply_until", in.ApplyUntil, &out.ApplyUntil}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.v)
		if err != nil {
			fs = append(fs, errs.Field(d.field, text.ErrDateFormat.Key()))
		}
		*d.dst = t
	}
	for _, p := range in.Partners {
		out.Partners = append(out.Partners, campaign.Partner{OrgID: p.OrgID, Role: p.Role})
	}
	for _, it := range in.Items {
		out.Items = append(out.Items, campaign.Offered{ItemID: it.ItemID, Code: it.Code, Target: it.Target})
	}
	return out, errs.Validation(fs...)
}

// listCampaigns lists the campaigns the caller sees, narrowed by
// ?programme= and ?status=.
func (a *API) listCampaigns(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	list, err := a.svc.Campaigns.List(r.Context(), rq.p, campaign.Filter{Programme: campaign.Programme(q.Get("programme")),
		Status: campaign.Status(q.Get("status"))})
	if err != nil {
		return err
	}
	out := make([]campaignOut, 0, len(list))
	for _, c := range list {
		out = append(out, outCampaign(c))
	}
	return writeList(w, out, "")
}

func (a *API) getCampaign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Campaigns.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, outCampaign(c))
}

// getCampaignProgress is a campaign's progress against its targets and
// against the campaign before it.
func (a *API) getCampaignProgress(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := a.svc.Campaigns.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	pr, err := a.svc.Campaigns.Progress(r.Context(), rq.p, c)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, pr)
}

func (a *API) createCampaign(w http.ResponseWriter, r *http.Request, rq *request) error {
	var body campaignInput
	if err := decode(r, &body); err != nil {
		return err
	}
	in, err := body.input()
	if err != nil {
		return err
	}
	c, err := a.svc.Campaigns.Create(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/campaigns/"+strconv.FormatInt(c.ID, 10), outCampaign(c))
}

// updateCampaign replaces a campaign; a version other than the stored
// one is a conflict (409), so two clients cannot overwrite each other.
func (a *API) updateCampaign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body campaignInput
	if err := decode(r, &body); err != nil {
		return err
	}
	in, err := body.input()
	if err != nil {
		return err
	}
	c, err := a.svc.Campaigns.Update(r.Context(), rq.p, id, body.Version, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, outCampaign(c))
}

// transitionInput is the body of POST /campaigns/{id}/transitions.
type transitionInput struct {
	To      campaign.Status `json:"to"`
	Version int             `json:"version"`
}

func (a *API) transitionCampaign(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var body transitionInput
	if err := decode(r, &body); err != nil {
		return err
	}
	c, err := a.svc.Campaigns.Transition(r.Context(), rq.p, id, body.Version, body.To)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, outCampaign(c))
}
