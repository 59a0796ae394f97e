package api

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// apiPerson is what a test reads of a person.
type apiPerson struct {
	ID         int64  `json:"id"`
	LastName   string `json:"last_name"`
	FirstName  string `json:"first_name"`
	BirthDate  string `json:"birth_date"`
	Sex        string `json:"sex"`
	IDKind     string `json:"id_kind"`
	NationalID string `json:"national_id"`
	OrgID      int64  `json:"org_id"`
	Grade      int    `json:"grade"`
}

func iin(t *testing.T, day string, sex natid.Sex, serial int) string {
	t.Helper()
	return must(natid.MakeIIN(must(time.Parse(time.DateOnly, day)), sex, serial))
}

func TestPersonCreateGetPatchList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord := f.token[access.Coordinator]
		number := iin(t, "2015-03-01", natid.Female, 1)
		w := f.do(t, "POST", "/api/v1/people", coord, map[string]any{
			"last_name": "Ахметова", "first_name": "Мадина", "birth_date": "2015-03-01", "sex": "F",
			"national_id": number, "region_code": "KZ-75", "org_id": f.org.ID, "grade": 4, "status": "pupil"})
		if w.Code != 201 {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		p := decodeAs[apiPerson](t, w)
		if p.BirthDate != "2015-03-01" || p.IDKind != "kz_iin" || p.NationalID != number || p.OrgID != f.org.ID {
			t.Fatalf("created %s", w.Body)
		}
		if loc := w.Header().Get("Location"); loc != fmt.Sprintf("/api/v1/people/%d", p.ID) {
			t.Errorf("Location %q", loc)
		}
		path := fmt.Sprintf("/api/v1/people/%d", p.ID)

		if w = f.do(t, "GET", path, coord, nil); w.Code != 200 || decodeAs[apiPerson](t, w).LastName != "Ахметова" {
			t.Fatalf("get: %d %s", w.Code, w.Body)
		}
		log := decodeAs[list[audit.Access]](t, f.do(t, "GET", fmt.Sprintf("/api/v1/access-log?subject_kind=person&subject_id=%d", p.ID), f.token[access.Admin], nil))
		if len(log.Items) != 1 || log.Items[0].Via != "api" || log.Items[0].UserID != f.users[access.Coordinator].ID {
			t.Fatalf("access log %+v", log)
		}

		w = f.do(t, "PATCH", path, coord, map[string]any{"first_name": "Мадина-Ай", "grade": 5})
		if got := decodeAs[apiPerson](t, w); w.Code != 200 || got.FirstName != "Мадина-Ай" || got.Grade != 5 ||
			got.LastName != "Ахметова" || got.NationalID != number || got.BirthDate != "2015-03-01" {
			t.Fatalf("patch: %d %s", w.Code, w.Body)
		}

		l := decodeAs[list[apiPerson]](t, f.do(t, "GET", "/api/v1/people?region=KZ-75&grade=5&has_id=true&sort=name", coord, nil))
		if len(l.Items) != 1 || l.Items[0].ID != p.ID {
			t.Fatalf("list %+v", l)
		}
		if l = decodeAs[list[apiPerson]](t, f.do(t, "GET", "/api/v1/people?grade=6", coord, nil)); len(l.Items) != 0 {
			t.Fatalf("grade 6 %+v", l)
		}
		if l = decodeAs[list[apiPerson]](t, f.do(t, "GET", "/api/v1/people?q=Ахметова", coord, nil)); len(l.Items) != 1 || l.NextCursor != "" {
			t.Fatalf("search %+v", l)
		}
		if w = f.do(t, "GET", "/api/v1/people?age_from=x&sort=oldest", coord, nil); w.Code != 422 || len(decodeAs[problem](t, w).Errors) != 2 {
			t.Fatalf("bad filter: %d %s", w.Code, w.Body)
		}

		// A coordinator of another organisation sees nothing of the child.
		ctx := context.Background()
		other := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Other", Type: orgs.Foundation, RegionCode: "KZ-75"}))
		u := f.user(t, accounts.NewUser{Email: "other@example.org", Name: "Other", Role: access.Coordinator, OrgID: other.ID, Region: "KZ-75"})
		tok := f.newToken(t, u)
		if l = decodeAs[list[apiPerson]](t, f.do(t, "GET", "/api/v1/people", tok, nil)); len(l.Items) != 0 {
			t.Fatalf("other org lists %+v", l)
		}
		if l = decodeAs[list[apiPerson]](t, f.do(t, "GET", "/api/v1/people?q=Ахметова", tok, nil)); len(l.Items) != 0 {
			t.Fatalf("other org finds %+v", l)
		}
		if w = f.do(t, "GET", path, tok, nil); w.Code != 403 && w.Code != 404 {
			t.Fatalf("other org gets: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "PATCH", path, tok, map[string]any{"grade": 1}); w.Code != 403 && w.Code != 404 {
			t.Fatalf("other org patches: %d %s", w.Code, w.Body)
		}
	})
}

