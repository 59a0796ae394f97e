package imports

import "testing"

func TestParseSex(t *testing.T) {
	for in, want := range map[string]SexValue{
		"M": "M", " f ": "F", "Муж.": "M", "мужской": "M", "Ж": "F", "жен": "F", "Ер": "M", "Ә": "F",
		"ұл": "M", "қыз": "F", "پسر": "M", "دختر": "F", "": "",
	} {
		got, ok := ParseSex(in)
		if !ok || got != want {
			t.Errorf("ParseSex(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseSex("unknown"); ok {
		t.Error(`ParseSex("unknown") accepted`)
	}
}

func TestMatcherFindsRegionsHoweverWritten(t *testing.T) {
	m := NewPlaceMatcher([]Named{
		{Code: "KZ-19", Names: []string{"Almaty Region", "Алматы облысы", "Алматинская область"}},
		{Code: "KZ-75", Names: []string{"Almaty", "Алматы", "Алматы"}},
		{Code: "KZ-61", Names: []string{"Turkistan Region", "Түркістан облысы", "Туркестанская область"}},
		{Code: "IR-23", Names: []string{"Tehran", "تهران"}},
	})
	for in, want := range map[string]string{
		"KZ-61": "KZ-61", "kz-61": "KZ-61", "Түркістан облысы": "KZ-61", "Түркістан": "KZ-61",
		"туркестанская обл.": "KZ-61", "Туркестанская": "KZ-61", "TURKISTAN": "KZ-61",
		"Алматы": "KZ-75", "almaty": "KZ-75", "Алматы облысы": "KZ-19", "Алматинская область": "KZ-19",
		"Almaty region": "KZ-19", "استان تهران": "IR-23", "تهران": "IR-23",
		"г. Алматы": "KZ-75", "Алматы қаласы": "KZ-75", "Алматы обл.": "KZ-19", "Tehran province": "IR-23",
	} {
		if got, ok := m.Find(in); !ok || got != want {
			t.Errorf("Find(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got, ok := m.Find("Атлантида"); ok {
		t.Errorf("unknown region found as %q", got)
	}
}

func TestCategoriesByCodeOrNameInAnyLanguage(t *testing.T) {
	m := NewMatcher([]Named{
		{Code: "low-income", Names: []string{"Low-income family", "Аз қамтылған отбасы", "Малообеспеченная семья", "Famille à faibles revenus", "خانواده کم\u200cدرآمد"}},
		{Code: "large-family", Names: []string{"Large family", "Көпбалалы отбасы", "Многодетная семья", "Famille nombreuse", "خانواده پرجمعیت"}},
	})
	for in, want := range map[string]string{
		"low-income": "low-income", "LOW INCOME": "low-income", "low_income": "low-income",
		"малообеспеченная  семья": "low-income", "МНОГОДЕТНАЯ СЕМЬЯ": "large-family", "famille nombreuse": "large-family",
		"خانواده کم درآمد": "low-income", "Көпбалалы отбасы": "large-family",
	} {
		if got, ok := m.Find(in); !ok || got != want {
			t.Errorf("Find(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if got := SplitCategories(" low-income; ;large-family,orphan "); len(got) != 3 || got[2] != "orphan" {
		t.Errorf("SplitCategories = %q", got)
	}
}
