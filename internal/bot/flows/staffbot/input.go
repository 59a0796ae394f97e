package staffbot

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// refusal is what the chat is told of a domain's refusal, in its
// language, and the fields it names (for the step to go back to); ok is
// false for an error that is no refusal, which the update then fails on.
func refusal(c *conv.Chat, err error) (msg string, fields []string, ok bool) {
	e := errs.As(err)
	if e == nil || e.Code == errs.Internal {
		return "", nil, false
	}
	var lines []string
	for _, f := range e.Fields {
		args := append([]any{}, f.Args...)
		for i := 0; i+1 < len(args); i += 2 {
			if s, ok := args[i+1].(string); ok && args[i] == "Field" {
				args[i+1] = c.T("field." + s)
			}
		}
		lines = append(lines, c.T(f.Key, args...))
		fields = append(fields, f.Field)
	}
	if len(lines) == 0 {
		lines = append(lines, c.T(e.Key, e.Args...))
	}
	return strings.Join(lines, "\n"), fields, true
}

// refused says the domain's refusal and goes to step; an error that is
// no refusal fails the update.
func refused(c *conv.Chat, err error, step string) (conv.Next, error) {
	msg, _, ok := refusal(c, err)
	if !ok {
		return conv.Next{}, err
	}
	c.Say(msg)
	return conv.Goto(step), nil
}

// today is the day it is in the installation's time zone
// (settings.Settings.Location, as the web's pages take it and as
// check-in times are shown), as the domains store days: midnight UTC of
// that date. A volunteer's "today" after midnight there is the new day
// even while it is still the day before in UTC.
func (b *staff) today(c *conv.Chat) (time.Time, error) {
	set, err := b.s.Settings.GetIn(c.Ctx, c.Tx)
	if err != nil {
		return time.Time{}, err
	}
	return store.Day(c.Now().In(set.Location())), nil
}

// dayChoices are the buttons of a day: today, yesterday, another typed.
func dayChoices(c *conv.Chat) [][]conv.Choice {
	return [][]conv.Choice{
		{{Label: c.T("bot.staff.today"), Value: "today"}, {Label: c.T("bot.staff.yesterday"), Value: "yesterday"}},
		{{Label: c.T("bot.staff.other_day"), Value: "other"}},
		back(c),
	}
}

// pickDay keeps the day of a dayChoices button in c.Data[key]; typed
// is true for "another day", whose date is then asked typed.
func (b *staff) pickDay(c *conv.Chat, in conv.Input, key string) (typed bool, err error) {
	if in.Choice != "today" && in.Choice != "yesterday" {
		return true, nil
	}
	d, err := b.today(c)
	if err != nil {
		return false, err
	}
	if in.Choice == "yesterday" {
		d = d.AddDate(0, 0, -1)
	}
	c.Data[key] = d.Format(time.DateOnly)
	return false, nil
}

// typedDay reads a typed day into c.Data[key]; msg says what is wrong
// with it, "" when it was kept.
func typedDay(c *conv.Chat, in conv.Input, key string) (msg string) {
	d, err := text.ParseDate(in.Text)
	if err != nil {
		var te *text.Error
		k := text.ErrDateFormat.Key()
		if errors.As(err, &te) {
			k = te.Key()
		}
		return c.T(k)
	}
	c.Data[key] = d.Format(time.DateOnly)
	return ""
}

// dataDay is the day kept in c.Data[key]; zero when none.
func dataDay(c *conv.Chat, key string) time.Time {
	d, _ := time.Parse(time.DateOnly, c.Data[key])
	return d
}

// dataID is the id kept in c.Data[key]; 0 when none.
func dataID(c *conv.Chat, key string) int64 {
	n, _ := strconv.ParseInt(c.Data[key], 10, 64)
	return n
}

// idValue is a button's value naming record id: prefix, then the id.
func idValue(prefix string, id int64) string { return prefix + strconv.FormatInt(id, 10) }

// valueID reads the id of a button idValue made; 0 for another button.
func valueID(prefix, value string) int64 {
	s, ok := strings.CutPrefix(value, prefix)
	if !ok {
		return 0
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// whole reads a whole number typed in any digits; ok is false for
// anything else (a negative number is read: the caller says its range).
func whole(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(text.NormalizeDigits(s)), 10, 64)
	return n, err == nil
}

// duration reads a time typed as hours (3, 2.5, 2,5, ۲٫۵) or hours and
// minutes (2:30) in any digits, in minutes; ok is false for anything else.
func duration(s string) (int, bool) {
	v := strings.TrimSpace(text.NormalizeDigits(s))
	if h, m, ok := strings.Cut(v, ":"); ok {
		hn, herr := strconv.Atoi(h)
		mn, merr := strconv.Atoi(m)
		return hn*60 + mn, herr == nil && merr == nil && hn >= 0 && mn >= 0 && mn < 60
	}
	x, err := strconv.ParseFloat(strings.NewReplacer(",", ".", "٫", ".").Replace(v), 64)
	if err != nil || x < 0 || x >= 1000 {
		return 0, false
	}
	return int(x*60 + 0.5), true
}

// minutesText writes minutes as hours and minutes in the chat's digits.
func minutesText(c *conv.Chat, m int) string {
	return c.T("bot.staff.duration", "Hours", c.L.Digits(strconv.Itoa(m/60)), "Minutes", c.L.Digits(strconv.Itoa(m%60)))
}
