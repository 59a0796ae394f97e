package golden_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/testworld/golden"
)

func TestGoldenFilesMatch(t *testing.T) {
	golden.JSON(t, "document", map[string]any{"name": "Жол", "items": []int{1, 2}})
	golden.JSON(t, "document", `{"items":[1,2],"name":"Жол"}`)
	golden.Table(t, "table", [][]string{{"line", "reason"}, {"5", "Такой даты не существует."}})
}

// A mismatch must fail the test and name the line. The failure goes to a
// recorder, since the real test would fail.
func TestMismatchFailsWithTheChangedLine(t *testing.T) {
	if golden.Updating() {
		t.Skip("under -update the mismatch would be written to the file")
	}
	rec := &recorder{TB: t}
	golden.JSON(rec, "document", map[string]any{"name": "Jol", "items": []int{1, 2}})
	if !rec.failed || !strings.Contains(rec.msg, `-   "name": "Жол"`) || !strings.Contains(rec.msg, `+   "name": "Jol"`) {
		t.Fatalf("failed %v with %q", rec.failed, rec.msg)
	}
}

func TestDiffShowsAnInsertedLineAlone(t *testing.T) {
	d := golden.Diff("a\nb\nc\nd\n", "a\nb\nx\nc\nd\n")
	if strings.Count(d, "\n+ ") != 1 || strings.Contains(d, "\n- ") || !strings.Contains(d, "+ x") {
		t.Fatalf("diff:\n%s", d)
	}
}

// recorder is a testing.TB that records a failure instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = fmt.Sprintf(format, args...)
}

func TestMaskReplacesOnlyTheNamedValues(t *testing.T) {
	doc := `{"items":[{"id":7,"prefix":"jol_ab\"c","name":"prefix"},{"prefix" : 12}]}`
	want := `{"items":[{"id":7,"prefix":"<prefix>","name":"prefix"},{"prefix" : "<prefix>"}]}`
	if got := string(golden.Mask([]byte(doc), "prefix")); got != want {
		t.Fatalf("masked %s", got)
	}
}
