package imports

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// SetCampaign records the campaign upload up files its requests in (a
// school's list), for its preview and its runs: it is kept with the
// preview (Preview.Campaign). p must be allowed to
// import for the upload's organisation and to submit requests there;
// whether the campaign takes them is the rows' business (see
// SchoolListTarget).
func (s *Service) SetCampaign(ctx context.Context, p access.Principal, up Upload, campaignID int64) error {
	if up.Purged {
		return errPurged
	}
	if campaignID <= 0 {
		return errs.Validation(errs.Field("campaign", "error.required"))
	}
	if err := canImport(p, up.OrgPath); err != nil {
		return err
	}
	if err := access.Can(p, access.SubmitRequests, access.Target{OrgPath: up.OrgPath, RegionPath: p.RegionPath}); err != nil {
		return err
	}
	before := up.Preview.Campaign
	up.Preview.Campaign = campaignID
	pv, err := json.Marshal(up.Preview)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.SetPreview, up.ID, string(pv)); err != nil {
			return err
		}
		return s.Audit.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "import_upload",
			EntityID: strconv.FormatInt(up.ID, 10), OrgPath: up.OrgPath,
			Before: map[string]any{"campaign": before}, After: map[string]any{"campaign": campaignID}})
	})
}
