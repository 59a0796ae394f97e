package linkage

import (
	"errors"
	"strings"
	"testing"
	"unsafe"

	"github.com/jolproject/jol/internal/errs"
)

func readString(t *testing.T, s string) (*Dataset, error) {
	t.Helper()
	d := NewDataset(NewLexicon())
	return d, ReadCSV(strings.NewReader(s), LinkColumns, d)
}

func TestReadCSV(t *testing.T) {
	// A byte order mark, CRLF line ends, columns in another order with an
	// extra one, and one column mixing Cyrillic, Latin and Persian.
	in := "\ufeffregion,ID,first_name,last_name,birth_date,sex,national_id,school\r\n" +
		"Караганда,k1,Айгерим,Ахметова,2015-03-07,ж,150307600424,№ 12\r\n" +
		"Qazvin,k2,محمد,حسینی,1394/01/11,м,0012345679,\r\n" +
		"Karaganda,k3,Yerzhan,Akhmetov,05.03.2014,M,,\r\n"
	d, err := readString(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 3 {
		t.Fatalf("read %d records, want 3", d.Len())
	}
	want := []struct {
		id    string
		birth Date
		sex   Sex
		idLen uint8
	}{{"k1", 20150307, SexFemale, 12}, {"k2", 20150331, SexMale, 10}, {"k3", 20140305, SexMale, 0}}
	for i, w := range want {
		r := d.Records[i]
		if d.ID(i) != w.id || r.Birth != w.birth || r.Sex != w.sex || r.NatLen != w.idLen {
			t.Errorf("record %d = %s %+v, want %+v", i, d.ID(i), r, w)
		}
		if r.Last == 0 || r.First == 0 || r.Region == 0 {
			t.Errorf("record %d lost a name or region: %+v", i, r)
		}
	}
	for i := range d.Len() {
		if got := d.Lex.Latin(d.Records[i].Last); got == "" || strings.Trim(got, "abcdefghijklmnopqrstuvwxyz ") != "" {
			t.Errorf("record %d last name reads %q in Latin", i, got)
		}
	}
	if !d.Records[0].NatValid || !d.Records[1].NatValid {
		t.Errorf("valid IDs not recognised: %+v %+v", d.Records[0], d.Records[1])
	}
}

func TestReadCSVRefuses(t *testing.T) {
	for _, c := range []struct {
		name, in, key string
		args          []any
	}{
		{"no birth column", "id,last_name,first_name\n1,A,B\n", "linkage.no_birth_column", nil},
		{"no name columns", "id,birth_date,region\n1,2014-01-01,X\n", "linkage.no_name_columns", nil},
		{"no id column", "last_name,birth_date\nA,2014-01-01\n", "linkage.no_id_column", nil},
		{"no birth dates", "id,last_name,birth_date\n1,A,\n2,B,unknown\n", "linkage.no_birth_dates", nil},
		{"no names", "id,last_name,first_name,birth_date\n1,,,2014-01-01\n", "linkage.no_names", nil},
		{"empty", "", "linkage.empty", nil},
		{"header only", "id,last_name,birth_date\n", "linkage.empty", nil},
		{"scientific national ID", "id,last_name,birth_date,national_id\n1,A,2014-01-01,140701000000\n2,B,2014-01-02,1.40701E+11\n",
			"linkage.scientific_id", []any{"Row", 3, "Column", "national_id", "Value", "1.40701E+11"}},
		{"scientific id", "ID,last_name,birth_date\n1.2E+5,A,2014-01-01\n",
			"linkage.scientific_id", []any{"Row", 2, "Column", "ID", "Value", "1.2E+5"}},
		{"bad quote", "id,last_name,birth_date\n1,\"A,2014-01-01\n", "linkage.bad_csv", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readString(t, c.in)
			var de *errs.Error
			if !errors.As(err, &de) || de.Key != c.key {
				t.Fatalf("err = %v, want key %s", err, c.key)
			}
			if c.args != nil && !equalArgs(de.Args, c.args) {
				t.Errorf("args = %v, want %v", de.Args, c.args)
			}
		})
	}
}

func equalArgs(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRecordIsCompact keeps a record at the size the documentation gives:
// a million of them must stay small.
func TestRecordIsCompact(t *testing.T) {
	if n := unsafe.Sizeof(Record{}); n > 40 {
		t.Errorf("a Record takes %d bytes, want at most 40", n)
	}
}
