package mentors

import (
	"net/http"
	"sort"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentoring"
)

// statsView is the approved pool of the reader's scope by field of
// expertise, by region and by background.
type statsView struct {
	Page
	Stats  mentoring.Stats
	Tables []statTable
}

// statTable is one table of the pool: by field, region or background.
type statTable struct {
	ID, Caption, Head string
	Rows              []statRow
	L                 *i18n.Localizer
}

// statRow is one line of a table of the pool: its label and its count.
type statRow struct {
	Label string
	Count mentoring.Count
}

// Stats shows the pool's statistics: counts only, no mentor named.
func (s *Server) Stats(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	st, err := s.svc.Mentoring.Stats(ctx, rq.P)
	if err != nil {
		return err
	}
	fields, err := s.svc.Mentoring.Fields(ctx)
	if err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	v := statsView{Page: s.Page(r, rq, "mentors.stats_title"), Stats: st}
	var byField, byRegion, byBackground []statRow
	for _, fd := range fields {
		if c, ok := st.ByField[fd.Code]; ok {
			byField = append(byField, statRow{Label: fd.Name(loc), Count: c})
		}
	}
	region := s.RegionNamer(ctx, s.svc.Geo, loc)
	for code, c := range st.ByRegion {
		byRegion = append(byRegion, statRow{Label: region(code), Count: c})
	}
	sort.Slice(byRegion, func(i, j int) bool { return byRegion[i].Label < byRegion[j].Label })
	for _, b := range mentoring.Backgrounds() {
		if c, ok := st.ByBackground[b]; ok {
			byBackground = append(byBackground, statRow{Label: rq.L.T("mentoring.background." + string(b)), Count: c})
		}
	}
	v.Tables = []statTable{
		{ID: "by-field", Caption: rq.L.T("mentors.stats_by_field"), Head: rq.L.T("field.mentor_field"), Rows: byField, L: rq.L},
		{ID: "by-region", Caption: rq.L.T("mentors.stats_by_region"), Head: rq.L.T("field.region"), Rows: byRegion, L: rq.L},
		{ID: "by-background", Caption: rq.L.T("mentors.stats_by_background"), Head: rq.L.T("field.mentor_background"),
			Rows: byBackground, L: rq.L},
	}
	s.Render(w, http.StatusOK, "mentor_stats", &v)
	return nil
}
