package bottest

import (
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

// Cmd sends a command line ("/start KEY").
func (c *Chat) Cmd(line string) []fakeapi.Call {
	shown := line
	if len(line) > 80 {
		shown = fmt.Sprintf("(a command of %d characters)", len(line))
	}
	return c.Do(fakeapi.Command(c.ID, line), shown)
}

// Text sends a typed message.
func (c *Chat) Text(s string) []fakeapi.Call {
	shown := s
	if n := len([]rune(s)); n > 80 {
		shown = fmt.Sprintf("(a text of %d characters)", n)
	}
	return c.Do(fakeapi.Text(c.ID, s), shown)
}

// Press presses the button labelled label on the latest keyboard.
func (c *Chat) Press(label string) []fakeapi.Call {
	c.t.Helper()
	if len(c.keys) == 0 {
		c.t.Fatalf("chat %d: no keyboard to press %q on", c.ID, label)
	}
	last := c.keys[len(c.keys)-1]
	for r, row := range last {
		for col, b := range row {
			if b.Text == label {
				return c.PressIn(len(c.keys)-1, r, col)
			}
		}
	}
	var labels []string
	for _, row := range last {
		for _, b := range row {
			labels = append(labels, b.Text)
		}
	}
	c.t.Fatalf("chat %d: no button %q on the latest keyboard %q", c.ID, label, strings.Join(labels, " | "))
	return nil
}

// PressAt presses the button at row, col of the latest keyboard.
func (c *Chat) PressAt(row, col int) []fakeapi.Call { return c.PressIn(len(c.keys)-1, row, col) }

// PressIn presses a button of the n-th keyboard received (from 0): an
// old one, to try a stale button.
func (c *Chat) PressIn(n, row, col int) []fakeapi.Call {
	c.t.Helper()
	if n < 0 || n >= len(c.keys) || row >= len(c.keys[n]) || col >= len(c.keys[n][row]) {
		c.t.Fatalf("chat %d: no button %d,%d on keyboard %d", c.ID, row, col, n)
	}
	b := c.keys[n][row][col]
	return c.Do(fakeapi.Callback(c.ID, n+1, b.CallbackData), "(presses "+b.Text+")")
}

// Forged presses a button with data no question offered.
func (c *Chat) Forged(data string) []fakeapi.Call {
	return c.Do(fakeapi.Callback(c.ID, 1, data), "(a forged button "+data+")")
}

// Contact shares a contact: the user's own when owner is the chat's ID.
func (c *Chat) Contact(phone string, owner int64) []fakeapi.Call {
	return c.Do(fakeapi.Contact(c.ID, phone, owner), fmt.Sprintf("(shares the contact of user %d)", owner))
}

// Photo sends a photo.
func (c *Chat) Photo() []fakeapi.Call { return c.Do(fakeapi.Photo(c.ID), "(a photo)") }
