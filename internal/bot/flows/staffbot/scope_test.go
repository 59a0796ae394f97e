package staffbot_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/testworld"
)

// TestUnlinkedChatSeesNothing: a chat whose account is unlinked in the
// middle of a flow is told, in its language, to link its account on the
// web profile page, and shown nothing of the task it stood at; its old
// buttons do nothing.
func TestUnlinkedChatSeesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, tasks := assigned(t, w)
		c := bottest.Direct(t, w, engine(t, w), 700, "ru")
		link(t, c, users["ru"].Principal())
		c.PressValue("f:staff_tasks")
		c.PressValue("t" + strconv.FormatInt(tasks["ru"].ID, 10))
		must(t, w.Services.Conversations.Unlink(t.Context(), users["ru"].Principal()))
		before := len(c.Transcript())
		c.Text("hello")
		c.Forge("in")
		said := c.Transcript()[before:]
		if !strings.Contains(said, "Сначала свяжите этот чат со своей учётной записью Jol") {
			t.Errorf("the unlinked chat was not told to link:\n%s", said)
		}
		if strings.Contains(said, "PC-002") || strings.Contains(said, tasks["ru"].Reference) {
			t.Errorf("the unlinked chat was shown the task:\n%s", said)
		}
		if _, ok, err := w.Services.Volunteers.CheckedIn(t.Context(), users["ru"].Principal()); err != nil || ok {
			t.Errorf("the unlinked chat checked in (%v)", err)
		}
	})
}

// TestVolunteerCannotTouchAnothersTask: another volunteer's task is not
// listed, a forged button for it is stale, and it stays as it was.
func TestVolunteerCannotTouchAnothersTask(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, tasks := assigned(t, w)
		c := bottest.Direct(t, w, engine(t, w), 701, "kk")
		link(t, c, users["kk"].Principal())
		c.PressValue("f:staff_tasks")
		theirs := "t" + strconv.FormatInt(tasks["fa"].ID, 10)
		if strings.Contains(c.Transcript(), ":"+theirs+"]") {
			t.Errorf("another volunteer's task is listed:\n%s", c.Transcript())
		}
		if out := c.Forge(theirs); len(out) != 1 || out[0].Text != "Бұл батырма алдыңғы сұраққа тиесілі." {
			t.Errorf("a forged button of another volunteer's task: %+v", out)
		}
		got, err := w.Services.Aftercare.Task(t.Context(), users["fa"].Principal(), tasks["fa"].ID)
		must(t, err)
		if got.Status != aftercare.Assigned || got.Version != tasks["fa"].Version {
			t.Errorf("the other volunteer's task became %+v", got)
		}
	})
}
