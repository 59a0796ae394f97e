package staffbot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/deliveries"
)

func (b *staff) reasonsAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	_, l, ok, err := b.line(c, p)
	if err != nil || !ok {
		return gone(c), err
	}
	q, _ := strconv.ParseInt(c.Data["q"+strconv.Itoa(l.Line)], 10, 64)
	var rows [][]conv.Choice
	for _, why := range deliveries.Reasons() {
		rows = append(rows, []conv.Choice{{Label: c.T("delivery.reason." + string(why)), Value: string(why)}})
	}
	return conv.Prompt{Text: c.T("error.delivery_reason_required", "Short", c.L.Number(l.Dispatched-q)),
		Choices: append(rows, back(c))}, nil
}

func (b *staff) reasonsAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	r, l, ok, err := b.line(c, p)
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	c.Data["r"+strconv.Itoa(l.Line)] = in.Choice
	if deliveries.Reason(in.Choice) == deliveries.Other {
		return conv.Goto("why"), nil
	}
	return nextLine(c, r), nil
}

func (b *staff) whyAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	return conv.Prompt{Text: c.T("bot.staff.receipts.why"), Free: true, Choices: menuOnly(c)}, nil
}

func (b *staff) whyAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	r, l, ok, err := b.line(c, p)
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	c.Data["n"+strconv.Itoa(l.Line)] = in.Text
	return nextLine(c, r), nil
}

func (b *staff) noteAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	return conv.Prompt{Text: c.T("bot.staff.receipts.note"), Free: true, Choices: [][]conv.Choice{
		{{Label: c.T("bot.staff.no_note"), Value: "none"}}, back(c)}}, nil
}

func (b *staff) noteAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	c.Data["note"] = in.Text // "" for the button
	return conv.Goto("confirm"), nil
}

// input is the confirmation the answers kept make.
func (r receipt) input(c *conv.Chat) deliveries.ConfirmInput {
	in := deliveries.ConfirmInput{ID: r.d.ID, Version: r.d.Version, Note: c.Data["note"], Lines: []deliveries.Receipt{}}
	for _, l := range r.lines {
		k := strconv.Itoa(l.Line)
		q, _ := strconv.ParseInt(c.Data["q"+k], 10, 64)
		in.Lines = append(in.Lines, deliveries.Receipt{Line: l.Line, Quantity: q,
			Reason: deliveries.Reason(c.Data["r"+k]), Note: c.Data["n"+k]})
	}
	return in
}

func (b *staff) summaryAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	r, ok, err := b.receipt(c, p)
	if err != nil || !ok {
		return gone(c), err
	}
	in := r.input(c)
	lines := []string{c.T("bot.staff.receipts.summary")}
	for i, l := range r.lines {
		x := in.Lines[i]
		s := c.T("bot.staff.receipts.counted", "N", l.Line, "Item", r.name(l), "Got", c.L.Number(x.Quantity),
			"Sent", c.L.Number(l.Dispatched))
		if x.Reason != "" {
			s += " — " + c.T("delivery.reason."+string(x.Reason))
		}
		if x.Note != "" {
			s += ": " + x.Note
		}
		lines = append(lines, s)
	}
	if in.Note != "" {
		lines = append(lines, c.T("field.note")+": "+in.Note)
	}
	return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: [][]conv.Choice{
		{{Label: c.T("bot.staff.receipts.confirm"), Value: "confirm"}},
		{{Label: c.T("bot.staff.receipts.again"), Value: "again"}}, back(c)}}, nil
}

// confirmAnswer confirms the receipt through the domain, which checks
// it all again; a refusal of a line's count starts the count again.
func (b *staff) confirmAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	r, ok, err := b.receipt(c, p)
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	if in.Choice == "again" {
		c.Data["i"] = "0"
		return conv.Goto("count"), nil
	}
	if _, err := b.s.Deliveries.Confirm(c.Ctx, p, r.input(c)); err != nil {
		msg, fields, ok := refusal(c, err)
		if !ok {
			return conv.Next{}, err
		}
		c.Say(msg)
		if slices.ContainsFunc(fields, func(f string) bool { return strings.HasPrefix(f, "lines.") }) {
			c.Data["i"] = "0"
			return conv.Goto("count"), nil
		}
		return conv.Goto("list"), nil
	}
	c.Say(c.T("delivery.confirmed"))
	return conv.Done(), nil
}
