package fakeapi

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// serve answers one Bot API request: /bot<token>/<method>.
func (f *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, _ := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, _ := strings.Cut(rest, "/")
	method = strings.TrimPrefix(method, "test/")
	if token != f.Token {
		fail(w, http.StatusUnauthorized, "Unauthorized", 0)
		return
	}
	params, err := decodeParams(r)
	if err != nil {
		fail(w, http.StatusBadRequest, "Bad Request: "+err.Error(), 0)
		return
	}
	chat, _ := strconv.ParseInt(params["chat_id"], 10, 64)
	f.mu.Lock()
	f.calls = append(f.calls, Call{Method: method, Params: params, At: time.Now()})
	f.counts[method]++
	rule := f.match(method, chat)
	f.notify()
	f.mu.Unlock()
	if rule != nil {
		fail(w, rule.Code, rule.Desc, rule.RetryAfter)
		return
	}
	switch method {
	case "getMe":
		ok(w, f.Me)
	case "getUpdates":
		f.getUpdates(w, r, params)
	case "setWebhook":
		f.mu.Lock()
		f.hook, f.secret = params["url"], params["secret_token"]
		f.mu.Unlock()
		ok(w, true)
	case "deleteWebhook":
		f.mu.Lock()
		f.hook, f.secret = "", ""
		if params["drop_pending_updates"] == "true" {
			f.queue = nil
		}
		f.mu.Unlock()
		ok(w, true)
	case "getWebhookInfo":
		url, _ := f.Webhook()
		ok(w, models.WebhookInfo{URL: url, PendingUpdateCount: f.Pending()})
	case "sendMessage", "editMessageText":
		f.mu.Lock()
		id, _ := strconv.Atoi(params["message_id"])
		if id == 0 {
			id = f.nextMsg
			f.nextMsg++
		}
		now := f.clock()
		f.mu.Unlock()
		ok(w, models.Message{ID: id, Date: int(now.Unix()), Text: params["text"],
			Chat: models.Chat{ID: chat, Type: models.ChatTypePrivate}})
	case "answerCallbackQuery":
		ok(w, true)
	default:
		fail(w, http.StatusNotFound, "Not Found: method not found", 0)
	}
}

// getUpdates answers as Telegram does: an offset confirms every update
// below it (they are never served again), the updates from offset on are
// served up to limit (1–100, 100 by default), and with none to serve the
// request waits up to timeout seconds for one. While a webhook is set it
// is refused with 409.
func (f *Server) getUpdates(w http.ResponseWriter, r *http.Request, params map[string]string) {
	offset, _ := strconv.ParseInt(params["offset"], 10, 64)
	limit, _ := strconv.Atoi(params["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(params["timeout"])
	deadline := time.Now().Add(time.Duration(timeout) * time.Second)
	f.mu.Lock()
	if f.hook != "" {
		f.mu.Unlock()
		fail(w, http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 0)
		return
	}
	var confirm func(int64)
	if offset > f.offset {
		f.offset = offset
		keep := f.queue[:0]
		for _, u := range f.queue {
			if u.ID >= offset {
				keep = append(keep, u)
			}
		}
		f.queue = keep
		confirm = f.onOffset
	}
	f.mu.Unlock()
	if confirm != nil {
		confirm(offset)
	}
	for {
		f.mu.Lock()
		batch := []models.Update{}
		for _, u := range f.queue {
			if u.ID >= offset && len(batch) < limit {
				batch = append(batch, u)
			}
		}
		ch := f.changed
		f.mu.Unlock()
		left := time.Until(deadline)
		if len(batch) > 0 || left <= 0 || r.Context().Err() != nil {
			ok(w, batch)
			return
		}
		f.waitChange(r.Context(), ch, left)
	}
}