func TestPersonDuplicateAndInvalidID(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	coord := f.token[access.Coordinator]
	number := iin(t, "2012-05-20", natid.Male, 7)
	body := map[string]any{"last_name": "Сейткали", "first_name": "Арман", "birth_date": "2012-05-20", "sex": "M",
		"national_id": number, "region_code": "KZ-75", "org_id": f.org.ID}
	first := decodeAs[apiPerson](t, f.do(t, "POST", "/api/v1/people", coord, body))

	body["first_name"] = "Арманжан"
	w := f.do(t, "POST", "/api/v1/people", coord, body)
	p := decodeAs[problem](t, w)
	if w.Code != 409 || p.Type != problemBase+"conflict" || !strings.Contains(p.Detail, fmt.Sprint(first.ID)) ||
		len(p.Errors) != 1 || p.Errors[0].Field != "national_id" {
		t.Fatalf("duplicate: %d %s", w.Code, w.Body)
	}

	body["national_id"] = iin(t, "2011-01-02", natid.Male, 7) // another date of birth
	w = f.do(t, "POST", "/api/v1/people", coord, body, "Accept-Language", "ru")
	p = decodeAs[problem](t, w)
	if w.Code != 422 || len(p.Errors) != 1 || p.Errors[0].Field != "national_id" || p.Errors[0].Message != "Дата рождения не совпадает с ИИН." {
		t.Fatalf("invalid IIN: %d %s", w.Code, w.Body)
	}
	body["national_id"], body["birth_date"] = "", "20.05.2012"
	if w = f.do(t, "POST", "/api/v1/people", coord, body); w.Code != 422 || decodeAs[problem](t, w).Errors[0].Field != "birth_date" {
		t.Fatalf("bad date: %d %s", w.Code, w.Body)
	}
	if w = f.do(t, "POST", "/api/v1/people", coord, map[string]any{"region_code": "KZ-75", "org_id": f.org.ID}); w.Code != 422 ||
		decodeAs[problem](t, w).Errors[0].Field != "last_name" {
		t.Fatalf("no name: %d %s", w.Code, w.Body)
	}
}

