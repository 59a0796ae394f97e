package youth_test

import (
	"context"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/youth"
)

// people registers a minor in the Almaly village, an adult in another
// district of Almaty and one in Astana.
func (w *world) people(t *testing.T) (minor, adult, astana int64) {
	m := in("Minor")
	m.Birth, m.Contact.Telegram = today.AddDate(-16, 0, 0), "minor_handle"
	m.Guardian = youth.GuardianDetails{Name: "Aliya Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}
	a := in("Adult")
	a.RegionCode, a.Contact.Phone = "KZ-75-02", "+7 702 000 00 01"
	s := in("Astana")
	s.RegionCode, s.Contact.Phone = "KZ-71", "+7 702 000 00 02"
	return w.register(t, m).ID, w.register(t, a).ID, w.register(t, s).ID
}

// TestScope lists and opens young people within the reader's branch and
// region only, and logs every record opened.
func TestScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		minor, adult, astana := w.people(t)
		regional := w.opHead
		regional.Role, regional.RegionPath = access.Coordinator, "/KZ/KZ-71/"
		for _, c := range []struct {
			name string
			p    access.Principal
			want []int64
		}{
			{"almaty", w.coordAlmaty, []int64{adult, minor}},
			{"almaly", w.coordAlmaly, []int64{minor}},
			{"astana", w.coordAstana, []int64{astana}},
			{"head office", w.opHead, []int64{astana, adult, minor}},
			{"region", regional, []int64{astana}},
		} {
			ys, _, err := w.s.List(ctx, c.p, youth.Filter{}, store.Page{})
			var got []int64
			for _, y := range ys {
				got = append(got, y.ID)
			}
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("%s lists %v (%v), want %v", c.name, got, err, c.want)
			}
		}
		if ys, _, _ := w.s.List(ctx, w.opHead, youth.Filter{AgeGroup: youth.Teen}, store.Page{}); len(ys) != 1 || ys[0].ID != minor {
			t.Errorf("teens: %+v", ys)
		}
		if _, _, err := w.s.List(ctx, w.opHead, youth.Filter{AgeGroup: "30-39"}, store.Page{}); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("an unknown age group: %v", err)
		}
		for _, c := range []struct {
			p  access.Principal
			id int64
		}{{w.coordAstana, minor}, {w.coordAlmaly, adult}, {regional, minor}} {
			if _, err := w.s.Get(ctx, c.p, c.id, youth.ViaWeb); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s opened %d: %v", c.p.Name, c.id, err)
			}
		}
		for _, id := range []int64{minor, adult} {
			if _, err := w.s.Get(ctx, w.coordAlmaty, id, youth.ViaAPI); err != nil {
				t.Fatal(err)
			}
		}
		log, _, err := w.log.Accesses(ctx, admin, audit.AccessFilter{SubjectKind: "youth"}, store.Page{})
		if err != nil || len(log) != 2 || log[0].UserID != w.coordAlmaty.UserID || log[0].Via != "api" ||
			log[0].SubjectID != itoa(adult) || log[1].SubjectID != itoa(minor) {
			t.Errorf("access log %+v, %v", log, err)
		}
	})
}

// TestMinorMasking masks a minor's contacts for every reader but the
// coordinators of their branch and those a Revealer lets read them; an
// adult's contacts are shown to whoever may read the record.
func TestMinorMasking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		minor, adult, _ := w.people(t)
		mentor := access.Principal{UserID: 99, Name: "Mentor", Role: access.Mentor}
		w.s.OnReveal(func(_ context.Context, p access.Principal, y youth.Youth) (bool, error) {
			return p.UserID == mentor.UserID && y.ID == minor, nil
		})
		open := func(p access.Principal, id int64) youth.Youth {
			y, err := w.s.Get(ctx, p, id, youth.ViaWeb)
			must(t, err)
			return y
		}
		for _, p := range []access.Principal{w.coordAlmaty, w.coordAlmaly} {
			if y := open(p, minor); y.Masked || y.Contact.Phone != "+7 701 234 56 78" || y.Contact.Telegram != "minor_handle" {
				t.Errorf("%s reads %+v", p.Name, y.Contact)
			}
		}
		for _, p := range []access.Principal{w.opHead, admin} {
			y := open(p, minor)
			if !y.Masked || y.Contact.Phone != "+• ••• ••• •• 78" || y.Contact.Telegram != "•••••_••••le" {
				t.Errorf("%s reads %+v", p.Name, y.Contact)
			}
			ys, _, _ := w.s.List(ctx, p, youth.Filter{AgeGroup: youth.Teen}, store.Page{})
			if len(ys) != 1 || !ys[0].Masked || ys[0].Contact != y.Contact {
				t.Errorf("%s lists %+v", p.Name, ys)
			}
		}
		if y := open(w.opHead, adult); y.Masked || y.Contact.Phone != "+7 702 000 00 01" {
			t.Errorf("an adult's contacts: %+v", y.Contact)
		}
		y := open(w.coordAlmaly, minor)
		if ok, err := w.s.Reveals(ctx, mentor, y); !ok || err != nil {
			t.Errorf("the revealer's mentor: %v %v", ok, err)
		}
		if ok, _ := w.s.Reveals(ctx, w.coordAstana, y); ok {
			t.Error("another branch's coordinator reads a minor's contacts")
		}
	})
}
