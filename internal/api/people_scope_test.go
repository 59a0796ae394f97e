package api

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestPersonIDOutsideTheScope: the coordinator of the Almaty foundation
// types the Iranian code and the IIN of children an organisation in Iran
// registered. Create and patch answer that the number is registered and
// whom to ask, naming neither the record nor the organisation; search and
// matches find nothing; each probe is in the access log.
func TestPersonIDOutsideTheScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coord := f.token[access.Coordinator]
		admin := f.token[access.Admin]
		other := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tabriz Schools Trust", Type: orgs.Foundation, RegionCode: "IR-03"}))
		code := natid.MakeIranCode(987654321)
		number := iin(t, "2013-03-03", natid.Female, 11)
		for _, body := range []map[string]any{
			{"last_name": "Rahimi", "first_name": "Zahra", "id_kind": "ir_national_code", "national_id": code, "region_code": "IR-03", "org_id": other.ID},
			{"last_name": "Rahimi", "first_name": "Leila", "birth_date": "2013-03-03", "sex": "F", "national_id": number, "region_code": "IR-03", "org_id": other.ID},
		} {
			w := f.do(t, "POST", "/api/v1/people", admin, body)
			if w.Code != 201 {
				t.Fatalf("admin registers %v: %d %s", body, w.Code, w.Body)
			}
		}
		mine := decodeAs[apiPerson](t, f.do(t, "POST", "/api/v1/people", coord, map[string]any{"last_name": "Омарова", "first_name": "Айгерим",
			"birth_date": "2013-03-03", "sex": "F", "region_code": "KZ-75", "org_id": f.org.ID}))

		tries := []struct {
			name, method, path string
			body               map[string]any
		}{
			{"create with the Iranian code", "POST", "/api/v1/people", map[string]any{"last_name": "Rahimi", "first_name": "Zahra",
				"id_kind": "ir_national_code", "national_id": code, "region_code": "KZ-75", "org_id": f.org.ID}},
			{"create with the IIN", "POST", "/api/v1/people", map[string]any{"last_name": "Rahimi", "first_name": "Leila",
				"birth_date": "2013-03-03", "sex": "F", "national_id": number, "region_code": "KZ-75", "org_id": f.org.ID}},
			{"patch in the IIN", "PATCH", fmt.Sprintf("/api/v1/people/%d", mine.ID), map[string]any{"national_id": number}},
		}
		for _, tc := range tries {
			w := f.do(t, tc.method, tc.path, coord, tc.body)
			p := decodeAs[problem](t, w)
			if w.Code != 409 || len(p.Errors) != 1 || p.Errors[0].Field != "national_id" || !strings.Contains(p.Detail, "already registered") {
				t.Errorf("%s: %d %s", tc.name, w.Code, w.Body)
				continue
			}
			// The message holds no number at all, so no record's, and not the
			// organisation's name.
			if strings.ContainsAny(p.Detail+p.Errors[0].Message, "0123456789") || strings.Contains(w.Body.String(), other.Name) {
				t.Errorf("%s: the answer tells more than that the number is registered: %s", tc.name, w.Body)
			}
		}

		for _, q := range []string{code, number} {
			if w := f.do(t, "GET", "/api/v1/people?q="+q, coord, nil); w.Code != 200 || len(decodeAs[list[apiPerson]](t, w).Items) != 0 {
				t.Errorf("search %s: %d %s", q, w.Code, w.Body)
			}
			if w := f.do(t, "POST", "/api/v1/people/matches", coord, map[string]any{"national_id": q}); w.Code != 200 ||
				strings.Contains(w.Body.String(), "Rahimi") {
				t.Errorf("matches %s: %d %s", q, w.Code, w.Body)
			}
		}

		u := f.users[access.Coordinator]
		got, _, err := f.svc.Audit.Accesses(ctx, access.System, audit.AccessFilter{SubjectKind: audit.OutOfScopeID, UserID: u.ID}, store.Page{})
		if err != nil || len(got) != 3 {
			t.Fatalf("access log: %+v %v, want 3 probes", got, err)
		}
		for _, a := range got {
			if !strings.HasSuffix(a.SubjectID, code[6:]) && !strings.HasSuffix(a.SubjectID, number[8:]) ||
				strings.Contains(a.SubjectID, code[:6]) || strings.Contains(a.SubjectID, number[:8]) {
				t.Errorf("access log entry %+v", a)
			}
		}
	})
}

// TestHouseholdOutsideTheScopeHasNoNumber: a child of the Almaty
// foundation whom an administrator put in a household of an organisation
// in Iran is read by the foundation's coordinator, alone and in a list,
// without household_id and with household_elsewhere; the administrator
// reads the number.
func TestHouseholdOutsideTheScopeHasNoNumber(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		other := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tabriz Schools Trust", Type: orgs.Foundation, RegionCode: "IR-03"}))
		kid := must(f.svc.People.Create(ctx, access.System, people.Input{LastName: "Омарова", FirstName: "Айгерим",
			RegionCode: "KZ-75", OrgID: f.org.ID}))
		h := must(f.svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: other.ID, RegionCode: "IR-03"}))
		if err := f.svc.People.AddMember(ctx, access.System, h.ID, people.MemberInput{PersonID: kid.ID, Relation: people.Child}); err != nil {
			t.Fatal(err)
		}
		type seen struct {
			HouseholdID        *int64 `json:"household_id"`
			HouseholdElsewhere bool   `json:"household_elsewhere"`
		}
		path := fmt.Sprintf("/api/v1/people/%d", kid.ID)
		for _, tc := range []struct {
			role      access.Role
			household int64 // 0: withheld
		}{{access.Coordinator, 0}, {access.Admin, h.ID}} {
			one := decodeAs[seen](t, f.do(t, "GET", path, f.token[tc.role], nil))
			many := decodeAs[list[seen]](t, f.do(t, "GET", "/api/v1/people?q="+url.QueryEscape("Омарова"), f.token[tc.role], nil))
			if len(many.Items) != 1 {
				t.Fatalf("%s: search found %d", tc.role, len(many.Items))
			}
			for via, got := range map[string]seen{"read": one, "search": many.Items[0]} {
				withheld := got.HouseholdID == nil && got.HouseholdElsewhere
				named := got.HouseholdID != nil && *got.HouseholdID == tc.household && !got.HouseholdElsewhere
				if (tc.household == 0 && !withheld) || (tc.household != 0 && !named) {
					t.Errorf("%s, %s: household_id %v, household_elsewhere %v", tc.role, via, got.HouseholdID, got.HouseholdElsewhere)
				}
			}
		}
	})
}
