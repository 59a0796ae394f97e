package tabular

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

const (
	russian = "ФИО;Дата рождения;Школа\r\nИванов Иван;01.02.2015;Школа-гимназия № 5\r\n" +
		"Сидорова Алёна;03.04.2014;Лицей имени Абая\r\n"
	// Persian as Excel's Windows-1256 export writes it: Arabic yeh and kaf
	// for the Persian letters the code page lacks.
	persian = "نام;نام خانوادگي;مدرسه\r\nعلي;احمدي;دبستان شهيد بهشتي\r\nزهرا;كريمي;مدرسه پروين اعتصامي\r\n"
)

func TestEncodings(t *testing.T) {
	utf16 := func(e xunicode.Endianness) []byte {
		return encode(t, xunicode.UTF16(e, xunicode.UseBOM), strings.ReplaceAll(russian, ";", "\t"))
	}
	tests := []struct {
		name, encoding string
		data           []byte
		sep            rune
		want           string // the first cell of the last row
	}{
		{"utf-8", "utf-8", []byte(russian), ';', "Сидорова Алёна"},
		{"utf-8 with BOM", "utf-8-bom", []byte("\ufeff" + russian), ';', "Сидорова Алёна"},
		{"utf-16 le", "utf-16le", utf16(xunicode.LittleEndian), '\t', "Сидорова Алёна"},
		{"utf-16 be", "utf-16be", utf16(xunicode.BigEndian), '\t', "Сидорова Алёна"},
		{"windows-1251", "windows-1251", encode(t, charmap.Windows1251, russian), ';', "Сидорова Алёна"},
		{"windows-1251 capitals only", "windows-1251", encode(t, charmap.Windows1251, "ФИО,ИИН,ДАТА\nПЕТРОВ,1,2\nИВАНОВ,3,4\n"), ',', "ИВАНОВ"},
		{"windows-1256", "windows-1256", encode(t, charmap.Windows1256, persian), ';', "زهرا"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustOpen(t, "list.csv", tt.data)
			if got := r.Info(); got.Encoding != tt.encoding || got.Separator != tt.sep || got.Format != "csv" {
				t.Fatalf("Info = %+v, want %s and %q", got, tt.encoding, tt.sep)
			}
			if h := r.Header(); len(h) != 3 || strings.HasPrefix(h[0], "\ufeff") {
				t.Fatalf("Header = %q", h)
			}
			rows, bad := readAll(t, r)
			if len(bad) > 0 || len(rows) != 2 || rows[1].Cells[0] != tt.want || rows[1].Line != 3 {
				t.Fatalf("rows %q (errors %v), want %q on line 3", cellsOf(rows), bad, tt.want)
			}
		})
	}
}

func TestUnknownEncodings(t *testing.T) {
	tests := map[string][]byte{
		"windows-1252": encode(t, charmap.Windows1252, "Élève;Prénom\nAndré;Hélène\n"),
		"koi8-r":       encode(t, charmap.KOI8R, strings.ReplaceAll(russian, "№", "N")),
		"binary":       {'a', 0, 0xff, 0xfe, 0, 1, 2},
		"utf-16 no BOM": encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM),
			"name\tage\n"),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := openBytes("list.csv", data)
			if key, _ := keyOf(err); !errors.Is(err, ErrEncoding) || key != KeyEncoding {
				t.Fatalf("Open = %v, want %s", err, KeyEncoding)
			}
		})
	}
}

// TestScriptScores shows the margin the heuristic decides on.
func TestScriptScores(t *testing.T) {
	ru, fa := encode(t, charmap.Windows1251, russian), encode(t, charmap.Windows1256, persian)
	cyr, _ := scriptScore(charmap.Windows1251, fa, unicode.Cyrillic, true)
	ara, _ := scriptScore(charmap.Windows1256, ru, unicode.Arabic, false)
	t.Logf("Persian read as 1251: %.2f; Russian read as 1256: %.2f", cyr, ara)
	if cyr >= minScore || ara >= minScore {
		t.Fatalf("the wrong code page scores Persian as 1251 %.2f, Russian as 1256 %.2f", cyr, ara)
	}
}

// TestStrayBytesAfterSample: a sample of plain ASCII is taken for UTF-8; a
// later record with Windows-1251 bytes is reported, and reading goes on.
func TestStrayBytesAfterSample(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name\n")
	for i := 0; b.Len() < sampleSize+100; i++ {
		b.WriteString("1,Ivanov\n")
	}
	lines := strings.Count(b.String(), "\n")
	data := append([]byte(b.String()), encode(t, charmap.Windows1251, "2,Иванов\n3,Petrov\n")...)
	r := mustOpen(t, "list.csv", data)
	rows, bad := readAll(t, r)
	key, args := keyOf(errors.Join(bad...))
	if len(bad) != 1 || key != KeyBadText || !reflect.DeepEqual(args, []any{"Line", lines + 1}) {
		t.Fatalf("errors %v (%s %v), want one %s on line %d", bad, key, args, KeyBadText, lines+1)
	}
	if last := rows[len(rows)-1]; last.Cells[1] != "Petrov" || last.Line != lines+2 {
		t.Fatalf("last row %+v", last)
	}
}
