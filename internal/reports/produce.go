package reports

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// Report is a campaign's final report as produced.
type Report struct {
	CampaignID int64     `json:"campaign_id"`
	ProducedAt time.Time `json:"produced_at"`
	ProducedBy int64     `json:"produced_by,omitempty"`
	Figures    Figures   `json:"figures"`
}

// Produce makes the final report of campaign id: the campaign must be
// closed (it is then reported, its results frozen) or reported without a
// report yet. Its figures are counted anew and kept, and its public
// page published. A campaign still open (or a draft) is refused, naming
// its status; a report made once is not made again.
func (s *Service) Produce(ctx context.Context, p access.Principal, id int64) (Report, error) {
	if err := access.Can(p, access.ProduceReport, p.Scope()); err != nil {
		return Report{}, err
	}
	c, err := s.d.Campaigns.Get(ctx, p, id)
	if err != nil {
		return Report{}, err
	}
	if err := access.Can(p, access.ProduceReport, c.Target()); err != nil {
		return Report{}, err
	}
	var n int
	if err := s.db.R.QueryRowContext(ctx, s.q.Exists, id).Scan(&n); err != nil {
		return Report{}, err
	}
	switch {
	case n > 0:
		return Report{}, errs.New(errs.Conflict, "error.report_exists")
	case c.Status != campaign.Closed && c.Status != campaign.Reported:
		return Report{}, errs.New(errs.Conflict, "error.report_not_closed", "Status", i18n.Key("campaign.status."+string(c.Status)))
	}
	f, err := s.figures(ctx, c)
	if err != nil {
		return Report{}, err
	}
	if c.Status == campaign.Closed {
		// Reporting freezes the results; a failure past this point
		// leaves a reported campaign without a report, which may be
		// produced again.
		if c, err = s.d.Campaigns.Transition(ctx, p, id, c.Version, campaign.Reported); err != nil {
			return Report{}, err
		}
	}
	data, err := json.Marshal(f)
	if err != nil {
		return Report{}, err
	}
	r := Report{CampaignID: id, ProducedAt: s.d.Now().UTC().Truncate(time.Second), ProducedBy: p.UserID, Figures: f}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var by any
		if p.UserID != 0 {
			by = p.UserID
		}
		if _, err := tx.ExecContext(ctx, s.q.Insert, id, r.ProducedAt, by, string(data)); err != nil {
			return err
		}
		return s.d.Audit.Record(ctx, tx, p, audit.Change{Action: "produce", Entity: "campaign_report",
			EntityID: strconv.FormatInt(id, 10), OrgPath: c.Target().OrgPath, RegionPath: c.Target().RegionPath,
			After: map[string]any{"requests": f.Requests, "reached": f.Reached, "delivered": f.Delivered}})
	})
	return r, err
}
