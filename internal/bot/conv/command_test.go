package conv_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/testworld"
)

// counter is a flow of the tests alone that /count begins: its step
// counts, on arriving (Enter), how often it was arrived at, and its
// question shows the count.
func counter() *conv.Flow {
	return &conv.Flow{Name: "counter", Start: "show", Menu: "probe.menu", Command: "count", Steps: map[string]conv.Step{
		"show": {
			Enter: func(c *conv.Chat) error {
				n, _ := strconv.Atoi(c.Data["n"])
				c.Data["n"] = strconv.Itoa(n + 1)
				c.Say("counter: arrived")
				return nil
			},
			Ask: func(c *conv.Chat) (conv.Prompt, error) {
				return conv.Prompt{Text: "counter: " + c.Data["n"], Free: true,
					Choices: [][]conv.Choice{{{Label: "again", Value: "again"}}}}, nil
			},
			Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
				if in.Choice == "again" {
					return conv.Goto("show"), nil
				}
				return conv.Again("counter: typed " + in.Text), nil
			},
		},
	}}
}

func counterEngine(t *testing.T, w *testworld.World, flows ...*conv.Flow) (*conv.Engine, error) {
	t.Helper()
	svc := w.Services
	s, err := conv.New(w.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings, Accounts: svc.Accounts,
		Catalog: svc.Catalog}, w.Clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	return s.Engine(flows...)
}

// TestAFlowClaimsACommand: /count begins the flow that claims it, from
// anywhere; /help lists it; Enter runs on arriving at a step and not
// when its question is asked again after bad input (text, a photo);
// the engine's own commands and a command claimed twice are refused.
func TestAFlowClaimsACommand(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		e, err := counterEngine(t, w, counter())
		if err != nil {
			t.Fatal(err)
		}
		c := bottest.Direct(t, w, e, 3100, "en")
		c.Cmd("/start")
		out := c.Cmd("/count")
		if len(out) != 2 || out[0].Text != "counter: arrived" || out[1].Text != "counter: 1" {
			t.Fatalf("/count answered %+v, want the arrival and the count 1", out)
		}
		out = c.Text("hello") // bad input: asked again, Enter not run
		if got := out[len(out)-1].Text; got != "counter: 1" {
			t.Errorf("after a text the question is %q, want the count unchanged", got)
		}
		out = c.Photo() // a free question names typing, not the buttons
		if out[0].Text != "Please type your answer." || out[1].Text != "counter: 1" {
			t.Errorf("a photo got %q, %q", out[0].Text, out[1].Text)
		}
		if out = c.PressAt(0, 0); out[len(out)-1].Text != "counter: 2" {
			t.Errorf("arriving again counted %q, want 2", out[len(out)-1].Text)
		}
		if out = c.Cmd("/help"); !strings.Contains(out[0].Text, "\n/count — ") {
			t.Errorf("/help does not list /count: %q", out[0].Text)
		}
		for _, bad := range []*conv.Flow{
			{Name: "x", Start: "show", Command: "start", Steps: counter().Steps},
			{Name: "y", Start: "show", Command: "count", Steps: counter().Steps},
		} {
			if _, err := counterEngine(t, w, counter(), bad); err == nil {
				t.Errorf("flow %s claiming /%s was accepted", bad.Name, bad.Command)
			}
		}
	})
}
