package tournament_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The tournament pages name the regions of the tournament, its teams and
// its judges in the reader's language, never by their codes.
func TestPagesNameRegions(t *testing.T) {
	f := webtest.New(t)
	c := f.User(t, "kk@example.org", access.Coordinator, "kk")
	r := c.Post("/tournaments", url.Values{"name": {"Cup"}, "org_id": {webtest.Itoa(f.Org.ID)}, "prelims": {"2"},
		"break_size": {"4"}, "qualifiers": {"1"}, "speakers": {"2"}, "min_score": {"60"}, "max_score": {"80"}, "panel_size": {"1"}})
	want(t, r, http.StatusSeeOther)
	page := r.Location
	ys := youngPeople(t, f, 2)
	want(t, c.Post(page+"/teams", url.Values{"team_name": {"Team A"}, "team_region": {"KZ-79"},
		"members": {ys[0] + ", " + ys[1]}}), http.StatusSeeOther)
	want(t, c.Post(page+"/judges", url.Values{"judge_name": {"Judge Dana"}, "judge_region": {"KZ-71"}}), http.StatusSeeOther)
	for path, names := range map[string][]string{
		"/tournaments": {"Алматы"},
		page:           {"Алматы", "Шымкент", "Астана"},
	} {
		r := c.Get(path)
		want(t, r, http.StatusOK, names...)
		if strings.Contains(r.Body, "KZ-7") {
			t.Errorf("%s shows a region code: %s", path, r.Body)
		}
	}
}
