package parentbot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/public"
)

// itemsStep offers what the campaign gives, one button per item, each
// named with its own rule ("ages 6–10"); a press chooses an item or
// takes it back, "Done" goes on once one is chosen.
func (b *bot) itemsStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			cam, err := b.campaign(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			have := chosen(c)
			var rows [][]conv.Choice
			for _, it := range cam.Items {
				label := it.Names.In(string(c.L.Locale()))
				if r := cam.Rules.DescribeItem(c.L, it.ID); r != "" {
					label += " (" + r + ")"
				}
				if slices.Contains(have, it.ID) {
					label = "✓ " + label
				}
				rows = append(rows, []conv.Choice{{Label: label, Value: "i:" + strconv.FormatInt(it.ID, 10)}})
			}
			rows = append(rows, []conv.Choice{{Label: c.T("bot.parent.items_done"), Value: "done"}})
			return conv.Prompt{Text: c.T("bot.parent.ask.items"), Choices: rows}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			if v, ok := strings.CutPrefix(in.Choice, "i:"); ok {
				id, _ := strconv.ParseInt(v, 10, 64) // offered: one of the campaign's
				have := chosen(c)
				if i := slices.Index(have, id); i >= 0 {
					have = slices.Delete(have, i, i+1)
					delete(c.Data, public.SizeField(id))
				} else {
					have = append(have, id)
				}
				var ids []string
				for _, x := range have {
					ids = append(ids, strconv.FormatInt(x, 10))
				}
				c.Data[keyItems] = strings.Join(ids, ",")
				return conv.Goto("items"), nil
			}
			return b.answered(c, "items", func() {})
		},
	}
}

// sizesStep asks the size of each item chosen that comes in sizes, one
// after the other, as the form's size field says it.
func (b *bot) sizesStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			cam, err := b.campaign(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			it, ok := unsized(c, cam)
			if !ok {
				return conv.Prompt{Text: c.T("bot.parent.ask.items"), Free: true}, nil
			}
			return conv.Prompt{Text: it.Names.In(string(c.L.Locale())) + ": " + c.T("public.size."+it.Sizing), Free: true}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			cam, err := b.campaign(c)
			if err != nil {
				return conv.Next{}, err
			}
			it, ok := unsized(c, cam)
			if !ok {
				return b.next(c, "sizes")
			}
			key := public.SizeField(it.ID)
			undo := restore(c, key)
			c.Data[key] = in.Text
			msgs, closed, err := b.refusals(c, func(field string) bool { return field == key })
			if next, done := refused(c, msgs, closed, err, undo); done {
				return next, err
			}
			if _, more := unsized(c, cam); more {
				return conv.Goto("sizes"), nil
			}
			return b.next(c, "sizes")
		},
	}
}
