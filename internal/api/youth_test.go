package api

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// youthPool makes two approved mentors of the Foundation in field
// "career" and offers them to every shortlist, as if they had finished
// the school (the pool's own rules are the services' tests').
func youthPool(t *testing.T, f *fixture) []int64 {
	var ids []int64
	var pool []youth.PoolMentor
	for i, name := range []string{"Asel Nurlanova", "Marat Bekov"} {
		m := must(f.svc.Mentoring.Create(t.Context(), access.System, mentoring.Input{Name: name,
			Email: "m" + strconv.Itoa(i) + "@example.org", Background: mentoring.Media, Fields: []string{"career"},
			Languages: []string{"kk"}, OrgID: f.org.ID, RegionCode: "KZ-75", Online: true, Capacity: 2}))
		ids = append(ids, m.ID)
		pool = append(pool, youth.PoolMentor{Card: youth.MentorCard{ID: m.ID, FirstName: strings.Fields(name)[0]},
			Match: mentoring.MatchMentor(m, mentoring.Standing{Passed: true})})
	}
	f.svc.Youth.UsePool(func(context.Context, youth.Youth) ([]youth.PoolMentor, error) { return pool, nil })
	return ids
}

// youthBody is a registration of a young person born on birth in Almaty.
func youthBody(first, birth string) map[string]any {
	return map[string]any{"last_name": "Seitkali", "first_name": first, "birth_date": birth, "region": "KZ-75",
		"settlement": "urban", "status": "neet", "field": "career", "language": "kk", "phone": "+7 701 234 56 78"}
}

