// Package staffbot is the bot's conversations of Jol's staff in the
// field: a mentor answers the young people proposed to them and logs the
// sessions of a mentorship, a volunteer works through the set-up tasks
// given to them (checking in and out, logging hours, reporting a task
// done) and a centre's staff confirm the receipt of a delivery with what
// they counted.
//
// Every flow runs for a chat linked (with /link and the code of the web
// profile page) to an active account whose role may do on the web what
// the flow does; each step builds the account's principal as the web does
// and calls the same domain methods the web pages call, so the same scope
// checks apply. A chat that is not linked, or no longer may, sees only a
// request to link its account, and the menu shows it none of these flows.
// Notifier tells linked staff of what newly waits for them.
package staffbot

import (
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/services"
)

// The flows' names, stored with each conversation: never rename one.
const (
	matchesFlow     = "staff_matches"
	matchNoticeFlow = "staff_match_notice"
	sessionFlow     = "staff_session"
	tasksFlow       = "staff_tasks"
	receiptsFlow    = "staff_receipts"
)

// staff builds the flows over the installation's services.
type staff struct{ s *services.Services }

// Flows returns the staff's flows, in the order of the main menu.
func Flows(s *services.Services) ([]*conv.Flow, error) {
	b := &staff{s: s}
	return []*conv.Flow{b.matches(), b.matchNotice(), b.session(), b.tasks(), b.receipts()}, nil
}
