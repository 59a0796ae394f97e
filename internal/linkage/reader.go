package linkage

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/tabular"

	"github.com/jolproject/jol/internal/linkage/names"
)

// Columns names the columns that hold each field of a list; empty names
// are fields the list does not have. Matching ignores case and
// surrounding space.
type Columns struct {
	ID, Last, First, Patronymic, Birth, Sex, NatID, Region string
	Free                                                   []string
}

// LinkColumns are the columns of the lists jol link reads.
var LinkColumns = Columns{ID: "id", Last: "last_name", First: "first_name", Patronymic: "patronymic",
	Birth: "birth_date", Sex: "sex", NatID: "national_id", Region: "region"}

// columnIndex maps the wanted columns to their positions (-1: absent).
type columnIndex struct {
	id, last, first, patronymic, birth, sex, natID, region int
	free                                                   []int
}

func locate(header []string, cols Columns) columnIndex {
	pos := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := pos[h]; !dup {
			pos[h] = i
		}
	}
	find := func(name string) int {
		if i, ok := pos[strings.ToLower(name)]; ok && name != "" {
			return i
		}
		return -1
	}
	ix := columnIndex{id: find(cols.ID), last: find(cols.Last), first: find(cols.First),
		patronymic: find(cols.Patronymic), birth: find(cols.Birth), sex: find(cols.Sex),
		natID: find(cols.NatID), region: find(cols.Region)}
	for _, f := range cols.Free {
		ix.free = append(ix.free, find(f))
	}
	return ix
}

// ReadCSV streams a CSV list (UTF-8 with or without a byte order mark,
// UTF-16 with one, Windows-1251 or Windows-1256, as
// tabular.NewTextReader reads them; lines ending in LF or CRLF) into d,
// one record at a time: only the compact records and the distinct
// values stay in memory. It refuses a
// list without an ID column, without a birth-date column, or with no
// name column at all, and, once read, a list in which no row has a birth
// date or no row a name. An ID or national ID in scientific notation
// (1.40701E+11, as Excel writes long numbers) has lost digits: the list
// is refused at the first such cell, naming its row and column.
func ReadCSV(r io.Reader, cols Columns, d *Dataset) error {
	text, err := tabular.NewTextReader(r)
	if err != nil {
		return err
	}
	cr := csv.NewReader(text)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return errs.New(errs.Invalid, "linkage.empty")
	}
	if err != nil {
		return csvError(err)
	}
	header = slices.Clone(header) // the reader reuses its slice
	ix := locate(header, cols)
	switch {
	case ix.id < 0:
		return errs.New(errs.Invalid, "linkage.no_id_column", "Column", cols.ID)
	case ix.birth < 0:
		return errs.New(errs.Invalid, "linkage.no_birth_column", "Column", cols.Birth)
	case ix.last < 0 && ix.first < 0 && ix.patronymic < 0:
		return errs.New(errs.Invalid, "linkage.no_name_columns", "Last", cols.Last, "First", cols.First)
	}
	in := Input{Free: make([]string, len(ix.free))}
	start := d.Len()
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvError(err)
		}
		cell := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		for _, i := range [...]int{ix.id, ix.natID} {
			if v := cell(i); scientific(v) {
				return errs.New(errs.Invalid, "linkage.scientific_id",
					"Row", row, "Column", strings.TrimSpace(header[i]), "Value", v)
			}
		}
		in.ID, in.NatID = cell(ix.id), names.Digits(cell(ix.natID))
		in.Last, in.First, in.Patronymic = cell(ix.last), cell(ix.first), cell(ix.patronymic)
		in.Region, in.Sex = cell(ix.region), ParseSex(cell(ix.sex))
		in.Birth, _ = ParseDate(cell(ix.birth))
		for k, i := range ix.free {
			in.Free[k] = cell(i)
		}
		d.Add(in)
	}
	return checkFilled(d, start)
}

// checkFilled refuses a list whose rows (from start) have no birth date
// or no name at all.
func checkFilled(d *Dataset, start int) error {
	var s fieldSet
	for i := start; i < d.Len(); i++ {
		s |= d.Records[i].fields()
	}
	switch {
	case d.Len() == start:
		return errs.New(errs.Invalid, "linkage.empty")
	case s&hasBirth == 0:
		return errs.New(errs.Invalid, "linkage.no_birth_dates")
	case s&(hasLast|hasFirst|hasPatronymic) == 0:
		return errs.New(errs.Invalid, "linkage.no_names")
	}
	return nil
}

// csvError reports a malformed CSV record with its line.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errs.Wrap(err, errs.Invalid, "linkage.bad_csv", "Line", pe.StartLine)
	}
	return err
}

// scientific reports whether s is a number in scientific notation, such
// as 1.40701E+11 or 1,40701E+11: a long number that a spreadsheet
// rounded.
func scientific(s string) bool {
	e := strings.IndexAny(s, "eE")
	if e < 1 || e == len(s)-1 {
		return false
	}
	mant, exp := s[:e], s[e+1:]
	if exp[0] == '+' || exp[0] == '-' {
		exp = exp[1:]
	}
	if exp == "" || strings.Trim(exp, "0123456789") != "" {
		return false
	}
	mant = strings.Replace(mant, ",", ".", 1)
	if strings.Count(mant, ".") > 1 {
		return false
	}
	return strings.Trim(mant, "0123456789.") == "" && strings.Trim(mant, ".") != ""
}
