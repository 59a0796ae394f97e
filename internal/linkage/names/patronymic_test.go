package names

import "testing"

func TestPatronymic(t *testing.T) {
	tests := []struct {
		father string   // the father's given name
		forms  []string // his children's patronymics
	}{
		{"Иван", []string{"Иванович", "Ивановна", "Ivanovich", "Ivanovna", "IVANOVITCH", "Iwanowitsch"}},
		{"Сергей", []string{"Сергеевич", "Сергеевна", "Sergeevich", "Sergeyevna", "Sergejewitsch"}},
		{"Николай", []string{"Николаевич", "Николаевна", "Nikolaevich", "Nikolayevna"}},
		{"Нұрлан", []string{"Нұрланұлы", "Нурланулы", "Nurlanuly", "Nurlan uly", "Нұрланқызы", "Nurlanqyzy", "Нурланович", "Нурлановна"}},
		{"Қайрат", []string{"Қайратұлы", "Кайратович", "Qairatqyzy", "Kairatovna"}},
		{"Ержан", []string{"Ержанович", "Yerzhanovna", "Erjanuly"}},
	}
	for _, tc := range tests {
		want := Key(tc.father)
		for _, s := range tc.forms {
			if got := KeyOfLatin(Patronymic(s)); got != want {
				t.Errorf("key of Patronymic(%q) = %q (%q), want %q as for the father %q", s, got, Patronymic(s), want, tc.father)
			}
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"Иванович", "ivan"},
		{"Ильич", "il"}, // Илья: a father's final vowel is not in the patronymic
		{"Ильинична", "il"},
		{"Nurlan uly", "nurlan"},
		{"Ич", "ich"}, // too short to cut
		{"Mohammad", "mohammad"},
		{"", ""},
	} {
		if got := Patronymic(tc.in); got != tc.want {
			t.Errorf("Patronymic(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
