// Package flows gathers the bot's conversations over Jol's domain
// services: each domain's flows live in a package of their own beside
// this one, and All hands every one of them to the conversation engine.
package flows

import (
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows/parentbot"
	"github.com/jolproject/jol/internal/bot/flows/staffbot"
	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/services"
)

// All returns the flows of every domain, in the order of the main menu.
func All(s *services.Services) ([]*conv.Flow, error) {
	var all []*conv.Flow
	for _, build := range builders {
		fs, err := build(s)
		if err != nil {
			return nil, err
		}
		all = append(all, fs...)
	}
	return all, nil
}

// builders are the domains' flows, in the order of the main menu.
var builders = []func(*services.Services) ([]*conv.Flow, error){youthbot.Flows, parentbot.Flows, staffbot.Flows}