// TestYouthAPI walks the young people's API: a public registration
// answers the link once (a repeated one none, a 13-year-old refused
// beside the field); the link reads the shortlist and saves choices; a
// coordinator lists with the filters, opens a minor (written to the
// access log; an operator reads their contacts masked), records the consent and re-issues the link, after which
// the old one finds nothing; another organisation's coordinator finds no
// one and a mentor is refused.
func TestYouthAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	ids := youthPool(t, f)
	reg := Prefix + "/y/register/" + strconv.FormatInt(f.org.ID, 10)

	bad := youthBody("Young", "2013-09-02")
	delete(bad, "phone")
	r := f.do(t, "POST", reg, "", bad)
	p := decodeAs[problem](t, r)
	if r.Code != http.StatusUnprocessableEntity || !hasField(p, "birth_date") || !hasField(p, "contact") {
		t.Fatalf("a 13-year-old without a contact: %d %s", r.Code, r.Body)
	}
	r = f.do(t, "POST", reg, "", youthBody("Dana", "2006-05-04"))
	adult := decodeAs[youth.Registration](t, r)
	if r.Code != http.StatusCreated || len(adult.Link) != youth.TokenLen || adult.AgeGroup != youth.YoungAdult {
		t.Fatalf("registered: %d %s", r.Code, r.Body)
	}
	// A repeated registration says so and nothing more: not the record's
	// id, branch or age group.
	if r := f.do(t, "POST", reg, "", youthBody("Dana", "2006-05-04")); r.Code != http.StatusOK ||
		strings.TrimSpace(r.Body.String()) != `{"existing":true}` {
		t.Fatalf("a repeated registration: %d %s", r.Code, r.Body)
	}
	minorBody := youthBody("Erlan", "2010-03-03")
	minorBody["guardian_name"], minorBody["guardian_relation"], minorBody["guardian_contact"] = "Aliya", "mother", "+7 701 000 11 22"
	minor := decodeAs[youth.Registration](t, f.do(t, "POST", reg, "", minorBody))

	own := Prefix + "/y/" + adult.Link
	sl := decodeAs[ownShortlist](t, f.do(t, "GET", own+"/shortlist", "", nil))
	if len(sl.Shortlist) != 2 || !sl.Automatic || len(sl.Missing) != 0 {
		t.Fatalf("shortlist: %+v", sl)
	}
	if r := f.do(t, "PUT", own+"/choices", "", map[string]any{"mentors": []int64{ids[0], ids[0]}}); r.Code != http.StatusUnprocessableEntity ||
		!hasField(decodeAs[problem](t, r), "choices") {
		t.Fatalf("the same mentor twice: %d %s", r.Code, r.Body)
	}
	r = f.do(t, "PUT", own+"/choices", "", map[string]any{"mentors": []int64{ids[1], ids[0]}})
	if sl = decodeAs[ownShortlist](t, r); r.Code != http.StatusOK || !slices.Equal(sl.Choices, []int64{ids[1], ids[0]}) || sl.Automatic {
		t.Fatalf("choose: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "GET", Prefix+"/y/"+strings.Repeat("A", youth.TokenLen)+"/shortlist", "", nil); r.Code != http.StatusNotFound {
		t.Fatalf("a forged link: %d", r.Code)
	}

	coord := f.token[access.Coordinator]
	page := decodeAs[list[youth.Youth]](t, f.do(t, "GET", Prefix+"/youth?age_group=18-24&region=KZ-75", coord, nil))
	if len(page.Items) != 1 || page.Items[0].ID != adult.ID {
		t.Fatalf("list of 18-24: %+v", page)
	}
	missing := decodeAs[list[youth.Youth]](t, f.do(t, "GET", Prefix+"/youth?consent=missing", coord, nil))
	if len(missing.Items) != 1 || missing.Items[0].ID != minor.ID {
		t.Fatalf("consent missing: %+v", missing)
	}
	if r := f.do(t, "GET", Prefix+"/youth?consent=yes", coord, nil); r.Code != http.StatusUnprocessableEntity {
		t.Fatalf("an unknown consent filter: %d", r.Code)
	}
	one := Prefix + "/youth/" + strconv.FormatInt(minor.ID, 10)
	rec := decodeAs[youthRecord](t, f.do(t, "GET", one, coord, nil))
	if rec.Youth.ID != minor.ID || !slices.Equal(rec.Missing, []string{"youth.missing.guardian_consent"}) || rec.LinkIssued == nil {
		t.Fatalf("record: %+v", rec)
	}
	masked := decodeAs[youthRecord](t, f.do(t, "GET", one, f.token[access.Operator], nil)).Youth
	if !masked.Masked || masked.Contact.Phone == "+7 701 234 56 78" || masked.Guardian.Contact == "+7 701 000 11 22" {
		t.Fatalf("an operator reads a minor's contacts: %+v", masked)
	}
	var views int
	check(t, f.db.R.QueryRow(store.Rebind(f.db.Engine, "SELECT COUNT(*) FROM access_log WHERE subject_kind = 'youth' AND subject_id = $1"),
		strconv.FormatInt(minor.ID, 10)).Scan(&views))
	if views != 2 {
		t.Fatalf("access log: %d views", views)
	}
	consent := map[string]any{"name": "Aliya Seitkali", "relation": "mother", "contact": "+7 701 000 11 22", "consent_on": "2026-08-30"}
	if r := f.do(t, "PUT", one+"/consent", coord, consent); r.Code != http.StatusOK || !decodeAs[youth.Youth](t, r).Guardian.Consented() {
		t.Fatalf("consent: %d %s", r.Code, r.Body)
	}
	if left := decodeAs[list[youth.Youth]](t, f.do(t, "GET", Prefix+"/youth?consent=missing", coord, nil)); len(left.Items) != 0 {
		t.Fatalf("consent missing after the consent: %+v", left)
	}
	r = f.do(t, "POST", Prefix+"/youth/"+strconv.FormatInt(adult.ID, 10)+"/link", coord, nil)
	fresh := decodeAs[youthLink](t, r)
	if r.Code != http.StatusCreated || len(fresh.Link) != youth.TokenLen || fresh.Link == adult.Link {
		t.Fatalf("re-issue: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "GET", own+"/shortlist", "", nil); r.Code != http.StatusNotFound {
		t.Fatalf("the old link after a re-issue: %d", r.Code)
	}
	if r := f.do(t, "GET", Prefix+"/y/"+fresh.Link+"/shortlist", "", nil); r.Code != http.StatusOK {
		t.Fatalf("the new link: %d", r.Code)
	}

	stranger := f.newToken(t, f.w.Stranger)
	if r := f.do(t, "GET", one, stranger, nil); r.Code != http.StatusNotFound && r.Code != http.StatusForbidden {
		t.Fatalf("another organisation's coordinator opens the minor: %d", r.Code)
	}
	if l := decodeAs[list[youth.Youth]](t, f.do(t, "GET", Prefix+"/youth", stranger, nil)); len(l.Items) != 0 {
		t.Fatalf("another organisation's coordinator lists %d", len(l.Items))
	}
	if r := f.do(t, "POST", Prefix+"/youth/"+strconv.FormatInt(adult.ID, 10)+"/link", stranger, nil); r.Code != http.StatusNotFound &&
		r.Code != http.StatusForbidden {
		t.Fatalf("another organisation's coordinator re-issues a link: %d", r.Code)
	}
	if r := f.do(t, "GET", Prefix+"/youth", f.token[access.Mentor], nil); r.Code != http.StatusForbidden {
		t.Fatalf("a mentor lists young people: %d", r.Code)
	}
}

// TestYouthLinkLimit: one address guessing links is cut off with 429.
func TestYouthLinkLimit(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	guess := Prefix + "/y/" + strings.Repeat("B", youth.TokenLen) + "/shortlist"
	for range youthLinkPerWindow {
		if r := f.do(t, "GET", guess, "", nil); r.Code != http.StatusNotFound {
			t.Fatalf("a guess: %d", r.Code)
		}
	}
	if r := f.do(t, "GET", guess, "", nil); r.Code != http.StatusTooManyRequests {
		t.Fatalf("a guess over the limit: %d", r.Code)
	}
}

// hasField reports whether problem p names field.
func hasField(p problem, field string) bool {
	return slices.ContainsFunc(p.Errors, func(e fieldProblem) bool { return e.Field == field })
}
