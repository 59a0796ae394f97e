package letters_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/testworld"
)

func TestATemplateWithAnUnknownPlaceholderIsRefusedNamingIt(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		_, err := f.s.SaveTemplate(f.ctx, f.coord, f.Foundation.ID, letters.TemplateInput{Kind: letters.SponsorLetter,
			Locale: "ru", Subject: "Спасибо, {{sponsor}}", Body: "Вы помогли {{ children }} детям. {{impact}}"})
		e := errs.As(err)
		if e == nil || len(e.Fields) != 1 || e.Fields[0].Field != "body" || e.Fields[0].Key != "error.letter_placeholder_unknown" {
			t.Fatalf("want the body refused for its placeholder, got %v", err)
		}
		ru := w.Services.Catalog.Localizer(i18n.RU).T(e.Fields[0].Key, e.Fields[0].Args...)
		if !strings.Contains(ru, "{{children}}") || !strings.Contains(ru, "шаблоне") || !strings.Contains(ru, "{{impact}}") {
			t.Errorf("the Russian message does not name the placeholder and those there are: %q", ru)
		}
		// A volunteer's placeholder is unknown in a sponsor's letter too,
		// and a brace left open is refused.
		_, err = f.s.SaveTemplate(f.ctx, f.coord, f.Foundation.ID, letters.TemplateInput{Kind: letters.SponsorLetter,
			Locale: "en", Subject: "Thanks {{hours}}", Body: "Dear {{sponsor"})
		if e := errs.As(err); e == nil || len(e.Fields) != 2 || e.Fields[0].Key != "error.letter_placeholder_unknown" ||
			e.Fields[1].Key != "error.letter_placeholder_open" {
			t.Fatalf("got %v", err)
		}
		if n := f.scalar(t, "SELECT count(*) FROM letter_templates"); n != 0 {
			t.Errorf("%d templates saved after refusals", n)
		}
	})
}

func TestTemplatesAreVersionedPerOrganisationKindAndLanguage(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		in := letters.TemplateInput{Kind: letters.SponsorLetter, Locale: "en", Subject: "Thank you, {{sponsor}}",
			Body: "Dear {{sponsor}},\n\n{{impact}}\n\n{{gifts}}"}
		t1, err := f.s.SaveTemplate(f.ctx, f.coord, f.Foundation.ID, in)
		must(t, err)
		if t1.Version != 1 {
			t.Fatalf("first save is version %d", t1.Version)
		}
		// A second editor who read the built-in (version 0) is refused.
		if _, err := f.s.SaveTemplate(f.ctx, f.coord, f.Foundation.ID, in); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("a stale save gave %v", err)
		}
		in.Version, in.Subject = 1, "With thanks, {{sponsor}}"
		t2, err := f.s.SaveTemplate(f.ctx, f.coord, f.Foundation.ID, in)
		must(t, err)
		hist, err := f.s.History(f.ctx, f.coord, f.Foundation.ID, letters.SponsorLetter, i18n.EN)
		must(t, err)
		if len(hist) != 2 || hist[0].Version != 2 || hist[1].Subject != "Thank you, {{sponsor}}" || t2.Version != 2 {
			t.Fatalf("history %+v", hist)
		}
		all, err := f.s.Templates(f.ctx, f.coord, f.Foundation.ID)
		must(t, err)
		if len(all) != 10 {
			t.Fatalf("%d templates, want 2 kinds × 5 languages", len(all))
		}
		for _, tp := range all {
			own := tp.Kind == letters.SponsorLetter && tp.Locale == "en"
			if own != (tp.Version == 2) || (!own && tp.Version != 0) {
				t.Errorf("%s/%s is version %d", tp.Kind, tp.Locale, tp.Version)
			}
			if tp.Subject == "" || tp.Body == "" {
				t.Errorf("%s/%s has no built-in text", tp.Kind, tp.Locale)
			}
		}
		// Another organisation still writes with the built-in text.
		other, err := f.s.Templates(f.ctx, w.Stranger.Principal(), w.Tehran.ID)
		must(t, err)
		if other[0].Version != 0 {
			t.Errorf("the Tehran charity got the Foundation's template")
		}
	})
}

func TestEveryBuiltInTemplateIsValid(t *testing.T) {
	for _, k := range letters.Kinds() {
		for _, l := range i18n.All() {
			d := letters.Defaults(k, l)
			if err := letters.CheckTemplate(letters.TemplateInput{Kind: k, Locale: string(l), Subject: d.Subject,
				Body: d.Body}); err != nil {
				t.Errorf("%s/%s: %v", k, l, err)
			}
		}
	}
}
