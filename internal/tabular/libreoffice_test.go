package tabular

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// convert runs LibreOffice headless on dir/in, with a private profile, and
// returns the bytes of the converted file; the test is skipped when
// LibreOffice is not installed.
func convert(t *testing.T, dir, in string, args ...string) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		msg := "LibreOffice (soffice) is not installed; skipping the conversion check (JOL_REQUIRE_LIBREOFFICE=1 makes this fatal)"
		if os.Getenv("JOL_REQUIRE_LIBREOFFICE") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	args = append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile")}, args...)
	cmd := exec.Command(soffice, append(args, "--outdir", dir, filepath.Join(dir, in))...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, strings.TrimSuffix(in, filepath.Ext(in))+".*"))
	for _, m := range matches {
		if m != filepath.Join(dir, in) {
			data, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	t.Fatalf("soffice wrote nothing for %s", in)
	return nil
}

// TestLibreOfficeReadsXLSX has LibreOffice convert a report to CSV and
// compares what it read.
func TestLibreOfficeReadsXLSX(t *testing.T) {
	dir := t.TempDir()
	f := create(t, filepath.Join(dir, "report.xlsx"))
	if err := WriteXLSX(f, "report", reportHeader, slices.Values(reportRows), false); err != nil {
		t.Fatal(err)
	}
	data := convert(t, dir, "report.xlsx", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76")
	r := mustOpen(t, "report.csv", data)
	rows, _ := readAll(t, r)
	if !reflect.DeepEqual(r.Header(), reportHeader) || !reflect.DeepEqual(cellsOf(rows), reportRows) {
		t.Fatalf("LibreOffice read %q %q", r.Header(), cellsOf(rows))
	}
}

// TestReadLibreOfficeXLSX reads a workbook an office suite wrote, with shared
// strings, dates and formulas holding their computed values.
func TestReadLibreOfficeXLSX(t *testing.T) {
	dir := t.TempDir()
	csv := "name,date,sum\nИванов,2015-02-01,=1+2\nعلی,x,=B2\n"
	if err := os.WriteFile(filepath.Join(dir, "in.csv"), []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	// Import options: comma, quote, UTF-8, from line 1, formulas evaluated.
	data := convert(t, dir, "in.csv", "--infilter=CSV:44,34,76,1,,1033,false,true,false,false,true,-1",
		"--convert-to", "xlsx")
	rows, bad := readAll(t, mustOpen(t, "in.xlsx", data))
	want := []Row{
		{Line: 2, Cells: []string{"Иванов", "2015-02-01", "3"}, Formulas: []int{2}},
		{Line: 3, Cells: []string{"علی", "x", "42036"}, Formulas: []int{2}}, // =B2 has no date format

	}
	if len(bad) > 0 || !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows %+v, want %+v", rows, want)
	}
}
