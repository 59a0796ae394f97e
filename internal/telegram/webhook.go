package telegram

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-telegram/bot/models"
)

// SecretHeader is the header in which Telegram sends the webhook's secret.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// Webhook receives the updates Telegram posts. A request without the
// secret is refused with 401; an update is stored in the inbox before the
// 200 that tells Telegram it arrived, and a failure to store it answers
// 500 so that Telegram sends it again. It is mounted outside the web
// UI's cross-origin protection: the secret is what protects it.
type Webhook struct {
	Inbox  Inbox
	Secret string
	Logger *slog.Logger
	Now    func() time.Time
}

// maxUpdate bounds a webhook request's body; an update is a few KiB.
const maxUpdate = 1 << 20

func (h *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	got := r.Header.Get(SecretHeader)
	if h.Secret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(h.Secret)) != 1 {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var mu models.Update
	if err := json.NewDecoder(io.LimitReader(r.Body, maxUpdate)).Decode(&mu); err != nil {
		http.Error(w, "not an update", http.StatusBadRequest)
		return
	}
	if u, ok := Decode(mu); ok {
		now := h.Now
		if now == nil {
			now = time.Now
		}
		if _, err := h.Inbox.Store(r.Context(), stamped(u, now)); err != nil {
			h.logger().Error("telegram: store a webhook update", "update", mu.ID, "err", err)
			http.Error(w, "try again", http.StatusInternalServerError)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}

func (h *Webhook) logger() *slog.Logger {
	if h.Logger == nil {
		return slog.Default()
	}
	return h.Logger
}
