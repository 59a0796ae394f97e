package youth

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// GuardianRecorder is the recorder of a consent given through a guardian
// link, as the young person's record names it.
const GuardianRecorder = "guardian (link)"

// The answers a link that no longer asks gives instead of its page: it
// was answered (or the consent was recorded another way), or it expired.
// Whoever holds the link may know that much; an unknown or replaced link
// is errs.ErrNotFound and says nothing.
var (
	ErrGuardianLinkUsed    = errs.New(errs.Conflict, "error.youth_guardian_link_used")
	ErrGuardianLinkExpired = errs.New(errs.Conflict, "error.youth_guardian_link_expired")
)

// GuardianInvite is what a guardian link shows its holder of the young
// person: their first name, age group and language, nothing more.
type GuardianInvite struct {
	YouthID   int64     `json:"-"`
	FirstName string    `json:"first_name"`
	AgeGroup  AgeGroup  `json:"age_group"`
	Language  string    `json:"language"`
	Expires   time.Time `json:"expires_at"`
}

// GuardianByLink returns what guardian link token shows, while it still
// asks: ErrGuardianLinkUsed once answered, ErrGuardianLinkExpired past
// its time, errs.ErrNotFound for a token of the wrong shape, an unknown
// one and a replaced one alike. Throttling the callers is the surface's
// work, as for every public page.
func (s *Service) GuardianByLink(ctx context.Context, token string) (GuardianInvite, error) {
	id, _, err := s.openGuardianLink(ctx, s.db.R, token)
	if err != nil {
		return GuardianInvite{}, err
	}
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return GuardianInvite{}, err
	}
	if y.Guardian.Consented() {
		return GuardianInvite{}, ErrGuardianLinkUsed
	}
	st, err := s.guardianLinkOf(ctx, s.db.R, id)
	return GuardianInvite{YouthID: id, FirstName: y.FirstName, AgeGroup: y.AgeGroup, Language: y.Language,
		Expires: st.Expires}, err
}

// AnswerGuardianLink records the answer of the guardian holding link
// token, once: a consent is recorded as RecordGuardianConsent would, with
// the guardian named at registration, today's date and GuardianRecorder;
// a refusal is kept on the link for the coordinator. Either is written
// to the change log with the link as the actor, and the link stops
// asking. Of answers sent at once, one is recorded and the others get
// ErrGuardianLinkUsed; errors are as GuardianByLink's.
func (s *Service) AnswerGuardianLink(ctx context.Context, token string, a GuardianAnswer) error {
	if a != GuardianConsents && a != GuardianDeclines {
		return errs.Validation(errs.Field("answer", "error.invalid"))
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		id, hash, err := s.openGuardianLink(ctx, tx, token)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		if err := affected(tx.ExecContext(ctx, s.q.AnswerGuardianLink, id, hash, string(a), now)); err != nil {
			if errors.Is(err, errs.ErrNotFound) {
				return ErrGuardianLinkUsed // another answer came first
			}
			return err
		}
		before, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Guardian.Consented() {
			return ErrGuardianLinkUsed
		}
		p := access.Principal{Name: "guardian link of young person " + itoa(id)}
		c := audit.Change{Action: "decline", Entity: "youth_guardian_link", EntityID: itoa(id),
			OrgPath: before.OrgPath, RegionPath: before.RegionPath}
		if a == GuardianConsents {
			y := before
			y.Guardian.ConsentOn, y.Guardian.RecordedBy, y.Guardian.Recorder = s.today(), 0, GuardianRecorder
			y.UpdatedAt = now
			if err := errs.Validation(y.Guardian.check(s.today(), y.Birth)...); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q.SetGuardian, y.Guardian.Name, y.Guardian.Relation,
				y.Guardian.Contact, store.NullDate(y.Guardian.ConsentOn), store.NullID(0), y.Guardian.Recorder, now, id); err != nil {
				return err
			}
			c = audit.Change{Action: "give_consent", Entity: "youth", EntityID: itoa(id), OrgPath: y.OrgPath,
				RegionPath: y.RegionPath, Before: before, After: y}
		}
		return s.log.Record(ctx, tx, p, c)
	})
}

// openGuardianLink finds the link of token through q while it still
// asks, and returns its young person and stored hash. The token is
// looked up by its hash, and the hash found is compared again in
// constant time, as ByLink does.
func (s *Service) openGuardianLink(ctx context.Context, q store.Querier, token string) (int64, string, error) {
	if len(token) != TokenLen {
		return 0, "", errs.ErrNotFound
	}
	if _, err := base64.RawURLEncoding.DecodeString(token); err != nil {
		return 0, "", errs.ErrNotFound
	}
	want := hashToken(token)
	var id int64
	var got string
	var expires time.Time
	var answer GuardianAnswer
	err := q.QueryRowContext(ctx, s.q.GuardianLinkByHash, want).Scan(&id, &got, &expires, &answer)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1) {
		return 0, "", errs.ErrNotFound
	}
	switch {
	case err != nil:
		return 0, "", err
	case answer != GuardianUnanswered:
		return 0, "", ErrGuardianLinkUsed
	case !s.now().Before(expires):
		return 0, "", ErrGuardianLinkExpired
	}
	return id, got, nil
}
