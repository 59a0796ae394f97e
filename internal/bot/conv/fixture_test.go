package conv_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// probe is a flow of the tests alone: a typed name, a choice, the phone
// through the contact button; it starts from region links too.
func probe() *conv.Flow {
	return &conv.Flow{Name: "probe", Start: "name", Menu: "probe.menu", Kinds: []deeplink.Kind{deeplink.Region},
		Steps: map[string]conv.Step{
			"name": {
				Ask: func(c *conv.Chat) (conv.Prompt, error) {
					return conv.Prompt{Text: "probe: your name?", Free: true}, nil
				},
				Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
					if len([]rune(in.Text)) < 2 {
						return conv.Again("probe: at least two letters"), nil
					}
					c.Data["name"] = in.Text
					return conv.Goto("colour"), nil
				},
			},
			"colour": {
				Ask: func(c *conv.Chat) (conv.Prompt, error) {
					return conv.Prompt{Text: "probe: " + c.Data["name"] + ", a colour?",
						Choices: [][]conv.Choice{{{Label: "red", Value: "r"}, {Label: "blue", Value: "b"}}}}, nil
				},
				Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
					c.Data["colour"] = in.Choice
					return conv.Goto("phone"), nil
				},
			},
			"phone": {
				Ask: func(c *conv.Chat) (conv.Prompt, error) {
					return conv.Prompt{Text: "probe: your phone?", Contact: "probe: share"}, nil
				},
				Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
					l, ok, err := c.Link()
					if err != nil {
						return conv.Next{}, err
					}
					from := "no link"
					if ok {
						from = string(l.Kind) + " " + l.Target
					}
					c.Say(fmt.Sprintf("probe: %s, %s, %s, from %s", c.Data["name"], c.Data["colour"], in.Phone, from))
					return conv.Done(), nil
				},
			},
		}}
}

// engine is a new engine over w's database with the probe flow, on a
// service of its own: nothing of an earlier engine is kept in memory.
func engine(t *testing.T, w *testworld.World) *conv.Engine {
	t.Helper()
	svc := w.Services
	s, err := conv.New(w.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings, Accounts: svc.Accounts,
		Catalog: svc.Catalog}, w.Clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Engine(probe())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func coord(w *testworld.World) access.Principal { return w.Principal(access.Coordinator) }

// fakePress is a press of a button with data no question offered.
func fakePress(data string) bot.Update {
	return bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: "forged", Data: data}}
}
