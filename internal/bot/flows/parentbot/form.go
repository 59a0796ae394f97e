package parentbot

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
)

// The conversation's data: the form's field names hold the answers (a
// date as yyyy-mm-dd, the items as their IDs joined by commas, each size
// under public.SizeField), and these the rest.
const (
	keySlug  = "slug"  // the campaign applied to
	keyPage  = "page"  // the page of the list of campaigns
	keyEdit  = "edit"  // "1" while a correction goes back to the summary
	keyItems = "items" // the items chosen
)

// stepOf is the step that asks the form's field.
func stepOf(field string) string {
	switch {
	case field == "guardian_phone":
		return "phone"
	case field == "distance_km":
		return "distance"
	case field == "child_assent":
		return "assent"
	case strings.HasPrefix(field, "size_"):
		return "sizes"
	case strings.HasPrefix(field, "item_"):
		return "items"
	}
	return field
}

// application is the answers so far as the form's application.
func application(c *conv.Chat) public.Application {
	d := c.Data
	a := public.Application{LastName: d["last_name"], FirstName: d["first_name"], Patronymic: d["patronymic"],
		Sex: people.Sex(d["sex"]), NationalID: d["national_id"], GuardianLastName: d["guardian_last_name"],
		GuardianFirstName: d["guardian_first_name"], GuardianPhone: d["guardian_phone"],
		Relation: public.Relation(d["relation"]), RegionCode: d["region"], Grade: d["grade"], Distance: d["distance_km"],
		Consent: d["consent"] == "1", ChildAssent: d["child_assent"] == "1", Locale: string(c.L.Locale())}
	a.BirthDate, _ = time.Parse(time.DateOnly, d["birth_date"])
	for _, id := range chosen(c) {
		a.Items = append(a.Items, public.Choice{ItemID: id, Size: d[public.SizeField(id)]})
	}
	return a
}

// chosen are the IDs of the items chosen, in the order chosen.
func chosen(c *conv.Chat) []int64 {
	var ids []int64
	for _, s := range strings.Split(c.Data[keyItems], ",") {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// campaign is the campaign applied to, as families see it.
func (b *bot) campaign(c *conv.Chat) (public.Campaign, error) {
	return b.s.Public.Campaign(c.Ctx, c.Data[keySlug])
}

// check checks the answers so far by the form's rules and returns the
// refusals of step's fields, in the chat's language; closed reports a
// campaign that stopped taking applications meanwhile.
func (b *bot) check(c *conv.Chat, step string) (msgs []string, closed bool, err error) {
	return b.refusals(c, func(field string) bool { return stepOf(field) == step })
}

// refusals checks the answers so far by the form's rules and returns the
// refusals of the fields that match, in the chat's language, as check.
func (b *bot) refusals(c *conv.Chat, match func(field string) bool) (msgs []string, closed bool, err error) {
	_, err = b.s.Public.Check(c.Ctx, c.Data[keySlug], application(c))
	switch {
	case err == nil:
		return nil, false, nil
	case errors.Is(err, public.ErrClosed) || errors.Is(err, errs.ErrNotFound):
		return nil, true, nil
	}
	e := errs.As(err)
	if e == nil || e.Code == errs.Internal {
		return nil, false, err
	}
	for _, f := range e.Fields {
		if match(f.Field) {
			msgs = append(msgs, fieldError(c, f))
		}
	}
	return msgs, false, nil
}

// fieldError is f in the chat's language, the field it names translated
// as the form shows it.
func fieldError(c *conv.Chat, f errs.FieldError) string {
	args := slices.Clone(f.Args)
	for i := 0; i+1 < len(args); i += 2 {
		if s, ok := args[i+1].(string); ok && args[i] == "Field" {
			args[i+1] = c.T("field." + s)
		}
	}
	return c.T(f.Key, args...)
}

// answered checks step once its answer is in c.Data: the next question
// when the form's rules accept it, else the refusals and the question
// again, the answer dropped (undo puts back what it replaced). A campaign
// closed meanwhile ends the application.
func (b *bot) answered(c *conv.Chat, step string, undo func()) (conv.Next, error) {
	msgs, closed, err := b.check(c, step)
	if next, done := refused(c, msgs, closed, err, undo); done {
		return next, err
	}
	return b.next(c, step)
}

// refused turns check's outcome into where the conversation goes when it
// cannot go on (done): an error, a campaign closed meanwhile, or the
// refusals said and the question asked again, the answer undone.
func refused(c *conv.Chat, msgs []string, closed bool, err error, undo func()) (next conv.Next, done bool) {
	switch {
	case err != nil:
		return conv.Next{}, true
	case closed:
		c.Say(c.T("public.closed"))
		return conv.Done(), true
	case len(msgs) > 0:
		undo()
		return conv.Again(strings.Join(msgs, "\n")), true
	}
	return conv.Next{}, false
}

// restore puts key's value back as it was (absent when it was absent).
func restore(c *conv.Chat, key string) func() {
	old, had := c.Data[key]
	return func() {
		if had {
			c.Data[key] = old
		} else {
			delete(c.Data, key)
		}
	}
}
