package sms_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/sms"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

const token = "tok-3f9a1c7e-secret"

// provider is a fake SMS provider: it answers each POST with the next of
// its statuses (the last one again when they run out) and keeps what it
// was sent.
type provider struct {
	*httptest.Server
	mu       sync.Mutex
	statuses []int
	hits     []hit
}

type hit struct {
	method, contentType, auth, body string
}

func newProvider(t *testing.T, statuses ...int) *provider {
	p := &provider{statuses: statuses}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		p.mu.Lock()
		p.hits = append(p.hits, hit{r.Method, r.Header.Get("Content-Type"), r.Header.Get("Authorization"), string(body)})
		status := p.statuses[min(len(p.hits), len(p.statuses))-1]
		p.mu.Unlock()
		w.WriteHeader(status)
		// A careless provider echoes the request's headers.
		io.WriteString(w, r.Header.Get("Authorization"))
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *provider) got() []hit {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]hit(nil), p.hits...)
}

// queue puts a code message in Russian for a Kazakh phone in w's outbox.
func queue(t *testing.T, w *testworld.World) {
	t.Helper()
	err := w.Services.Requests.Outbox(requests.SMS).Send(t.Context(), requests.Message{Address: "+7 701 555-12-34",
		Locale: "ru", Key: "distribution.code_message",
		Args: map[string]string{"Code": "482913", "Reference": "R-2026-0007", "Minutes": "15"}})
	if err != nil {
		t.Fatal(err)
	}
}

// outbox is the state, attempts and last error of the one SMS queued.
func outbox(t *testing.T, w *testworld.World) (state string, attempts int, lastError, args string) {
	t.Helper()
	err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine,
		"SELECT state, attempts, last_error, args FROM outbox WHERE channel = $1"), requests.SMS).Scan(&state, &attempts,
		&lastError, &args)
	if err != nil {
		t.Fatal(err)
	}
	return
}

func gateway(t *testing.T, w *testworld.World, url string, client *http.Client) *sms.Gateway {
	t.Helper()
	g, err := sms.New(url, token, w.Services.Catalog, client)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The gateway is posted the applicant's number and the text in their
// language, with the bearer token; a 2xx answer marks the message sent
// and blanks its code.
func TestTheTextGoesToTheGateway(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProvider(t, http.StatusAccepted)
		queue(t, w)
		n, err := w.Services.Requests.Dispatch(t.Context(), gateway(t, w, p.URL+"/send", nil), 10)
		if err != nil || n != 1 {
			t.Fatalf("Dispatch = %d, %v", n, err)
		}
		want := `{"to":"+77015551234","text":"Код для получения помощи по заявке R-2026-0007 — 482913. ` +
			`Он действует 15 минут. Сообщите его только сотруднику, который выдаёт помощь."}`
		hits := p.got()
		if len(hits) != 1 || hits[0] != (hit{"POST", "application/json", "Bearer " + token, want}) {
			t.Fatalf("the gateway got %+v", hits)
		}
		state, attempts, _, args := outbox(t, w)
		if state != "sent" || attempts != 1 || strings.Contains(args, "482913") {
			t.Fatalf("outbox %s after %d, args %s", state, attempts, args)
		}
		if n, _ := w.Services.Requests.Dispatch(t.Context(), gateway(t, w, p.URL+"/send", nil), 10); n != 0 ||
			len(p.got()) != 1 {
			t.Fatal("a sent message was sent again")
		}
	})
}

// A 503 is a passing failure: the message is tried again at the next
// round and goes when the provider is back.
func TestUnavailableGatewayIsTriedAgain(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProvider(t, http.StatusServiceUnavailable, http.StatusServiceUnavailable, http.StatusOK)
		queue(t, w)
		g := gateway(t, w, p.URL, nil)
		for round, want := range []string{"pending", "pending", "sent"} {
			if _, err := w.Services.Requests.Dispatch(t.Context(), g, 10); err != nil {
				t.Fatal(err)
			}
			state, attempts, lastError, _ := outbox(t, w)
			if state != want || attempts != round+1 || (want == "pending") != strings.Contains(lastError, "HTTP 503") {
				t.Fatalf("round %d: %s after %d attempts (%q)", round, state, attempts, lastError)
			}
		}
		if hits := p.got(); len(hits) != 3 || hits[0].body != hits[2].body {
			t.Fatalf("the gateway got %+v", hits)
		}
		// A provider down for longer: five attempts, then given up with
		// its code blanked.
		queue(t, w)
		p.mu.Lock()
		p.statuses = []int{http.StatusBadGateway}
		p.hits = nil
		p.mu.Unlock()
		for range 7 {
			if _, err := w.Services.Requests.Dispatch(t.Context(), g, 10); err != nil {
				t.Fatal(err)
			}
		}
		var state, args string
		var attempts int
		if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine,
			"SELECT state, attempts, args FROM outbox WHERE channel = $1 ORDER BY id DESC LIMIT 1"), requests.SMS).Scan(&state,
			&attempts, &args); err != nil {
			t.Fatal(err)
		}
		if state != "failed" || attempts != 5 || len(p.got()) != 5 || strings.Contains(args, "482913") {
			t.Fatalf("a provider down: %s after %d attempts, %d posts, args %s", state, attempts, len(p.got()), args)
		}
	})
}

