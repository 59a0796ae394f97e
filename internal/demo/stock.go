package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/stock"
)

// demoWarehouses are the sample warehouses: a central warehouse in
// Karaganda, where Road to School's kits are assembled, and distribution
// points in Astana (the computers for distance learning) and Qazvin.
var demoWarehouses = []struct {
	code, name, org, region string
	kind                    stock.WarehouseKind
}{
	{"KRG-C", "Орталық қойма, Қарағанды", "fund", "KZ-35", stock.Store},
	{"AST-1", "Астана тарату пункті", "centre-ast", "KZ-71", stock.DistributionPoint},
	{"QZV-1", "نقطهٔ توزیع قزوین", "qazvin", "IR-26", stock.DistributionPoint},
}

// KitsAssembled is how many primary kits the demo assembles in Karaganda:
// part of this year's Road to School target of 3,500.
const KitsAssembled = 1200

// seedStock opens the sample warehouses and records what they hold: gifts
// in kind from two donors and a purchase of stationery at the central
// warehouse, KitsAssembled kits assembled from them, backpacks on their
// way to Astana, 100 computers by serial number in Astana and tablets in
// Qazvin. A database that has the central warehouse already is left as
// it is.
func seedStock(ctx context.Context, s *services.Services, ids map[string]int64) error {
	p := access.System
	have, err := s.Stock.Warehouses(ctx, p)
	if err != nil {
		return err
	}
	for _, w := range have {
		if w.Code == demoWarehouses[0].code {
			return nil
		}
	}
	wh := map[string]int64{}
	for _, d := range demoWarehouses {
		w, err := s.Stock.CreateWarehouse(ctx, p, stock.WarehouseInput{Code: d.code, Name: d.name, Kind: d.kind,
			OrgID: ids[d.org], RegionCode: d.region, Active: true})
		if err != nil {
			return fmt.Errorf("demo warehouse %s: %w", d.code, err)
		}
		wh[d.code] = w.ID
	}
	items := map[string]int64{}
	list, err := s.Campaigns.Items(ctx, p, true)
	if err != nil {
		return err
	}
	for _, it := range list {
		items[it.Code] = it.ID
	}
	dala, err := s.Stock.CreateDonor(ctx, p, stock.DonorInput{Name: "Dala Trade LLP", Kind: stock.DonorCompany,
		DonorOrgID: ids["sponsor"], Contact: "+7 727 300 40 50", OrgID: ids["fund"]})
	if err != nil {
		return err
	}
	bank, err := s.Stock.CreateDonor(ctx, p, stock.DonorInput{Name: "«Береке» қайырымдылық қоры", Kind: stock.DonorOrganisation,
		OrgID: ids["fund"]})
	if err != nil {
		return err
	}
	khayerin, err := s.Stock.CreateDonor(ctx, p, stock.DonorInput{Name: "مجمع خیرین حامی تحصیل کودکان استان قزوین",
		Kind: stock.DonorOrganisation, DonorOrgID: ids["qazvin"], OrgID: ids["qazvin"]})
	if err != nil {
		return err
	}
	line := func(code string, n int64) stock.Line { return stock.Line{ItemID: items[code], Quantity: n} }
	receipts := []stock.ReceiptInput{
		{WarehouseID: wh["KRG-C"], Kind: stock.Donation, DonorID: dala.ID,
			Lines: []stock.Line{line("backpack", 1500), line("diary", 1500)}, Note: "Дорога в школу"},
		{WarehouseID: wh["KRG-C"], Kind: stock.Donation, DonorID: bank.ID,
			Lines: []stock.Line{line("notebook", 15000), {ItemID: items["school_uniform"], Size: "128", Quantity: 120},
				{ItemID: items["school_uniform"], Size: "134", Quantity: 80}}},
		{WarehouseID: wh["KRG-C"], Kind: stock.Purchase, Currency: "KZT",
			Lines: []stock.Line{{ItemID: items["stationery_set"], Quantity: 1300, UnitCost: 185000}}},
		{WarehouseID: wh["AST-1"], Kind: stock.Donation, DonorID: dala.ID,
			Lines: []stock.Line{{ItemID: items["computer"], Serials: serialRange("DT-PC-", 100)}}},
		{WarehouseID: wh["QZV-1"], Kind: stock.Donation, DonorID: khayerin.ID,
			Lines: []stock.Line{{ItemID: items["tablet"], Serials: serialRange("QZ-TAB-", 40)}}},
	}
	for _, in := range receipts {
		if _, err := s.Stock.Receive(ctx, p, in); err != nil {
			return fmt.Errorf("demo receipt: %w", err)
		}
	}
	if _, err := s.Stock.Assemble(ctx, p, stock.AssembleInput{WarehouseID: wh["KRG-C"], KitID: items["primary_kit"],
		Quantity: KitsAssembled}); err != nil {
		return fmt.Errorf("demo kits: %w", err)
	}
	_, err = s.Stock.Dispatch(ctx, p, stock.TransferInput{FromID: wh["KRG-C"], ToID: wh["AST-1"],
		Lines: []stock.Line{line("backpack", 200)}, Note: "Для школ Астаны"})
	return err
}

// serialRange is n serial numbers prefix0001, prefix0002, …
func serialRange(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%04d", prefix, i+1)
	}
	return out
}
