package main

import (
	"context"
	"fmt"
	"io"
)

// errLedger says the stock counters disagree with the ledger.
var errLedger = fmt.Errorf("the stock counters disagree with the ledger")

// cmdStock runs "jol stock verify": it recomputes every stock counter from
// the ledger and lists those that disagree; the exit code is 1 when any
// does.
func cmdStock(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		return fmt.Errorf("%w: expected \"jol stock verify\"", errUsage)
	}
	f := newFlags(e, "stock verify", "stock verify [flags]")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	if err := f.parse(args[1:]); err != nil {
		return err
	}
	a, err := openApp(ctx, *dsn, newLogger(io.Discard))
	if err != nil {
		return err
	}
	defer a.Close()
	r, err := a.Stock.Verify(ctx)
	if err != nil {
		return err
	}
	for _, m := range r.Mismatches {
		fmt.Fprintf(e.stdout, "%s: warehouse %d item %d size %q lot %d: stored %d, ledger %d (reserved %d, held %d)\n",
			m.Counter, m.WarehouseID, m.ItemID, m.Size, m.LotID, m.Stored, m.Ledger, m.Reserved, m.Held)
	}
	if len(r.Mismatches) > 0 {
		return fmt.Errorf("%w: %d counters", errLedger, len(r.Mismatches))
	}
	fmt.Fprintln(e.stdout, "stock: every counter agrees with the ledger")
	return nil
}
