package requests

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// newFields are the fields of the new-request form before its lines,
// which are named qty-<item> and size-<item>.
var newFields = []string{"campaign", "applicant_kind", "applicant_name", "applicant_phone", "channel", "locale", "distance_km"}

// newView is the form that records a request for a person.
type newView struct {
	Page
	Person     people.Person
	Campaigns  []option
	Kinds      []option
	Channels   []option
	Languages  []option
	Items      []itemRow
	Form       *form
	CampaignID int64
}

// itemRow is one item the chosen campaign offers, as a line of the form.
type itemRow struct {
	ID                      int64
	Name, Sizing, Qty, Size string
	QtyErr, SizeErr         string
}

// NewRequest shows the form for a request for the {id} person in the
// campaign chosen (?campaign=), with the person's phone as the
// applicant's to start from.
func (s *Server) NewRequest(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, newFields...)
	f.Values["campaign"] = r.URL.Query().Get("campaign")
	f.Values["applicant_kind"], f.Values["channel"] = string(requests.ByParent), string(requests.Centre)
	f.Values["locale"] = rq.L.Locale().String()
	return s.renderNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	per, err := s.svc.People.ViewChild(ctx, rq.P, id)
	if err != nil {
		return err
	}
	if _, ok := f.Values["applicant_phone"]; !ok || (status == http.StatusOK && f.Values["applicant_phone"] == "") {
		f.Values["applicant_phone"] = per.Phone
	}
	cs, err := s.svc.Requests.Campaigns(ctx, rq.L.Locale().String())
	if err != nil {
		return err
	}
	v := newView{Page: s.Page(r, rq, "requests.new"), Person: per, Form: f}
	v.CampaignID, _ = strconv.ParseInt(f.Values["campaign"], 10, 64)
	for _, c := range cs {
		if c.Status != "open" {
			continue
		}
		if v.CampaignID == 0 {
			v.CampaignID = c.ID
		}
		v.Campaigns = append(v.Campaigns, option{Value: kit.Itoa(c.ID), Label: c.Name, Selected: c.ID == v.CampaignID})
	}
	v.Kinds = kit.Choices(requests.ApplicantKinds(), f.Values["applicant_kind"], "", kit.Key[requests.ApplicantKind](rq.L, "applicantkind."))
	v.Channels = kit.Choices(requests.Channels()[:5], f.Values["channel"], "", kit.Key[requests.Channel](rq.L, "requestchannel."))
	v.Languages = kit.LocaleOptions(f.Values["locale"], "")
	if v.CampaignID != 0 {
		items, err := s.svc.Requests.Offer(ctx, v.CampaignID)
		if err != nil {
			return err
		}
		for _, it := range items {
			k := kit.Itoa(it.ID)
			v.Items = append(v.Items, itemRow{ID: it.ID, Name: it.Name(rq.L.Locale().String()), Sizing: it.Sizing,
				Qty: f.Values["qty-"+k], Size: f.Values["size-"+k]})
		}
	}
	s.Render(w, status, "request_new", &v)
	return nil
}

// CreateRequest records the request of the form: a new one, or the
// person's request in the campaign when there is one already.
func (s *Server) CreateRequest(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, newFields...)
	campaign, _ := strconv.ParseInt(f.Values["campaign"], 10, 64)
	items, err := s.svc.Requests.Offer(r.Context(), campaign)
	if err != nil {
		return err
	}
	in := requests.Input{CampaignID: campaign, PersonID: id, ApplicantKind: requests.ApplicantKind(f.Values["applicant_kind"]),
		ApplicantName: f.Values["applicant_name"], ApplicantPhone: f.Values["applicant_phone"],
		Channel: requests.Channel(f.Values["channel"]), Locale: f.Values["locale"], Via: "web"}
	if _, ok := i18n.Parse(in.Locale); !ok {
		in.Locale = ""
	}
	if t := f.Values["distance_km"]; t != "" {
		if km, ok := text.ParseDecimal(t); ok {
			in.DistanceKm = &km
		} else {
			f.Fail(rq.L, "distance_km", "error.distance_range", "Max", requests.MaxDistanceKm)
		}
	}
	var lineOf []string // the form field of each line, for its errors
	for _, it := range items {
		k := kit.Itoa(it.ID)
		f.Values["qty-"+k], f.Values["size-"+k] = r.PostFormValue("qty-"+k), r.PostFormValue("size-"+k)
		qty, err := strconv.Atoi(f.Values["qty-"+k])
		if f.Values["qty-"+k] == "" || err == nil && qty == 0 {
			continue
		}
		if err != nil {
			f.Fail(rq.L, "qty-"+k, "error.not_a_number")
			continue
		}
		in.Lines = append(in.Lines, requests.LineInput{ItemID: it.ID, Quantity: qty, Size: f.Values["size-"+k]})
		lineOf = append(lineOf, k)
	}
	if len(f.FieldErrs) == 0 {
		x, err := s.svc.Requests.Submit(r.Context(), rq.P, in)
		if err == nil {
			flash := "requests.created"
			if x.Linked {
				flash = "requests.linked"
			}
			s.Flash(r, flash)
			return kit.SeeOther(w, r, requestURL(x.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		for i, k := range lineOf { // the service names lines by position
			f.Move("lines."+strconv.Itoa(i)+".size", "size-"+k)
			f.Move("lines."+strconv.Itoa(i)+".quantity", "qty-"+k)
			f.Move("lines."+strconv.Itoa(i)+".item", "qty-"+k)
		}
		if msg, ok := f.FieldErrs["lines"]; ok {
			delete(f.FieldErrs, "lines")
			f.Summary = msg
		}
	}
	return s.renderNew(w, r, rq, f, http.StatusUnprocessableEntity)
}
