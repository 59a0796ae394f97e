// Package reports makes a campaign's final report pack: one action on a
// closed campaign reports it (freezing its results) and keeps its figures
// as they are then — totals, the request funnel, the tables of children
// reached by region and item, by region and category, requests by region
// and outcome, gifts, volunteer hours, partners and the sponsors who
// consented to be named — from which the PDF report, the XLSX workbook
// and the public campaign page are drawn, each in the language asked for.
//
// What is published (the public page and the PDF, which goes to the
// press) shows the tables through package suppress: no count under 5, and
// none that the totals give away. The workbook, for staff who may see the
// report, holds the counts whole.
package reports

import (
	"embed"
	"fmt"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/pdfdoc"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	Insert, Get, Exists string
}

// Deps are what reports read and write through.
type Deps struct {
	Audit     *audit.Log
	Campaigns *campaign.Service
	Dashboard *dashboard.Service
	People    *people.Service
	Geo       *geo.Service
	Sponsors  *sponsors.Service
	Catalog   *i18n.Catalog
	// PDF draws the reports; nil builds one at the first report.
	PDF *pdfdoc.Renderer
	Now func() time.Time
}

// Service produces reports and draws them.
type Service struct {
	db      *store.DB
	d       Deps
	q       queries
	pdfOnce sync.Once
	pdfErr  error
}

// New returns the service over db.
func New(db *store.DB, d Deps) (*Service, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Service{db: db, d: d}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("reports: %w", err)
	}
	return s, nil
}
