package bottest

import (
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/bot"
)

// Text sends a typed message; a long one is shown by its length.
func (c *DirectChat) Text(s string) []bot.Message {
	shown := s
	if n := len([]rune(s)); n > 80 {
		shown = fmt.Sprintf("(a text of %d characters)", n)
	}
	return c.Send(bot.Update{Kind: bot.KindText, Text: s}, shown)
}

// Cmd sends a command line ("/start KEY"); a long one is shown by the
// length of its payload.
func (c *DirectChat) Cmd(line string) []bot.Message {
	name, args, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	shown := line
	if len(line) > 80 {
		shown = fmt.Sprintf("/%s (a payload of %d characters)", name, len(args))
	}
	return c.Send(bot.Update{Kind: bot.KindCommand, Text: line, Command: name, Args: strings.TrimSpace(args)}, shown)
}

// Press presses the button of the latest keyboard labelled label, else
// the first whose label starts with it.
func (c *DirectChat) Press(label string) []bot.Message {
	c.t.Helper()
	return c.PressOn(c.Keyboard(), label)
}

// PressOn presses a button of keyboard kb, an earlier one perhaps: the
// one labelled label, else the first whose label starts with it. Buttons
// that open a link are passed over.
func (c *DirectChat) PressOn(kb [][]bot.Button, label string) []bot.Message {
	c.t.Helper()
	for _, exact := range []bool{true, false} {
		for _, row := range kb {
			for _, b := range row {
				if (b.Text == label || !exact && strings.HasPrefix(b.Text, label)) && b.URL == "" {
					return c.press(b)
				}
			}
		}
	}
	c.t.Fatalf("chat %d: no button %q on %v\n%s", c.ID, label, kb, c.log.String())
	return nil
}

// PressValue presses the button of the latest keyboard whose data ends
// in ":" and value.
func (c *DirectChat) PressValue(value string) []bot.Message {
	c.t.Helper()
	for _, row := range c.Keyboard() {
		for _, b := range row {
			if strings.HasSuffix(b.Data, ":"+value) {
				return c.press(b)
			}
		}
	}
	c.t.Fatalf("chat %d: no button of value %q on %+v", c.ID, value, c.Keyboard())
	return nil
}

// PressAt presses the button at row, col of the latest keyboard.
func (c *DirectChat) PressAt(row, col int) []bot.Message {
	c.t.Helper()
	return c.PressIn(len(c.keys)-1, row, col)
}

// PressIn presses a button of the n-th keyboard received (from 0): an
// old one, to try a stale button.
func (c *DirectChat) PressIn(n, row, col int) []bot.Message {
	c.t.Helper()
	if n < 0 || n >= len(c.keys) || row >= len(c.keys[n]) || col >= len(c.keys[n][row]) {
		c.t.Fatalf("chat %d: no button %d,%d on keyboard %d", c.ID, row, col, n)
	}
	return c.press(c.keys[n][row][col])
}

func (c *DirectChat) press(b bot.Button) []bot.Message {
	c.t.Helper()
	return c.Send(bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: fmt.Sprint("cb", c.update+1), Data: b.Data}},
		"(presses "+b.Text+")")
}

// Forge presses a button of value no keyboard showed, at the version of
// the latest keyboard.
func (c *DirectChat) Forge(value string) []bot.Message {
	c.t.Helper()
	kb := c.Keyboard()
	if len(kb) == 0 {
		c.t.Fatalf("chat %d: no keyboard to forge a button %q on", c.ID, value)
	}
	version, _, _ := strings.Cut(kb[0][0].Data, ":")
	return c.Send(bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: "forged", Data: version + ":" + value}},
		"(a forged button "+value+")")
}

// Contact shares a contact: the user's own when owner is the chat's ID.
func (c *DirectChat) Contact(phone string, owner int64) []bot.Message {
	return c.Send(bot.Update{Kind: bot.KindContact, Phone: phone, ContactUserID: owner},
		fmt.Sprintf("(shares the contact of user %d)", owner))
}

// Photo sends a photo.
func (c *DirectChat) Photo() []bot.Message {
	return c.Send(bot.Update{Kind: bot.KindOther}, "(a photo)")
}
