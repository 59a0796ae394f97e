package main

import "testing"

func TestRomanize(t *testing.T) {
	tests := []struct {
		in   string
		st   style
		opts uint8
		want string
	}{
		{"Нұрсұлтан", latin2021, 0, "nūrsūltan"},
		{"Айгерім", latin2021, 0, "aigerım"},
		{"Қарағанды", latin2021, 0, "qarağandy"},
		{"Жақыпов", latin2021, 0, "jaqypov"},
		{"Шевченко", latin2021, 0, "şevchenko"},
		{"Әсел", latin2018, 0, "ásel"},
		{"Ұлжан", latin2018, 0, "uljan"},
		{"Түркістан", latin2018, 0, "túrkıstan"},
		{"Ержан", passportKZ, 0, "yerzhan"},
		{"Асель", passportKZ, 0, "assel"},
		{"Есенов", passportKZ, 0, "yessenov"},
		{"Юлия", icao, 0, "iuliia"},
		{"Юлия", bgn, 0, "yuliya"},
		{"Алексеев", bgn, 0, "alekseyev"},
		{"Қасымов", bgn, 0, "qasymov"},
		{"Ержан", informal, optJ, "erjan"},
		{"Юлия", informal, optJU, "julija"},
		{"Фёдоров Ильич", icao, 0, "fedorov ilich"},
	}
	for _, tc := range tests {
		if got := romanize(tc.in, tc.st, tc.opts); got != tc.want {
			t.Errorf("romanize(%q, %d, %b) = %q, want %q", tc.in, tc.st, tc.opts, got, tc.want)
		}
	}
}

func TestRussianisedAndTitle(t *testing.T) {
	if got := russianised("Нұрсұлтан Әбенов"); got != "Нурсултан Абенов" {
		t.Errorf("russianised = %q", got)
	}
	if got := titleCase("bukhar-zhyrau AUDANY"); got != "Bukhar-Zhyrau Audany" {
		t.Errorf("titleCase = %q", got)
	}
}
