package youth_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// minor registers a 16-year-old who named their guardian, in the Almaly
// village, and returns their id.
func (w *world) minor(t testing.TB, first string) int64 {
	t.Helper()
	m := in(first)
	m.Birth, m.Contact = today.AddDate(-16, 0, 0), youth.Contact{Telegram: strings.ToLower(first) + "_minor"}
	m.Guardian = youth.GuardianDetails{Name: "Aliya Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
	return w.register(t, m).ID
}

// count counts the change log's rows of entity and action about id.
func count(t testing.TB, db *store.DB, entity, action string, id int64) int {
	t.Helper()
	var n int
	must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT count(*) FROM audit_log
		WHERE entity = $1 AND action = $2 AND entity_id = $3`), entity, action, itoa(id)).Scan(&n))
	return n
}

// TestGuardianLinkConsent walks a guardian's consent through their link:
// issued for a minor at their request and stored only as a hash, showing
// their first name and age group, recording the consent as a
// coordinator's would, logged with the link as actor, and refusing a
// second answer and a second link.
func TestGuardianLinkConsent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.minor(t, "Dana")
		l, err := w.s.GuardianLinkFor(ctx, id)
		must(t, err)
		if len(l.Token) != youth.TokenLen || !l.Expires.Equal(now.Add(youth.GuardianLinkTTL)) {
			t.Fatalf("link %+v", l)
		}
		var stored string
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine,
			"SELECT token_hash FROM youth_guardian_links WHERE youth_id = $1"), id).Scan(&stored))
		if strings.Contains(stored, l.Token) {
			t.Fatal("the token is stored as given")
		}
		inv, err := w.s.GuardianByLink(ctx, l.Token)
		if err != nil || inv.YouthID != id || inv.FirstName != "Dana" || inv.AgeGroup != youth.Teen || inv.Language != "kk" {
			t.Fatalf("invite %+v, %v", inv, err)
		}
		st, err := w.s.GuardianLinkOf(ctx, w.coordAlmaly, id)
		if err != nil || st.Status(now) != "pending" || st.IssuedBy != 0 {
			t.Fatalf("state %+v, %v", st, err)
		}

		must(t, w.s.AnswerGuardianLink(ctx, l.Token, youth.GuardianConsents))
		y, err := w.s.Get(ctx, w.coordAlmaly, id, youth.ViaWeb)
		must(t, err)
		g := y.Guardian
		if !g.ConsentOn.Equal(today) || g.Recorder != youth.GuardianRecorder || g.RecordedBy != 0 ||
			g.Name != "Aliya Seitkali" || g.Relation != "mother" || g.Contact != "+7 701 000 11 22" {
			t.Fatalf("consent recorded as %+v", g)
		}
		if got := youth.MatchReady(y, today); got != nil {
			t.Errorf("after the consent a match waits for %q", got)
		}
		var actor string
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, `SELECT actor FROM audit_log
			WHERE entity = 'youth' AND action = 'give_consent' AND entity_id = $1`), itoa(id)).Scan(&actor))
		if actor != "guardian link of young person "+itoa(id) {
			t.Errorf("consent logged as %q", actor)
		}
		if st, _ := w.s.GuardianLinkOf(ctx, w.coordAlmaly, id); st.Status(now) != "consented" || !st.Answered.Equal(now) {
			t.Errorf("state after consent %+v", st)
		}
		for _, a := range []youth.GuardianAnswer{youth.GuardianConsents, youth.GuardianDeclines} {
			if err := w.s.AnswerGuardianLink(ctx, l.Token, a); !errors.Is(err, youth.ErrGuardianLinkUsed) {
				t.Errorf("second answer %s: %v", a, err)
			}
		}
		if _, err := w.s.GuardianByLink(ctx, l.Token); !errors.Is(err, youth.ErrGuardianLinkUsed) {
			t.Errorf("the used link opens: %v", err)
		}
		if _, err := w.s.IssueGuardianLink(ctx, w.coordAlmaly, id); keyOf(err) != "error.youth_guardian_link_consented" {
			t.Errorf("a link after the consent: %v", err)
		}
		if n := count(t, db, "youth", "give_consent", id); n != 1 {
			t.Errorf("%d consents logged", n)
		}
	})
}

// TestGuardianLinkDecline: a refusal is kept for the coordinator, ends
// the link, stops the young person asking again, and leaves a new link to
// the coordinator, which replaces the old one.
func TestGuardianLinkDecline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.minor(t, "Erlan")
		l, err := w.s.GuardianLinkFor(ctx, id)
		must(t, err)
		must(t, w.s.AnswerGuardianLink(ctx, l.Token, youth.GuardianDeclines))
		st, err := w.s.GuardianLinkOf(ctx, w.coordAlmaly, id)
		if err != nil || st.Status(now) != "declined" {
			t.Fatalf("state %+v, %v", st, err)
		}
		y, err := w.s.Get(ctx, w.coordAlmaly, id, youth.ViaWeb)
		if err != nil || y.Guardian.Consented() {
			t.Fatalf("a refusal recorded a consent: %+v, %v", y.Guardian, err)
		}
		if n := count(t, db, "youth_guardian_link", "decline", id); n != 1 {
			t.Errorf("%d refusals logged", n)
		}
		if _, err := w.s.GuardianLinkFor(ctx, id); keyOf(err) != "error.youth_guardian_declined" {
			t.Errorf("the young person asks again after a refusal: %v", err)
		}
		again, err := w.s.IssueGuardianLink(ctx, w.coordAlmaly, id)
		must(t, err)
		if st, _ := w.s.GuardianLinkOf(ctx, w.coordAlmaly, id); st.Status(now) != "pending" || st.IssuedBy != w.coordAlmaly.UserID {
			t.Errorf("state after re-issue %+v", st)
		}
		if _, err := w.s.GuardianByLink(ctx, l.Token); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("the replaced link: %v, want not found", err)
		}
		if _, err := w.s.GuardianByLink(ctx, again.Token); err != nil {
			t.Errorf("the new link: %v", err)
		}
		if n := count(t, db, "youth_guardian_link", "issue", id); n != 2 {
			t.Errorf("%d issues logged", n)
		}
	})
}

// TestGuardianLinkExpires: a link asks until GuardianLinkTTL has passed
// on the service's clock, then says it expired and takes no answer.
func TestGuardianLinkExpires(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.minor(t, "Dana")
		l, err := w.s.GuardianLinkFor(ctx, id)
		must(t, err)
		at := func(d time.Duration) *youth.Service { return w.s.WithClock(func() time.Time { return now.Add(d) }) }
		if _, err := at(youth.GuardianLinkTTL-time.Second).GuardianByLink(ctx, l.Token); err != nil {
			t.Errorf("a second before expiry: %v", err)
		}
		late := at(youth.GuardianLinkTTL)
		if _, err := late.GuardianByLink(ctx, l.Token); !errors.Is(err, youth.ErrGuardianLinkExpired) {
			t.Errorf("at expiry: %v", err)
		}
		if err := late.AnswerGuardianLink(ctx, l.Token, youth.GuardianConsents); !errors.Is(err, youth.ErrGuardianLinkExpired) {
			t.Errorf("consent at expiry: %v", err)
		}
		if st, _ := late.GuardianLinkOf(ctx, w.coordAlmaly, id); st.Status(now.Add(youth.GuardianLinkTTL)) != "expired" {
			t.Errorf("state %+v", st)
		}
		if y, _ := w.s.Get(ctx, w.coordAlmaly, id, youth.ViaWeb); y.Guardian.Consented() {
			t.Error("an expired link recorded a consent")
		}
	})
}

// TestGuardianLinkRefused: no link for an adult, for a minor who named
// no guardian, from a coordinator outside the young person's branch or
// for an unknown young person; a wrong token finds nothing and says so
// in no other words than not found.
func TestGuardianLinkRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		adult := w.register(t, in("Adult")).ID
		if _, err := w.s.GuardianLinkFor(ctx, adult); keyOf(err) != "error.youth_guardian_link_adult" {
			t.Errorf("an adult: %v", err)
		}
		imported := in("Imported")
		imported.Birth, imported.Channel = today.AddDate(-15, 0, 0), youth.Import
		bare := w.register(t, imported).ID
		if _, err := w.s.IssueGuardianLink(ctx, w.coordAlmaly, bare); keyOf(err) != "error.youth_guardian_link_no_guardian" {
			t.Errorf("no guardian named: %v", err)
		}
		id := w.minor(t, "Dana")
		for name, err := range map[string]error{
			"Astana's coordinator": mustFailL(w.s.IssueGuardianLink(ctx, w.coordAstana, id)),
			"an operator":          mustFailL(w.s.IssueGuardianLink(ctx, w.opHead, id)),
		} {
			if c := errs.CodeOf(err); c != errs.Forbidden {
				t.Errorf("%s issued a link: %v", name, err)
			}
		}
		if _, err := w.s.GuardianLinkOf(ctx, w.coordAstana, id); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("Astana's coordinator reads the link's state: %v", err)
		}
		if _, err := w.s.GuardianLinkFor(ctx, id+1000); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("unknown young person: %v", err)
		}
		l, err := w.s.GuardianLinkFor(ctx, id)
		must(t, err)
		for name, token := range map[string]string{"forged": strings.Repeat("A", youth.TokenLen), "short": l.Token[:20],
			"not base64": strings.Repeat("!", youth.TokenLen), "empty": "", "own link": w.register(t, in("Other")).Link} {
			if _, err := w.s.GuardianByLink(ctx, token); !errors.Is(err, errs.ErrNotFound) {
				t.Errorf("%s token: %v, want not found", name, err)
			}
			if err := w.s.AnswerGuardianLink(ctx, token, youth.GuardianConsents); !errors.Is(err, errs.ErrNotFound) {
				t.Errorf("%s token answered: %v, want not found", name, err)
			}
		}
		if err := w.s.AnswerGuardianLink(ctx, l.Token, "maybe"); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("an answer of neither kind: %v", err)
		}
	})
}

// TestGuardianLinkOnce: a hundred answers sent at once through one link
// record one consent.
func TestGuardianLinkOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		id := w.minor(t, "Dana")
		l, err := w.s.GuardianLinkFor(ctx, id)
		must(t, err)
		const n = 100
		if db.Engine == store.Postgres {
			warm(t, db)
		}
		results := make([]error, n)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				<-start
				results[i] = w.s.AnswerGuardianLink(ctx, l.Token, youth.GuardianConsents)
			})
		}
		close(start)
		wg.Wait()
		ok := 0
		for _, err := range results {
			switch {
			case err == nil:
				ok++
			case !errors.Is(err, youth.ErrGuardianLinkUsed):
				t.Errorf("a parallel answer: %v", err)
			}
		}
		if ok != 1 {
			t.Errorf("%d answers recorded, want 1", ok)
		}
		if c := count(t, db, "youth", "give_consent", id); c != 1 {
			t.Errorf("%d consents logged", c)
		}
	})
}

func mustFailL(_ youth.GuardianLink, err error) error { return err }

// keyOf is the i18n key of a domain error, "" for anything else.
func keyOf(err error) string {
	if e := errs.As(err); e != nil {
		return e.Key
	}
	return ""
}

// warm opens every connection of the PostgreSQL pool beforehand, so that
// as many transactions as it holds start together: a connection each
// opened on the way lets the first one finish before the next begins, and
// the test would race nothing. (SQLite has one writer.)
func warm(t *testing.T, db *store.DB) {
	t.Helper()
	pool := db.PgxPool()
	var conns []*pgxpool.Conn
	for range pool.Config().MaxConns {
		c, err := pool.Acquire(ctx)
		must(t, err)
		conns = append(conns, c)
	}
	for _, c := range conns {
		c.Release()
	}
}
