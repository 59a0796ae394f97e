package youth_test

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestRegisterBadInput answers every problem of a form at once.
func TestRegisterBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		_, err := w.s.Register(ctx, w.form, w.head.ID, youth.Input{Language: "de", Status: "idle",
			Contact: youth.Contact{Phone: "12ab", Telegram: "@x", Email: "no-at"}})
		want := []string{"last_name error.required", "first_name error.required", "birth_date error.required",
			"region error.required", "settlement error.required", "status error.invalid_choice_of", "channel error.required",
			"field error.required", "language error.invalid_choice_of", "phone error.youth_phone", "telegram error.youth_telegram",
			"email error.youth_email"}
		if got := fieldKeys(err); !slices.Equal(got, want) {
			t.Errorf("empty form:\n got %q\nwant %q", got, want)
		}
		i := in("Aruzhan")
		i.RegionCode = "KZ-99"
		if got := fieldKeys(mustFail(w.s.Register(ctx, w.form, w.head.ID, i))); !slices.Equal(got, []string{"region error.youth_region"}) {
			t.Errorf("unknown region: %q", got)
		}
		i = in("Aruzhan")
		i.Contact = youth.Contact{}
		if got := fieldKeys(mustFail(w.s.Register(ctx, w.form, w.head.ID, i))); !slices.Equal(got, []string{"contact error.youth_contact_required"}) {
			t.Errorf("no contact: %q", got)
		}
		i = in("Aruzhan")
		i.Field, i.Settlement = "cooking", "suburb"
		want = []string{"settlement error.invalid_choice_of", "field error.youth_field"}
		if got := fieldKeys(mustFail(w.checked.Register(ctx, w.form, w.head.ID, i))); !slices.Equal(got, want) {
			t.Errorf("unknown field: %q", got)
		}
		if _, err := w.checked.Register(ctx, w.form, w.head.ID, in("Aruzhan")); err != nil {
			t.Errorf("a known field: %v", err)
		}
		if _, err := w.s.Register(ctx, w.form, w.other.ID, in("Dana")); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("the form of one organisation registering with another: %v", err)
		}
	})
}

func mustFail(_ youth.Registration, err error) error { return err }

// TestRegisterTwice returns the first record's id to a repeated
// registration of the same person, typed differently, and nothing of
// where it is kept, and keeps the shortlist consent off unless asked.
func TestRegisterTwice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		first := w.register(t, in("Aruzhan"))
		again := in(" aruzhan ")
		again.LastName, again.Contact.Phone, again.Goals = "SEITKALI", "+7 (701) 234-56-78", "Something else"
		second := w.register(t, again)
		if first.Existing || !second.Existing || second.ID != first.ID {
			t.Fatalf("first %+v, second %+v", first, second)
		}
		if second.Route != (youth.Route{}) || second.AgeGroup != "" {
			t.Fatalf("first %+v, second %+v", first, second)
		}
		y, err := w.s.Get(ctx, w.coordAlmaty, first.ID, youth.ViaWeb)
		if err != nil || y.Goals != "Learn to code" || y.Shortlist {
			t.Errorf("the first record changed or consents to the shortlist: %+v %v", y, err)
		}
		other := in("Aruzhan")
		other.Contact.Phone = "+7 701 234 56 79"
		if r := w.register(t, other); r.Existing || r.ID == first.ID {
			t.Errorf("another contact is another registration: %+v", r)
		}
	})
}

// TestRegisterParallel sends one person's registration 100 times at once:
// one record, every answer naming it.
func TestRegisterParallel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var wg sync.WaitGroup
		ids := make([]int64, 100)
		fails := make([]error, 100)
		for n := range ids {
			wg.Go(func() {
				r, err := w.s.Register(ctx, w.form, w.head.ID, in("Aruzhan"))
				ids[n], fails[n] = r.ID, err
			})
		}
		wg.Wait()
		if err := errors.Join(fails...); err != nil {
			t.Fatal(err)
		}
		var rows int
		must(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM youth").Scan(&rows))
		if rows != 1 || slices.Min(ids) != slices.Max(ids) || ids[0] == 0 {
			t.Errorf("%d records, ids from %d to %d", rows, slices.Min(ids), slices.Max(ids))
		}
		must(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM audit_log WHERE entity = 'youth'").Scan(&rows))
		if rows != 1 {
			t.Errorf("%d registrations in the change log, want 1", rows)
		}
	})
}
