package sponsors

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// check cleans in and answers the field errors that need no database.
func check(in *Input) []errs.FieldError {
	in.Name, in.Notes, in.Language = text.Clean(in.Name), text.Clean(in.Notes), text.Clean(in.Language)
	var fs []errs.FieldError
	if in.Kind != stock.DonorPerson && in.Kind != stock.DonorCompany && in.Kind != stock.DonorOrganisation {
		fs = append(fs, valid.Choice("kind", stock.DonorPerson, stock.DonorCompany))
	}
	if in.Language != "" && !i18n.Locale(in.Language).Valid() {
		fs = append(fs, errs.Field("language", "error.sponsor_language", "Value", in.Language))
	}
	fs = valid.Note(fs, "notes", in.Notes)
	if len(in.Contacts) > MaxContacts {
		fs = append(fs, errs.Field("contacts", "error.too_many", "Field", "contacts", "Count", MaxContacts))
	}
	kept := in.Contacts[:0]
	for _, c := range in.Contacts {
		c.Value = text.Clean(c.Value)
		if c.Value == "" {
			continue
		}
		switch c.Kind {
		case Phone, Email, Address, Person:
		default:
			fs = append(fs, valid.Choice("contacts", ContactKinds()...))
		}
		fs = valid.Line(fs, "contacts", c.Value, MaxText)
		kept = append(kept, c)
	}
	in.Contacts = kept
	if len(in.CampaignIDs) > MaxCampaigns {
		fs = append(fs, errs.Field("campaign_ids", "error.too_many", "Field", "campaign_ids", "Count", MaxCampaigns))
	}
	return fs
}

// checkRefs checks what in names in the database: the campaigns and the
// portal login, which must be a user of role sponsor linked to no other
// sponsor than self.
func (s *Service) checkRefs(ctx context.Context, tx *sql.Tx, in Input, self int64) error {
	var fs []errs.FieldError
	seen := map[int64]bool{}
	for _, c := range in.CampaignIDs {
		var one int
		if err := tx.QueryRowContext(ctx, s.q.CampaignExists, c).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			fs = append(fs, errs.Field("campaign_ids", "error.sponsor_campaign_unknown"))
		} else if err != nil {
			return err
		}
		if seen[c] {
			fs = append(fs, errs.Field("campaign_ids", "error.sponsor_campaign_unknown"))
		}
		seen[c] = true
	}
	if in.UserID != 0 {
		var role string
		var other sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q.UserRole, in.UserID).Scan(&role, &other)
		switch {
		case errors.Is(err, sql.ErrNoRows) || (err == nil && role != string(access.Sponsor)):
			fs = append(fs, errs.Field("user_id", "error.sponsor_login_role"))
		case err != nil:
			return err
		case other.Valid && other.Int64 != self:
			fs = append(fs, errs.Field("user_id", "error.sponsor_login_taken"))
		}
	}
	return errs.Validation(fs...)
}
