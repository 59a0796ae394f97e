package web_test

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
	keep := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	drop := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), iin)
	h := must(f.svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "KZ-75", OrgID: f.org.ID}))
	check(t, f.svc.People.AddMember(ctx, access.System, h.ID, people.MemberInput{PersonID: drop.ID, Relation: people.Child}))
	must(f.svc.People.Assign(ctx, access.System, drop.ID, "orphan", people.Evidence{DocType: "Certificate"}))
	c := f.login(t, "coord@example.org")
	path := "/people/" + itoa(keep.ID)
	if page := c.get(path); !strings.Contains(page.body, `href="`+path+`/merge"`) {
		t.Fatal("the person's page has no merge action")
	}
	compare := path + "/merge?with=" + itoa(drop.ID)
	if page := c.get(path + "/merge"); !strings.Contains(page.body, `href="`+compare+`"`) || !strings.Contains(page.body, "Same name and date of birth") {
		t.Fatal("the merge page does not suggest the duplicate")
	}
	if page := c.get(path + "/merge?q=" + url.QueryEscape(iin)); !strings.Contains(page.body, `href="`+compare+`"`) {
		t.Fatal("the merge page does not find the other record by its IIN")
	}
	page := c.get(compare)
	for _, want := range []string{"Record kept", "Record merged into it", iin, "filled from the other record", "Orphan",
		"Takes its place in Household No. " + itoa(h.ID), `name="keep" value="` + itoa(keep.ID) + `"`, `name="drop" value="` + itoa(drop.ID) + `"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	if !strings.Contains(page.body, `href="`+compare+`&amp;keep=`+itoa(drop.ID)+`"`) {
		t.Error("the comparison cannot swap the records")
	}
	form := url.Values{"keep": {itoa(keep.ID)}, "drop": {itoa(drop.ID)}}
	if r := c.post(path+"/merge", form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="confirm-error"`) {
		t.Fatalf("merge without confirmation: %d", r.status)
	}
	form.Set("confirm", "on")
	if r := c.post(path+"/merge", form); r.status != http.StatusSeeOther || r.location != path {
		t.Fatalf("merge: %d %s", r.status, r.body)
	}
	merged := must(f.svc.People.Get(ctx, access.System, keep.ID, people.ViaAPI))
	if merged.NationalID != iin || merged.HouseholdID != h.ID {
		t.Errorf("the record kept did not take the IIN and household: %+v", merged)
	}
	dropped := c.get("/people/" + itoa(drop.ID))
	if !strings.Contains(dropped.body, "This record was merged into another one.") || !strings.Contains(dropped.body, `<a href="`+path+`">`) {
		t.Error("the dropped record does not lead to the one kept")
	}
	if strings.Contains(dropped.body, `/edit"`) || strings.Contains(dropped.body, `/merge"`) {
		t.Error("the dropped record still offers edits")
	}
	kept := c.get(path)
	if !strings.Contains(kept.body, "Merged into this record:") || strings.Contains(kept.body, "/undo") {
		t.Error("the record kept does not list the merge, or offers a coordinator the undo")
	}
	undo := regexp.MustCompile(`action="(` + path + `/merges/\d+/undo)"`)
	if r := c.post(path+"/merges/1/undo", nil); r.status != http.StatusForbidden {
		t.Errorf("a coordinator undoes a merge: %d", r.status)
	}
	admin := f.login(t, "admin@example.org")
	m := undo.FindStringSubmatch(admin.get(path).body)
	if m == nil {
		t.Fatal("an administrator is not offered the undo")
	}
	if r := admin.post(m[1], nil); r.status != http.StatusSeeOther || r.location != path+"#merges" {
		t.Fatalf("undo: %d %s", r.status, r.body)
	}
	if back := must(f.svc.People.Get(ctx, access.System, drop.ID, people.ViaAPI)); back.MergedInto != 0 || back.NationalID != iin || back.HouseholdID != h.ID {
		t.Errorf("the undo did not restore the dropped record: %+v", back)
	}
	if r := admin.post(m[1], nil); r.status != http.StatusConflict || !strings.Contains(r.body, "This merge has already been undone.") {
		t.Errorf("a second undo: %d", r.status)
	}
	if page := admin.get(path); !strings.Contains(page.body, "undone") || undo.MatchString(page.body) {
		t.Error("the undone merge is not shown as undone")
	}
}

func TestMergeRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.child(t, "Серікова", "Дана", day(2016, 1, 1), "")
	b := f.child(t, "Серікова", "Дана", day(2016, 1, 1), "")
	for _, p := range []people.Person{a, b} {
		h := must(f.svc.People.CreateHousehold(ctx, access.System, people.HouseholdInput{RegionCode: "KZ-75", OrgID: f.org.ID}))
		check(t, f.svc.People.AddMember(ctx, access.System, h.ID, people.MemberInput{PersonID: p.ID, Relation: people.Child}))
	}
	c := f.login(t, "coord@example.org")
	path := "/people/" + itoa(a.ID)
	page := c.get(path + "/merge?with=" + itoa(b.ID))
	if !strings.Contains(page.body, "The two records belong to different households") || strings.Contains(page.body, `name="confirm"`) {
		t.Error("the comparison does not say why the merge is refused, or still offers it")
	}
	form := url.Values{"keep": {itoa(a.ID)}, "drop": {itoa(b.ID)}, "confirm": {"on"}}
	r := c.post(path+"/merge", form)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "The two records belong to different households") {
		t.Errorf("different households: %d", r.status)
	}

	ward := f.child(t, "Бекова", "Ая", day(2016, 5, 5), "")
	guardian := f.child(t, "Бекова", "Ая", day(2016, 5, 5), "")
	must(f.svc.People.AddGuardian(ctx, access.System, ward.ID, people.GuardianInput{PersonID: guardian.ID, Relation: people.OtherCare}))
	path = "/people/" + itoa(ward.ID)
	form = url.Values{"keep": {itoa(ward.ID)}, "drop": {itoa(guardian.ID)}, "confirm": {"on"}}
	if r := c.post(path+"/merge", form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "A person cannot be their own guardian.") {
		t.Errorf("a guardian and their ward: %d", r.status)
	}

	x := f.child(t, "Омарова", "Әсел", day(2014, 2, 2), "")
	y := f.child(t, "Омарова", "Әсел", day(2014, 2, 2), "")
	z := f.child(t, "Омарова", "Әсел", day(2014, 2, 2), "")
	must(f.svc.People.Merge(ctx, access.System, x.ID, y.ID))
	path = "/people/" + itoa(z.ID)
	form = url.Values{"keep": {itoa(z.ID)}, "drop": {itoa(y.ID)}, "confirm": {"on"}}
	if r := c.post(path+"/merge", form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "This record was merged into record "+itoa(x.ID)) {
		t.Errorf("a record merged already: %d", r.status)
	}
	if r := c.post(path+"/merge", url.Values{"keep": {itoa(x.ID)}, "drop": {itoa(y.ID)}, "confirm": {"on"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Choose the other record to merge with.") {
		t.Errorf("a merge of two other records through this one's page: %d", r.status)
	}
	c.post("/locale", url.Values{"lang": {"ru"}, "next": {path}})
	r = c.post(path+"/merge", url.Values{"keep": {itoa(z.ID)}, "drop": {itoa(x.ID)}})
	if !strings.Contains(r.body, "Подтвердите, что обе записи — один и тот же человек.") {
		t.Error("the missing confirmation is not explained in Russian")
	}
}
