package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/store"
)

// jol stock verify agrees with a ledger kept by the service and finds a
// counter written behind its back.
func TestStockVerify(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jol.db")
	if code, _, stderr := runCLI(t, "", nil, "migrate", "--db", path); code != exitOK {
		t.Fatal(stderr)
	}
	code, out, _ := runCLI(t, "", nil, "stock", "verify", "--db", path)
	if code != exitOK || !strings.Contains(out, "every counter agrees") {
		t.Fatalf("an empty ledger: exit %d, %q", code, out)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO regions (code, country, type, path, name_en) VALUES ('ZZ', 'ZZ', 'country', '/ZZ/', 'Test')`,
		`INSERT INTO organisations (name, type, region_id, path, created_at, updated_at)
			SELECT 'Org', 'foundation', id, '/1/', '2026-01-01', '2026-01-01' FROM regions WHERE code = 'ZZ'`,
		`INSERT INTO aid_items (code, name_en) VALUES ('box', 'Box')`,
		`INSERT INTO warehouses (code, name, kind, org_id, org_path, region_id, region_path, created_at, updated_at)
			SELECT 'W', 'W', 'warehouse', o.id, '/1/', o.region_id, '/ZZ/', '2026-01-01', '2026-01-01' FROM organisations o`,
		`INSERT INTO stock_balances (warehouse_id, item_id, size, on_hand, reserved)
			SELECT w.id, i.id, '', 7, 0 FROM warehouses w, aid_items i WHERE i.code = 'box'`,
	} {
		if _, err := db.W.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	code, out, stderr := runCLI(t, "", nil, "stock", "verify", "--db", path)
	if code != exitError || !strings.Contains(out, "stored 7, ledger 0") || !strings.Contains(stderr, "1 counters") {
		t.Fatalf("a counter without moves: exit %d, %q %q", code, out, stderr)
	}
}
