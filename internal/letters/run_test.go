package letters_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/testworld"
)

var errInjected = errors.New("injected failure")

// TestAnInterruptedRunResumedThanksEverybodyOnce stops a run half-way —
// once by a failure after three letters, once by the process shutting
// down (its context cancelled) after five — and resumes it: every sponsor
// ends with exactly one letter, and the run's combined file holds them all.
func TestAnInterruptedRunResumedThanksEverybodyOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		const n = 8
		for i := range n {
			f.sponsor(t, fmt.Sprintf("Sponsor %d", i+1), []string{"en", "ru", "kk", "fr", "fa"}[i%5])
		}
		f.s.SetAfterLetter(func(done int) error {
			if done == 3 {
				return errInjected
			}
			return nil
		})
		run, err := f.runLetters(t, f.ctx)
		if !errors.Is(err, errInjected) || run.Status != letters.RunFailed || run.Written != 3 || run.Total != n {
			t.Fatalf("after the failure: %v, run %+v", err, run)
		}
		if got := f.scalar(t, "SELECT count(*) FROM letters"); got != 3 {
			t.Fatalf("%d letters stored after three were written", got)
		}

		ctx, cancel := context.WithCancel(f.ctx)
		f.s.SetAfterLetter(func(done int) error {
			if done == 5 {
				cancel() // the process shuts down
			}
			return nil
		})
		run2, err := f.runLetters(t, ctx)
		if !errors.Is(err, context.Canceled) || run2.ID != run.ID || run2.Status != letters.RunFailed || run2.Written != 5 {
			t.Fatalf("after the shutdown: %v, run %+v", err, run2)
		}

		f.s.SetAfterLetter(nil)
		run3, err := f.runLetters(t, f.ctx)
		must(t, err)
		if run3.ID != run.ID || run3.Status != letters.RunDone || run3.Written != n || run3.Total != n || !run3.Combined {
			t.Fatalf("after resuming: run %+v", run3)
		}
		if got := f.scalar(t, "SELECT count(*) FROM letters"); got != n {
			t.Errorf("%d letters for %d sponsors", got, n)
		}
		if got := f.scalar(t, `SELECT count(*) FROM (SELECT recipient_id FROM letters GROUP BY recipient_id
			HAVING count(*) > 1) twice`); got != 0 {
			t.Errorf("%d sponsors thanked twice", got)
		}
		recips, err := f.s.Recipients(f.ctx, f.coord, f.camp.ID)
		must(t, err)
		for _, r := range recips {
			if r.LetterID == 0 || r.ThankedAt == nil {
				t.Errorf("%s was not thanked", r.Name)
			}
		}
		_, pdf, err := f.s.Combined(f.ctx, f.coord, run.ID)
		must(t, err)
		if pages := pdfText(t, pdf); len(pages) != n {
			t.Errorf("the combined file has %d pages, want one letter a page for %d", len(pages), n)
		}

		// A new run later finds nobody left to thank, and a new sponsor
		// is thanked by the next.
		again, err := f.runLetters(t, f.ctx)
		must(t, err)
		if again.ID == run.ID || again.Written != 0 || again.Combined {
			t.Errorf("a run with nobody to thank: %+v", again)
		}
		f.sponsor(t, "Late sponsor", "en")
		late, err := f.runLetters(t, f.ctx)
		must(t, err)
		if late.Written != 1 || f.scalar(t, "SELECT count(*) FROM letters") != n+1 {
			t.Errorf("the late sponsor's run: %+v", late)
		}
	})
}

func TestARunIsNotStartedTwice(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.sponsor(t, "Sponsor", "en")
		_, err := f.s.Start(f.ctx, f.coord, f.camp.ID, letters.SponsorLetter)
		must(t, err)
		if _, err := f.s.Start(f.ctx, f.coord, f.camp.ID, letters.SponsorLetter); errs.CodeOf(err) != errs.Conflict {
			t.Errorf("a second start while queued gave %v", err)
		}
	})
}

