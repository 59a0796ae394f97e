// Package aftercare holds the pages of device after-care: the volunteer
// registry, the queue of the set-up tasks of devices handed over and a
// task's page (assign it to a suggested volunteer, report on it, cancel
// it), a volunteer's own tasks with the form they report on, and a
// device's page, which tells its whole story — donor and lot, warehouses
// and transfers, allocation's hold, the handover, the set-up and the
// training. The child is named there only to readers who may see
// children.
package aftercare

import (
	"context"
	"embed"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// The kernel's types under the names the handlers use.
type (
	request = kit.Request
	form    = kit.Form
	option  = kit.Option
	listing = kit.Listing
	// Page is the layout's part of every view.
	Page = kit.Page
)

//go:embed templates
var templates embed.FS

// Server serves the room's pages; the route table of package web names
// its handlers.
type Server struct {
	kit.Room
	svc *services.Services
}

// New parses the room's templates; it fails on a broken one.
func New(k *kit.Kit, svc *services.Services) (*Server, error) {
	room, err := k.NewRoom(templates)
	if err != nil {
		return nil, err
	}
	return &Server{Room: room, svc: svc}, nil
}

// items names the catalogue's items in the reader's language. The
// catalogue is read as the system: its names are no one's record, and a
// volunteer, who may not open campaigns, names the devices they set up.
func (s *Server) items(ctx context.Context, rq *request) (func(int64) string, error) {
	list, err := s.svc.Campaigns.Items(ctx, access.System, true)
	byID := map[int64]campaign.Item{}
	for _, it := range list {
		byID[it.ID] = it
	}
	l := string(rq.L.Locale())
	return func(id int64) string {
		if it, ok := byID[id]; ok {
			return it.Name(l)
		}
		return "#" + strconv.FormatInt(id, 10)
	}, err
}

// duration shows minutes as hours and minutes.
func duration(l *i18n.Localizer, minutes int) string {
	h, m := int64(minutes/60), int64(minutes%60)
	switch {
	case h == 0:
		return l.T("aftercare.duration_minutes", "Minutes", m)
	case m == 0:
		return l.T("aftercare.duration_hours", "Hours", h)
	}
	return l.T("aftercare.duration", "Hours", h, "Minutes", m)
}

// minutes reads the time a form's field gives in hours: "1.5", "1,5" or
// "1:30", in any digits; empty is 0. Anything else is an error beside the
// field.
func minutes(rq *request, f *form, field string) int {
	v := strings.TrimSpace(text.NormalizeDigits(f.Values[field]))
	if v == "" {
		return 0
	}
	if h, m, ok := strings.Cut(v, ":"); ok {
		hn, herr := strconv.Atoi(h)
		mn, merr := strconv.Atoi(m)
		if herr == nil && merr == nil && hn >= 0 && mn >= 0 && mn < 60 {
			return hn*60 + mn
		}
	} else if x, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err == nil && x >= 0 && x < 1000 {
		return int(x*60 + 0.5)
	}
	f.Fail(rq.L, field, "error.task_hours_format")
	return 0
}

// hoursValue shows minutes in the hours field of a form.
func hoursValue(m int) string {
	if m == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(m)/60, 'f', -1, 64)
}

// skillOptions are the skills to tick, those in have ticked.
func skillOptions(l *i18n.Localizer, have []string) []option {
	var out []option
	for _, k := range aftercare.Skills() {
		out = append(out, option{Value: string(k), Label: l.T("aftercare.skill." + string(k)),
			Selected: slices.Contains(have, string(k))})
	}
	return out
}
