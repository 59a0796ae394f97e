package dashboard

import (
	"time"

	"github.com/jolproject/jol/internal/appeals"
)

// Dashboard are the figures of one campaign, or of every campaign a reader
// may see (CampaignID 0), within the reader's region subtree. Names are in
// the language the dashboard was asked in.
type Dashboard struct {
	CampaignID int64  `json:"campaign_id,omitempty"`
	Name       string `json:"name,omitempty"`
	// AsOf is when the counts over requests were taken (the oldest
	// snapshot, across campaigns).
	AsOf time.Time `json:"as_of"`

	Requests  int64 `json:"requests"`
	Reached   int64 `json:"reached"` // children whose request is approved, allocated or delivered
	Delivered int64 `json:"delivered"`

	// Funnel counts the requests that reached each step of the lifecycle
	// (submitted, under review, verified, approved, allocated, delivered);
	// Outside those that left it or wait (rejected, withdrawn, waitlisted).
	Funnel  []Step `json:"funnel"`
	Outside []Step `json:"outside"`

	Regions    []RegionFigure   `json:"regions"`
	Items      []ItemFigure     `json:"items"`
	Categories []CategoryFigure `json:"categories"`
	// Campaigns are each campaign's totals, across campaigns only.
	Campaigns []CampaignFigure `json:"campaigns,omitempty"`
	// Years set each programme's campaigns of this year against last
	// year's, across campaigns only.
	Years []YearFigure `json:"years,omitempty"`

	// The sections below are nil when the reader may not see them (or,
	// for gifts and hours, when they are not kept yet).
	Appeals    *Appeals    `json:"appeals,omitempty"`
	Stock      bool        `json:"stock"` // the items' stock figures are filled
	Deliveries *Deliveries `json:"deliveries,omitempty"`
	Gifts      *Gifts      `json:"gifts,omitempty"`
	Hours      *Hours      `json:"hours,omitempty"`
	// Previous is the campaign this one compares with.
	Previous *Previous `json:"previous,omitempty"`
}

// Step is a count of requests at one status.
type Step struct {
	Status   string `json:"status"`
	Requests int64  `json:"requests"`
}

// RegionFigure is the children reached in one region the campaign covers
// (or one first-level region, when it names none), with their target, and
// each offered item's units reached there against its target for the
// region. A target counts one unit of an item per child, so the children's
// target is the item's target when the campaign offers one item, and the
// largest of the items' targets when it offers several (a child may be
// given each of them).
type RegionFigure struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Path    string `json:"-"`
	Reached int64  `json:"reached"`
	Target  int64  `json:"target,omitempty"`
	// Items are the offered items in the campaign's order; a campaign's
	// dashboard only.
	Items []RegionItem `json:"items,omitempty"`
}

// RegionItem is one item's units reached in a region (and the children
// given it) against the campaign's target for that item and region (0
// when it sets none).
type RegionItem struct {
	ItemID   int64 `json:"item_id"`
	Reached  int64 `json:"reached"`
	Children int64 `json:"children"`
	Target   int64 `json:"target,omitempty"`
}

// ItemFigure is one offered item: units asked, in progress (approved,
// allocated or delivered) and delivered against its target; the units
// asked by requests not yet allocated (Open) against the stock available;
// and what the previous campaign gave (-1 when it offered none).
type ItemFigure struct {
	ItemID    int64  `json:"item_id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Target    int64  `json:"target"`
	Asked     int64  `json:"asked"`
	Reached   int64  `json:"reached"`
	Delivered int64  `json:"delivered"`
	Children  int64  `json:"children"`
	Open      int64  `json:"open"`
	OnHand    int64  `json:"on_hand"`
	Available int64  `json:"available"`
	Previous  int64  `json:"previous"`
	// Whole is Reached over the whole campaign, whatever the reader's
	// region: what Previous compares with.
	Whole int64 `json:"whole_reached"`
}

// Coverage is the share of the open demand the available stock covers,
// from 0 to 1 (1 when nothing is open).
func (f ItemFigure) Coverage() float64 {
	if f.Open <= 0 {
		return 1
	}
	return min(1, float64(f.Available)/float64(f.Open))
}

// CategoryFigure is the children reached who hold one category.
type CategoryFigure struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Children int64  `json:"children"`
}

// CampaignFigure is one campaign's totals.
type CampaignFigure struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Requests  int64  `json:"requests"`
	Reached   int64  `json:"reached"`
	Delivered int64  `json:"delivered"`
	Programme string `json:"programme"`
	Year      int    `json:"year"` // the year it starts in
}

// Appeals are the appeals received during the campaign's period.
type Appeals struct {
	From   time.Time       `json:"from"`
	To     time.Time       `json:"to"`
	Total  appeals.Tally   `json:"total"`
	ByKind []appeals.Tally `json:"by_kind"`
}

// Deliveries count the campaign's institutional deliveries by risk
// (overdue, due soon, in transit, … , confirmed).
type Deliveries struct {
	ByRisk []RiskCount `json:"by_risk"`
}

// RiskCount is the deliveries at one risk.
type RiskCount struct {
	Risk  string `json:"risk"`
	Count int    `json:"count"`
}

// Previous is the campaign compared with and its figures per item.
type Previous struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Reported bool   `json:"reported"`
	Total    int64  `json:"total"` // what it gave of every item
}
