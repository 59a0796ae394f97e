package conv

import (
	"strings"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/bot"
)

// MaxInput is the longest answer a step is given, in characters; a
// longer text (Telegram allows 4,096) is refused with a notice.
const MaxInput = 1000

// MaxText is the longest message Telegram sends, in characters; a longer
// text of Jol's is cut there.
const MaxText = 4096

// press answers a button. A button of an earlier question (another
// version), or one whose value the question does not offer (forged
// data), gets a short notice on the button and changes nothing.
func (e *Engine) press(c *Chat, cb bot.Callback) error {
	version, value, ok := parseData(cb.Data)
	if ok && version == c.conv.version {
		p, err := e.step(c).Ask(c)
		if err != nil {
			return err
		}
		ok = offers(p, value)
	} else {
		ok = false
	}
	if !ok {
		c.out = append(c.out, bot.Message{ChatID: c.ID, AnswerCallback: cb.ID, Text: c.T("bot.stale")})
		return nil
	}
	c.out = append(c.out, bot.Message{ChatID: c.ID, AnswerCallback: cb.ID})
	return e.answer(c, Input{Choice: value})
}

// offers reports whether p has a button with value.
func offers(p Prompt, value string) bool {
	for _, row := range p.Choices {
		for _, ch := range row {
			if ch.URL == "" && ch.Value == value {
				return true
			}
		}
	}
	return false
}

// text answers a step that takes typed text; any other step asks its
// question again.
func (e *Engine) text(c *Chat, text string) error {
	p, err := e.step(c).Ask(c)
	if err != nil {
		return err
	}
	switch {
	case p.Contact != "":
		c.Say(c.T("bot.use_contact_button"))
		return e.ask(c, false)
	case !p.Free:
		return e.ask(c, false)
	}
	text = strings.TrimSpace(text)
	if n := utf8.RuneCountInString(text); n > MaxInput {
		c.Say(c.T("bot.too_long", "Max", MaxInput))
		return e.ask(c, false)
	}
	if text == "" {
		return e.ask(c, false)
	}
	return e.answer(c, Input{Text: text})
}

// contact answers a step that asks for the phone number with the
// number, when it is the sender's own; the keyboard that shared it is
// taken away. Someone else's contact, or a contact nobody asked for, is
// never kept.
func (e *Engine) contact(c *Chat, u bot.Update) error {
	p, err := e.step(c).Ask(c)
	if err != nil {
		return err
	}
	switch {
	case p.Contact == "":
		c.Say(c.T("bot.use_buttons"))
		return e.ask(c, false)
	case u.ContactUserID != u.UserID || u.UserID == 0 || strings.TrimSpace(u.Phone) == "":
		c.Say(c.T("bot.own_contact_only"))
		return e.ask(c, false)
	}
	c.out = append(c.out, bot.Message{ChatID: c.ID, Text: c.T("bot.contact_received"), RemoveKeyboard: true})
	return e.answer(c, Input{Phone: strings.TrimSpace(u.Phone)})
}

// clip cuts text to MaxText characters.
func clip(text string) string {
	if utf8.RuneCountInString(text) <= MaxText {
		return text
	}
	r := []rune(text)
	return string(r[:MaxText-1]) + "…"
}

// other answers a photo, a sticker or a file, which no step takes: the
// step's own way of answering is named, then its question is asked
// again.
func (e *Engine) other(c *Chat) error {
	p, err := e.step(c).Ask(c)
	if err != nil {
		return err
	}
	switch {
	case p.Contact != "":
		c.Say(c.T("bot.use_contact_button"))
	case p.Free:
		c.Say(c.T("bot.type_answer"))
	default:
		c.Say(c.T("bot.use_buttons"))
	}
	return e.ask(c, false)
}
