package parentbot

import (
	"slices"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
)

// order is the form's questions in the order the bot asks them: the
// region first, as the ID number's rule depends on it. A step that does
// not apply (the grade when the rules do not bound it, the sizes of items
// without sizes, the child's assent under 14) is passed over.
var order = []string{"region", "last_name", "first_name", "patronymic", "birth_date", "sex", "national_id", "grade",
	"guardian_last_name", "guardian_first_name", "relation", "phone", "distance", "items", "sizes", "consent",
	"assent", "summary"}

// next is the question after step: the next one that applies, or the
// summary when a correction is being made (after the sizes of the items
// chosen anew).
func (b *bot) next(c *conv.Chat, step string) (conv.Next, error) {
	cam, err := b.campaign(c)
	if err != nil {
		return conv.Next{}, err
	}
	i := slices.Index(order, step)
	for _, st := range order[i+1:] {
		if c.Data[keyEdit] == "1" && st != "sizes" {
			return conv.Goto("summary"), nil
		}
		if b.applies(c, cam, st) {
			return conv.Goto(st), nil
		}
	}
	return conv.Goto("summary"), nil
}

// applies reports whether step is asked of this application.
func (b *bot) applies(c *conv.Chat, cam public.Campaign, step string) bool {
	switch step {
	case "grade":
		return cam.Rules.AsksGrade()
	case "sizes":
		_, ok := unsized(c, cam)
		return ok
	case "assent":
		age := childAge(c, b.s.Public.Now().UTC())
		return age >= people.AssentAge && age < people.Adult
	}
	return true
}

// childAge is the child's age on day today in whole years, -1 unknown.
func childAge(c *conv.Chat, today time.Time) int {
	birth, err := time.Parse(time.DateOnly, c.Data["birth_date"])
	if err != nil {
		return -1
	}
	y := today.Year() - birth.Year()
	if today.Month() < birth.Month() || today.Month() == birth.Month() && today.Day() < birth.Day() {
		y--
	}
	return y
}

// unsized is the first item chosen that comes in sizes and has none yet.
func unsized(c *conv.Chat, cam public.Campaign) (public.Item, bool) {
	for _, id := range chosen(c) {
		for _, it := range cam.Items {
			if it.ID == id && it.Sizing != "none" && c.Data[public.SizeField(id)] == "" {
				return it, true
			}
		}
	}
	return public.Item{}, false
}
