// Package golden compares what a test produced with a file kept beside the
// test, testdata/<name>.golden, so a reviewer sees a change of output as a
// change of that file. Run the tests with -update to write the files from
// what the code produces now, then read the diff:
//
//	go test ./internal/api ./internal/imports -update
//
// The flag is registered by this package, so only the test binaries that
// import it know it; go test ./... -update fails in every other package.
// To rewrite every golden file of the module at once, set the environment
// instead: JOL_GOLDEN_UPDATE=1 go test ./...
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The flag is read, never written, by the package: it is the test
// binary's command line, not mutable state of the package.
var update = flag.Bool("update", false, "rewrite the golden files under testdata with what the tests produce")

// Updating reports whether the tests run with -update or with
// JOL_GOLDEN_UPDATE=1.
func Updating() bool { return *update || os.Getenv("JOL_GOLDEN_UPDATE") == "1" }

// Path is the file a golden name is kept in: testdata/<name>.golden,
// relative to the package under test.
func Path(name string) string { return filepath.Join("testdata", name+".golden") }

// Bytes compares got with the golden file of name, or rewrites the file
// with got under -update.
func Bytes(t testing.TB, name string, got []byte) {
	t.Helper()
	path := Path(name)
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden: %v (run the test with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the test produced (run with -update to accept):\n%s", path, Diff(string(want), string(got)))
	}
}

// JSON compares a JSON document with the golden file of name, after
// indenting it, so the file reads well and diffs line by line. got is
// either the document ([]byte, string) or a value to marshal. Volatile
// values the test cannot fix are replaced by the caller before the call
// (see Mask); the world's clock is fixed, so there should be few.
func JSON(t testing.TB, name string, got any) {
	t.Helper()
	var raw []byte
	switch v := got.(type) {
	case []byte:
		raw = v
	case string:
		raw = []byte(v)
	default:
		var err error
		if raw, err = json.Marshal(v); err != nil {
			t.Fatalf("golden %s: marshal: %v", name, err)
		}
	}
	var out bytes.Buffer
	if err := json.Indent(&out, bytes.TrimSpace(raw), "", "  "); err != nil {
		t.Fatalf("golden %s: not JSON: %v\n%s", name, err, raw)
	}
	out.WriteByte('\n')
	Bytes(t, name, out.Bytes())
}

// Table compares rows of cells (a CSV file or a sheet read back) with the
// golden file of name, written one row a line with cells separated by
// " | ", so a difference shows the row it is in.
func Table(t testing.TB, name string, rows [][]string) {
	t.Helper()
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " | "))
		b.WriteByte('\n')
	}
	Bytes(t, name, []byte(b.String()))
}

// Mask replaces the value of every member named field in a JSON document
// (a string or a number, at any depth) with "<field>": for the few values
// a fixed clock cannot fix, such as the random part of a token.
func Mask(doc []byte, fields ...string) []byte {
	for _, f := range fields {
		re := regexp.MustCompile(`("` + regexp.QuoteMeta(f) + `"\s*:\s*)("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)`)
		doc = re.ReplaceAll(doc, []byte(`${1}"<`+f+`>"`))
	}
	return doc
}
