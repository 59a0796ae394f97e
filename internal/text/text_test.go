package text

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Мектепке жол", true},
		{"بنیاد حمایت از تحصیل کودکان", true},
		{"<script>alert(1)</script>", true}, // inert text, escaped when shown
		{"'); DROP TABLE users;--", true},
		{"line\nbreak", false},
		{"tab\there", false},
		{"bell\x07", false},
		{"del\x7f", false},
		{"bad \xff utf-8", false},
		{"", true},
	}
	for _, tc := range tests {
		if got := Printable(tc.in); got != tc.want {
			t.Errorf("Printable(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
