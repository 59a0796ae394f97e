package importing_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
)

// rooms is a second list, defined here only: rooms by name, written
// nowhere (every row comes back unchanged).
type rooms struct{}

func (rooms) Name() string  { return "rooms" }
func (rooms) Label() string { return "imports.title" } // a label the page shows as it is
func (rooms) Columns() []imports.ColumnSpec {
	return []imports.ColumnSpec{{Key: "room", Required: true, Aliases: []string{"room", "комната"}, Label: "imports.size"}}
}

func (rooms) Parser(context.Context, access.Principal, imports.Options) (func(imports.Fields) (string, []imports.RowError), error) {
	return func(f imports.Fields) (string, []imports.RowError) { return f.Get("room"), nil }, nil
}

func (rooms) Open(context.Context, access.Principal, imports.Options) (imports.Session[string], error) {
	return roomsSession{}, nil
}

type roomsSession struct{}

func (roomsSession) Batch(_ context.Context, rows []string) ([]imports.Outcome, []imports.RowError, error) {
	outs := make([]imports.Outcome, len(rows))
	for i := range outs {
		outs[i] = imports.Unchanged
	}
	return outs, nil, nil
}

func (roomsSession) Close(context.Context) error { return nil }

func TestTheUploadFormAsksWhichListWhenThereAreTwo(t *testing.T) {
	f := newFixture(t)
	op := f.User(t, "op@example.org", access.Operator, "en")
	if r := op.Get("/imports/new"); !strings.Contains(r.Body, `<option value="school-list"`) {
		t.Fatal("the form does not offer the school list")
	}
	people := f.Svc.Imports.Targets.All()[0]
	f.Svc.Imports.Targets = imports.NewTargets(people)
	if r := op.Get("/imports/new"); strings.Contains(r.Body, `name="target"`) {
		t.Fatal("the form asks which list though Jol imports one only")
	}
	f.Svc.Imports.Targets = imports.NewTargets(people, imports.Define[string](rooms{}))
	r := op.Get("/imports/new")
	if !strings.Contains(r.Body, `<select id="target" name="target"`) || !strings.Contains(r.Body, `<option value="rooms"`) ||
		!strings.Contains(r.Body, "People: children and their families") {
		t.Fatalf("upload form without the choice of list: %s", r.Body)
	}
	r = uploadList(op, url.Values{"org": {itoa(f.Org.ID)}, "target": {"rooms"}}, "rooms.csv", []byte("Комната\n101\n102\n"))
	if r.Status != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	page := op.Get(r.Location).Body
	if !strings.Contains(page, "<dd>Imported lists</dd>") || !strings.Contains(page, "Size") {
		t.Fatalf("the preview does not name the list and its column: %s", page)
	}
	if list := op.Get("/imports").Body; !strings.Contains(list, `<td data-label="List">Imported lists</td>`) {
		t.Errorf("the list of uploads does not name their lists: %s", list)
	}
	r = uploadList(op, url.Values{"org": {itoa(f.Org.ID)}, "target": {"pets"}}, "pets.csv", []byte("Комната\n101\n"))
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Jol imports no list called “pets”") {
		t.Fatalf("an unknown list: %d", r.Status)
	}
}
