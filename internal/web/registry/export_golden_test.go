package registry_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// TestPeopleExportGolden pins the people export, CSV and workbook, in
// English and in Persian: the header, coded values spelled out in the
// language, a formula-like cell made harmless, a household number, one
// outside the scope withheld, and the categories. The fixture's clock
// stands still and both engines number the records alike, so the files are
// the same on every run. The workbook
// is compared by its cells read back, not by its zip bytes.
func TestPeopleExportGolden(t *testing.T) {
	f := newFixture(t)
	exportFixture(t, f)
	ctx := context.Background()
	kid := must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Karimi", FirstName: "Hasan", BirthDate: day(2016, 6, 1),
		Sex: people.Male, IDKind: people.IDKindOther, NationalID: "AM-12345", RegionCode: "KZ-75", OrgID: f.Org.ID, Status: people.Preschool}))
	h := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: f.Org.ID, RegionCode: "KZ-75"}))
	check(t, f.Svc.People.AddMember(ctx, access.System, h.ID, people.MemberInput{PersonID: kid.ID, Relation: people.Child}))
	// A child in a household outside the readers' scope: its number is
	// never exported, only that it is another organisation's.
	other := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tabriz Schools Trust", Type: orgs.Foundation, RegionCode: "IR-03"}))
	sister := must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Karimi", FirstName: "Zahra", BirthDate: day(2014, 2, 1),
		Sex: people.Female, RegionCode: "KZ-75", OrgID: f.Org.ID}))
	theirs := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{OrgID: other.ID, RegionCode: "IR-03"}))
	check(t, f.Svc.People.AddMember(ctx, access.System, theirs.ID, people.MemberInput{PersonID: sister.ID, Relation: people.Child}))
	for _, loc := range []string{"en", "fa"} {
		c := f.User(t, loc+"@example.org", access.Coordinator, loc)
		d := c.Download("/people/export.csv?sort=name")
		if d.Status != http.StatusOK {
			t.Fatalf("%s CSV: %d", loc, d.Status)
		}
		golden.Bytes(t, "people_export_"+loc+"_csv", d.Body)

		d = c.Download("/people/export.xlsx?sort=name")
		if d.Status != http.StatusOK {
			t.Fatalf("%s workbook: %d", loc, d.Status)
		}
		rd := must(tabular.Open("people.xlsx", bytes.NewReader(d.Body), int64(len(d.Body))))
		rows := [][]string{rd.Header()}
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			check(t, err)
			rows = append(rows, row.Cells)
		}
		check(t, rd.Close())
		golden.Table(t, "people_export_"+loc+"_xlsx", rows)
	}
}
