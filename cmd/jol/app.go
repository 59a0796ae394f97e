package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/store"
)

// errMigrate marks a database that opened but could not be brought to
// the current schema.
var errMigrate = errors.New("cannot migrate database")

// app is every service of one installation, wired together in one place.
type app struct {
	db       *store.DB
	logger   *slog.Logger
	now      func() time.Time
	audit    *audit.Log
	accounts *accounts.Service
	geo      *geo.Service
	orgs     *orgs.Service
	people   *people.Service
	settings *settings.Service
	jobs     *jobs.Queue
	imports  *imports.Service
	catalog  *i18n.Catalog
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
	if a.audit, err = audit.New(db, a.now); err != nil {
		return nil, err
	}
	hasher := accounts.NewHasher(accounts.DefaultParams, accounts.ConcurrentHashes())
	if a.accounts, err = accounts.New(db, a.audit, hasher, a.now); err != nil {
		return nil, err
	}
	if a.geo, err = geo.New(db, a.audit, a.now); err != nil {
		return nil, err
	}
	if err := a.geo.Seed(ctx); err != nil {
		return nil, fmt.Errorf("seed reference regions: %w", err)
	}
	if a.orgs, err = orgs.New(db, a.audit, a.now); err != nil {
		return nil, err
	}
	if a.people, err = people.New(db, a.audit, a.now); err != nil {
		return nil, err
	}
	if err := a.people.Seed(ctx); err != nil {
		return nil, fmt.Errorf("seed categories: %w", err)
	}
	// Persons and households copy organisation and region paths; moves of
	// either carry them in the same transaction.
	a.orgs.OnMove(a.people.RepathOrgs)
	a.geo.OnMove(a.people.RepathRegions)
	if a.settings, err = settings.New(db, a.audit, a.now); err != nil {
		return nil, err
	}
	if a.jobs, err = jobs.New(db, a.now, logger, jobs.WithAudit(a.audit)); err != nil {
		return nil, err
	}
	a.imports, err = imports.New(db, imports.Deps{People: a.people, Geo: a.geo, Orgs: a.orgs, Accounts: a.accounts,
		Audit: a.audit, Jobs: a.jobs, Now: a.now})
	if err != nil {
		return nil, err
	}
	a.jobs.Register(imports.JobKind, a.imports.Handle)
	if a.catalog, err = i18n.New(); err != nil {
		return nil, err
	}
	return a, nil
}

func (a *app) Close() error { return a.db.Close() }
