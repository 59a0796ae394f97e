package api

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// The queue over the API: a scan asked for is a job; the coordinator
// lists and opens the pairs of the Foundation's children, merges one and
// says the other is two people, and a second decision is a conflict;
// Tehran's coordinator sees none of them and a volunteer not the queue.
func TestDuplicatesAPI(t *testing.T) {
	f := newFixture(t, storetest.Engine(t))
	w := f.w
	lasts := []string{"Ахметова", "Жумабаева", "Нуртазина", "Касымова", "Оспанова", "Тулегенова", "Искакова",
		"Сарсенбаева", "Есенова", "Кенжебаева", "Байжанова", "Смагулова"}
	firsts := []string{"Айгерим", "Дана", "Асель", "Жанна", "Камила", "Алия", "Сабина", "Диляра", "Томирис", "Аружан"}
	child := func(last, first string, birth time.Time) people.Person {
		in := w.Child(last, first, birth)
		in.Sex = people.Female
		return w.Person(t, in)
	}
	for i, last := range lasts {
		for j, first := range firsts {
			child(last, first, testworld.Day(2010+(i+j)%8, time.Month(1+(i*5+j)%12), 1+(i*7+j*3)%28))
		}
	}
	madina := child("Омарова", "Мадина", testworld.Day(2015, 3, 1))
	child("Omarova", "Madina", testworld.Day(2015, 3, 1))
	anna := child("Иванова", "Анна", testworld.Day(2016, 4, 7))
	child("Иванова", "Анна", testworld.Day(2016, 7, 4))

	coord := f.token[access.Coordinator]
	if r := f.do(t, "POST", Prefix+"/duplicates/scans", coord, nil); r.Code != http.StatusAccepted {
		t.Fatalf("ask for a scan: %d %s", r.Code, r.Body)
	}
	if _, err := f.svc.Dedupe.Run(t.Context(), dedupe.ByRequest, 0); err != nil {
		t.Fatal(err)
	}
	r := f.do(t, "GET", Prefix+"/duplicates?limit=10", coord, nil)
	page := decodeAs[list[dedupe.Pair]](t, r)
	var mp, ap int64
	for _, p := range page.Items {
		switch madina.ID {
		case p.A.ID, p.B.ID:
			mp = p.ID
		}
		switch anna.ID {
		case p.A.ID, p.B.ID:
			ap = p.ID
		}
	}
	if r.Code != http.StatusOK || mp == 0 || ap == 0 {
		t.Fatalf("the queue: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "GET", Prefix+"/duplicates/"+fmt.Sprint(ap), coord, nil); r.Code != http.StatusOK {
		t.Errorf("open a pair: %d %s", r.Code, r.Body)
	} else if rv := decodeAs[dedupe.Review](t, r); len(rv.Fields) != 7 || rv.PersonA.ID != anna.ID {
		t.Errorf("the pair: %+v", rv)
	}
	stranger := f.newToken(t, w.Stranger)
	if r := f.do(t, "GET", Prefix+"/duplicates/"+fmt.Sprint(ap), stranger, nil); r.Code != http.StatusNotFound {
		t.Errorf("Tehran's coordinator opening an Almaty pair: %d", r.Code)
	}
	if r := f.do(t, "GET", Prefix+"/duplicates", stranger, nil); len(decodeAs[list[dedupe.Pair]](t, r).Items) != 0 {
		t.Errorf("Tehran's coordinator's queue: %s", r.Body)
	}
	if r := f.do(t, "GET", Prefix+"/duplicates", f.token[access.Volunteer], nil); r.Code != http.StatusForbidden {
		t.Errorf("a volunteer's queue: %d", r.Code)
	}
	if r := f.do(t, "POST", Prefix+"/duplicates/"+fmt.Sprint(ap)+"/distinct", coord, nil); r.Code != http.StatusOK {
		t.Errorf("not the same: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "POST", Prefix+"/duplicates/"+fmt.Sprint(ap)+"/merge", f.token[access.Admin],
		map[string]int64{"keep_id": anna.ID}); r.Code != http.StatusConflict {
		t.Errorf("merging a pair decided: %d %s", r.Code, r.Body)
	}
	if r := f.do(t, "POST", Prefix+"/duplicates/"+fmt.Sprint(mp)+"/merge", coord,
		map[string]int64{"keep_id": madina.ID}); r.Code != http.StatusOK {
		t.Errorf("merge: %d %s", r.Code, r.Body)
	}
}
