package matching

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/i18n"
)

// A day among a stored reason's arguments comes back as a day, which the
// page writes in the reader's calendar; other values come back as JSON
// gives them.
func TestStoredArgsReadDaysBack(t *testing.T) {
	day := time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)
	js, err := json.Marshal([]any{"Date", i18n.Day(day), "Name", "2026", "Count", 3})
	if err != nil {
		t.Fatal(err)
	}
	args, err := storedArgs(string(js))
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := args[1].(i18n.Day); !ok || !time.Time(d).Equal(day) {
		t.Errorf("the day came back as %#v", args[1])
	}
	if args[3] != "2026" || args[5] != float64(3) {
		t.Errorf("other arguments: %#v", args)
	}
}
