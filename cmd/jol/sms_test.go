package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

// jol serve --sms-gateway posts the codes queued on the SMS channel to
// the gateway with the token from the environment, which is written to
// no log; without a gateway it says codes are off.
func TestServeDeliversCodesToTheGateway(t *testing.T) {
	const token = "tok-77c1-secret"
	got := make(chan string, 10)
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("Authorization") != "Bearer "+token {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		got <- string(body)
	}))
	defer gw.Close()
	dsn := filepath.Join(t.TempDir(), "jol.db")
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// serve starts jol serve and waits until it serves; stop stops it and
	// checks its log holds no token.
	serve := func(getenv map[string]string, args ...string) (log *syncBuffer, stop func()) {
		ctx, cancel := context.WithCancel(t.Context())
		log = &syncBuffer{}
		done := make(chan error, 1)
		e := env{getenv: func(k string) string { return getenv[k] }, stdin: strings.NewReader(""), stdout: log, stderr: log}
		go func() { done <- cmdServe(ctx, e, append([]string{"--db", dsn, "--addr", "127.0.0.1:0"}, args...)) }()
		for deadline := time.Now().Add(60 * time.Second); !strings.Contains(log.String(), "jol is serving"); {
			if time.Now().After(deadline) {
				t.Fatalf("the server did not start:\n%s", log)
			}
			time.Sleep(20 * time.Millisecond)
		}
		return log, func() {
			t.Helper()
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if strings.Contains(log.String(), token) {
				t.Fatalf("the token is in the log:\n%s", log)
			}
		}
	}
	log, stop := serve(nil, "--sms-gateway", gw.URL+"/v1/send?via=jol", "--sms-token-file", file)
	if !strings.Contains(log.String(), "one-time codes go by SMS") {
		t.Fatalf("log:\n%s", log)
	}
	db, err := store.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, err := buildApp(t.Context(), db, newLogger(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	err = a.Requests.Outbox(requests.SMS).Send(t.Context(), requests.Message{Address: "+7 701 555 12 34", Locale: "en",
		Key: "distribution.code_message", Args: map[string]string{"Code": "104729", "Reference": "R-9", "Minutes": "15"}})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case body := <-got:
		want := `{"to":"+77015551234","text":"Your code to collect the items of request R-9 is 104729. It holds for 15 minutes. ` +
			`Tell it only to the staff handing them over."}`
		if body != want {
			t.Fatalf("the gateway got %s", body)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no message reached the gateway")
	}
	stop()

	// Without a gateway the server refuses codes, and says so.
	log, stop = serve(nil)
	stop()
	if !strings.Contains(log.String(), "one-time codes are off") {
		t.Fatalf("log:\n%s", log)
	}
	// The token may come from the environment.
	sf := smsFlags{gateway: new(gw.URL), tokenFile: new("")}
	if g, err := sf.gatewayOf(env{getenv: func(k string) string { return map[string]string{smsTokenEnv: token}[k] }},
		a.Catalog); g == nil || err != nil {
		t.Fatalf("gateway from the environment: %v", err)
	}

	// A token file and the variable at once, or a gateway without a
	// token, are usage errors.
	for _, c := range []struct {
		env  map[string]string
		args []string
	}{
		{map[string]string{smsTokenEnv: token}, []string{"--sms-gateway", gw.URL, "--sms-token-file", file}},
		{nil, []string{"--sms-gateway", gw.URL}},
		{nil, []string{"--sms-token-file", file}},
		{nil, []string{"--sms-gateway", "ftp://example.org", "--sms-token-file", file}},
	} {
		var log bytes.Buffer
		e := env{getenv: func(k string) string { return c.env[k] }, stdout: &log, stderr: &log}
		err := cmdServe(t.Context(), e, append([]string{"--db", dsn, "--addr", "127.0.0.1:0"}, c.args...))
		if !errors.Is(err, errUsage) || strings.Contains(err.Error(), token) || strings.Contains(log.String(), token) {
			t.Fatalf("%v: %v", c.args, err)
		}
	}
}
