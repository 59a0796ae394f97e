// Package fakeapi is a fake Telegram Bot API on an httptest server, for
// tests of everything that talks to Telegram. It queues updates and
// serves them by getUpdates (with Telegram's offset and timeout rules) or
// posts them to the webhook set with setWebhook, with its secret header;
// it records every request as a method and its decoded parameters, for
// exact assertions; and it can answer with a 429 (retry_after) or a 403
// ("bot was blocked by the user") on demand.
//
// Point the bot at it with its URL: telegram.NewClient(fake.Token, fake.URL).
package fakeapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// Token is the token the fake accepts unless New is given another.
const Token = "123456789:TEST-token-for-the-fake-bot-api"

// Server is a fake Bot API.
type Server struct {
	URL   string // the server's base URL, in place of https://api.telegram.org
	Token string
	Me    models.User // what getMe answers

	srv *httptest.Server

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced whenever something happens
	queue    []models.Update
	nextID   int64 // the next update_id given
	nextMsg  int
	calls    []Call
	counts   map[string]int // requests answered, by method
	rules    []*Rule
	hook     string // the webhook URL; "" while polling
	secret   string
	offset   int64              // updates below it are confirmed
	onOffset func(offset int64) // called as getUpdates confirms
	clock    func() time.Time
}

// New starts a fake Bot API for the bot with Token; it stops with t.
func New(t testing.TB) *Server {
	f := &Server{Token: Token, nextID: 1, counts: map[string]int{}, nextMsg: 1, changed: make(chan struct{}), clock: time.Now,
		Me: models.User{ID: 123456789, IsBot: true, FirstName: "Jol", Username: "jol_test_bot"}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	f.URL = f.srv.URL
	t.Cleanup(f.Close)
	return f
}

// Close stops the server; waiting getUpdates calls return at once.
func (f *Server) Close() {
	f.mu.Lock()
	f.notify()
	f.mu.Unlock()
	f.srv.CloseClientConnections()
	f.srv.Close()
}

// notify wakes whoever waits for a change; f.mu is held.
func (f *Server) notify() {
	close(f.changed)
	f.changed = make(chan struct{})
}

// Push queues updates, giving those without an update_id the next ones
// (in order), and returns their IDs. getUpdates serves them; Deliver
// posts them to the webhook.
func (f *Server) Push(us ...models.Update) []int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	ids := make([]int64, len(us))
	for i, u := range us {
		if u.ID == 0 {
			u.ID = f.nextID
		}
		f.nextID = max(f.nextID, u.ID+1)
		ids[i] = u.ID
		f.queue = append(f.queue, u)
	}
	f.notify()
	return ids
}

// Pending is how many queued updates have not been confirmed yet.
func (f *Server) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.queue)
}

// Offset is the lowest update_id not yet confirmed by getUpdates.
func (f *Server) Offset() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.offset
}

// OnConfirm sets fn to be called, before the answer is sent, each time a
// getUpdates call confirms the updates below offset: the moment a test
// checks that they were stored.
func (f *Server) OnConfirm(fn func(offset int64)) {
	f.mu.Lock()
	f.onOffset = fn
	f.mu.Unlock()
}

// Webhook is the webhook URL and secret set by setWebhook ("" if none).
func (f *Server) Webhook() (url, secret string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hook, f.secret
}

// Wait blocks until cond holds, checking it after every request and push
// and every 10ms (for conditions on a database), or fails t after timeout
// (a deadlock guard, never a measure of speed).
func (f *Server) Wait(t testing.TB, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		f.mu.Lock()
		ch := f.changed
		f.mu.Unlock()
		if cond() {
			return
		}
		select {
		case <-ch:
		case <-tick.C:
		case <-deadline.C:
			t.Fatalf("fakeapi: condition not met after %s; requests so far:\n%s", timeout, strings.Join(f.Lines(), "\n"))
		}
	}
}

// WaitCalls waits until n requests of method have been answered.
func (f *Server) WaitCalls(t testing.TB, method string, n int) {
	t.Helper()
	f.Wait(t, 30*time.Second, func() bool { return f.Count(method) >= n })
}

// Count is how many requests of method have arrived.
func (f *Server) Count(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.counts[method]
}

// ok writes a successful answer.
func ok(w http.ResponseWriter, result any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

// fail writes Telegram's error answer.
func fail(w http.ResponseWriter, code int, desc string, retryAfter int) {
	body := map[string]any{"ok": false, "error_code": code, "description": desc}
	if retryAfter > 0 {
		body["parameters"] = map[string]any{"retry_after": retryAfter}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}

// waitChange waits for the next change or until ctx ends or d passes.
func (f *Server) waitChange(ctx context.Context, ch <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ch:
	case <-ctx.Done():
	case <-t.C:
	}
}
