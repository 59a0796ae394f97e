// Package dashboard gathers the figures coordinators watch every day, per
// campaign and across every campaign a reader may see: children reached
// against targets by region, category and item; the request funnel;
// appeals by kind and their on-time rate; stock against the requests it
// must cover; institutional deliveries against their deadlines; gifts and
// pledges; volunteer hours; and this campaign against the one before.
//
// Figures are aggregates, never a child. The counts over requests are read
// from a per-campaign snapshot (snapshot.go), refreshed by a job and shown
// with the time it was taken, so a view costs the same with a thousand
// requests or a million; the smaller figures (appeals, stock, deliveries)
// are read live from their services, each only when the reader may see
// it. Charts (charts.go) are built from the figures in the reader's
// language, for the web page and for printed reports alike.
package dashboard

import (
	"context"
	"embed"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	CountStatus, CountItems, CountCategories string
	DeleteCells, InsertCell, SaveSnapshot    string
	Snapshot, MarkQueued, Cells              string
}

// MaxAge is how old a snapshot may be before a view asks for a fresh one,
// unless Deps.MaxAge says otherwise; the view still shows the old one,
// with its time, until it is replaced.
const MaxAge = 10 * time.Minute

// Deps are what the dashboard reads. Gifts and Hours may be nil: their
// sections then say there is nothing to show yet.
type Deps struct {
	DB         *store.DB
	Campaigns  *campaign.Service
	People     *people.Service
	Geo        *geo.Service
	Appeals    *appeals.Service
	Stock      *stock.Service
	Deliveries *deliveries.Service
	Jobs       *jobs.Queue
	Gifts      GiftSource
	Hours      HourSource
	// MaxAge is how old a snapshot may grow before a view asks for a
	// fresh one (the installation's setting); MaxAge when nil.
	MaxAge func(context.Context) time.Duration
	Now    func() time.Time
}

// Service builds dashboards and keeps their snapshots.
type Service struct {
	d Deps
	q queries
}

// New returns the service over d.
func New(d Deps) (*Service, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.MaxAge == nil {
		d.MaxAge = func(context.Context) time.Duration { return MaxAge }
	}
	s := &Service{d: d}
	if err := store.BindQueries(&s.q, queryFS, d.DB.Engine); err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	return s, nil
}

// UseGifts sets where gifts and pledges are read from, once that domain
// is wired.
func (s *Service) UseGifts(g GiftSource) { s.d.Gifts = g }

// UseHours sets where volunteer hours are read from.
func (s *Service) UseHours(h HourSource) { s.d.Hours = h }