// A 4xx is the provider's refusal for good: the message is given up at
// once and never posted again; the token is in no error.
func TestRefusedMessageIsGivenUp(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProvider(t, http.StatusBadRequest)
		queue(t, w)
		g := gateway(t, w, p.URL, nil)
		for range 3 {
			if _, err := w.Services.Requests.Dispatch(t.Context(), g, 10); err != nil {
				t.Fatal(err)
			}
		}
		state, attempts, lastError, _ := outbox(t, w)
		if state != "failed" || attempts != 1 || !strings.Contains(lastError, "HTTP 400") || len(p.got()) != 1 {
			t.Fatalf("%s after %d attempts (%q), %d posts", state, attempts, lastError, len(p.got()))
		}
		if strings.Contains(lastError, token) || strings.Contains(lastError, "482913") {
			t.Fatalf("the error keeps a secret: %q", lastError)
		}
		if _, _, _, args := outbox(t, w); strings.Contains(args, "482913") {
			t.Fatalf("a message given up keeps its code: %s", args)
		}
	})
}

// No answer in time, or no gateway at all, is a passing failure whose
// error names neither the token nor the text.
func TestSilentGatewayIsTriedAgain(t *testing.T) {
	w := testworld.SQLite(t)
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer slow.Close()
	defer close(release)
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	m := requests.Message{Address: "+98 912 345 6789", Locale: "fa", Key: "distribution.code_message",
		Args: map[string]string{"Code": "482913", "Reference": "R-1", "Minutes": "15"}}
	for name, g := range map[string]*sms.Gateway{
		"slow": gateway(t, w, slow.URL, &http.Client{Timeout: 50 * time.Millisecond}),
		"down": gateway(t, w, down.URL, nil),
	} {
		err := g.Send(context.Background(), m)
		if err == nil || errors.Is(err, requests.ErrUndeliverable) || strings.Contains(err.Error(), token) ||
			strings.Contains(err.Error(), "482913") || strings.Contains(g.String(), token) {
			t.Fatalf("%s: %v (%s)", name, err, g)
		}
	}
}

// The text is rendered in the message's language; a message without a
// number or a text is refused for good.
func TestRender(t *testing.T) {
	w := testworld.SQLite(t)
	args := map[string]string{"Code": "482913", "Reference": "R-1", "Minutes": "15"}
	p, err := sms.Render(w.Services.Catalog, requests.Message{Address: "0098 912 345 6789", Locale: "fa",
		Key: "distribution.code_message", Args: args})
	if err != nil || p.To != "+989123456789" || !strings.HasPrefix(p.Text, "کد دریافت اقلام درخواست R-1") {
		t.Fatalf("Render = %+v, %v", p, err)
	}
	raw, _ := json.Marshal(p)
	if !strings.Contains(string(raw), `"to":"+989123456789"`) {
		t.Fatalf("payload %s", raw)
	}
	for _, m := range []requests.Message{{Address: "12 34", Locale: "ru", Key: "distribution.code_message", Args: args},
		{Address: "+77015551234", Locale: "ru", Key: "no.such.message"}} {
		if _, err := sms.Render(w.Services.Catalog, m); err == nil {
			t.Fatalf("rendered %+v", m)
		}
	}
	for in, want := range map[string]string{"+7 (701) 555-12-34": "+77015551234", "8 701 555 12 34": "87015551234",
		"۰۹۱۲۳۴۵۶۷۸۹": "09123456789", "555": ""} {
		if got := sms.Number(in); got != want {
			t.Errorf("Number(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := sms.New("ftp://x", token, w.Services.Catalog, nil); err == nil {
		t.Fatal("an ftp gateway was taken")
	}
	if _, err := sms.New("https://user:pw@x/send", token, w.Services.Catalog, nil); err == nil {
		t.Fatal("credentials in the URL were taken")
	}
	if _, err := sms.New("https://x/send", " ", w.Services.Catalog, nil); err == nil {
		t.Fatal("a gateway without a token was taken")
	}
}
