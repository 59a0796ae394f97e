package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/api"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/metrics"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web"
)

func cmdServe(ctx context.Context, e env, args []string) error {
	f := newFlags(e, "serve", "serve [flags]")
	addr := f.String("addr", ":8080", "address to listen on")
	dsn := f.String("db", "jol.db", "SQLite file, or a postgres:// URL for PostgreSQL")
	workers := f.Int("workers", 2, "background job workers")
	secure := f.String("secure-cookies", "false", "mark cookies Secure (true when served over HTTPS)")
	proxies := f.String("trusted-proxies", "", "comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For is believed")
	dedupeEvery := f.Duration("dedupe-every", 24*time.Hour, "how often to scan the registry for duplicates (0: only on demand and after imports)")
	dataDir := dataDirFlag(f)
	tgConfig := telegramFlags(f)
	smsf := addSMSFlags(f)
	if err := f.parse(args); err != nil {
		return err
	}
	tg, err := tgConfig()
	if err != nil {
		return err
	}
	trusted, err := parsePrefixes(*proxies)
	if err != nil {
		return fmt.Errorf("%w: --trusted-proxies: %v", errUsage, err)
	}
	logger := newLogger(e.stderr)
	a, err := openApp(ctx, *dsn, logger)
	if err != nil {
		return err
	}
	defer a.Close()
	gw, err := smsf.gatewayOf(e, a.Catalog)
	if err != nil {
		return err
	}
	var phone requests.Sender
	if gw != nil {
		// Codes wait in the outbox (as services.New set) for the
		// dispatcher of the SMS channel, which posts them to the gateway.
		phone = gw
		logger.Info("one-time codes go by SMS", "gateway", gw.String())
	} else {
		// Nothing would deliver a queued code: refuse codes plainly, and
		// the staff take a signature or the signed list.
		a.Distribution.SetSender(nil)
		logger.Info("one-time codes are off: no --sms-gateway")
	}
	scratch, err := openScratch(*dsn, *dataDir)
	if err != nil {
		return err
	}
	defer scratch.Close()
	a.Imports.TempDir = scratch.Dir
	return a.serve(ctx, serveConfig{addr: *addr, workers: *workers, secureCookies: *secure == "true", trustedProxies: trusted,
		dedupeEvery: *dedupeEvery, telegram: tg, sms: phone, ready: func(url string) { logger.Info("jol is serving", "url", url, "db", dsnLabel(*dsn)) }})
}

type serveConfig struct {
	addr           string
	workers        int
	secureCookies  bool
	trustedProxies []netip.Prefix
	dedupeEvery    time.Duration    // scans of the registry for duplicates; 0: none on a schedule
	telegram       telegramConfig   // the bot; off without a token
	sms            requests.Sender  // the gateway of text messages; nil: none, codes wait or are refused
	ready          func(url string) // called once the listener is open
}

// parsePrefixes reads "127.0.0.1, 10.0.0.0/8": addresses or CIDR prefixes.
func parsePrefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if a, err := netip.ParseAddr(part); err == nil {
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, fmt.Errorf("%q is neither an address nor a CIDR prefix", part)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// surfaces are the HTTP faces of Jol, assembled on one ServeMux.
type surfaces struct {
	handler http.Handler
	web     *web.Server
	api     *api.API
}

// handler assembles every surface on one ServeMux, so every route of Jol
// is registered here and metrics see each route's pattern.
func (a *app) handler(cfg serveConfig) (*surfaces, error) {
	w, err := web.New(a.Services, web.Options{Logger: a.logger, Now: a.now, SecureCookies: cfg.secureCookies,
		TrustedProxies: cfg.trustedProxies})
	if err != nil {
		return nil, err
	}
	m := metrics.New(a.Jobs.Counts)
	if err := m.Register(a.Bot.Metrics().Collectors()...); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.Handle("GET /metrics", m.Handler())
	if hook := a.webhookHandler(cfg.telegram); hook != nil {
		// Registered here, not with the web UI's routes: those pass the
		// cross-origin protection, which Telegram's posts would fail.
		mux.Handle("POST "+webhookPath, hook)
	}
	v1, err := a.mountAPI(mux, w.ClientIP)
	if err != nil {
		return nil, err
	}
	w.Mount(mux)
	return &surfaces{handler: m.Middleware(mux), web: w, api: v1}, nil
}

// serve runs the HTTP server and the job workers until ctx is cancelled,
// then shuts down gracefully: in-flight requests get ten seconds, running
// jobs are told to stop and waited for.
func (a *app) serve(ctx context.Context, cfg serveConfig) error {
	sf, err := a.handler(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.addr, err)
	}
	srv := &http.Server{Handler: sf.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second}
	bg, stopBG := context.WithCancel(ctx)
	defer stopBG()
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := a.Jobs.Start(bg, cfg.workers); err != nil && bg.Err() == nil {
			a.logger.Error("jobs stopped", "err", err)
		}
	})
	wg.Go(func() { sf.web.CleanSessions(bg, 10*time.Minute) })
	wg.Go(func() { a.Imports.PurgeEvery(bg, time.Hour, a.logger) })
	wg.Go(func() { a.Allocation.WatchStock(bg, time.Minute, a.logger) })
	// Devices handed over get their set-up tasks (see aftercare.Sync).
	wg.Go(func() { a.Aftercare.SyncEvery(bg, aftercare.SyncInterval, a.logger) })
	wg.Go(func() { a.Sponsors.RemindEvery(bg, sponsors.RemindInterval, a.logger) })
	// Proposals past their reply deadline expire and their young people
	// are matched again.
	wg.Go(func() { a.Matching.SweepEvery(bg, matching.SweepInterval, a.logger) })
	// One-time codes queued on the SMS channel go to the gateway.
	if cfg.sms != nil {
		wg.Go(func() { a.Requests.DispatchEvery(bg, cfg.sms, smsEvery, a.logger) })
	}
	if cfg.dedupeEvery > 0 {
		wg.Go(func() { a.Dedupe.ScanEvery(bg, cfg.dedupeEvery, a.logger) })
	}
	wg.Go(func() { a.Requests.DispatchEvery(bg, a.notifier(), notifyEvery, a.logger) })
	// The day before a distribution day its invited families are reminded.
	wg.Go(func() { a.Distribution.RemindEvery(bg, distribution.RemindInterval, a.logger) })
	wg.Go(func() { a.runBot(bg, &wg, cfg.telegram) }) // getMe must not hold up the web UI
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if cfg.ready != nil {
		cfg.ready(listenURL(ln.Addr()))
	}
	select {
	case err = <-served:
	case <-ctx.Done():
		shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = srv.Shutdown(shutCtx)
		cancel()
	}
	stopBG()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

func (a *app) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "application/json")
	if err := a.db.R.PingContext(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, `{"status":"unavailable","database":"down"}`)
		return
	}
	fmt.Fprintln(w, `{"status":"ok"}`)
}

// listenURL is the address a person can open: a wildcard host becomes localhost.
func listenURL(addr net.Addr) string {
	host, port, _ := net.SplitHostPort(addr.String())
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