func TestPersonMatches(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	coord := f.token[access.Coordinator]
	number := iin(t, "2014-09-09", natid.Female, 3)
	p := decodeAs[apiPerson](t, f.do(t, "POST", "/api/v1/people", coord, map[string]any{"last_name": "Омарова", "first_name": "Айгерим",
		"birth_date": "2014-09-09", "sex": "F", "national_id": number, "region_code": "KZ-75", "org_id": f.org.ID}))

	type matchOut struct {
		Person apiPerson `json:"person"`
		Reason string    `json:"reason"`
		Score  int       `json:"score"`
	}
	w := f.do(t, "POST", "/api/v1/people/matches", coord, map[string]any{"last_name": "Омарова", "first_name": "Айгерим", "birth_date": "2014-09-09"})
	l := decodeAs[list[matchOut]](t, w)
	if w.Code != 200 || len(l.Items) != 1 || l.Items[0].Person.ID != p.ID || l.Items[0].Reason != "same_name_birth" || l.Items[0].Score != 90 {
		t.Fatalf("by name: %d %s", w.Code, w.Body)
	}
	l = decodeAs[list[matchOut]](t, f.do(t, "POST", "/api/v1/people/matches", coord, map[string]any{"last_name": "Иванова", "national_id": number}))
	if len(l.Items) != 1 || l.Items[0].Reason != "same_id" || l.Items[0].Score != 100 {
		t.Fatalf("by ID %+v", l)
	}
	l = decodeAs[list[matchOut]](t, f.do(t, "POST", "/api/v1/people/matches", coord, map[string]any{"national_id": number, "except_id": p.ID}))
	if len(l.Items) != 0 {
		t.Fatalf("except %+v", l)
	}
	if w = f.do(t, "POST", "/api/v1/people/matches", coord, map[string]any{"nickname": "x"}); w.Code != 400 {
		t.Fatalf("unknown field: %d %s", w.Code, w.Body)
	}
}

func TestHouseholds(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	coord := f.token[access.Coordinator]
	w := f.do(t, "POST", "/api/v1/households", coord, map[string]any{"region_code": "KZ-75", "org_id": f.org.ID,
		"address": "Абая 1", "low_income": true, "external_ref": "F-1"})
	type apiHousehold struct {
		ID          int64  `json:"id"`
		Address     string `json:"address"`
		LowIncome   bool   `json:"low_income"`
		ExternalRef string `json:"external_ref"`
		Members     []struct {
			Person apiPerson `json:"person"`
		} `json:"members"`
	}
	h := decodeAs[apiHousehold](t, w)
	if w.Code != 201 || h.Address != "Абая 1" || !h.LowIncome || w.Header().Get("Location") != fmt.Sprintf("/api/v1/households/%d", h.ID) {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	if w = f.do(t, "POST", "/api/v1/households", coord, map[string]any{"region_code": "KZ-75", "org_id": f.org.ID, "external_ref": "F-1"}); w.Code != 409 {
		t.Fatalf("duplicate ref: %d %s", w.Code, w.Body)
	}
	w = f.do(t, "GET", fmt.Sprintf("/api/v1/households/%d", h.ID), coord, nil)
	if got := decodeAs[apiHousehold](t, w); w.Code != 200 || got.ID != h.ID || got.Members == nil || len(got.Members) != 0 {
		t.Fatalf("get: %d %s", w.Code, w.Body)
	}
	l := decodeAs[list[apiHousehold]](t, f.do(t, "GET", "/api/v1/households?external_ref=F-1", coord, nil))
	if len(l.Items) != 1 || l.Items[0].ID != h.ID {
		t.Fatalf("list %+v", l)
	}
}

func TestSponsorMayNotSeeTheRegistry(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	sp := f.token[access.Sponsor]
	for _, rq := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/people", nil},
		{"GET", "/api/v1/people?q=x", nil},
		{"POST", "/api/v1/people", map[string]any{"last_name": "X", "region_code": "KZ-75"}},
		{"POST", "/api/v1/people/matches", map[string]any{"last_name": "X"}},
		{"GET", "/api/v1/people/1", nil},
		{"PATCH", "/api/v1/people/1", map[string]any{"grade": 1}},
		{"GET", "/api/v1/households", nil},
		{"POST", "/api/v1/households", map[string]any{"region_code": "KZ-75"}},
		{"GET", "/api/v1/households/1", nil},
	} {
		if w := f.do(t, rq.method, rq.path, sp, rq.body); w.Code != 403 || decodeAs[problem](t, w).Type != problemBase+"forbidden" {
			t.Errorf("%s %s: %d %s", rq.method, rq.path, w.Code, w.Body)
		}
	}
}
