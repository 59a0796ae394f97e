package staffbot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/i18n"
)

// centre is who confirms a receipt: an institution's own staff who may
// confirm deliveries, as the web's confirmation requires.
func centre(p access.Principal) bool {
	return p.OrgID != 0 && access.Allowed(p, access.ConfirmDeliveries)
}

// receipts is the deliveries to the staff member's institution waiting
// for its receipt: one chosen, each line's count is typed (a number from
// 0 to what was dispatched), a shortfall's reason chosen (other needs a
// note), a note on the whole given or skipped, and the receipt confirmed
// through deliveries' Confirm, as the delivery's web page confirms it.
func (b *staff) receipts() *conv.Flow {
	return &conv.Flow{Name: receiptsFlow, Start: "list", Menu: "bot.staff.menu.receipts", Offer: b.offer(centre),
		Steps: b.guard(centre, map[string]step{
			"list": {Ask: b.awaitingAsk, Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
				d, err := b.s.Deliveries.Get(c.Ctx, p, valueID("d", in.Choice))
				if err != nil {
					return refused(c, err, "list")
				}
				for k := range c.Data {
					delete(c.Data, k)
				}
				c.Data["d"], c.Data["v"] = strconv.FormatInt(d.ID, 10), strconv.Itoa(d.Version)
				return conv.Goto("show"), nil
			}},
			"show": {Ask: b.deliveryAsk, Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
				c.Data["i"] = "0"
				return conv.Goto("count"), nil
			}},
			"count":   {Ask: b.countAsk, Answer: b.countAnswer},
			"reason":  {Ask: b.reasonsAsk, Answer: b.reasonsAnswer},
			"why":     {Ask: b.whyAsk, Answer: b.whyAnswer},
			"note":    {Ask: b.noteAsk, Answer: b.noteAnswer},
			"confirm": {Ask: b.summaryAsk, Answer: b.confirmAnswer},
		})}
}

// awaiting are the deliveries to p's institution dispatched or
// delivered and not yet confirmed, from the board p sees on the web.
func (b *staff) awaiting(c *conv.Chat, p access.Principal) ([]deliveries.Delivery, error) {
	day, err := b.today(c)
	if err != nil {
		return nil, err
	}
	ds, _, err := b.s.Deliveries.Board(c.Ctx, p, deliveries.BoardFilter{Today: day}, deliveries.Page{Limit: 50})
	return slices.DeleteFunc(ds, func(d deliveries.Delivery) bool {
		return d.OrgID != p.OrgID || d.Status != deliveries.Dispatched && d.Status != deliveries.Delivered
	}), err
}

func (b *staff) awaitingAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	ds, err := b.awaiting(c, p)
	if err != nil {
		return conv.Prompt{}, err
	}
	if len(ds) == 0 {
		return conv.Prompt{Text: c.T("bot.staff.receipts.none"), Choices: menuOnly(c)}, nil
	}
	var rows [][]conv.Choice
	for _, d := range ds {
		rows = append(rows, []conv.Choice{{Label: c.T("bot.staff.receipts.item", "Warehouse", d.WarehouseName,
			"Units", c.L.Number(d.Dispatched), "Date", i18n.Day(d.DispatchedAt)), Value: idValue("d", d.ID)}})
	}
	return conv.Prompt{Text: c.T("bot.staff.receipts.choose"), Choices: append(rows, back(c))}, nil
}

// receipt is the delivery chosen, with its lines that were dispatched
// and their items' names in the chat's language.
type receipt struct {
	d     deliveries.Delivery
	lines []deliveries.Line
	names map[int64]string
}

// receipt reads the delivery chosen afresh within p's scope; ok is false
// once it no longer waits for p's institution's receipt at the version
// the count began at.
func (b *staff) receipt(c *conv.Chat, p access.Principal) (receipt, bool, error) {
	d, err := b.s.Deliveries.Get(c.Ctx, p, dataID(c, "d"))
	if err != nil {
		_, _, ok := refusal(c, err)
		if ok {
			err = nil
		}
		return receipt{}, false, err
	}
	r := receipt{d: d, names: map[int64]string{}}
	for _, l := range d.Lines {
		if l.Dispatched > 0 {
			r.lines = append(r.lines, l)
		}
	}
	items, err := b.s.Campaigns.Items(c.Ctx, p, true)
	if err != nil {
		return r, false, err
	}
	for _, it := range items {
		r.names[it.ID] = it.Name(string(c.L.Locale()))
	}
	open := d.Status == deliveries.Dispatched || d.Status == deliveries.Delivered
	return r, open && d.OrgID == p.OrgID && strconv.Itoa(d.Version) == c.Data["v"], nil
}

