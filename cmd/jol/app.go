package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

// errMigrate marks a database that opened but could not be brought to
// the current schema.
var errMigrate = errors.New("cannot migrate database")

// app is one installation: its database and its services.
type app struct {
	*services.Services
	db     *store.DB
	logger *slog.Logger
	now    func() time.Time
}

func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// openApp opens and migrates the database, seeds the reference regions
// and builds the services.
func openApp(ctx context.Context, dsn string, logger *slog.Logger) (*app, error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	a, err := buildApp(ctx, db, logger)
	if err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

func buildApp(ctx context.Context, db *store.DB, logger *slog.Logger) (*app, error) {
	if _, err := db.Migrate(ctx); err != nil {
		return nil, fmt.Errorf("%w: %w", errMigrate, err)
	}
	a := &app{db: db, logger: logger, now: time.Now}
	var err error
	if a.Services, err = services.New(ctx, db, services.Options{Now: a.now, Logger: logger}); err != nil {
		return nil, err
	}
	return a, nil
}

// defaultLocale is the installation's language, for whoever has not
// chosen one.
func (a *app) defaultLocale(ctx context.Context) string {
	v, err := a.Settings.Get(ctx)
	if err != nil || v.DefaultLocale == "" {
		return "en"
	}
	return v.DefaultLocale
}

func (a *app) Close() error { return a.db.Close() }
