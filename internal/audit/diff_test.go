package audit

import (
	"testing"
	"time"
)

func TestDiff(t *testing.T) {
	before := `{"first_name":"Айгерім","grade":3,"birth_date":"2015-03-12T00:00:00Z","languages":["kk"],
		"consent":{"photo":false,"given_at":"2026-01-05T09:30:00Z"},"note":"","id":7}`
	after := `{"first_name":"Әйгерім","grade":3,"birth_date":"2015-03-21T00:00:00Z","languages":["kk","ru"],
		"consent":{"photo":true,"given_at":"2026-01-05T09:30:00Z"},"note":"moved","id":7,"phone":null}`
	got := Diff(before, after)
	want := []struct {
		field         string
		kind          Kind
		before, after string
	}{
		{"birth_date", Date, "2015-03-12T00:00:00Z", "2015-03-21T00:00:00Z"},
		{"consent.photo", Bool, "false", "true"},
		{"first_name", Text, "Айгерім", "Әйгерім"},
		{"languages", List, "kk", "kk, ru"},
		{"note", Text, "", "moved"}, // "" is empty
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Field != w.field || g.After.Kind != w.kind || g.Before.Text != w.before || g.After.Text != w.after {
			t.Errorf("change %d = %s %v %q -> %q, want %s %v %q -> %q", i, g.Field, g.After.Kind, g.Before.Text, g.After.Text,
				w.field, w.kind, w.before, w.after)
		}
	}
	if d := got[0].After.Time; !d.Equal(time.Date(2015, 3, 21, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("birth date read as %v", d)
	}
	if got[3].Before.Kind != List {
		t.Errorf("list before = %+v", got[3].Before)
	}
}

func TestDiffCreateDeleteAndText(t *testing.T) {
	created := Diff("", `{"name":"School 12","at":"2026-12-06T10:15:00+05:00"}`)
	if len(created) != 2 || created[0].Field != "at" || created[0].After.Kind != Time || created[0].Before.Kind != Empty {
		t.Fatalf("creation: %+v", created)
	}
	deleted := Diff(`{"name":"School 12"}`, "")
	if len(deleted) != 1 || deleted[0].Before.Text != "School 12" || deleted[0].After.Kind != Empty {
		t.Fatalf("deletion: %+v", deleted)
	}
	if same := Diff(`{"a":1,"b":[1,2]}`, `{"b":[1,2],"a":1}`); len(same) != 0 {
		t.Fatalf("equal records differ: %+v", same)
	}
	odd := Diff("not json", `{"a":1}`)
	if len(odd) != 2 || odd[0].Field != "" || odd[0].Before.Text != "not json" {
		t.Fatalf("text record: %+v", odd)
	}
}