// name is line l's item in the chat's language, with its size.
func (r receipt) name(l deliveries.Line) string {
	n, ok := r.names[l.ItemID]
	if !ok {
		n = "#" + strconv.FormatInt(l.ItemID, 10)
	}
	if l.Size != "" {
		n += " " + l.Size
	}
	return n
}

// gone is the prompt of a delivery no longer waiting for this receipt.
func gone(c *conv.Chat) conv.Prompt {
	return conv.Prompt{Text: c.T("bot.staff.receipts.gone"), Choices: menuOnly(c)}
}

func (b *staff) deliveryAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	r, ok, err := b.receipt(c, p)
	if err != nil || !ok {
		return gone(c), err
	}
	lines := []string{c.T("bot.staff.receipts.delivery", "Warehouse", r.d.WarehouseName, "Date", i18n.Day(r.d.DispatchedAt))}
	for _, l := range r.lines {
		lines = append(lines, c.T("bot.staff.receipts.line", "N", l.Line, "Item", r.name(l), "Sent", c.L.Number(l.Dispatched)))
	}
	return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: [][]conv.Choice{
		{{Label: c.T("bot.staff.receipts.count"), Value: "count"}}, back(c)}}, nil
}

// current is the line the count stands at; ok is false past the last.
func (r receipt) current(c *conv.Chat) (deliveries.Line, bool) {
	i, _ := strconv.Atoi(c.Data["i"])
	if i < 0 || i >= len(r.lines) {
		return deliveries.Line{}, false
	}
	return r.lines[i], true
}

// line is the receipt c works on and the line its count stands at; ok is
// false when the delivery is out of reach or the lines are done.
func (b *staff) line(c *conv.Chat, p access.Principal) (receipt, deliveries.Line, bool, error) {
	r, ok, err := b.receipt(c, p)
	if err != nil || !ok {
		return r, deliveries.Line{}, false, err
	}
	l, ok := r.current(c)
	return r, l, ok, nil
}

func (b *staff) countAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	r, l, ok, err := b.line(c, p)
	if err != nil || !ok {
		return gone(c), err
	}
	return conv.Prompt{Text: c.T("bot.staff.receipts.how_many", "N", l.Line, "Item", r.name(l), "Sent", c.L.Number(l.Dispatched)),
		Free: true, Choices: menuOnly(c)}, nil
}

// countAnswer keeps a line's count, refusing what the domain refuses
// with its words: not a number, below 0, more than was dispatched.
func (b *staff) countAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	r, l, ok, err := b.line(c, p)
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	n, ok := whole(in.Text)
	switch {
	case !ok:
		return conv.Again(c.T("error.not_a_number")), nil
	case n < 0:
		return conv.Again(c.T("error.delivery_quantity_range", "Max", c.L.Number(l.Dispatched))), nil
	case n > l.Dispatched:
		return conv.Again(c.T("error.delivery_received_more", "Sent", c.L.Number(l.Dispatched))), nil
	}
	k := strconv.Itoa(l.Line)
	c.Data["q"+k] = strconv.FormatInt(n, 10)
	delete(c.Data, "r"+k)
	delete(c.Data, "n"+k)
	if n < l.Dispatched {
		return conv.Goto("reason"), nil
	}
	return nextLine(c, r), nil
}

// nextLine moves the count to the following line, or to the note after
// the last.
func nextLine(c *conv.Chat, r receipt) conv.Next {
	i, _ := strconv.Atoi(c.Data["i"])
	if i+1 < len(r.lines) {
		c.Data["i"] = strconv.Itoa(i + 1)
		return conv.Goto("count")
	}
	return conv.Goto("note")
}
