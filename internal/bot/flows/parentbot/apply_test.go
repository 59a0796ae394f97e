package parentbot_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// child is who each language's parent applies for.
// The last name is first mistyped, then corrected from the summary.
var children = map[string]struct{ typo, last, first, guardian string }{
	"kk": {"Сәрсенва", "Сәрсенова", "Айгерім", "Динара"},
	"ru": {"Иваова", "Иванова", "Алина", "Мария"},
	"fa": {"احدی", "احمدی", "سارا", "مریم"},
}

// TestApplyAndStatus is a whole application in Kazakh, Russian and
// Persian: from the main menu, the campaign, every question with bad
// input on the way (a typed text where a button is asked, a photo where
// a date is, a wrong ID number, a typed phone, a text of 4,096
// characters, no item, a wrong size), a restart in the middle, a
// correction from the summary, the reference number, then /status.
func TestApplyAndStatus(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		world := t // the rig runs as long as the world's test: a restart is its
		birth := testworld.Day(2017, 3, 4)
		for i, lang := range []string{"kk", "ru", "fa"} {
			t.Run(lang, func(t *testing.T) {
				ch := children[lang]
				id := int64(7100 + i)
				c := f.r.Chat(t, id, lang)
				c.Cmd("/start")
				c.PressAt(0, 0)  // Apply for help
				c.PressAt(0, 0)  // the campaign
				c.PressAt(0, 0)  // apply
				c.Text("Almaty") // typed where a region's button is asked
				c.PressAt(0, 0)  // Almaty
				c.Text(ch.typo)
				c.Text(ch.first)
				c.PressAt(0, 0) // no patronymic
				c.Photo()       // a photo where the date of birth is asked
				c.Text("31.02.2017")
				c.Text("04.03.2017")
				c.PressAt(0, 0)                                 // female
				c.Text("123456789012")                          // not an IIN
				c.Text(iin(t, testworld.Day(2016, 3, 4), 40+i)) // a valid IIN of another birth date
				f.r.Restart(world)
				c.Text(iin(t, birth, 40+i))
				c.Text(ch.last)
				c.Text(ch.guardian)
				c.PressAt(0, 0)        // mother
				c.Text("+77015551234") // typed: only the contact button gives the phone
				c.Contact("+7701555123"+string(rune('0'+i)), id)
				c.Text(strings.Repeat("ж", 4096))
				c.Text("2,5")
				c.PressAt(3, 0) // Done, nothing chosen
				c.PressAt(0, 0) // the kit
				c.PressAt(1, 0) // the uniform
				c.PressAt(3, 0) // Done
				c.Text("XXXL")
				c.Text("128")
				c.PressAt(0, 0) // I agree
				c.PressAt(1, 0) // correct
				c.PressAt(0, 1) // the last name
				c.Text(ch.last)
				c.PressAt(0, 0) // send
				refs := f.references(t, id)
				if len(refs) != 1 {
					t.Fatalf("chat %d follows %d requests, want the one it applied for", id, len(refs))
				}
				w.Services.Eligibility.Settle()
				c.Cmd("/status")
				c.Text("older?") // typed where the buttons answer
				golden.Bytes(t, "apply_"+lang, []byte(masked(c, refs[0], "<reference>")))
			})
		}
	})
}
