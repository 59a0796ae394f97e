package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/store/storetest"
)

// testServer is a whole Jol on a free port with the demo data loaded, on
// the engine JOL_TEST_ENGINE names (SQLite by default).
type testServer struct {
	url string
	app *app
}

func startServer(t testing.TB) *testServer { return startServerWith(t, true) }

// startServerWith starts a server with or without the demo data.
func startServerWith(t testing.TB, withDemo bool) *testServer {
	t.Helper()
	return startServerConfig(t, withDemo, serveConfig{})
}

// startServerConfig starts a server with or without the demo data, with
// cfg's settings (its address, workers and ready are the test's).
func startServerConfig(t testing.TB, withDemo bool, cfg serveConfig) *testServer {
	t.Helper()
	db := storetest.Engine(t)
	ctx, cancel := context.WithCancel(context.Background())
	a, err := buildApp(ctx, db, newLogger(testLog(t)))
	if err != nil {
		t.Fatal(err)
	}
	scratch, err := imports.OpenScratch(filepath.Join(t.TempDir(), "tmp")) // as serve's, in its data directory
	if err != nil {
		t.Fatal(err)
	}
	a.Imports.TempDir = scratch.Dir
	if withDemo {
		// Organisations and logins only: the demo's 2,000 children are
		// tested in internal/demo and would slow every server test here.
		if _, err := demo.Seed(ctx, a.Services, demo.Options{NoRegistry: true}); err != nil {
			t.Fatal(err)
		}
	}
	ready := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		cfg.addr, cfg.workers, cfg.ready = "127.0.0.1:0", 1, func(u string) { ready <- u }
		if err := a.serve(ctx, cfg); err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	t.Cleanup(func() { cancel(); wg.Wait(); _ = scratch.Close() })
	select {
	case u := <-ready:
		return &testServer{url: u, app: a}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
		return nil
	}
}

// client returns an HTTP client with its own cookie jar that does not
// follow redirects, so tests see each response as it is.
func (s *testServer) client(t testing.TB) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login logs a demo user in and returns their client.
func (s *testServer) login(t testing.TB, local string) *http.Client {
	t.Helper()
	c := s.client(t)
	res, err := c.PostForm(s.url+"/login", url.Values{"email": {demo.Email(local)}, "password": {demo.Password}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: status %d", local, res.StatusCode)
	}
	return c
}

func get(t *testing.T, c *http.Client, u string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestHealthAndMetrics(t *testing.T) {
	s := startServer(t)
	c := s.client(t)
	if code, body := get(t, c, s.url+"/healthz"); code != 200 || !strings.Contains(body, `"ok"`) {
		t.Fatalf("healthz: %d %s", code, body)
	}
	get(t, c, s.url+"/login")
	code, body := get(t, c, s.url+"/metrics")
	if code != 200 || !strings.Contains(body, `jol_http_requests_total{code="200",method="GET",route="GET /login"}`) ||
		!strings.Contains(body, "jol_jobs{status=\"queued\"}") {
		t.Fatalf("metrics: %d\n%s", code, body)
	}
}

// testLog sends the server's log to the test output when JOL_TEST_LOG=1.
func testLog(t testing.TB) io.Writer {
	if os.Getenv("JOL_TEST_LOG") == "1" {
		return os.Stderr
	}
	return io.Discard
}
