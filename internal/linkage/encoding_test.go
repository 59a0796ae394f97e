package linkage

import (
	"testing"

	"github.com/jolproject/jol/internal/linkage/names"
)

func TestReadCSVEncodings(t *testing.T) {
	// The same two children in the encodings old spreadsheets export:
	// Ахметова Айгерим and حسيني محمد (Arabic yeh, as Windows-1256 has no
	// Persian one). Each list is in one code page.
	for _, c := range []struct {
		name, data  string
		last, first string
	}{
		{"windows-1251", "id,last_name,first_name,birth_date\n" +
			"p1,\xc0\xf5\xec\xe5\xf2\xee\xe2\xe0,\xc0\xe9\xe3\xe5\xf0\xe8\xec,2015-03-07\n", "Ахметова", "Айгерим"},
		{"windows-1256", "id,last_name,first_name,birth_date\n" +
			"p3,\xcd\xd3\xed\xe4\xed,\xe3\xcd\xe3\xcf,2013-05-20\n", "حسینی", "محمد"},
		{"utf-16 be", "\xfe\xff\x00i\x00d\x00,\x00l\x00a\x00s\x00t\x00_\x00n\x00a\x00m\x00e\x00,\x00b\x00i\x00r\x00t\x00h\x00_\x00d\x00a\x00t\x00e\x00\n" +
			"\x00k\x00,\x04\x1a\x04\x38\x04\x3c\x00,\x002\x000\x001\x004\x00-\x000\x001\x00-\x000\x002\x00\n", "Ким", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := readString(t, c.data)
			if err != nil {
				t.Fatal(err)
			}
			r := d.Records[0]
			if got, want := d.Lex.Latin(r.Last), names.Latin(c.last); got != want || want == "" {
				t.Errorf("last name read as %q, want %q (%s)", got, want, c.last)
			}
			if got, want := d.Lex.Latin(r.First), names.Latin(c.first); got != want {
				t.Errorf("first name read as %q, want %q (%s)", got, want, c.first)
			}
		})
	}
}
