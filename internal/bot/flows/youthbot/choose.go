package youthbot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/youth"
)

// pickStep is the ranking of mentors: each press adds the mentor pressed
// as the next choice, up to three, which are then saved
// (youth.Service.Choose); "match me automatically" ranks no one. The
// registration and "My mentor" both lead here, after loadShortlist.
func (b *flows) pickStep() conv.Step { return conv.Step{Ask: b.askPick, Answer: b.answerPick} }

// toPick loads the shortlist and goes to the ranking.
func (b *flows) toPick(c *conv.Chat) (conv.Next, error) {
	id, ok, err := b.me(c)
	if err != nil || !ok {
		return conv.Done(), err
	}
	c.Data["ranked"] = ""
	if _, err := b.loadShortlist(c, id); err != nil {
		return conv.Next{}, err
	}
	return conv.Goto("pick"), nil
}

func (b *flows) askPick(c *conv.Chat) (conv.Prompt, error) {
	cards, ranked := cardsOf(c), splitIDs(c.Data["ranked"])
	name, err := b.fieldNamer(c)
	if err != nil {
		return conv.Prompt{}, err
	}
	lines := []string{c.T("youthbot.shortlist", "Max", youth.MaxChoices)}
	if len(cards) == 0 {
		lines = []string{c.T("youthbot.shortlist_empty"), c.Data["empty"]}
	}
	var buttons []conv.Choice
	for i, k := range cards {
		lines = append(lines, b.describe(c, i+1, k, name))
		if !slices.Contains(ranked, k.ID) {
			buttons = append(buttons, conv.Choice{Label: strconv.Itoa(i+1) + ". " + k.Name, Value: mentorValue(k.ID)})
		}
	}
	if len(ranked) > 0 {
		var names []string
		for i, id := range ranked {
			k, _ := find(cards, id)
			names = append(names, strconv.Itoa(i+1)+") "+k.Name)
		}
		lines = append(lines, "", c.T("youthbot.ranked_so_far", "Names", strings.Join(names, ", ")))
	}
	choices := rows(buttons, 2)
	if len(ranked) > 0 {
		choices = append(choices, []conv.Choice{{Label: c.T("youthbot.save_choices"), Value: "save"}})
	}
	choices = append(choices, []conv.Choice{{Label: c.T("youthbot.auto"), Value: "auto"}},
		[]conv.Choice{{Label: c.T("youthbot.back"), Value: "back"}})
	return conv.Prompt{Text: strings.TrimSpace(strings.Join(lines, "\n")), Choices: choices}, nil
}

func (b *flows) answerPick(c *conv.Chat, in conv.Input) (conv.Next, error) {
	id, ok, err := b.me(c)
	if err != nil || !ok {
		return conv.Done(), err
	}
	ranked := splitIDs(c.Data["ranked"])
	switch in.Choice {
	case "back":
		return conv.Done(), nil
	case "auto":
		return b.save(c, id, nil)
	case "save":
		return b.save(c, id, ranked)
	}
	m, _ := strconv.ParseInt(strings.TrimPrefix(in.Choice, "m"), 10, 64)
	live, err := b.loadShortlist(c, id)
	if err != nil {
		return conv.Next{}, err
	}
	if !slices.ContainsFunc(live, func(s youth.Shortlisted) bool { return s.ID == m }) {
		return conv.Again(c.T("youthbot.mentor_full")), nil
	}
	ranked = append(splitIDs(c.Data["ranked"]), m)
	c.Data["ranked"] = joinIDs(ranked)
	if len(ranked) == youth.MaxChoices {
		return b.save(c, id, ranked)
	}
	return conv.Again(c.T("youthbot.ranked", "N", len(ranked))), nil
}

// save records the ranking (none: an automatic match). A mentor whose
// last place went meanwhile is refused by the service as off the
// shortlist: the shortlist is read again and the chat told plainly.
func (b *flows) save(c *conv.Chat, id int64, ranked []int64) (conv.Next, error) {
	_, err := b.s.Youth.Choose(c.Ctx, id, ranked)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid {
		if _, err := b.loadShortlist(c, id); err != nil {
			return conv.Next{}, err
		}
		return conv.Again(c.T("youthbot.mentor_full")), nil
	} else if err != nil {
		return conv.Next{}, err
	}
	if len(ranked) == 0 {
		c.Say(c.T("youthbot.saved_auto"))
	} else {
		c.Say(c.T("youthbot.saved_choices", "N", len(ranked)))
	}
	return conv.Done(), nil
}
