package fakeapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Post sends one update to the webhook with secret in the secret header
// ("" sends none) and returns the HTTP status, as Telegram would; it does
// not touch the queue.
func (f *Server) Post(ctx context.Context, u any, secret string) (int, error) {
	url, _ := f.Webhook()
	if url == "" {
		return 0, errors.New("fakeapi: no webhook set")
	}
	body, err := json.Marshal(u)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Deliver posts the queued updates to the webhook in order, with the
// secret setWebhook gave, as Telegram does: an update answered 200 leaves
// the queue; at the first other answer Deliver stops and returns an
// error (the update stays queued, to be delivered again).
func (f *Server) Deliver(ctx context.Context) error {
	_, secret := f.Webhook()
	for {
		f.mu.Lock()
		if len(f.queue) == 0 {
			f.mu.Unlock()
			return nil
		}
		u := f.queue[0]
		f.mu.Unlock()
		code, err := f.Post(ctx, &u, secret)
		if err != nil {
			return err
		}
		if code != http.StatusOK {
			return fmt.Errorf("fakeapi: webhook answered update %d with %d", u.ID, code)
		}
		f.mu.Lock()
		if len(f.queue) > 0 && f.queue[0].ID == u.ID {
			f.queue = f.queue[1:]
		}
		f.notify()
		f.mu.Unlock()
	}
}
