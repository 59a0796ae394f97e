package bot

import (
	"net/http"
	"regexp"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/kit"
)

// opsView is the admins' page of the bot: how it runs, what waits, what
// failed, and the chats that blocked it (ids and dates only: nothing of a
// child reaches this page).
type opsView struct {
	Page
	listing
	Status    bot.Status
	Transport string // the i18n key naming the transport
	Username  string
	Updates   int // waiting to be processed
	Messages  int // waiting to be sent
	Stopped   []bot.StoppedChat
	Failures  []failureRow
	Counts    []countRow
}

type failureRow struct {
	bot.Failure
	Simulated bool
}

// countRow is one figure of the updates or messages by state.
type countRow struct {
	Key string // the i18n key naming it
	N   int
}

// Ops shows the bot's state.
func (s *Server) Ops(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	st, err := s.svc.Bot.Status(ctx)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(store.CountOf(st.Chats["stopped"]))
	stopped, next, err := s.svc.Bot.StoppedChats(ctx, pg.Store())
	if err != nil {
		return err
	}
	v := opsView{Page: s.Page(r, rq, "botops.title"), Status: st, Username: rq.Settings.BotUsername, Stopped: stopped,
		listing: pg.Listing(r, next, store.CountOf(st.Chats["stopped"]))}
	v.Updates, v.Messages = st.Queued()
	v.Transport = transportKeys[st.Transport]
	for _, f := range st.Failures {
		f.Error = scrub(f.Error)
		v.Failures = append(v.Failures, failureRow{Failure: f, Simulated: bot.IsSimulated(f.ChatID)})
	}
	for _, state := range []string{"done", "pending", "failed"} {
		v.Counts = append(v.Counts, countRow{"botops.updates." + state, st.Updates[state]})
	}
	for _, state := range []string{"sent", "pending", "failed"} {
		v.Counts = append(v.Counts, countRow{"botops.messages." + state, st.Outbox[state]})
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, http.StatusOK, "botops", &v)
	return nil
}

var transportKeys = map[string]string{bot.TransportOff: "botops.transport.off",
	bot.TransportPolling: "botops.transport.polling", bot.TransportWebhook: "botops.transport.webhook"}

// tokenLike is a bot token's shape: the bot's id, a colon, a secret.
var tokenLike = regexp.MustCompile(`\d{5,}:[A-Za-z0-9_-]{20,}`)

// scrub takes anything shaped like a bot token out of an error. The
// Telegram client redacts its errors already; this page never relies on
// it.
func scrub(s string) string { return tokenLike.ReplaceAllString(s, "[token]") }
