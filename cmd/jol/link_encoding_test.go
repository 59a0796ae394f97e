package main

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LE encodes s as Windows "Unicode text" does: UTF-16 little endian
// with a byte order mark.
func utf16LE(s string) string {
	var b strings.Builder
	b.WriteString("\xff\xfe")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

func TestLinkCommandEncodings(t *testing.T) {
	// The population exported from an old Russian Excel (Windows-1251:
	// Ахметова Айгерим, Садыков Данияр) and a school list saved as
	// Unicode text (UTF-16 LE). Windows-1256 is read in internal/linkage.
	left := "id,last_name,first_name,birth_date,sex,national_id\n" +
		"p1,\xc0\xf5\xec\xe5\xf2\xee\xe2\xe0,\xc0\xe9\xe3\xe5\xf0\xe8\xec,2015-03-07,F,150307600424\n" +
		"p4,\xd1\xe0\xe4\xfb\xea\xee\xe2,\xc4\xe0\xed\xe8\xff\xf0,2012-01-15,M,120115500117\n"
	right := utf16LE("id,last_name,first_name,birth_date,sex,national_id\r\n" +
		"s1,Akhmetova,Aigerim,2015-03-07,F,\r\ns3,Hosseini,Mohammad,2013-05-20,M,\r\n")
	for _, c := range []struct{ name, left, pair, alone string }{
		{"windows-1251 and utf-16", left, "\ns1,p1,", "left_id\np4\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, args := linkFiles(t, c.left, right)
			if code, _, errOut := runCLI(t, "", nil, args...); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if pairs := readOut(t, dir, "pairs.csv"); !strings.Contains(pairs, c.pair) || strings.Count(pairs, "\n") != 2 {
				t.Errorf("pairs.csv = %q, want one pair %s…", pairs, c.pair[1:])
			}
			if got := readOut(t, dir, "left.csv"); got != c.alone {
				t.Errorf("left.csv = %q, want %q", got, c.alone)
			}
		})
	}
	// Neither UTF-8 nor a code page whose letters make words: refused in
	// the user's language.
	_, args := linkFiles(t, "id,last_name,birth_date\n1,\xe0\xc0\xe0\xc0 \xe8\xc8\xe8\xc8,2014-11-02\n", right)
	code, _, errOut := runCLI(t, "", map[string]string{"LANG": "ru_RU.UTF-8"}, args...)
	if code != exitError || !strings.Contains(errOut, "Файл не в кодировке UTF-8, UTF-16, Windows-1251 или Windows-1256") {
		t.Errorf("exit %d, stderr %q; want the encoding refused in Russian", code, errOut)
	}
}
