package dedupe

import (
	"testing"

	"github.com/jolproject/jol/internal/linkage"
)

// pairOf grades two records written as inputs, with the engine.
func pairOf(a, b linkage.Input) map[string]Agreement {
	d := linkage.NewDataset(linkage.NewLexicon())
	d.Add(a)
	d.Add(b)
	return agreements(linkage.Compare(d, 0, 1, nil))
}

func TestFieldsAndContradictions(t *testing.T) {
	born := linkage.MakeDate(2015, 3, 1)
	for _, c := range []struct {
		name     string
		a, b     linkage.Input
		want     map[string]Agreement
		contrary bool
	}{
		{"one child in two scripts",
			linkage.Input{Last: "Ахметова", First: "Мадина", Birth: born, Sex: linkage.SexFemale},
			linkage.Input{Last: "Akhmetova", First: "Madina", Birth: born, Sex: linkage.SexFemale},
			map[string]Agreement{FieldLast: Agree, FieldFirst: Agree, FieldBirth: Agree, FieldNationalID: Missing}, false},
		// The engine reads swapped names as alike, a level below the same.
		{"first and last name swapped, day and month swapped",
			linkage.Input{Last: "Сейткали", First: "Нурлан", Birth: linkage.MakeDate(2014, 6, 12)},
			linkage.Input{Last: "Нурлан", First: "Сейткали", Birth: linkage.MakeDate(2014, 12, 6)},
			map[string]Agreement{FieldLast: Alike, FieldFirst: Alike, FieldBirth: Alike}, false},
		{"a typo in the ID number, a surname's female form",
			linkage.Input{Last: "Омаров", First: "Ерлан", Birth: born, NatID: "150301500013"},
			linkage.Input{Last: "Омарова", First: "Ерлан", Birth: born, NatID: "150301500031"},
			map[string]Agreement{FieldLast: Alike, FieldFirst: Agree, FieldNationalID: Alike, FieldRegion: Missing}, false},
		{"brother and sister",
			linkage.Input{Last: "Омаров", First: "Ерлан", Patronymic: "Болатович", Birth: linkage.MakeDate(2013, 1, 15)},
			linkage.Input{Last: "Омарова", First: "Айгерим", Patronymic: "Болатовна", Birth: linkage.MakeDate(2016, 9, 3)},
			map[string]Agreement{FieldFirst: Differ, FieldBirth: Differ}, true},
		{"twins",
			linkage.Input{Last: "Омарова", First: "Айгерим", Patronymic: "Болатовна", Birth: born, Sex: linkage.SexFemale},
			linkage.Input{Last: "Omarova", First: "Madina", Patronymic: "Bolatovna", Birth: born, Sex: linkage.SexFemale},
			map[string]Agreement{FieldLast: Agree, FieldFirst: Differ, FieldPatronymic: Agree, FieldBirth: Agree}, true},
		{"namesakes born the same day of two fathers",
			linkage.Input{Last: "Қасымов", First: "Нұрсұлтан", Patronymic: "Болатович", Birth: born},
			linkage.Input{Last: "Қасымов", First: "Нұрсұлтан", Patronymic: "Ерланұлы", Birth: born},
			map[string]Agreement{FieldLast: Agree, FieldFirst: Agree, FieldPatronymic: Differ, FieldBirth: Agree}, true},
		{"namesakes with two ID numbers",
			linkage.Input{Last: "Иванова", First: "Мария", Birth: born, NatID: "150301600011"},
			linkage.Input{Last: "Иванова", First: "Мария", Birth: born, NatID: "150301600022"},
			map[string]Agreement{FieldNationalID: Differ}, true},
		{"a wrong date of birth, the same ID number",
			linkage.Input{Last: "Иванова", First: "Мария", Birth: born, NatID: "150301600011"},
			linkage.Input{Last: "Иванова", First: "Мария", Birth: linkage.MakeDate(2011, 8, 20), NatID: "150301600011"},
			map[string]Agreement{FieldBirth: Differ, FieldNationalID: Agree}, false},
	} {
		g := pairOf(c.a, c.b)
		for f, want := range c.want {
			if got, ok := g[f]; !ok && want != Missing || ok && got != want {
				t.Errorf("%s: %s %s, want %s", c.name, f, got, want)
			}
		}
		if got := contradicts(g); got != c.contrary {
			t.Errorf("%s: contradicts = %v", c.name, got)
		}
	}
}
