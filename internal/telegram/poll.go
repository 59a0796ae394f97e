package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/bot"
)

// Poller receives updates by long polling: it asks getUpdates for the
// updates after the last one it stored, stores each batch in the inbox,
// and only then asks with the next offset, which is what tells Telegram
// the batch arrived. (The library's own loop advances the offset before
// a handler has stored anything, so Jol keeps its own.) A crash between
// the two gets the batch again, and the inbox ignores what it holds.
type Poller struct {
	Inbox   Inbox
	Server  string        // DefaultServer
	Timeout time.Duration // how long Telegram holds a request open (50s)
	Limit   int           // updates asked for at a time (100, Telegram's most)
	Logger  *slog.Logger
	Now     func() time.Time // the clock, for updates without a time
	token   string
	http    *http.Client
}

// NewPoller returns a poller of the bot with token into inbox.
func NewPoller(token string, inbox Inbox) *Poller {
	return &Poller{Inbox: inbox, Server: DefaultServer, Timeout: 50 * time.Second, Limit: 100,
		Logger: slog.Default(), Now: time.Now, token: token, http: &http.Client{}}
}

// Run polls until ctx ends. A failure is logged (without the token) and
// retried after a pause that grows to a minute.
func (p *Poller) Run(ctx context.Context) error {
	var offset int64
	pause := time.Second
	for ctx.Err() == nil {
		next, err := p.Once(ctx, offset)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			p.Logger.Warn("telegram: getUpdates failed", "err", err, "retry_in", pause)
			if sleepCtx(ctx, pause) != nil {
				break
			}
			pause = min(pause*2, time.Minute)
			continue
		}
		offset, pause = next, time.Second
	}
	return nil
}

// Once asks for the updates from offset, stores them and returns the
// offset to ask with next.
func (p *Poller) Once(ctx context.Context, offset int64) (int64, error) {
	body, _ := json.Marshal(map[string]any{"offset": offset, "limit": p.Limit,
		"timeout": int(p.Timeout / time.Second), "allowed_updates": AllowedUpdates})
	ctx, cancel := context.WithTimeout(ctx, p.Timeout+15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.Server+"/bot"+p.token+"/getUpdates", bytes.NewReader(body))
	if err != nil {
		return offset, redact(err, p.token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.http.Do(req)
	if err != nil {
		return offset, redact(err, p.token)
	}
	defer resp.Body.Close()
	var r struct {
		OK          bool            `json:"ok"`
		Result      []models.Update `json:"result"`
		Description string          `json:"description"`
		ErrorCode   int             `json:"error_code"`
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return offset, redact(err, p.token)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return offset, fmt.Errorf("telegram: getUpdates: HTTP %d, %w", resp.StatusCode, err)
	}
	if !r.OK {
		return offset, fmt.Errorf("telegram: getUpdates: %d %s", r.ErrorCode, redactText(r.Description, p.token))
	}
	start := offset
	us := make([]bot.Update, 0, len(r.Result))
	for _, mu := range r.Result {
		offset = max(offset, mu.ID+1)
		if u, ok := Decode(mu); ok {
			us = append(us, stamped(u, p.Now))
		}
	}
	if _, err := p.Inbox.Store(ctx, us...); err != nil {
		return start, fmt.Errorf("telegram: store updates: %w", err)
	}
	return offset, nil
}

// stamped gives an update Telegram sent without a time (a callback) the
// time it arrived.
func stamped(u bot.Update, now func() time.Time) bot.Update {
	if u.At.IsZero() {
		u.At = now().UTC()
	}
	return u
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
