package tabular

import (
	"errors"
	"io"
	"reflect"
	"testing"
)

func TestSeparators(t *testing.T) {
	tests := []struct {
		name, data string
		sep        rune
		header     []string
	}{
		{"comma", "a,b,c\n1,2,3\n", ',', []string{"a", "b", "c"}},
		{"semicolon", "a;b;c\n1;2,5;3\n", ';', []string{"a", "b", "c"}},
		{"tab", "a\tb\tc\n1\t2\t3\n", '\t', []string{"a", "b", "c"}},
		{"semicolon with quoted commas", "\"Фамилия, имя\";Дата;Адрес\nИванов;01.01.2015;\"г. Алматы, ул. Абая 1\"\n",
			';', []string{"Фамилия, имя", "Дата", "Адрес"}},
		{"comma with quoted semicolons", "\"x;y\",b\n\"1;2\",3\n", ',', []string{"x;y", "b"}},
		{"consistency beats width", "a,b;c,d\n1;2\n3;4\n", ';', []string{"a,b", "c,d"}},
		{"one column", "name\nIvanov\n", ',', []string{"name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustOpen(t, "list.csv", []byte(tt.data))
			if got := r.Info().Separator; got != tt.sep {
				t.Fatalf("separator %q, want %q", got, tt.sep)
			}
			if !reflect.DeepEqual(r.Header(), tt.header) {
				t.Fatalf("header %q, want %q", r.Header(), tt.header)
			}
		})
	}
}

func TestCSVRecords(t *testing.T) {
	tests := []struct {
		name, data string
		lines      []int
		cells      [][]string
		bad        []int // lines of the records reported as unreadable
	}{
		{"ragged rows and trailing empties", "a;b;c\n1;2\n1;2;3;4\n1;;;;\n", []int{2, 3, 4},
			[][]string{{"1", "2"}, {"1", "2", "3", "4"}, {"1", "", ""}}, nil},
		{"cells kept as written", "a,b\n\" x \", y\n", []int{2}, [][]string{{" x ", " y"}}, nil},
		{"blank records skipped", "a;b\n\n;\r\n ;\n1;2\n", []int{4, 5}, [][]string{{" ", ""}, {"1", "2"}}, nil},
		{"multi-line quoted cells", "a,b\n1,\"two\nlines\"\n2,\"three\r\nmore\nlines\"\n3,x\n", []int{2, 4, 7},
			[][]string{{"1", "two\nlines"}, {"2", "three\nmore\nlines"}, {"3", "x"}}, nil},
		{"bare quote goes on", "a,b\n1,x\"y\n2,z\n", []int{3}, [][]string{{"2", "z"}}, []int{2}},
		{"text after a quoted cell goes on", "a,b\n1,\"x\"y\n2,z\n", []int{3}, [][]string{{"2", "z"}}, []int{2}},
		{"unclosed quote runs to the end", "a,b\n1,z\n2,\"x\n3,y\n", []int{2}, [][]string{{"1", "z"}}, []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, bad := readAll(t, mustOpen(t, "list.csv", []byte(tt.data)))
			var lines []int
			for _, row := range rows {
				lines = append(lines, row.Line)
			}
			var badLines []int
			for _, err := range bad {
				key, args := keyOf(err)
				if key != KeyQuote || len(args) != 2 {
					t.Fatalf("error %v, want %s with its Line", err, KeyQuote)
				}
				badLines = append(badLines, args[1].(int))
			}
			if !reflect.DeepEqual(lines, tt.lines) || !reflect.DeepEqual(cellsOf(rows), tt.cells) ||
				!reflect.DeepEqual(badLines, tt.bad) {
				t.Fatalf("lines %v cells %q bad %v, want %v %q %v", lines, cellsOf(rows), badLines,
					tt.lines, tt.cells, tt.bad)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	r := mustOpen(t, "list.csv", []byte("\ufeffa;b\n"))
	if _, err := r.Next(); err != io.EOF || r.Header()[0] != "a" {
		t.Fatalf("header only: header %q, Next = %v, want io.EOF", r.Header(), err)
	}
	_, err := openBytes("list.csv", []byte("Name;Age; NAME \n1;2;3\n"))
	key, args := keyOf(err)
	if !errors.Is(err, ErrDuplicateHeader) || key != KeyDuplicateHeader ||
		!reflect.DeepEqual(args, []any{"Name", "NAME", "First", 1, "Second", 3}) {
		t.Fatalf("duplicated header: %v %v", err, args)
	}
	r = mustOpen(t, "list.csv", []byte(";a;;b;;;\n"))
	if !reflect.DeepEqual(r.Header(), []string{"", "a", "", "b"}) {
		t.Fatalf("header with empty names %q", r.Header())
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"list.csv", nil, ErrEmpty},
		{"list.csv", []byte("\r\n\r\n;;\n"), ErrEmpty},
		{"list.csv", []byte("\ufeff"), ErrEmpty},
		{"list.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), ErrOldExcel},
		{"list.pdf", []byte("%PDF-1.7\n"), ErrFormat},
		{"list.xlsx", []byte("a,b\n1,2\n"), ErrFormat},
		{"list.xls", []byte("<html><table><tr><td>1</td></tr></table></html>"), ErrFormat},
		{"list.zip", rawZip(t, map[string]uint64{"readme.txt": 1}), ErrFormat},
		{"list.zip", []byte("PK\x03\x04 broken"), ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openBytes(tt.name, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			if key, _ := keyOf(err); key == "" {
				t.Fatalf("%v has no i18n key", err)
			}
		})
	}
}
