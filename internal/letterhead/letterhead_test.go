package letterhead_test

import (
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/letterhead"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// An organisation that saved none heads with its own name; a letterhead
// saved reads back whole; a save over a version read before another
// save is refused, and the first stays.
func TestLetterheadReadsBackAndRefusesAStaleSave(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, db := t.Context(), w.DB
		b, err := letterhead.New(db.Engine)
		if err != nil {
			t.Fatal(err)
		}
		org := w.Foundation.ID
		h, err := b.Of(ctx, db.R, org, "Foundation")
		if err != nil || h.Name != "Foundation" || h.Version != 0 || h.Signed() || len(h.Lines) != 0 {
			t.Fatalf("none saved: %+v, %v", h, err)
		}
		at := time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)
		in, err := letterhead.Clean(letterhead.Letterhead{OrgID: org, Name: "  Управление образования ",
			Lines: []string{"г. Алматы", " ", "+7 727 000 00 00"}, SignatoryName: "А. Жумабаева",
			SignatoryPosition: "Руководитель"})
		if err != nil {
			t.Fatal(err)
		}
		save := func(in letterhead.Letterhead) error {
			return db.Tx(ctx, func(tx *sql.Tx) error { return b.Save(ctx, tx, in, 0, at) })
		}
		if err := save(in); err != nil {
			t.Fatal(err)
		}
		h, err = b.Of(ctx, db.R, org, "Foundation")
		if err != nil || h.Name != "Управление образования" || len(h.Lines) != 2 || h.Lines[1] != "+7 727 000 00 00" ||
			h.SignatoryName != "А. Жумабаева" || h.SignatoryPosition != "Руководитель" || h.Version != 1 ||
			!h.UpdatedAt.Equal(at) {
			t.Fatalf("saved: %+v, %v", h, err)
		}
		stale := in
		stale.Name = "Another name"
		if err := save(stale); errs.CodeOf(err) != errs.Conflict {
			t.Errorf("a save over version 0 after version 1: %v", err)
		}
		in.Version, in.SignatoryName = 1, "Б. Сейткали"
		if err := save(in); err != nil {
			t.Fatal(err)
		}
		if h, err := b.Of(ctx, db.R, org, ""); err != nil || h.Version != 2 || h.SignatoryName != "Б. Сейткали" ||
			h.Name != "Управление образования" {
			t.Errorf("second save: %+v, %v", h, err)
		}
	})
}

// A letterhead without a name, with too many lines or a line too long
// is refused, naming the field.
func TestCleanRefusesABadLetterhead(t *testing.T) {
	cases := []struct {
		in    letterhead.Letterhead
		field string
	}{
		{letterhead.Letterhead{Name: "  "}, "name"},
		{letterhead.Letterhead{Name: "Org", Lines: []string{"1", "2", "3", "4", "5", "6", "7"}}, "lines"},
		{letterhead.Letterhead{Name: "Org", SignatoryName: strings.Repeat("a", letterhead.MaxLine+1)}, "signatory_name"},
	}
	for _, c := range cases {
		_, err := letterhead.Clean(c.in)
		e := errs.As(err)
		if e == nil || len(e.Fields) == 0 || e.Fields[0].Field != c.field {
			t.Errorf("%+v: %v", c.in, err)
		}
	}
}
