package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"runtime/pprof"

	"github.com/jolproject/jol/internal/api"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// serveAPI serves Jol's API on dsn until interrupted.
func serveAPI(dsn, addr string) error {
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	svc, err := services.New(ctx, db, services.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return err
	}
	a, err := api.New(svc, api.Options{})
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	a.Mount(mux)
	mux.HandleFunc("GET /ready", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") })
	if path := os.Getenv("REQUESTLOAD_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	return listen(addr, mux)
}

// serveHello serves the smallest handler net/http has.
func serveHello(addr string) error {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "Hello, world!\n") })
	return listen(addr, mux)
}

// listen serves h on addr until interrupted, then shuts down gracefully.
func listen(addr string, h http.Handler) error {
	srv := &http.Server{Addr: addr, Handler: h}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
