package public_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

func TestAnApplicationRegistersTheFamilyAndTheRequest(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		rc, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := requests.ParseReference(rc.Reference); err != nil {
			t.Fatalf("reference %q: %v", rc.Reference, err)
		}
		if n := f.count(t, "persons"); n != 2 {
			t.Errorf("%d persons, want the child and her mother", n)
		}
		var kind, channel, phone, status string
		var applicant int64
		err = f.DB.R.QueryRowContext(ctx, `SELECT applicant_kind, channel, phone_digits, status, applicant_person_id
			FROM requests`).Scan(&kind, &channel, &phone, &status, &applicant)
		if err != nil {
			t.Fatal(err)
		}
		if kind != "parent" || channel != "web" || phone != "7015551234" || status != "submitted" || applicant == 0 {
			t.Errorf("request %s %s %s %s %d", kind, channel, phone, status, applicant)
		}
		var purpose, method string
		var given int64
		if err := f.DB.R.QueryRowContext(ctx, `SELECT purpose, method, given_by_id FROM consents`).Scan(&purpose, &method, &given); err != nil {
			t.Fatal(err)
		}
		if purpose != "processing" || method != "online" || given != applicant {
			t.Errorf("consent %s %s by %d, want processing online by %d", purpose, method, given, applicant)
		}
		var org string
		if err := f.DB.R.QueryRowContext(ctx, `SELECT org_path FROM requests`).Scan(&org); err != nil || org != w.Foundation.Path {
			t.Errorf("request in %q (%v), want the organiser's %q", org, err, w.Foundation.Path)
		}
	})
}

func TestTheSameChildAppliesTwiceAndGetsTheSameReference(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.application(t)
		first, err := f.s.Apply(ctx, "road", "192.0.2.1", a, false)
		if err != nil {
			t.Fatal(err)
		}
		// The father applies for her again, without the ID number's dashes
		// but by name and birth date, from another phone.
		b := a
		b.GuardianFirstName, b.GuardianPhone, b.Relation = "Ерлан", "+7 702 000 00 01", public.Father
		b.Items = []public.Choice{{ItemID: f.c.Shoes, Size: "32"}}
		second, err := f.s.Apply(ctx, "road", "192.0.2.2", b, false)
		if err != nil {
			t.Fatal(err)
		}
		if second != first {
			t.Errorf("second application answered %+v, want the first's %+v", second, first)
		}
		if n := f.count(t, "requests"); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
		// The father's phone does not open the mother's request.
		if _, err := f.s.LookUp(ctx, "192.0.2.2", first.Reference, b.GuardianPhone); !errors.Is(err, public.ErrNoRequest) {
			t.Errorf("the second applicant's phone: %v, want not found", err)
		}
	})
}

func TestAGuardianIsNeverMatchedToAMinor(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		// A girl of 15 with her mother's name and phone is in the registry.
		teen := w.Person(t, people.Input{LastName: "Сәрсенова", FirstName: "Динара", Phone: "+7 701 555 12 34",
			BirthDate: testworld.Day(2011, 1, 2), RegionCode: "KZ-75", OrgID: w.School.ID})
		if _, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false); err != nil {
			t.Fatal(err)
		}
		var applicant int64
		if err := f.DB.R.QueryRowContext(ctx, `SELECT applicant_person_id FROM requests`).Scan(&applicant); err != nil {
			t.Fatal(err)
		}
		if applicant == teen.ID {
			t.Error("the mother was matched to the girl of 15")
		}
	})
}

func TestARefusedApplicationWritesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		huge := string(make([]rune, 0))
		for range public.MaxField + 1 {
			huge += "я"
		}
		cases := []struct {
			name string
			edit func(*public.Application)
			want []string
		}{
			{"outside the regions", func(a *public.Application) { a.RegionCode = "KZ-35" }, []string{"region:public.error.region"}},
			{"no IIN", func(a *public.Application) {
				a.BirthDate, a.NationalID = testworld.Day(2022, 5, 1), ""
			}, []string{"national_id:public.error.iin_required"}},
			{"a distance not a number", func(a *public.Application) { a.Distance = "1e3" }, []string{"distance_km:error.distance_range"}},
			{"a distance too far", func(a *public.Application) { a.Distance = "۳۰۰٫۵" }, []string{"distance_km:error.distance_range"}},
			{"more items than offered", func(a *public.Application) {
				for range 10_000 {
					a.Items = append(a.Items, public.Choice{ItemID: f.c.Kit})
				}
			}, []string{"items:public.error.items"}},
			{"a shoe size of nonsense", func(a *public.Application) {
				a.Items = []public.Choice{{ItemID: f.c.Shoes, Size: "<script>"}}
			}, []string{public.SizeField(f.c.Shoes) + ":public.error.size_shoes"}},
			{"an item not offered", func(a *public.Application) { a.Items = []public.Choice{{ItemID: 999999}} }, []string{"items:public.error.items"}},
			{"a uniform without a size", func(a *public.Application) {
				a.Items = []public.Choice{{ItemID: f.c.Uniform}}
			}, []string{public.SizeField(f.c.Uniform) + ":public.error.size_required"}},
			{"no consent", func(a *public.Application) { a.Consent = false }, []string{"consent:public.error.consent"}},
			{"an oversized name", func(a *public.Application) { a.LastName = huge }, []string{"last_name:error.too_long"}},
			{"an IIN of another birth date", func(a *public.Application) { a.BirthDate = testworld.Day(2017, 3, 5) }, []string{"national_id:natid.birth_mismatch"}},
		}
		for i, c := range cases {
			a := f.application(t)
			c.edit(&a)
			_, err := f.s.Apply(ctx, "road", fmt.Sprintf("192.0.2.%d", 100+i), a, false)
			got := keys(err)
			for _, k := range c.want {
				if !slices.Contains(got, k) {
					t.Errorf("%s: %v, want %s among them", c.name, got, k)
				}
			}
		}
		f.exec(t, `UPDATE campaigns SET status = 'closed'`)
		if _, err := f.s.Apply(ctx, "road", "192.0.2.8", f.application(t), false); !errors.Is(err, public.ErrClosed) {
			t.Errorf("a closed campaign: %v, want %v", err, public.ErrClosed)
		}
		for _, table := range []string{"persons", "requests", "consents", "guardianships"} {
			if n := f.count(t, table); n != 0 {
				t.Errorf("%d rows in %s after refusals", n, table)
			}
		}
	})
}

func TestABotFillingTheTrapIsAnsweredAndNothingIsStored(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		rc, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := requests.ParseReference(rc.Reference); err != nil {
			t.Errorf("the bot's reference %q does not look like one: %v", rc.Reference, err)
		}
		if n := f.count(t, "persons") + f.count(t, "requests"); n != 0 {
			t.Errorf("%d rows stored for a bot", n)
		}
		if _, err := f.s.LookUp(ctx, "192.0.2.1", rc.Reference, "+7 701 555 12 34"); !errors.Is(err, public.ErrNoRequest) {
			t.Errorf("the bot's reference: %v, want not found", err)
		}
	})
}

func TestApplicationsAreLimitedPerAddress(t *testing.T) {
	f := setup(t, testworld.SQLite(t))
	a := f.application(t)
	a.Consent = false // refused, but each attempt counts
	for i := range public.ApplyPerAddress {
		if _, err := f.s.Apply(ctx, "road", "2001:db8::1", a, false); errors.Is(err, public.ErrLimited) {
			t.Fatalf("attempt %d limited", i+1)
		}
	}
	// Another address of the same /64 is the same subscriber.
	if _, err := f.s.Apply(ctx, "road", "2001:db8::2", a, false); !errors.Is(err, public.ErrLimited) {
		t.Errorf("attempt past the limit: %v, want limited", err)
	}
	if _, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false); err != nil {
		t.Errorf("another address: %v", err)
	}
}

func TestAGuardianInTheRegistryIsFoundByPhoneAndName(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		mother := w.Person(t, people.Input{LastName: "Сәрсенова", FirstName: "Динара", Phone: "87015551234",
			BirthDate: testworld.Day(1990, 1, 2), RegionCode: "KZ-75", OrgID: w.School.ID})
		if _, err := f.s.Apply(ctx, "road", "192.0.2.1", f.application(t), false); err != nil {
			t.Fatal(err)
		}
		var applicant int64
		if err := f.DB.R.QueryRowContext(ctx, `SELECT applicant_person_id FROM requests`).Scan(&applicant); err != nil {
			t.Fatal(err)
		}
		if applicant != mother.ID {
			t.Errorf("applicant %d, want the registered mother %d", applicant, mother.ID)
		}
	})
}

func TestAnIDNumberHeldOutsideTheOrganiserSendsToTheHotline(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.application(t)
		w.Person(t, people.Input{LastName: "Other", FirstName: "Child", BirthDate: a.BirthDate, Sex: people.Female,
			NationalID: a.NationalID, RegionCode: "IR-23", OrgID: w.Tehran.ID})
		before := f.count(t, "persons")
		_, err := f.s.Apply(ctx, "road", "192.0.2.1", a, false)
		if !errors.Is(err, public.ErrByPhone) {
			t.Fatalf("%v, want %v", err, public.ErrByPhone)
		}
		if n := f.count(t, "persons"); n != before {
			t.Errorf("%d persons written", n-before)
		}
		// The probe outlives the application's rolled-back transaction.
		var probes int
		if err := f.DB.R.QueryRowContext(ctx, `SELECT count(*) FROM access_log WHERE subject_kind = 'id_out_of_scope'`).Scan(&probes); err != nil || probes != 1 {
			t.Errorf("%d probes in the access log (%v), want 1", probes, err)
		}
	})
}
