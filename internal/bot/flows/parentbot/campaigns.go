package parentbot

import (
	"errors"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/public"
)

// PageSize is how many campaigns one page of the list shows.
const PageSize = 6

// open lists the campaigns taking applications today, the latest first.
func (b *bot) open(c *conv.Chat) ([]campaign.Campaign, error) {
	all, err := b.s.Campaigns.List(c.Ctx, access.System, campaign.Filter{Status: campaign.Open})
	if err != nil {
		return nil, err
	}
	today := b.s.Public.Now().UTC()
	var out []campaign.Campaign
	for _, x := range all {
		if x.Taking(today) {
			out = append(out, x)
		}
	}
	return out, nil
}

// page is the page of the list the chat is at, within n campaigns.
func page(c *conv.Chat, n int) int {
	p, _ := strconv.Atoi(c.Data[keyPage])
	return max(0, min(p, (n-1)/PageSize))
}

// campaignsStep lists the campaigns taking applications, PageSize at a
// time, each named in the chat's language.
func (b *bot) campaignsStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			list, err := b.open(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			menu := []conv.Choice{{Label: c.T("bot.parent.to_menu"), Value: "menu"}}
			if len(list) == 0 {
				return conv.Prompt{Text: c.T("bot.parent.none_open"), Choices: [][]conv.Choice{menu}}, nil
			}
			p := page(c, len(list))
			var rows [][]conv.Choice
			for _, x := range list[p*PageSize : min(len(list), (p+1)*PageSize)] {
				rows = append(rows, []conv.Choice{{Label: x.Text(string(c.L.Locale())).Name, Value: "c:" + strconv.FormatInt(x.ID, 10)}})
			}
			var nav []conv.Choice
			if p > 0 {
				nav = append(nav, conv.Choice{Label: c.T("common.back"), Value: "p:" + strconv.Itoa(p-1)})
			}
			if (p+1)*PageSize < len(list) {
				nav = append(nav, conv.Choice{Label: c.T("bot.parent.more"), Value: "p:" + strconv.Itoa(p+1)})
			}
			if nav != nil {
				rows = append(rows, nav)
			}
			return conv.Prompt{Text: c.T("bot.parent.choose_campaign"), Choices: append(rows, menu)}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			if p, ok := strings.CutPrefix(in.Choice, "p:"); ok {
				c.Data[keyPage] = p
				return conv.Goto("campaigns"), nil
			}
			if id, ok := strings.CutPrefix(in.Choice, "c:"); ok {
				list, err := b.open(c)
				if err != nil {
					return conv.Next{}, err
				}
				for _, x := range list { // offered: the engine checked it
					if strconv.FormatInt(x.ID, 10) == id {
						c.Data[keySlug] = x.Slug
					}
				}
				return conv.Goto("intro"), nil
			}
			return conv.Done(), nil
		},
	}
}

// introCampaign is the campaign the intro presents: the one chosen from
// the list, else the one of the chat's deep link. ok is false when it is
// no campaign families may apply to (unknown, a draft).
func (b *bot) introCampaign(c *conv.Chat) (public.Campaign, bool, error) {
	slug := c.Data[keySlug]
	if slug == "" {
		l, ok, err := c.Link()
		if err != nil || !ok || l.Kind != deeplink.Campaign {
			return public.Campaign{}, false, err
		}
		x, err := b.s.Campaigns.Get(c.Ctx, access.System, l.TargetID)
		if errors.Is(err, errs.ErrNotFound) {
			return public.Campaign{}, false, nil
		}
		if err != nil {
			return public.Campaign{}, false, err
		}
		slug = x.Slug
	}
	cam, err := b.s.Public.Campaign(c.Ctx, slug)
	if errors.Is(err, errs.ErrNotFound) {
		return public.Campaign{}, false, nil
	}
	return cam, err == nil, err
}

// introStep presents the campaign: its name, who may apply and the
// conditions of its rules, as its page does; then the application
// begins, or the chat goes to the other campaigns.
func (b *bot) introStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			cam, ok, err := b.introCampaign(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			others := []conv.Choice{{Label: c.T("bot.parent.other_campaigns"), Value: "list"},
				{Label: c.T("bot.parent.to_menu"), Value: "menu"}}
			if !ok {
				return conv.Prompt{Text: c.T("bot.parent.campaign_unknown"), Choices: [][]conv.Choice{others}}, nil
			}
			loc := string(c.L.Locale())
			lines := []string{cam.Names.In(loc)}
			if !cam.Open(b.s.Public.Now().UTC()) {
				lines = append(lines, c.T("public.closed"))
				return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: [][]conv.Choice{others}}, nil
			}
			if w := cam.WhoMayApply.In(loc); w != "" {
				lines = append(lines, w)
			}
			lines = append(lines, cam.Rules.Describe(c.L)...)
			lines = append(lines, "", c.T("public.apply_intro"))
			return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: [][]conv.Choice{
				{{Label: c.T("bot.parent.begin"), Value: "go"}}, others}}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			switch in.Choice {
			case "go":
				cam, ok, err := b.introCampaign(c)
				if err != nil || !ok {
					return conv.Goto("intro"), err
				}
				c.Data[keySlug] = cam.Slug
				return conv.Goto(order[0]), nil
			case "list":
				delete(c.Data, keySlug)
				c.Data[keyPage] = "0"
				return conv.Goto("campaigns"), nil
			}
			return conv.Done(), nil
		},
	}
}
