package selection

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Create opens a selection of organisation in.OrgID, collecting scores.
// Every problem of the input is answered at once: fixed quotas must
// each be zero or more and sum to the places.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Selection, error) {
	if err := access.Can(p, access.ManageSelection, p.Scope()); err != nil {
		return Selection{}, err
	}
	in.Name = strings.TrimSpace(in.Name)
	if in.Places == 0 {
		in.Places = DefaultPlaces
	}
	if in.AppealDays == 0 {
		in.AppealDays = DefaultAppealDays
	}
	fs := valid.Name(nil, "name", in.Name, MaxName)
	if in.Places < 1 || in.Places > MaxPlaces {
		fs = append(fs, errs.Field("places", "error.selection_places", "Max", MaxPlaces))
	}
	if !slices.Contains([]QuotaMode{Fixed, ProportionalQuotas}, in.QuotaMode) {
		fs = append(fs, valid.Choice("quota_mode", Fixed, ProportionalQuotas))
	}
	if !slices.Contains([]TieRule{RegisteredFirst, Draw}, in.TieRule) {
		fs = append(fs, valid.Choice("tie_rule", RegisteredFirst, Draw))
	}
	if in.AppealDays < 1 || in.AppealDays > MaxAppealDays {
		fs = append(fs, errs.Field("appeal_days", "error.selection_appeal_days", "Max", MaxAppealDays))
	}
	if in.QuotaMode == Fixed {
		fs = append(fs, checkQuotas(in.Quotas, in.Places)...)
	}
	var org struct {
		name, path, region string
	}
	err := s.db.R.QueryRowContext(ctx, s.q.OrgByID, in.OrgID).Scan(new(int64), &org.name, &org.path, &org.region)
	if err == sql.ErrNoRows || (err == nil && !access.Within(p, access.Target{OrgPath: org.path, RegionPath: org.region})) {
		fs = append(fs, errs.Field("org_id", "error.selection_org"))
	} else if err != nil {
		return Selection{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Selection{}, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertSelection, in.Name, in.OrgID, org.path, org.region, in.Places,
			in.QuotaMode, in.TieRule, in.AppealDays, nullUser(p), s.now().UTC()).Scan(&id)
		if err != nil {
			return err
		}
		if in.QuotaMode == Fixed {
			if err := s.writeQuotas(ctx, tx, id, in.Quotas); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "selection", EntityID: itoa(id),
			OrgPath: org.path, RegionPath: org.region, After: in})
	})
	if err != nil {
		return Selection{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// checkQuotas answers what is wrong with fixed quotas for places.
func checkQuotas(q map[Macro]int, places int) []errs.FieldError {
	var fs []errs.FieldError
	sum := 0
	for _, m := range Macros() {
		if q[m] < 0 {
			fs = append(fs, errs.Field("quota_"+string(m), "error.selection_quota_negative"))
		}
		sum += q[m]
	}
	for m := range q {
		if !slices.Contains(Macros(), m) {
			fs = append(fs, valid.Choice("quotas", Macros()...))
		}
	}
	if len(fs) == 0 && sum != places {
		fs = append(fs, errs.Field("quotas", "error.selection_quota_sum", "Sum", sum, "Places", places))
	}
	return fs
}

// writeQuotas replaces selection id's quotas with q.
func (s *Service) writeQuotas(ctx context.Context, tx store.Querier, id int64, q map[Macro]int) error {
	if _, err := tx.ExecContext(ctx, s.q.DeleteQuotas, id); err != nil {
		return err
	}
	for _, m := range Macros() {
		if _, err := tx.ExecContext(ctx, s.q.InsertQuota, id, m, q[m]); err != nil {
			return err
		}
	}
	return nil
}

// nullUser is p's user id for a created_by column, NULL for none.
func nullUser(p access.Principal) sql.NullInt64 {
	return sql.NullInt64{Int64: p.UserID, Valid: p.UserID != 0}
}
