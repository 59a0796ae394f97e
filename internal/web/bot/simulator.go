package bot

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/web/kit"
)

// simWait is how long a post waits for the bot's answer before the page
// shows the chat as it stands (a reload shows the answer when it comes).
const simWait = 3 * time.Second

// simKept is how many updates, and how many messages, the transcript shows.
const simKept = 60

// simView is the chat simulator: the admin's own simulated chat with the
// bot, both sides, as Telegram would show it.
type simView struct {
	Page
	Lines   []simLine
	Contact string // the label of the share-phone button the bot asked for
	Waiting bool   // an update is not processed yet
	Running bool   // the bot has a token (Telegram chats are answered too)
	// Commands are the bot's commands, one tap each.
	Commands []string
}

// simLine is one bubble: the user's (In) or the bot's.
type simLine struct {
	ID      int64 // the bot's message's id in the outbox: its buttons name it
	In      bool
	Notice  bool // a button's short notice (Telegram shows it over the chat)
	Pending bool
	Text    string
	Buttons [][]bot.Button
}

// Simulator shows the admin's simulated chat.
func (s *Server) Simulator(w http.ResponseWriter, r *http.Request, rq *request) error {
	tr, err := s.svc.Bot.Transcript(r.Context(), bot.SimulatedChat(rq.P.UserID), simKept)
	if err != nil {
		return err
	}
	st, err := s.svc.Bot.Status(r.Context())
	if err != nil {
		return err
	}
	v := simView{Page: s.Page(r, rq, "botsim.title"), Running: st.Transport != bot.TransportOff,
		Commands: commands}
	v.Lines, v.Contact, v.Waiting = simLines(rq, tr)
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, http.StatusOK, "botsim", &v)
	return nil
}

// SimulatorPost stores what the admin typed or pressed as an update of
// their simulated chat, waits briefly for the bot to answer, and goes
// back to the chat.
func (s *Server) SimulatorPost(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, "text", "data", "message", "phone")
	u := bot.Update{Language: string(rq.L.Locale())}
	switch text := strings.TrimSpace(f.Values["text"]); {
	case f.Values["data"] != "":
		id, _ := strconv.ParseInt(f.Values["message"], 10, 64)
		u.Kind = bot.KindCallback
		// Telegram names each press; the simulator names it by the clock.
		u.Callback = bot.Callback{ID: "sim-" + strconv.FormatInt(time.Now().UnixNano(), 36),
			Data: f.Values["data"], MessageID: id}
	case f.Values["phone"] != "":
		u.Kind, u.Phone = bot.KindContact, strings.TrimSpace(f.Values["phone"])
	case strings.HasPrefix(text, "/"):
		u.Kind, u.Text = bot.KindCommand, text
		word, args, _ := strings.Cut(text, " ")
		word, _, _ = strings.Cut(strings.TrimPrefix(word, "/"), "@")
		u.Command, u.Args = strings.ToLower(word), strings.TrimSpace(args)
	case text != "":
		u.Kind, u.Text = bot.KindText, clip(text)
	default:
		return kit.SeeOther(w, r, "/admin/bot/chat")
	}
	stored, err := s.svc.Bot.Simulate(r.Context(), rq.P.UserID, u)
	if err != nil {
		return err
	}
	if _, err := s.svc.Bot.Processed(r.Context(), stored.ID, simWait); err != nil {
		return err
	}
	return kit.SeeOther(w, r, "/admin/bot/chat#end")
}

// SimulatorRestart forgets the admin's simulated chat (bot.StartOver:
// its messages, the language it chose, the flow it stood in) and starts
// a fresh one with /start. Only the admin's own simulated chat is
// touched: the chat is named by the signed-in user, never by the form.
func (s *Server) SimulatorRestart(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.svc.Bot.StartOver(r.Context(), rq.P.UserID); err != nil {
		return err
	}
	u := bot.Update{Language: string(rq.L.Locale()), Kind: bot.KindCommand, Text: "/start", Command: "start"}
	stored, err := s.svc.Bot.Simulate(r.Context(), rq.P.UserID, u)
	if err != nil {
		return err
	}
	if _, err := s.svc.Bot.Processed(r.Context(), stored.ID, simWait); err != nil {
		return err
	}
	s.Flash(r, "botsim.restarted")
	return kit.SeeOther(w, r, "/admin/bot/chat#end")
}

// commands are the bot's commands the simulator offers as buttons.
var commands = strings.Fields("/start /language /help /cancel")

// clip cuts a typed text to Telegram's longest message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 4096 {
		return s
	}
	return string([]rune(s)[:4096])
}
