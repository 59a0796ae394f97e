// Package parentbot is the families' side of the Telegram bot. A parent
// applies for a campaign's aid for a child, from the main menu (a list of
// the campaigns taking applications) or from a campaign's deep link, and
// is asked what the public form asks, one question at a time: buttons
// where the form offers choices, their own phone number only through
// Telegram's contact button. Each answer is checked at once by the form's
// own rules (public.Service.Check), a summary is confirmed or corrected,
// and the application goes through public.Service.ApplyByTelegram in the
// update's transaction: the reference number and the form's explanation
// come back, or each refusal in the chat's language and the question
// asked again, with nothing written. /status and "My requests" list the
// requests the chat follows (public.Service.ForChat) with what the status
// page says of each (services.Services.ExplainStatus). A distribution
// day's deep link tells where and when it is and what to bring.
//
// The answers wait in the conversation's data until the application is
// sent or cancelled, and are dropped then: the chat is shown back only
// what it typed itself, and nothing about a child is ever read from the
// registry into a chat.
package parentbot

import (
	"errors"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/services"
)

// The flows' names, stored with each conversation: never rename them.
const (
	applyFlow  = "apply"      // from the main menu: the list of campaigns first
	linkFlow   = "apply_link" // from a campaign's deep link: that campaign
	statusFlow = "status"     // /status and "My requests"
	eventFlow  = "event"      // a distribution day's deep link
)

// bot is the flows' access to the services.
type bot struct{ s *services.Services }

// Flows returns the parents' flows over s: applying (from the menu and
// from campaign links), the list of the chat's requests (/status) and the
// distribution day's link.
func Flows(s *services.Services) ([]*conv.Flow, error) {
	if s == nil || s.Public == nil || s.Campaigns == nil || s.Distribution == nil {
		return nil, errors.New("parentbot: the public side, the campaigns and the distribution are needed")
	}
	b := &bot{s: s}
	apply := b.applySteps()
	return []*conv.Flow{
		{Name: applyFlow, Start: "campaigns", Menu: "bot.parent.menu.apply", Steps: apply},
		{Name: linkFlow, Start: "intro", Kinds: []deeplink.Kind{deeplink.Campaign}, Steps: apply},
		{Name: statusFlow, Start: "list", Menu: "bot.parent.menu.status", Command: "status", Steps: b.statusSteps()},
		{Name: eventFlow, Start: "event", Kinds: []deeplink.Kind{deeplink.Event}, Steps: b.eventSteps()},
	}, nil
}

// applySteps are the application's steps, shared by the menu's flow and
// the campaign link's: the list and the campaign first, then the form's
// questions in order (order), the summary and its corrections.
func (b *bot) applySteps() map[string]conv.Step {
	steps := map[string]conv.Step{
		"campaigns": b.campaignsStep(),
		"intro":     b.introStep(),
		"region":    b.regionStep(),
		"sex":       b.sexStep(),
		"grade":     b.gradeStep(),
		"relation":  b.relationStep(),
		"phone":     b.phoneStep(),
		"items":     b.itemsStep(),
		"sizes":     b.sizesStep(),
		"consent":   b.consentStep(),
		"assent":    b.assentStep(),
		"summary":   b.summaryStep(),
		"edit":      b.editStep(),
	}
	for _, f := range textFields {
		steps[f.step] = b.textStep(f)
	}
	return steps
}
