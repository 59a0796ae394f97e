package youth_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// TestLinks walks a young person's secret link: issued at registration,
// opening their own record unmasked, not issued again for a repeated
// registration, replaced by a coordinator's re-issue, and nothing found
// for a forged, malformed or replaced token.
func TestLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		m := in("Dana")
		m.Birth, m.Contact = today.AddDate(-16, 0, 0), youth.Contact{Telegram: "dana_minor"}
		m.Guardian = youth.GuardianDetails{Name: "Aliya Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
		reg := w.register(t, m)
		if len(reg.Link) != youth.TokenLen {
			t.Fatalf("link %q: want a %d-character token", reg.Link, youth.TokenLen)
		}
		y, err := w.s.ByLink(ctx, reg.Link)
		must(t, err)
		if y.ID != reg.ID || y.Masked || y.Contact.Telegram != "dana_minor" || y.Guardian.Name != "Aliya Seitkali" {
			t.Fatalf("by link: %+v", y)
		}
		var stored string
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, "SELECT token_hash FROM youth_links WHERE youth_id = $1"), reg.ID).Scan(&stored))
		if stored == reg.Link || strings.Contains(stored, reg.Link) {
			t.Fatal("the token is stored as given")
		}

		again := w.register(t, m)
		if !again.Existing || again.Link != "" {
			t.Fatalf("repeated registration: %+v, want the first record and no link", again)
		}

		if _, err := w.s.Link(ctx, w.coordAstana, reg.ID); errs.CodeOf(err) != errs.Forbidden && errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("Astana's coordinator re-issues Almaly's link: %v", err)
		}
		fresh, err := w.s.Link(ctx, w.coordAlmaty, reg.ID)
		must(t, err)
		if fresh == reg.Link {
			t.Fatal("the re-issued link is the old one")
		}
		for name, token := range map[string]string{"old": reg.Link, "forged": strings.Repeat("A", youth.TokenLen),
			"short": fresh[:20], "not base64": strings.Repeat("!", youth.TokenLen), "empty": ""} {
			if _, err := w.s.ByLink(ctx, token); !errors.Is(err, errs.ErrNotFound) {
				t.Errorf("%s token: %v, want not found", name, err)
			}
		}
		if y, err := w.s.ByLink(ctx, fresh); err != nil || y.ID != reg.ID {
			t.Fatalf("the new link: %v %v", y.ID, err)
		}
		at, err := w.s.LinkIssued(ctx, w.coordAlmaty, reg.ID)
		if err != nil || !at.Equal(now) {
			t.Fatalf("issued at %v %v", at, err)
		}
	})
}

// TestMinorNamesGuardian: a minor registering on the web form names their
// guardian; an adult is not asked, an imported minor may leave it out.
func TestMinorNamesGuardian(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		m := in("Erlan")
		m.Birth = today.AddDate(-15, 0, 0)
		_, err := w.s.Register(ctx, w.form, w.head.ID, m)
		got := strings.Join(fieldKeys(err), "; ")
		for _, f := range []string{"guardian_name", "guardian_relation", "guardian_contact"} {
			if !strings.Contains(got, f+" ") {
				t.Errorf("minor without a guardian: %s, want %s refused", got, f)
			}
		}
		m.Channel = youth.Import
		w.register(t, m)
		w.register(t, in("Adult"))
	})
}
