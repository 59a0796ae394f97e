package conv

import (
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// menuFlow is the main menu, where a chat stands between flows: a button
// for each flow that has one and offers itself to the chat, and the
// choice of language.
func (e *Engine) menuFlow() *Flow {
	return &Flow{Name: menuFlow, Start: "main", Steps: map[string]Step{
		"main": {
			Ask: func(c *Chat) (Prompt, error) {
				var rows [][]Choice
				for _, f := range e.menu {
					if f.Offer != nil {
						ok, err := f.Offer(c)
						if err != nil {
							return Prompt{}, fmt.Errorf("offer %s: %w", f.Name, err)
						} else if !ok {
							continue
						}
					}
					rows = append(rows, []Choice{{Label: c.T(f.Menu), Value: "f:" + f.Name}})
				}
				rows = append(rows, []Choice{{Label: c.T("bot.menu.language"), Value: "f:" + languageFlow}})
				return Prompt{Text: c.T("bot.menu"), Choices: rows}, nil
			},
			Answer: func(c *Chat, in Input) (Next, error) {
				return Switch(strings.TrimPrefix(in.Choice, "f:")), nil
			},
		},
	}}
}

// languageFlow offers the five languages, each named in its own script,
// and switches the chat to the one chosen.
func (e *Engine) languageFlow() *Flow {
	return &Flow{Name: languageFlow, Start: "choose", Steps: map[string]Step{
		"choose": {
			Ask: func(c *Chat) (Prompt, error) {
				var rows [][]Choice
				for i, l := range i18n.All() {
					ch := Choice{Label: l.NativeName(), Value: string(l)}
					if i%2 == 0 {
						rows = append(rows, []Choice{ch})
					} else {
						rows[len(rows)-1] = append(rows[len(rows)-1], ch)
					}
				}
				return Prompt{Text: c.T("bot.language.choose"), Choices: rows}, nil
			},
			Answer: func(c *Chat, in Input) (Next, error) {
				l, _ := i18n.Parse(in.Choice) // offered above: always one of the five
				c.SetLocale(l)
				c.Say(c.T("bot.language.set"))
				return Done(), nil
			},
		},
	}}
}
