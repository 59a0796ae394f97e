package stock

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLedgerIsAppendOnly reads every .sql and .go file of the package and
// fails on a statement that updates or deletes a move: corrections are new
// moves.
func TestLedgerIsAppendOnly(t *testing.T) {
	bad := regexp.MustCompile(`(?is)\b(UPDATE\s+stock_moves\b|DELETE\s+FROM\s+stock_moves\b|TRUNCATE\s+(TABLE\s+)?stock_moves\b)`)
	read := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".sql") || strings.HasSuffix(path, ".go")) ||
			path == "ledger_sql_test.go" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		read++
		if m := bad.Find(b); m != nil {
			t.Errorf("%s: %q changes the ledger", path, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if read < 10 {
		t.Fatalf("read only %d files", read)
	}
}
