package youthbot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/testworld"
)

// TestRankThreeThenAuto ranks three mentors, which saves them at the
// third, then asks from "My mentor" for an automatic match instead.
func TestRankThreeThenAuto(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProgramme(t, w)
		c := bottest.Direct(t, w, engine(t, w), 41, "kk")
		register(t, c, "10.03.2006", false)
		c.Press(tr(w, "kk", "youthbot.choose_mentors"))
		c.Press("3. ")
		c.Press("1. ")
		out := c.Press("2. ")
		if !said(out, tr(w, "kk", "youthbot.saved_choices", "N", 3)) {
			t.Errorf("the third choice did not save:\n%s", c.Transcript())
		}
		id := youthOfChat(t, w, c.ID)
		got, err := w.Services.Youth.Choices(t.Context(), w.Principal(access.Admin), id)
		must(t, err)
		if want := []int64{p.mentors[2].ID, p.mentors[0].ID, p.mentors[1].ID}; !slices.Equal(got, want) {
			t.Errorf("choices %v, want %v", got, want)
		}
		c.Press(tr(w, "kk", "youthbot.menu.mentor"))
		c.Press(tr(w, "kk", "youthbot.change_choices"))
		out = c.Press(tr(w, "kk", "youthbot.auto"))
		if !said(out, tr(w, "kk", "youthbot.saved_auto")) {
			t.Errorf("no word of the automatic match:\n%s", c.Transcript())
		}
		got, err = w.Services.Youth.Choices(t.Context(), w.Principal(access.Admin), id)
		must(t, err)
		if len(got) != 0 {
			t.Errorf("after asking for an automatic match the choices are %v", got)
		}
	})
}

// TestFullMentor offers no mentor without a free place, and refuses
// with a clear word a mentor whose last place went between the
// shortlist and the press, showing the list as it is now.
func TestFullMentor(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProgramme(t, w)
		p.fill(t, 3) // Ermek is full from the start
		c := bottest.Direct(t, w, engine(t, w), 42, "ru")
		register(t, c, "10.03.2006", false)
		out := c.Press(tr(w, "ru", "youthbot.choose_mentors"))
		if said(out, "Ermek") {
			t.Errorf("a full mentor is offered:\n%s", out[len(out)-1].Text)
		}
		p.fill(t, 0) // Aigerim's last place goes meanwhile
		out = c.Press("1. Aigerim")
		if !said(out, tr(w, "ru", "youthbot.mentor_full")) {
			t.Fatalf("no clear word that Aigerim is full:\n%s", c.Transcript())
		}
		if last := out[len(out)-1]; strings.Contains(last.Text, "Aigerim") {
			t.Errorf("the list shown again still offers Aigerim:\n%s", last.Text)
		}
		c.Press("1. Bolat")
		out = c.Press(tr(w, "ru", "youthbot.save_choices"))
		if !said(out, tr(w, "ru", "youthbot.saved_choices", "N", 1)) {
			t.Errorf("Bolat not saved:\n%s", c.Transcript())
		}
		// Bolat fills between the ranking and the save: the save is
		// refused plainly and nothing is written.
		c.Press(tr(w, "ru", "youthbot.menu.mentor"))
		c.Press(tr(w, "ru", "youthbot.change_choices"))
		c.Press("2. Dana")
		p.fill(t, 2)
		out = c.Press(tr(w, "ru", "youthbot.save_choices"))
		if !said(out, tr(w, "ru", "youthbot.mentor_full")) {
			t.Errorf("a save with a full mentor:\n%s", c.Transcript())
		}
		got, err := w.Services.Youth.Choices(t.Context(), w.Principal(access.Admin), youthOfChat(t, w, c.ID))
		must(t, err)
		if len(got) != 1 || got[0] != p.mentors[1].ID {
			t.Errorf("choices %v, want Bolat's %d alone", got, p.mentors[1].ID)
		}
	})
}
