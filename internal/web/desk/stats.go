package desk

import (
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/web/kit"
)

// tallyRow is one line of a statistics table, named and with its on-time
// rate as a whole percentage.
type tallyRow struct {
	appeals.Tally
	Name string
	Rate string // "" when nothing is answered
}

// statsView is the appeals' statistics for a period.
type statsView struct {
	Page
	Filter *form
	Stats  *appeals.Stats
	Total  tallyRow
	Tables []statsTable
}

// statsTable is one breakdown: by kind, by channel or by region.
type statsTable struct {
	ID, Heading string
	Rows        []tallyRow // the last one the total
}

// Stats shows how many appeals were received from ?from to ?to (this
// month when not given), answered and answered on time, by kind, channel
// and region.
func (s *Server) Stats(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	f := kit.QueryForm(r, "from", "to")
	today := s.Today(rq)
	if f.Values["from"] == "" {
		f.Values["from"] = time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	if f.Values["to"] == "" {
		f.Values["to"] = today.Format(time.DateOnly)
	}
	from, to := kit.FormDate(rq, f, "from"), kit.FormDate(rq, f, "to")
	v := statsView{Page: s.Page(r, rq, "desk.stats"), Filter: f}
	if len(f.FieldErrs) == 0 {
		st, err := s.svc.Appeals.Stats(ctx, rq.P, from, to)
		if err != nil && !f.Absorb(rq.L, err) {
			return err
		}
		if err == nil {
			v.Stats = &st
			region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
			v.Total = named(rq, st.Total, rq.L.T("desk.all_appeals"))
			tables := []statsTable{
				{"by-kind", rq.L.T("desk.by_kind"), names(rq, st.ByKind, func(k string) string { return rq.L.T("appealkind." + k) })},
				{"by-channel", rq.L.T("desk.by_channel"), names(rq, st.ByChannel, func(k string) string { return rq.L.T("appealchannel." + k) })},
				{"by-region", rq.L.T("desk.by_region"), names(rq, st.ByRegion, region)},
			}
			for _, t := range tables {
				t.Rows = append(t.Rows, v.Total)
				v.Tables = append(v.Tables, t)
			}
		}
	}
	s.Render(w, http.StatusOK, "stats", &v)
	return nil
}

func names(rq *request, ts []appeals.Tally, name func(string) string) []tallyRow {
	out := make([]tallyRow, 0, len(ts))
	for _, t := range ts {
		out = append(out, named(rq, t, name(t.Key)))
	}
	return out
}

func named(rq *request, t appeals.Tally, name string) tallyRow {
	r := tallyRow{Tally: t, Name: name}
	if t.Answered > 0 {
		r.Rate = rq.L.T("desk.percent", "N", rq.L.Number(int64(t.OnTimeRate()*100+0.5)))
	}
	return r
}
