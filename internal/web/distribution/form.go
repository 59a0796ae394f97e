package distribution

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// eventFields are the fields of the form that plans or edits an event,
// in page order.
var eventFields = []string{"campaign_id", "warehouse_id", "place", "starts_on", "starts_time", "ends_time",
	"whole_point", "org_ids", "staff_ids", "note", "version"}

// eventForm is the form of an event with its choices.
type eventForm struct {
	Form       *form
	Campaigns  []option
	Warehouses []option
	Schools    []option
	Staff      []option
}

// newEventForm reads the posted form of an event (r nil: empty), with
// the many-valued fields kept whole.
func newEventForm(r *http.Request) (*form, []int64, []int64) {
	f := kit.NewForm(r, eventFields...)
	if r == nil {
		return f, nil, nil
	}
	return f, ids(r.PostForm["org_ids"]), ids(r.PostForm["staff_ids"])
}

// eventChoices fills the choices of f: the campaigns that take events,
// the open warehouses where the reader runs distributions, the schools
// and centres of the reader's scope and the staff who may work a day.
func (s *Server) eventChoices(ctx context.Context, rq *request, f *form, orgs, staff []int64) (eventForm, error) {
	ef := eventForm{Form: f}
	var err error
	if _, ef.Campaigns, err = s.campaignNames(ctx, rq); err != nil {
		return ef, err
	}
	for i := range ef.Campaigns {
		ef.Campaigns[i].Selected = ef.Campaigns[i].Value == f.Values["campaign_id"]
	}
	ws, err := s.svc.Stock.Warehouses(ctx, rq.P)
	if err != nil {
		return ef, err
	}
	for _, w := range ws {
		if w.Active && access.Can(rq.P, access.RunDistribution, w.Target()) == nil {
			id := kit.Itoa(w.ID)
			ef.Warehouses = append(ef.Warehouses, option{Value: id, Label: w.Name + " · " + w.Code,
				Selected: id == f.Values["warehouse_id"]})
		}
	}
	if ef.Schools, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, "", "", 0); err != nil {
		return ef, err
	}
	ef.Schools = slices.DeleteFunc(ef.Schools, func(o option) bool { return o.Value == "" })
	mark(ef.Schools, orgs)
	people, err := s.svc.Distribution.StaffChoices(ctx, rq.P)
	for _, u := range people {
		ef.Staff = append(ef.Staff, option{Value: kit.Itoa(u.ID), Label: u.Name})
	}
	mark(ef.Staff, staff)
	return ef, err
}

// eventInput reads the event of f in the installation's time zone.
func eventInput(rq *request, f *form, orgs, staff []int64) distribution.EventInput {
	in := distribution.EventInput{CampaignID: kit.FilterID(rq, f, "campaign_id"),
		WarehouseID: kit.FilterID(rq, f, "warehouse_id"), Place: f.Values["place"], WholePoint: f.Values["whole_point"] != "",
		OrgIDs: orgs, StaffIDs: staff, Note: f.Values["note"]}
	in.Version, _ = strconv.Atoi(f.Values["version"])
	day := kit.FormDate(rq, f, "starts_on")
	if day.IsZero() {
		return in
	}
	loc := rq.Settings.Location()
	at := func(field, dflt string) time.Time {
		v := text.NormalizeDigits(strings.TrimSpace(f.Values[field]))
		if v == "" {
			v = dflt
		}
		hm, err := time.Parse("15:04", v)
		if err != nil {
			f.Fail(rq.L, field, "error.time_invalid")
		}
		return time.Date(day.Year(), day.Month(), day.Day(), hm.Hour(), hm.Minute(), 0, 0, loc)
	}
	in.StartsAt, in.EndsAt = at("starts_time", "09:00"), at("ends_time", "17:00")
	return in
}

// fillEventForm puts event e into f.
func fillEventForm(rq *request, f *form, e distribution.Event) ([]int64, []int64) {
	loc := rq.Settings.Location()
	f.Values["campaign_id"], f.Values["warehouse_id"] = kit.Itoa(e.CampaignID), kit.Itoa(e.WarehouseID)
	f.Values["place"], f.Values["note"], f.Values["version"] = e.Place, e.Note, strconv.Itoa(e.Version)
	f.Values["starts_on"] = e.StartsAt.In(loc).Format(time.DateOnly)
	f.Values["starts_time"], f.Values["ends_time"] = e.StartsAt.In(loc).Format("15:04"), e.EndsAt.In(loc).Format("15:04")
	if e.WholePoint {
		f.Values["whole_point"] = "on"
	}
	var orgs, staff []int64
	for _, o := range e.Orgs {
		orgs = append(orgs, o.ID)
	}
	for _, u := range e.Staff {
		staff = append(staff, u.ID)
	}
	return orgs, staff
}

// ids reads the ids of a many-valued field, leaving out what is not one.
func ids(vs []string) []int64 {
	var out []int64
	for _, v := range vs {
		if id, err := strconv.ParseInt(text.NormalizeDigits(strings.TrimSpace(v)), 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}

// mark selects the options whose value is among chosen.
func mark(opts []option, chosen []int64) {
	for i := range opts {
		id, _ := strconv.ParseInt(opts[i].Value, 10, 64)
		opts[i].Selected = slices.Contains(chosen, id)
	}
}
