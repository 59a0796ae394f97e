package people_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// png is the start of a PNG file, enough to be sniffed as one.
var png = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...)

func TestConsentGivenAndWithdrawn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		mother := w.mkPerson(t, w.opA, child(w.a, "Нұрланова", "Айгүл", day(1985, 2, 2)))
		teen := w.mkPerson(t, w.opA, child(w.a, "Нұрланов", "Дәулет", day(2012, 9, 1))) // 14 today
		small := w.mkPerson(t, w.opA, child(w.a, "Нұрланов", "Әли", day(2012, 9, 2)))   // 13 for one more day
		give := func(p people.Person, purpose people.Purpose, assent bool) (people.Consent, error) {
			return w.s.GiveConsent(ctx, w.opA, p.ID, people.ConsentInput{Purpose: purpose, GivenByID: mother.ID,
				ChildAssent: assent, Method: people.OnPaper})
		}
		if _, err := give(teen, people.Photos, false); fieldKeys(err)[0] != "child_assent error.assent_required" {
			t.Fatalf("a 14-year-old's consent without assent: %v", fieldKeys(err))
		}
		if _, err := give(small, people.Photos, false); err != nil {
			t.Fatalf("a 13-year-old's consent: %v", err)
		}
		if err := w.s.SetPhoto(ctx, w.opA, teen.ID, png); fieldKeys(err)[0] != "photo error.photo_consent" {
			t.Fatalf("photo without consent: %v", fieldKeys(err))
		}
		c, err := give(teen, people.Photos, true)
		if err != nil || !c.Active() || c.RecordedBy != w.opA.UserID || c.GivenByID != mother.ID {
			t.Fatalf("consent %+v, %v", c, err)
		}
		if _, err := give(teen, people.Processing, true); err != nil {
			t.Fatal(err)
		}
		if err := w.s.SetPhoto(ctx, w.opA, teen.ID, png); err != nil {
			t.Fatal(err)
		}
		if got, err := w.s.Photo(ctx, w.opA, teen.ID); err != nil || !bytes.Equal(got, png) {
			t.Fatalf("photo %d bytes, %v", len(got), err)
		}
		if p, _ := w.s.Get(ctx, w.opA, teen.ID, people.ViaWeb); !p.HasPhoto {
			t.Fatal("the record does not say it has a photo")
		}
		active, err := w.s.ActiveConsents(ctx, w.opA, teen.ID)
		if err != nil || len(active) != 2 || active[people.Photos].ID != c.ID {
			t.Fatalf("active %+v, %v", active, err)
		}
		if err := w.s.Withdraw(ctx, w.opA, teen.ID, people.Photos); err != nil {
			t.Fatal(err)
		}
		if ok, err := w.s.HasConsent(ctx, teen.ID, people.Photos); ok || err != nil {
			t.Fatalf("photos consent after withdrawal: %v, %v", ok, err)
		}
		if ok, _ := w.s.HasConsent(ctx, teen.ID, people.Processing); !ok {
			t.Fatal("withdrawing photos withdrew processing")
		}
		if _, err := w.s.Photo(ctx, w.opA, teen.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("photo after withdrawal: %v", err)
		}
		if p, _ := w.s.Get(ctx, w.opA, teen.ID, people.ViaWeb); p.HasPhoto {
			t.Fatal("the photo outlived its consent")
		}
		if err := w.s.Withdraw(ctx, w.opA, teen.ID, people.Photos); err != nil {
			t.Fatalf("withdrawing again: %v", err)
		}
		again, _ := give(teen, people.Photos, true)
		if ok, _ := w.s.HasConsent(ctx, teen.ID, people.Photos); !ok || again.ID == c.ID {
			t.Fatal("a new consent after a withdrawal does not hold")
		}
		for want, in := range map[string]people.ConsentInput{
			"purpose error.invalid_choice_of":  {Purpose: "marketing", GivenByName: "Айгүл", Method: people.Verbally},
			"method error.invalid_choice_of":   {Purpose: people.Sharing, GivenByName: "Айгүл", Method: "telepathy"},
			"given_by error.given_by_required": {Purpose: people.Sharing, Method: people.Online},
			"given_by error.not_found":         {Purpose: people.Sharing, GivenByID: 999, Method: people.Online},
		} {
			if _, err := w.s.GiveConsent(ctx, w.opA, small.ID, in); fieldKeys(err)[0] != want {
				t.Errorf("%+v: %v", in, fieldKeys(err))
			}
		}
		if err := w.s.SetPhoto(ctx, w.opA, small.ID, []byte("GIF89a not a photo we keep")); fieldKeys(err)[0] != "photo error.photo_type" {
			t.Errorf("a GIF: %v", fieldKeys(err))
		}
		ch, _, _ := w.log.Changes(ctx, admin, audit.Filter{Entity: "person", EntityID: id(teen.ID), Action: "photo"}, store.Page{})
		if len(ch) != 1 || strings.Contains(ch[0].After, "PNG") || !strings.Contains(ch[0].After, `"bytes":72`) {
			t.Fatalf("photo in the change log: %+v", ch)
		}
	})
}
