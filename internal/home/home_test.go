package home_test

import (
	"os"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/home"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A coordinator of the Almaty school places records in Almaty and their
// school only; everything else is named, field by field.
func TestResolveKeepsToThePrincipalsScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx := t.Context()
		tx, err := w.DB.W.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		r := home.New(w.DB.Engine)
		all, fs, err := r.Resolve(ctx, tx, access.System, "KZ-75", w.School.ID, 0, nil)
		if err != nil || len(fs) != 0 || all.OrgName != "School №1" || all.RegionID == 0 {
			t.Fatalf("inside every scope: %+v %v %v", all, fs, err)
		}
		p := access.Principal{Role: access.Coordinator, OrgPath: all.OrgPath, RegionPath: all.RegionPath}
		cases := []struct {
			region string
			org    int64
			camp   int64
			want   []string
		}{
			{"KZ-75", w.School.ID, 0, nil},
			{"XX-99", w.School.ID, 0, []string{"error.unknown_region"}},
			{"IR-23", w.Tehran.ID, 0, []string{"error.region_out_of_scope", "error.org_out_of_scope"}},
			{"KZ-75", 987654, 987654, []string{"error.unknown_org", "error.unknown_campaign"}},
		}
		for _, c := range cases {
			_, fs, err := r.Resolve(ctx, tx, p, c.region, c.org, c.camp, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Key)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%s, org %d, campaign %d: got %v, want %v", c.region, c.org, c.camp, got, c.want)
			}
		}
	})
}
