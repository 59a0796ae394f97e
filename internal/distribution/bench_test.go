package distribution_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// BenchmarkHandover times one handover of a kit with a signature at a
// distribution day: the proof checked, the request's row locked, the
// line issued from its hold, the handover written and the request
// delivered, in one transaction. Run it with a fixed count, as each
// handover needs a request made beforehand:
//
//	go test ./internal/distribution -run '^$' -bench Handover -benchtime 300x
func BenchmarkHandover(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			var db *store.DB
			if engine == "sqlite" {
				db = storetest.SQLite(b)
			} else {
				db = storetest.Postgres(b)
			}
			f := setup(b, testworld.New(b, db))
			_, err := f.Services.Stock.Receive(f.ctx, f.admin, stock.ReceiptInput{WarehouseID: f.point.ID,
				Kind: stock.Purchase, Currency: "KZT", Lines: []stock.Line{{ItemID: f.campaign.Kit, Quantity: int64(b.N),
					UnitCost: 100}}})
			must(b, err)
			ids := make([]int64, b.N)
			for i := range ids {
				ids[i] = f.request(b, "Bench"+strconv.Itoa(i), f.kit())
			}
			sig := signature()
			p := f.World.Principal(access.Warehouse)
			b.ResetTimer()
			for i := range b.N {
				if _, err := f.d.HandOver(f.ctx, p, distribution.HandoverInput{EventID: f.event.ID, RequestID: ids[i],
					Lines: []distribution.LineInput{{Line: 1}}, Proof: distribution.Signature, Signature: sig}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
