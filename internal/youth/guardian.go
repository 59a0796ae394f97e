package youth

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// RecordGuardianConsent records that a minor's guardian consented to
// mentoring: the guardian's name, relation and contact and the day they
// consented (not in the future), recorded by p, who must be allowed to
// keep the young person's record. A later consent replaces the earlier.
func (s *Service) RecordGuardianConsent(ctx context.Context, p access.Principal, id int64, g Guardian) (Youth, error) {
	if err := access.Can(p, access.ManageYouth, p.Scope()); err != nil {
		return Youth{}, err
	}
	g.Name, g.Relation, g.Contact = strings.TrimSpace(g.Name), strings.TrimSpace(g.Relation), strings.TrimSpace(g.Contact)
	g.ConsentOn, g.RecordedBy, g.Recorder = store.Day(g.ConsentOn), p.UserID, p.Name
	var y Youth
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageYouth, before.Target()); err != nil {
			return err
		}
		if err := errs.Validation(g.check(s.today(), before.Birth)...); err != nil {
			return err
		}
		y = before
		y.Guardian, y.UpdatedAt = g, s.now().UTC()
		if _, err := tx.ExecContext(ctx, s.q.SetGuardian, g.Name, g.Relation, g.Contact, store.NullDate(g.ConsentOn),
			store.NullID(g.RecordedBy), g.Recorder, y.UpdatedAt, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "give_consent", Entity: "youth", EntityID: itoa(id),
			OrgPath: y.OrgPath, RegionPath: y.RegionPath, Before: before, After: y})
	})
	if err != nil {
		return Youth{}, err
	}
	return s.seen(ctx, p, y)
}

// MatchReady lists what young person y still needs before a match on day
// on, as i18n keys ("youth.missing.guardian_consent"); none when they
// may be matched. A minor needs their guardian's consent.
func MatchReady(y Youth, on time.Time) []string {
	var missing []string
	if y.Minor(on) && !y.Guardian.Consented() {
		missing = append(missing, "youth.missing.guardian_consent")
	}
	return missing
}

// ForMatch is y as the matching takes them (internal/mentoring/match),
// with the mentors they ranked, the first choice first, and the formats
// they can meet in. Region is the first-level region they live in (the
// code below the country), the level a mentor's region is compared at.
func ForMatch(y Youth, choices []int64, formats []string) match.Youth {
	region := geo.PathCode(y.RegionPath)
	if codes := geo.PathCodes(y.RegionPath); len(codes) > 1 {
		region = codes[1]
	}
	return match.Youth{ID: y.ID, Birth: y.Birth, Region: region, Field: y.Field,
		Languages: []string{y.Language}, Formats: formats, Choices: choices, Consent: y.Guardian.Consented()}
}

// check returns the problems of a guardian's consent recorded on
// day today.
func (g Guardian) check(today, birth time.Time) []errs.FieldError {
	var fs []errs.FieldError
	fs = valid.Name(fs, "guardian_name", g.Name, MaxName)
	fs = valid.Name(fs, "guardian_relation", g.Relation, MaxRelation)
	fs = valid.Name(fs, "guardian_contact", g.Contact, MaxContact)
	switch {
	case g.ConsentOn.IsZero():
		fs = append(fs, errs.Field("consent_on", "error.required", "Field", "consent_on"))
	case g.ConsentOn.After(today) || g.ConsentOn.Before(birth):
		fs = append(fs, errs.Field("consent_on", "error.youth_consent_date"))
	}
	return fs
}
