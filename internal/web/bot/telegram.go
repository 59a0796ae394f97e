package bot

import (
	"net/http"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/web/kit"
)

// telegramView is the user's own page of the bot: whether their account
// is linked to a Telegram chat, and a one-time code to link one. Code is
// set only on the response to asking for it: it is shown that once.
type telegramView struct {
	Page
	Linking  conv.Linking
	Code     conv.Code
	Minutes  int
	StartURL string // the deep link that links the chat in one tap
	Username string
}

// Telegram shows the user's link with the bot.
func (s *Server) Telegram(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderTelegram(w, r, rq, conv.Code{}, http.StatusOK)
}

// TelegramCode issues a one-time code and answers with the page itself
// rather than a redirect, so the code travels once, in this response,
// and is kept nowhere but as its hash.
func (s *Server) TelegramCode(w http.ResponseWriter, r *http.Request, rq *request) error {
	code, err := s.svc.Conversations.IssueCode(r.Context(), rq.P)
	if err != nil {
		return err
	}
	return s.renderTelegram(w, r, rq, code, http.StatusCreated)
}

// TelegramUnlink unlinks the user's chat.
func (s *Server) TelegramUnlink(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.svc.Conversations.Unlink(r.Context(), rq.P); err != nil {
		return err
	}
	s.Flash(r, "telegram.unlinked")
	return kit.SeeOther(w, r, "/my/telegram")
}

func (s *Server) renderTelegram(w http.ResponseWriter, r *http.Request, rq *request, code conv.Code, status int) error {
	st, err := s.svc.Conversations.Linking(r.Context(), rq.P)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	v := telegramView{Page: s.Page(r, rq, "telegram.title"), Linking: st, Code: code,
		Minutes: int(conv.CodeTTL.Minutes()), Username: rq.Settings.BotUsername}
	if code.Text != "" {
		v.StartURL = deeplink.URL(rq.Settings.BotUsername, code.Start)
	}
	s.Render(w, status, "telegram", &v)
	return nil
}