// TestASponsorWithNoLanguageIsWrittenToInItsOrganisations: the sponsor's
// own language first, else its organisation's, else the installation's.
func TestASponsorWithNoLanguageIsWrittenToInItsOrganisations(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.sponsor(t, "Own Kazakh", "kk")
		f.sponsor(t, "No language", "")
		f.scalar(t, "UPDATE organisations SET locale = 'fr' WHERE id = $1 RETURNING id", f.Foundation.ID)
		run, err := f.runLetters(t, f.ctx)
		must(t, err)
		if run.Written != 2 {
			t.Fatalf("run %+v", run)
		}
		recips, err := f.s.Recipients(f.ctx, f.coord, f.camp.ID)
		must(t, err)
		want := map[string]string{"Own Kazakh": "kk", "No language": "fr"}
		for _, r := range recips {
			if r.Locale != want[r.Name] {
				t.Errorf("%s was written to in %q, want %q", r.Name, r.Locale, want[r.Name])
			}
			l, err := f.s.Letter(f.ctx, f.coord, r.LetterID)
			must(t, err)
			text := pdfText(t, l.PDF)[0]
			subject := map[string]string{"kk": "Алғыс хат", "fr": "Lettre de remerciement"}[r.Locale]
			if missing(text, []string{subject, r.Name}) != "" {
				t.Errorf("%s's letter is not in %s:\n%s", r.Name, r.Locale, text)
			}
		}
		// With neither, the installation's language (Russian, as a new
		// installation's settings say).
		f.scalar(t, "UPDATE organisations SET locale = '' WHERE id = $1 RETURNING id", f.Foundation.ID)
		f.sponsor(t, "Nobody's language", "")
		_, err = f.runLetters(t, f.ctx)
		must(t, err)
		var locale string
		must(t, f.DB.R.QueryRowContext(f.ctx, "SELECT locale FROM letters WHERE recipient = 'Nobody''s language'").Scan(&locale))
		if st, err := w.Services.Settings.Get(f.ctx); err != nil || st.DefaultLocale != "ru" || locale != "ru" {
			t.Errorf("the sponsor with no language in an organisation with none was written to in %q, want ru (%v)", locale, err)
		}
	})
}

// TestLettersAreScopedToTheOrganiser: a coordinator of another
// organisation can neither run nor download the letters, nor edit the
// templates; an auditor reads but does not run.
func TestLettersAreScopedToTheOrganiser(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.sponsor(t, "Sponsor", "en")
		run, err := f.runLetters(t, f.ctx)
		must(t, err)
		letter := f.scalar(t, "SELECT id FROM letters")
		stranger := w.Stranger.Principal()
		if _, err := f.s.Start(f.ctx, stranger, f.camp.ID, letters.SponsorLetter); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("a stranger's run: %v", err)
		}
		if _, err := f.s.Letter(f.ctx, stranger, letter); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("a stranger's download: %v", err)
		}
		if _, _, err := f.s.Combined(f.ctx, stranger, run.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("a stranger's combined download: %v", err)
		}
		if _, err := f.s.Recipients(f.ctx, stranger, f.camp.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("a stranger's list: %v", err)
		}
		if _, err := f.s.SaveTemplate(f.ctx, stranger, f.Foundation.ID, letters.TemplateInput{Kind: letters.SponsorLetter,
			Locale: "en", Subject: "x", Body: "y"}); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("a stranger's template: %v", err)
		}
		auditor := w.Principal(access.Auditor)
		if _, err := f.s.Letter(f.ctx, auditor, letter); err != nil {
			t.Errorf("the auditor's download: %v", err)
		}
		if _, err := f.s.Start(f.ctx, auditor, f.camp.ID, letters.SponsorLetter); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("the auditor's run: %v", err)
		}
		if _, err := f.s.Letter(f.ctx, w.Principal(access.Sponsor), letter); err == nil {
			t.Error("a sponsor's login downloaded a letter")
		}
	})
}
