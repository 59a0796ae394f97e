package eligibility

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

func names(l i18n.Locale) Names {
	cats := map[string]map[i18n.Locale]string{
		"low-income":   {i18n.EN: "low-income", i18n.RU: "малообеспеченная", i18n.FA: "کم\u200cدرآمد"},
		"large-family": {i18n.EN: "large family", i18n.RU: "многодетная", i18n.FA: "پرجمعیت"},
	}
	return Names{
		Category: func(code string) string { return cats[code][l] },
		Region: func(path string) string {
			return map[i18n.Locale]string{i18n.EN: "Karaganda region", i18n.RU: "Карагандинская область",
				i18n.FA: "استان قاراغاندی"}[l]
		},
		Item: func(id int64) string { return map[i18n.Locale]string{i18n.EN: "backpack", i18n.RU: "рюкзак"}[l] },
	}
}

// eligible58 is the example: low-income +30, large family +20, 4
// children +8, score 58, rank 152 of 3,800.
func eligible58() (Result, Place) {
	w := roadWeights()
	w.Income = nil
	return Evaluate(Rules{All: Criteria{Age: &Range{6, 10}}}, w, child(), 0, decision), Place{Rank: 152, Of: 3800}
}

func TestRenderLong(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	r, place := eligible58()
	cases := map[i18n.Locale][]string{
		i18n.EN: {"eligible: low-income +30, large family +20, 4 children +8 — score 58, rank 152 of 3,800 in Karaganda region",
			"8 years old, within 6–10"},
		i18n.RU: {"соответствует условиям: малообеспеченная +30, многодетная +20, 4 ребёнка +8 — итого 58, место 152 из 3\u00a0800 (Карагандинская область)",
			"возраст: 8 лет — в пределах 6–10"},
		i18n.FA: {"واجد شرایط: کم\u200cدرآمد \u200e+۳۰، پرجمعیت \u200e+۲۰، ۴ فرزند \u200e+۸ — امتیاز ۵۸، رتبه ۱۵۲ از ۳٬۸۰۰ در استان قاراغاندی",
			"سن ۸ سال، در بازه ۶ تا ۱۰"},
	}
	for l, want := range cases {
		got := RenderAll(cat.Localizer(l), names(l), Long(r, place))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", l, got, want)
		}
	}
	// Every language renders every line without a key left over.
	for _, l := range i18n.All() {
		for _, line := range RenderAll(cat.Localizer(l), Names{}, Long(r, place)) {
			if strings.Contains(line, "eligibility.") || strings.Contains(line, "{{") {
				t.Errorf("%s: unrendered %q", l, line)
			}
		}
	}
}

func TestRenderRussianPlurals(t *testing.T) {
	cat, _ := i18n.New()
	ru := cat.Localizer(i18n.RU)
	for n, want := range map[int]string{1: "1 ребёнок +4", 3: "3 ребёнка +4", 5: "5 детей +4", 21: "21 ребёнок +4", 12: "12 детей +4"} {
		if got := Render(ru, Names{}, termLine(Term{Kind: TermChildren, Count: n, Points: 4})); got != want {
			t.Errorf("%d: got %q, want %q", n, got, want)
		}
	}
}

func TestRenderRefusedAndShort(t *testing.T) {
	cat, _ := i18n.New()
	en, ru := cat.Localizer(i18n.EN), cat.Localizer(i18n.RU)
	f := child()
	f.Received = []int64{11}
	f.RegionPath = "/KZ/KZ-71/"
	rules := Rules{All: Criteria{Regions: []string{"/KZ/KZ-35/"}, Categories: []string{"orphan"}},
		Items: map[int64]Criteria{11: {NotReceived: true}}}
	r := Evaluate(rules, Weights{}, f, 11, decision)
	n := Names{Region: func(p string) string {
		return map[string]string{"/KZ/KZ-35/": "Karaganda region", "/KZ/KZ-71/": "Astana"}[p]
	}, Item: func(int64) string { return "backpack" }}
	long := RenderAll(en, n, Long(r, Place{}))
	want := "not eligible: in none of the categories orphan, lives in Astana, outside Karaganda region, " +
		"backpack: already received backpack this year (score 0: no priority points)"
	if long[0] != want {
		t.Errorf("long:\n got %q\nwant %q", long[0], want)
	}
	short := Render(en, n, Short(r, Place{}))
	want = "Your request does not meet the campaign’s conditions: one of the categories of support, with valid documents, " +
		"is required, the place of residence is outside the campaign’s regions, backpack already received this year."
	if short != want {
		t.Errorf("short:\n got %q\nwant %q", short, want)
	}
	// The family's version tells nothing of the household.
	ok, place := eligible58()
	got := Render(ru, names(i18n.RU), Short(ok, place))
	if want := "Ваша заявка соответствует условиям: приоритетный балл 58, место 152 из 3\u00a0800 (Карагандинская область)."; got != want {
		t.Errorf("short ru:\n got %q\nwant %q", got, want)
	}
	f = child()
	f.BirthDate = f.BirthDate.AddDate(-30, 0, 0)
	f.Grade = 0
	und := Evaluate(Rules{All: Criteria{Grade: &Range{1, 4}}}, Weights{}, f, 0, decision)
	if got := Render(en, Names{}, Short(und, Place{})); got != "A decision on your request needs more information: the school grade." {
		t.Errorf("undetermined: %q", got)
	}
}

func TestRenderDistance(t *testing.T) {
	cat, _ := i18n.New()
	for l, want := range map[i18n.Locale]string{
		i18n.EN: "12.5 km from school +12", i18n.FR: "12,5 km de l’école +12",
		i18n.FA: "۱۲٫۵ کیلومتر تا مدرسه \u200e+۱۲", i18n.KK: "мектепке дейін 3 км +12",
	} {
		km := 12.5
		if l == i18n.KK {
			km = 3.04
		}
		if got := Render(cat.Localizer(l), Names{}, termLine(Term{Kind: TermDistance, Km: km, Points: 12})); got != want {
			t.Errorf("%s: got %q, want %q", l, got, want)
		}
	}
	if got := Render(cat.Localizer(i18n.EN), Names{}, termLine(Term{Kind: TermIncome, Code: "middle", Points: -5})); got != "Middle income or above -5" {
		t.Errorf("negative: %q", got)
	}
}
