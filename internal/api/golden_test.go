package api

import (
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// TestGoldenResponses pins what clients read, byte for byte after
// indenting, in testdata/*.golden: a change to a response shows as a
// change to a file in review. Both engines must answer alike, so they
// share the files. Rewrite them with go test ./internal/api -update.
func TestGoldenResponses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		w := f.w
		coord, admin, sponsor := f.token[access.Coordinator], f.token[access.Admin], f.token[access.Sponsor]

		// A family of two children and their mother, registered at the
		// clock's start, and a child registered an hour later.
		madina := w.Person(t, people.Input{LastName: "Ахметова", FirstName: "Мадина", Patronymic: "Ерлановна",
			BirthDate: testworld.Day(2013, 2, 12), Sex: people.Female, NationalID: "130212600018", RegionCode: "KZ-75",
			Address: "Абая 1", Languages: []string{"kk", "ru"}, OrgID: w.School.ID, Grade: 7, Status: people.Pupil})
		timur := w.Person(t, w.Child("Ахметов", "Тимур", testworld.Day(2018, 4, 14)))
		mother := w.Person(t, people.Input{LastName: "Ахметова", FirstName: "Гульнара", RegionCode: "KZ-75",
			OrgID: w.School.ID, Phone: "+7 701 123 45 67"})
		home := w.Household(t, people.HouseholdInput{Address: "Абая 1", LowIncome: true, ExternalRef: "F-1"},
			people.MemberInput{PersonID: mother.ID, Relation: people.Mother, Head: true},
			people.MemberInput{PersonID: madina.ID, Relation: people.Child},
			people.MemberInput{PersonID: timur.ID, Relation: people.Child})
		w.Clock.Advance(time.Hour)
		w.Person(t, people.Input{LastName: "Ким", FirstName: "Ольга", BirthDate: testworld.Day(2013, 6, 3), Sex: people.Female,
			RegionCode: "KZ-75", OrgID: w.Centre.ID, Status: people.Pupil, Grade: 6})
		check(t, w.Services.Accounts.SetLocale(t.Context(), f.users[access.Sponsor].ID, "kk")) // for the refusal in Kazakh

		for _, c := range []struct {
			name, method, path, token string
			body                      any
			headers                   []string
			status                    int
		}{
			{"people_list", "GET", "/api/v1/people?sort=name", coord, nil, nil, 200},
			{"people_list_page", "GET", "/api/v1/people?sort=name&limit=2", coord, nil, nil, 200},
			{"person", "GET", fmt.Sprintf("/api/v1/people/%d", madina.ID), coord, nil, nil, 200},
			{"household", "GET", fmt.Sprintf("/api/v1/households/%d", home.ID), coord, nil, nil, 200},
			{"organisations", "GET", "/api/v1/organisations", admin, nil, nil, 200},
			{"organisation", "GET", fmt.Sprintf("/api/v1/organisations/%d", w.Tehran.ID), admin, nil, nil, 200},
			{"users_of_a_role", "GET", "/api/v1/users?role=operator", admin, nil, nil, 200},
			{"tokens", "GET", "/api/v1/tokens", sponsor, nil, nil, 200},
			{"me", "GET", "/api/v1/me", coord, nil, nil, 200},
			{"problem_invalid_en", "POST", "/api/v1/people", coord, map[string]any{"birth_date": "2015-03-01", "national_id": "150301", "sex": "x",
				"region_code": "KZ-75", "org_id": w.School.ID}, []string{"Accept-Language", "en"}, 422},
			{"problem_invalid_ru", "POST", "/api/v1/people", coord, map[string]any{"birth_date": "2015-03-01", "national_id": "150301", "sex": "x",
				"region_code": "KZ-75", "org_id": w.School.ID}, []string{"Accept-Language", "ru"}, 422},
			{"problem_conflict_fa", "POST", "/api/v1/households", coord, map[string]any{"region_code": "KZ-75",
				"org_id": w.School.ID, "external_ref": "F-1"}, []string{"Accept-Language", "fa"}, 409},
			{"problem_forbidden_kk", "GET", "/api/v1/people", sponsor, nil, nil, 403},
		} {
			t.Run(c.name, func(t *testing.T) {
				rec := f.do(t, c.method, c.path, c.token, c.body, c.headers...)
				if rec.Code != c.status {
					t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body)
				}
				// A token's prefix is part of its random secret.
				golden.JSON(t, c.name, golden.Mask(rec.Body.Bytes(), "prefix"))
			})
		}
	})
}
