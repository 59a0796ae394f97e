package stock

import (
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A CHECK constraint of the counters, reached only if the conditional
// updates were wrong, is a refusal the user reads on both engines, never
// a server error.
func TestCheckFailureIsARefusal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		for _, q := range []string{
			`INSERT INTO regions (code, country, type, path, name_en) VALUES ('ZZ', 'ZZ', 'country', '/ZZ/', 'Test')`,
			`INSERT INTO organisations (name, type, region_id, path, created_at, updated_at)
				SELECT 'Org', 'foundation', id, '/1/', '2026-01-01', '2026-01-01' FROM regions WHERE code = 'ZZ'`,
			`INSERT INTO aid_items (code, name_en) VALUES ('box', 'Box')`,
			`INSERT INTO warehouses (code, name, kind, org_id, org_path, region_id, region_path, created_at, updated_at)
				SELECT 'W', 'W', 'warehouse', o.id, '/1/', o.region_id, '/ZZ/', '2026-01-01', '2026-01-01' FROM organisations o`,
		} {
			if _, err := db.W.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		_, err := db.W.ExecContext(ctx, `INSERT INTO stock_balances (warehouse_id, item_id, size, on_hand, reserved)
			SELECT w.id, i.id, '', 1, 2 FROM warehouses w, aid_items i`)
		if e := errs.As(checkErr(err)); err == nil || e == nil || e.Code != errs.Conflict || e.Key != "error.stock_negative" {
			t.Fatalf("more reserved than on hand: %v", err)
		}
		_, err = db.W.ExecContext(ctx, `INSERT INTO stock_balances (warehouse_id, item_id, size, on_hand, reserved)
			SELECT w.id, i.id, '', -1, 0 FROM warehouses w, aid_items i`)
		if errs.CodeOf(checkErr(err)) != errs.Conflict {
			t.Fatalf("negative stock: %v", err)
		}
	})
}
