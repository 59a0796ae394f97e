package geo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// mixed has good and bad rows; the comment after each line is its number.
const mixed = "\uFEFFcode,parent_code,type,name_en,name_kk,name_ru\n" + // 1
	"KZ-75-01,KZ-75,district,Almaly District,Алмалы ауданы,Алмалинский район\n" + // 2
	"KZ-75-01-S1,KZ-75-01,settlement,\"Village \"\"One\"\"\",,\n" + // 3
	"KZ-75-02-S1,KZ-75-02,settlement,Parent comes later,,\n" + // 4
	",KZ-75,district,No code,,\n" + // 5
	"KZ-75-02,KZ-75,district,Auezov District,Әуезов ауданы,Ауэзовский район\n" + // 6
	"KZ-75-09,KZ-99,district,Orphan,,\n" + // 7
	"KZ-75-03,KZ-75,District,Bad type,,\n" + // 8
	"KZ-75-04,KZ-75,district,Twice A,,\n" + // 9
	"KZ-75-04,KZ-75,district,Twice B,,\n" + // 10
	"KZ-75,KZ,city,Almaty overwritten,,\n" + // 11
	"kz-75-05 , kz-75 ,district,  Lower case code ,,\n" + // 12
	"KZ-71,KZ,city,Astana,Астана,Астана\n" + // 13: a builtin row as it is
	"KZ-75-06,KZ-75,district,\"Two\nlines\",,\n" + // 14-15
	"KZ-75-07,KZ-75,city state,After a quoted newline,,\n" // 16

func rowErrors(res geo.Result) string {
	var b strings.Builder
	for _, e := range res.Errors {
		fmt.Fprintf(&b, "%d %s %s|", e.Line, e.Column, e.Key)
	}
	return b.String()
}

func regionChanges(t *testing.T, log *audit.Log, code string) []audit.Entry {
	t.Helper()
	got, _, err := log.Changes(context.Background(), admin, audit.Filter{Entity: "region", EntityID: code}, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestImportMixedFile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, log := seeded(t, db)
		res, err := g.Import(ctx, admin, strings.NewReader(mixed))
		if err != nil {
			t.Fatal(err)
		}
		wantErrs := "5 code error.required|7 parent_code error.unknown_parent|8 type error.bad_type|" +
			"9 code error.duplicate|10 code error.duplicate|11 code error.builtin|14 name_en error.invalid|16 type error.bad_type|"
		if got := rowErrors(res); got != wantErrs {
			t.Fatalf("errors\n got %s\nwant %s", got, wantErrs)
		}
		if res.Read != 14 || res.Created != 5 || res.Unchanged != 1 || res.Updated != 0 || res.Rejected != 8 {
			t.Fatalf("result = %+v", res)
		}
		s1, err := g.Get(ctx, admin, "KZ-75-02-S1")
		if err != nil || s1.Path != "/KZ/KZ-75/KZ-75-02/KZ-75-02-S1/" || s1.Country != "KZ" || s1.Builtin {
			t.Fatalf("KZ-75-02-S1 = %+v, %v", s1, err)
		}
		v, _ := g.Lookup(ctx, "KZ-75-01-S1")
		low, _ := g.Lookup(ctx, "KZ-75-05")
		if v.NameEN != `Village "One"` || low.NameEN != "Lower case code" || low.ParentCode != "KZ-75" {
			t.Fatalf("names: %q, %+v", v.NameEN, low)
		}
		again, err := g.Import(ctx, admin, strings.NewReader(mixed))
		if err != nil || again.Created != 0 || again.Updated != 0 || again.Unchanged != 6 || again.Rejected != 8 {
			t.Fatalf("re-import = %+v, %v", again, err)
		}
		all, _, _ := g.List(ctx, admin, "KZ", store.Page{Limit: store.MaxLimit})
		if len(all) != 21+5 {
			t.Fatalf("%d KZ regions, want 26", len(all))
		}
		if ch := regionChanges(t, log, "KZ-75-01"); len(ch) != 1 || ch[0].Action != "create" || ch[0].Actor != "Admin" {
			t.Fatalf("audit of KZ-75-01: %+v", ch)
		}
	})
}

func TestImportUpdatesAndMovesSubtrees(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, log := seeded(t, db)
		if _, err := g.Import(ctx, admin, strings.NewReader(mixed)); err != nil {
			t.Fatal(err)
		}
		// Columns in another order, semicolons, no Kazakh or Russian names.
		moves := "type;name_en;code;parent_code\n" +
			"district;Almaly;KZ-75-01;KZ-75\n" + // renamed; Kazakh name kept
			"district;Auezov District;KZ-75-02;KZ-19\n" // moves with its settlement
		res, err := g.Import(ctx, admin, strings.NewReader(moves))
		if err != nil || res.Errors != nil || res.Updated != 2 {
			t.Fatalf("result = %+v, %v", res, err)
		}
		loop := "code,parent_code,type,name_en\nKZ-75-01,KZ-75-01-S1,district,Almaly\n"
		res, err = g.Import(ctx, admin, strings.NewReader(loop))
		if err != nil || rowErrors(res) != "2 parent_code error.cycle|" || res.Rejected != 1 {
			t.Fatalf("result = %+v, %v", res, err)
		}
		a, _ := g.Lookup(ctx, "KZ-75-01")
		s1, _ := g.Lookup(ctx, "KZ-75-02-S1")
		if a.NameEN != "Almaly" || a.NameKK != "Алмалы ауданы" || s1.Path != "/KZ/KZ-19/KZ-75-02/KZ-75-02-S1/" {
			t.Fatalf("after moves: %+v / %+v", a, s1)
		}
		up, _ := g.Ancestors(ctx, admin, "KZ-75-02-S1")
		if len(up) != 3 || up[0].Code != "KZ" || up[2].Code != "KZ-75-02" {
			t.Fatalf("ancestors = %+v", up)
		}
		if ch := regionChanges(t, log, "KZ-75-01"); len(ch) != 2 || ch[0].Action != "update" ||
			!strings.Contains(ch[0].Before, "Almaly District") || !strings.Contains(ch[0].After, `"name_en":"Almaly"`) {
			t.Fatalf("audit of KZ-75-01: %+v", ch)
		}
	})
}

func TestImportRefusals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g, _ := seeded(t, db)
		coord := access.Principal{Role: access.Coordinator, OrgPath: "/1/"}
		if _, err := g.Import(ctx, coord, strings.NewReader(mixed)); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("coordinator imports regions: %v", err)
		}
		res, err := g.Import(ctx, admin, strings.NewReader("Code,name_en,colour,code\nKZ-75-01,x,red,y\n"))
		want := "1 colour error.unknown_column|1 code error.duplicate|1 parent_code error.missing_column|1 type error.missing_column|"
		if err != nil || rowErrors(res) != want || res.Read != 0 {
			t.Fatalf("bad header: %+v, %v", res, err)
		}
		res, _ = g.Import(ctx, admin, strings.NewReader(""))
		if len(res.Errors) != 4 || res.Errors[0].Key != "error.missing_column" {
			t.Fatalf("empty file: %+v", res)
		}
		res, _ = g.Import(ctx, admin, strings.NewReader("code,parent_code,type,name_en\nA-1,KZ,district,a \"b\" c\nA/2,KZ,district,x,extra\n"))
		if rowErrors(res) != "2  error.bad_csv|3  error.bad_csv|3 code error.bad_code|" {
			t.Fatalf("bad lines: %s", rowErrors(res))
		}
	})
}
