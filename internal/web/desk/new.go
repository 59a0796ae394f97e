package desk

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// newFields are the fields of the form that records an appeal, in page
// order; caller and about are the persons found, carried in hidden fields.
var newFields = []string{"kind", "channel", "caller_name", "caller_phone", "subject", "region", "campaign", "caller", "about"}

// found is a person the search found, with the links that take them as
// the caller or as the child the call is about.
type found struct {
	people.Person
	Age                 string
	CallerURL, AboutURL string
	Chosen              bool
}

// newView is the page that records a call: the registry's search on top,
// the appeal's form below.
type newView struct {
	Page
	Query     string
	Found     []found
	Capped    string
	Caller    *people.Person
	About     []people.Person
	Form      *form
	Kinds     []option
	Channels  []option
	Campaigns []option
	Regions   []option
}

// AppealNew shows the page that records a call: search the registry by
// name, ID number or phone (?q), take a person as the caller (?caller) or
// as a child the call is about (?about), then fill in the appeal.
func (s *Server) AppealNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, newFields...)
	f.Values["channel"] = string(appeals.Hotline)
	f.Values["caller"] = r.URL.Query().Get("caller")
	f.Values["about"] = strings.Join(r.URL.Query()["about"], ",")
	return s.renderNew(w, r, rq, f, r.URL.Query().Get("q"), http.StatusOK)
}

func (s *Server) renderNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, q string, status int) error {
	ctx := r.Context()
	v := newView{Page: s.Page(r, rq, "desk.new"), Query: strings.TrimSpace(q), Form: f}
	var err error
	if id := idOf(f.Values["caller"]); id != 0 {
		if per, err := s.svc.People.ViewChild(ctx, rq.P, id); err == nil {
			v.Caller = &per
			if f.Values["caller_phone"] == "" {
				f.Values["caller_phone"] = per.Phone
			}
			if f.Values["region"] == "" {
				f.Values["region"] = per.RegionCode
			}
		}
	}
	for _, id := range ids(f.Values["about"]) {
		if per, err := s.svc.People.ViewChild(ctx, rq.P, id); err == nil {
			v.About = append(v.About, per)
			if f.Values["region"] == "" {
				f.Values["region"] = per.RegionCode
			}
		}
	}
	if v.Query != "" {
		if v.Found, v.Capped, err = s.search(ctx, rq, v.Query, f); err != nil {
			return err
		}
	}
	v.Kinds = kindOptions(rq, f.Values["kind"], rq.L.T("desk.choose_kind"))
	v.Channels = channelOptions(rq, f.Values["channel"])
	cs, err := s.svc.Appeals.Campaigns(ctx, rq.P, string(rq.L.Locale()))
	if err != nil {
		return err
	}
	v.Campaigns = []option{{Value: "", Label: rq.L.T("desk.no_campaign"), Selected: f.Values["campaign"] == ""}}
	for _, c := range cs {
		id := strconv.FormatInt(c.ID, 10)
		v.Campaigns = append(v.Campaigns, option{Value: id, Label: c.Name, Selected: f.Values["campaign"] == id})
	}
	if v.Regions, err = kit.RegionSuggestions(ctx, s.svc.Geo, s.svc.Orgs, rq); err != nil {
		return err
	}
	s.Render(w, status, "appeal_new", &v)
	return nil
}

// search runs the registry's search and links each person found as the
// caller or as the child the call is about, keeping what is chosen.
func (s *Server) search(ctx context.Context, rq *request, q string, f *form) ([]found, string, error) {
	list, n, err := s.svc.People.SearchCounted(ctx, rq.P, q)
	if err != nil {
		return nil, "", err
	}
	today := s.Today(rq)
	var out []found
	for _, p := range list {
		x := found{Person: p, Chosen: idOf(f.Values["caller"]) == p.ID}
		if age, known := p.Age(today); known {
			x.Age = rq.L.T("people.age", "Count", age)
		}
		base := url.Values{"q": {q}}
		if c := f.Values["caller"]; c != "" {
			base.Set("caller", c)
		}
		for _, a := range ids(f.Values["about"]) {
			base.Add("about", strconv.FormatInt(a, 10))
		}
		caller := cloneValues(base)
		caller.Set("caller", strconv.FormatInt(p.ID, 10))
		about := cloneValues(base)
		about.Add("about", strconv.FormatInt(p.ID, 10))
		x.CallerURL, x.AboutURL = "/desk/new?"+caller.Encode()+"#record", "/desk/new?"+about.Encode()+"#record"
		out = append(out, x)
	}
	capped := ""
	if n.More || n.N > len(list) {
		key := "people.search_capped"
		if n.More {
			key = "people.search_capped_more"
		}
		capped = rq.L.T(key, "Count", n.N, "Shown", rq.L.Number(int64(len(list))))
	}
	return out, capped, nil
}

// AppealCreate records the appeal the form describes.
func (s *Server) AppealCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, newFields...)
	in := appeals.Input{Kind: appeals.Kind(f.Values["kind"]), Channel: appeals.Channel(f.Values["channel"]),
		PersonID: idOf(f.Values["caller"]), CallerName: f.Values["caller_name"], CallerPhone: f.Values["caller_phone"],
		Subject: r.PostFormValue("subject"), RegionCode: kit.NormRegion(f.Values["region"]), CampaignID: idOf(f.Values["campaign"]),
		PersonIDs: ids(f.Values["about"])}
	a, err := s.svc.Appeals.Create(r.Context(), rq.P, in)
	if err == nil {
		s.Flash(r, "desk.recorded")
		return kit.SeeOther(w, r, deskURL(a.ID))
	}
	if !f.Absorb(rq.L, err) {
		return err
	}
	f.Move("person", "caller_name")
	f.Move("people", "subject")
	return s.renderNew(w, r, rq, f, r.PostFormValue("q"), http.StatusUnprocessableEntity)
}

// idOf reads an id typed in any digits; 0 when there is none.
func idOf(v string) int64 {
	n, err := strconv.ParseInt(text.NormalizeDigits(strings.TrimSpace(v)), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// ids reads a comma-separated list of ids, leaving out what is not one.
func ids(v string) []int64 {
	var out []int64
	for _, s := range strings.Split(v, ",") {
		if id := idOf(s); id != 0 {
			out = append(out, id)
		}
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
