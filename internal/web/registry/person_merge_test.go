package registry_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/people"
)

func TestMergeAndUndo(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	iin := must(natid.MakeIIN(day(2015, 3, 10), natid.Female, 42))
	keep := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	drop := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), iin)
	h := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "KZ-75", OrgID: f.Org.ID}))
	check(t, f.Svc.People.AddMember(ctx, access.System, h.ID, people.MemberInput{PersonID: drop.ID, Relation: people.Child}))
	must(f.Svc.People.Assign(ctx, access.System, drop.ID, "orphan", people.Evidence{DocType: "Certificate"}))
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(keep.ID)
	if page := c.Get(path); !strings.Contains(page.Body, `href="`+path+`/merge"`) {
		t.Fatal("the person's page has no merge action")
	}
	compare := path + "/merge?with=" + itoa(drop.ID)
	if page := c.Get(path + "/merge"); !strings.Contains(page.Body, `href="`+compare+`"`) || !strings.Contains(page.Body, "Same name and date of birth") {
		t.Fatal("the merge page does not suggest the duplicate")
	}
	if page := c.Get(path + "/merge?q=" + url.QueryEscape(iin)); !strings.Contains(page.Body, `href="`+compare+`"`) {
		t.Fatal("the merge page does not find the other record by its IIN")
	}
	page := c.Get(compare)
	for _, want := range []string{"Record kept", "Record merged into it", iin, "filled from the other record", "Orphan",
		"Takes its place in Household No. " + itoa(h.ID), `name="keep" value="` + itoa(keep.ID) + `"`, `name="drop" value="` + itoa(drop.ID) + `"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	if !strings.Contains(page.Body, `href="`+compare+`&amp;keep=`+itoa(drop.ID)+`"`) {
		t.Error("the comparison cannot swap the records")
	}
	form := url.Values{"keep": {itoa(keep.ID)}, "drop": {itoa(drop.ID)}}
	if r := c.Post(path+"/merge", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="confirm-error"`) {
		t.Fatalf("merge without confirmation: %d", r.Status)
	}
	form.Set("confirm", "on")
	if r := c.Post(path+"/merge", form); r.Status != http.StatusSeeOther || r.Location != path {
		t.Fatalf("merge: %d %s", r.Status, r.Body)
	}
	merged := must(f.Svc.People.Get(ctx, access.System, keep.ID, people.ViaAPI))
	if merged.NationalID != iin || merged.HouseholdID != h.ID {
		t.Errorf("the record kept did not take the IIN and household: %+v", merged)
	}
	dropped := c.Get("/people/" + itoa(drop.ID))
	if !strings.Contains(dropped.Body, "This record was merged into another one.") || !strings.Contains(dropped.Body, `<a href="`+path+`">`) {
		t.Error("the dropped record does not lead to the one kept")
	}
	if strings.Contains(dropped.Body, `/edit"`) || strings.Contains(dropped.Body, `/merge"`) {
		t.Error("the dropped record still offers edits")
	}
	kept := c.Get(path)
	if !strings.Contains(kept.Body, "Merged into this record:") || strings.Contains(kept.Body, "/undo") {
		t.Error("the record kept does not list the merge, or offers a coordinator the undo")
	}
	undo := regexp.MustCompile(`action="(` + path + `/merges/\d+/undo)"`)
	if r := c.Post(path+"/merges/1/undo", nil); r.Status != http.StatusForbidden {
		t.Errorf("a coordinator undoes a merge: %d", r.Status)
	}
	admin := f.Login(t, "admin@example.org")
	m := undo.FindStringSubmatch(admin.Get(path).Body)
	if m == nil {
		t.Fatal("an administrator is not offered the undo")
	}
	if r := admin.Post(m[1], nil); r.Status != http.StatusSeeOther || r.Location != path+"#merges" {
		t.Fatalf("undo: %d %s", r.Status, r.Body)
	}
	if back := must(f.Svc.People.Get(ctx, access.System, drop.ID, people.ViaAPI)); back.MergedInto != 0 || back.NationalID != iin || back.HouseholdID != h.ID {
		t.Errorf("the undo did not restore the dropped record: %+v", back)
	}
	if r := admin.Post(m[1], nil); r.Status != http.StatusConflict || !strings.Contains(r.Body, "This merge has already been undone.") {
		t.Errorf("a second undo: %d", r.Status)
	}
	if page := admin.Get(path); !strings.Contains(page.Body, "undone") || undo.MatchString(page.Body) {
		t.Error("the undone merge is not shown as undone")
	}
}

func TestMergeRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.Child(t, "Серікова", "Дана", day(2016, 1, 1), "")
	b := f.Child(t, "Серікова", "Дана", day(2016, 1, 1), "")
	for _, p := range []people.Person{a, b} {
		h := must(f.Svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "KZ-75", OrgID: f.Org.ID}))
		check(t, f.Svc.People.AddMember(ctx, access.System, h.ID, people.MemberInput{PersonID: p.ID, Relation: people.Child}))
	}
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(a.ID)
	page := c.Get(path + "/merge?with=" + itoa(b.ID))
	if !strings.Contains(page.Body, "The two records belong to different households") || strings.Contains(page.Body, `name="confirm"`) {
		t.Error("the comparison does not say why the merge is refused, or still offers it")
	}
	form := url.Values{"keep": {itoa(a.ID)}, "drop": {itoa(b.ID)}, "confirm": {"on"}}
	r := c.Post(path+"/merge", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The two records belong to different households") {
		t.Errorf("different households: %d", r.Status)
	}

	ward := f.Child(t, "Бекова", "Ая", day(2016, 5, 5), "")
	guardian := f.Child(t, "Бекова", "Ая", day(2016, 5, 5), "")
	must(f.Svc.People.AddGuardian(ctx, access.System, ward.ID, people.GuardianInput{PersonID: guardian.ID, Relation: people.OtherCare}))
	path = "/people/" + itoa(ward.ID)
	form = url.Values{"keep": {itoa(ward.ID)}, "drop": {itoa(guardian.ID)}, "confirm": {"on"}}
	if r := c.Post(path+"/merge", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "A person cannot be their own guardian.") {
		t.Errorf("a guardian and their ward: %d", r.Status)
	}

	x := f.Child(t, "Омарова", "Әсел", day(2014, 2, 2), "")
	y := f.Child(t, "Омарова", "Әсел", day(2014, 2, 2), "")
	z := f.Child(t, "Омарова", "Әсел", day(2014, 2, 2), "")
	must(f.Svc.People.Merge(ctx, access.System, x.ID, y.ID))
	path = "/people/" + itoa(z.ID)
	form = url.Values{"keep": {itoa(z.ID)}, "drop": {itoa(y.ID)}, "confirm": {"on"}}
	if r := c.Post(path+"/merge", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "This record was merged into record "+itoa(x.ID)) {
		t.Errorf("a record merged already: %d", r.Status)
	}
	if r := c.Post(path+"/merge", url.Values{"keep": {itoa(x.ID)}, "drop": {itoa(y.ID)}, "confirm": {"on"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Choose the other record to merge with.") {
		t.Errorf("a merge of two other records through this one's page: %d", r.Status)
	}
	c.Post("/locale", url.Values{"lang": {"ru"}, "next": {path}})
	r = c.Post(path+"/merge", url.Values{"keep": {itoa(z.ID)}, "drop": {itoa(x.ID)}})
	if !strings.Contains(r.Body, "Подтвердите, что обе записи — один и тот же человек.") {
		t.Error("the missing confirmation is not explained in Russian")
	}
}
