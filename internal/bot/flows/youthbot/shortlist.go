package youthbot

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/youth"
)

// card is a shortlisted mentor as the chat was shown them: kept with the
// conversation, so the buttons of the question stay those shown even
// when a mentor's last place goes meanwhile (the choice then says so).
type card struct {
	ID         int64    `json:"id"`
	Name       string   `json:"n"`
	Background string   `json:"b"`
	Fields     []string `json:"f"`
	Languages  []string `json:"l"`
	Formats    []string `json:"o"`
	Near       bool     `json:"r"`
}

// loadShortlist reads young person id's shortlist as it is now (mentors
// of their field with a free place, the best fitting first) into the
// conversation, and drops from the ranking so far whoever left it.
func (b *flows) loadShortlist(c *conv.Chat, id int64) ([]youth.Shortlisted, error) {
	own, err := b.s.Youth.OwnPage(c.Ctx, id)
	if err != nil {
		return nil, err
	}
	cards := make([]card, len(own.Shortlist))
	for i, m := range own.Shortlist {
		cards[i] = card{ID: m.ID, Name: m.FirstName, Background: m.Background, Fields: m.Fields,
			Languages: m.Languages, Formats: m.Formats, Near: m.SameRegion()}
	}
	js, err := json.Marshal(cards)
	if err != nil {
		return nil, err
	}
	c.Data["cards"], c.Data["empty"] = string(js), ""
	if own.Empty.Key != "" {
		c.Data["empty"] = c.T(own.Empty.Key, own.Empty.Args...)
	}
	var kept []int64
	for _, m := range splitIDs(c.Data["ranked"]) {
		if _, ok := find(cards, m); ok {
			kept = append(kept, m)
		}
	}
	c.Data["ranked"] = joinIDs(kept)
	return own.Shortlist, nil
}

// cards are the mentors the chat was last shown.
func cardsOf(c *conv.Chat) []card {
	var cards []card
	_ = json.Unmarshal([]byte(c.Data["cards"]), &cards) // written by loadShortlist
	return cards
}

func find(cards []card, id int64) (card, bool) {
	for _, k := range cards {
		if k.ID == id {
			return k, true
		}
	}
	return card{}, false
}

// describe is one mentor's line: the first name, what they do, their
// fields, languages and formats, and whether they live near.
func (b *flows) describe(c *conv.Chat, n int, k card, fieldName func(string) string) string {
	var fields, langs, formats []string
	for _, f := range k.Fields {
		fields = append(fields, fieldName(f))
	}
	for _, l := range k.Languages {
		langs = append(langs, i18n.Locale(l).NativeName())
	}
	for _, f := range k.Formats {
		formats = append(formats, c.T("youth.format."+f))
	}
	line := fmt.Sprintf("%d. %s — %s", n, k.Name, c.T("mentoring.background."+k.Background))
	line += "\n   " + strings.Join(fields, ", ") + "; " + strings.Join(langs, ", ") + "; " + strings.Join(formats, ", ")
	if k.Near {
		line += "; " + c.T("youthbot.near_you")
	}
	return line
}

// fieldNamer names fields of interest in the chat's language.
func (b *flows) fieldNamer(c *conv.Chat) (func(string) string, error) {
	fields, err := b.s.Mentoring.Fields(c.Ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, f := range fields {
		names[f.Code] = f.Name(string(c.L.Locale()))
	}
	return func(code string) string {
		if n, ok := names[code]; ok {
			return n
		}
		return code
	}, nil
}

func mentorValue(id int64) string { return "m" + strconv.FormatInt(id, 10) }
