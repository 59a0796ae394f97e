package youthbot

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
)

// placeSteps ask where the young person lives and, where several youth
// organisations could take them, which one they register with.
func (b *flows) placeSteps() map[string]conv.Step {
	return map[string]conv.Step{
		"region": {Ask: b.askRegion, Answer: b.answerRegion},
		"org":    {Ask: b.askOrg, Answer: b.answerOrg},
	}
}

// toPlace goes on after the date of birth: a region's link has said
// where they live, otherwise they are asked.
func (b *flows) toPlace(c *conv.Chat) (conv.Next, error) {
	l, ok, err := c.Link()
	if err != nil {
		return conv.Next{}, err
	}
	if ok && l.Kind == deeplink.Region {
		c.Data["region"] = geo.PathCode(l.Scope().RegionPath)
		return b.toOrg(c)
	}
	return conv.Goto("region"), nil
}

// country is the country whose regions are offered: the linked
// organisation's, else the installation's, else the one of the chat's
// language (Persian: Iran).
func (b *flows) country(c *conv.Chat) (string, error) {
	if l, ok, err := c.Link(); err != nil {
		return "", err
	} else if ok && l.Kind == deeplink.Organisation {
		if o, err := b.s.Orgs.Get(c.Ctx, access.System, l.TargetID); err == nil {
			if codes := geo.PathCodes(o.RegionPath); len(codes) > 0 {
				return codes[0], nil
			}
		}
	}
	set, err := b.s.Settings.GetIn(c.Ctx, c.Tx)
	switch {
	case err != nil:
		return "", err
	case set.Country != "":
		return set.Country, nil
	case c.L.Locale() == i18n.FA:
		return "IR", nil
	}
	return "KZ", nil
}

func (b *flows) askRegion(c *conv.Chat) (conv.Prompt, error) {
	country, err := b.country(c)
	if err != nil {
		return conv.Prompt{}, err
	}
	regions, err := b.s.Geo.Children(c.Ctx, access.System, country)
	if err != nil {
		return conv.Prompt{}, err
	}
	var choices []conv.Choice
	for _, r := range regions {
		choices = append(choices, conv.Choice{Label: r.Name(string(c.L.Locale())), Value: r.Code})
	}
	return conv.Prompt{Text: c.T("youthbot.ask.region"), Choices: rows(choices, 2)}, nil
}

func (b *flows) answerRegion(c *conv.Chat, in conv.Input) (conv.Next, error) {
	c.Data["region"] = in.Choice
	return b.toOrg(c)
}

// toOrg finds the youth organisation the registration goes to: the
// linked one, or the one whose poster's maker made a region's link, or
// among those with mentors, the ones of the young person's country and
// region. Several are offered to choose from; none ends the flow with a
// plain word on where to register instead.
func (b *flows) toOrg(c *conv.Chat) (conv.Next, error) {
	heads, err := b.heads(c)
	if err != nil {
		return conv.Next{}, err
	}
	switch len(heads) {
	case 0:
		c.Say(c.T("youthbot.no_organisation"))
		return conv.Done(), nil
	case 1:
		c.Data["head"] = strconv.FormatInt(heads[0], 10)
		return conv.Goto("settlement"), nil
	}
	c.Data["heads"] = joinIDs(heads)
	return conv.Goto("org"), nil
}

func (b *flows) askOrg(c *conv.Chat) (conv.Prompt, error) {
	var choices []conv.Choice
	for _, id := range splitIDs(c.Data["heads"]) {
		o, err := b.s.Orgs.Get(c.Ctx, access.System, id)
		if err != nil {
			return conv.Prompt{}, err
		}
		choices = append(choices, conv.Choice{Label: o.Name, Value: strconv.FormatInt(id, 10)})
	}
	return conv.Prompt{Text: c.T("youthbot.ask.org"), Choices: rows(choices, 1)}, nil
}

func (b *flows) answerOrg(c *conv.Chat, in conv.Input) (conv.Next, error) {
	c.Data["head"] = in.Choice
	return conv.Goto("settlement"), nil
}

// rows lays choices out n to a row.
func rows(choices []conv.Choice, n int) [][]conv.Choice {
	var out [][]conv.Choice
	for ch := range slices.Chunk(choices, n) {
		out = append(out, ch)
	}
	return out
}

// joinIDs and splitIDs keep a list of ids in a conversation's answers.
func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

func splitIDs(s string) []int64 {
	var out []int64
	for _, p := range strings.Split(s, ",") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}
