package youth

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// GuardianLinkTTL is how long a guardian link opens. Two weeks lets a
// guardian who works away, or reads messages once a week, answer in
// time; past that a link forwarded or left in an old chat stops showing
// a child's first name to whoever finds it, and a new one is one click
// away for the young person or their coordinator.
const GuardianLinkTTL = 14 * 24 * time.Hour

// GuardianAnswer is a guardian's answer through their link.
type GuardianAnswer string

// The answers: none yet, consent, refusal.
const (
	GuardianUnanswered GuardianAnswer = ""
	GuardianConsents   GuardianAnswer = "consent"
	GuardianDeclines   GuardianAnswer = "decline"
)

// GuardianLink is a guardian link just issued: Token is shown once and
// never again, the link opens /y/guardian/{Token} until Expires.
type GuardianLink struct {
	Token   string    `json:"token"`
	Expires time.Time `json:"expires_at"`
}

// Path is the link's page on the web, for whoever sends it (the bot, a
// program through the API) to put after the site's address.
func (l GuardianLink) Path() string { return "/y/guardian/" + l.Token }

// GuardianLinkState is what a coordinator sees of a young person's
// guardian link; zero (Issued zero) when none was issued.
type GuardianLinkState struct {
	Issued   time.Time      `json:"issued_at"`
	IssuedBy int64          `json:"issued_by,omitempty"` // 0 when the young person asked for it
	Expires  time.Time      `json:"expires_at"`
	Answer   GuardianAnswer `json:"answer"`
	Answered time.Time      `json:"answered_at,omitzero"`
}

// Status names the link's state at time now, for the pages: "none",
// "pending", "expired", "consented" or "declined".
func (st GuardianLinkState) Status(now time.Time) string {
	switch {
	case st.Issued.IsZero():
		return "none"
	case st.Answer == GuardianConsents:
		return "consented"
	case st.Answer == GuardianDeclines:
		return "declined"
	case !now.Before(st.Expires):
		return "expired"
	}
	return "pending"
}

// GuardianLinkFor issues a new guardian link for young person id at
// their own request: the caller (their own page, the bot) has found
// them by their own link or their chat. A link replaces the one before.
// Only a minor who named a guardian and has no consent yet gets one,
// and not after their guardian declined: a refusal is the coordinator's
// to follow up (IssueGuardianLink), not a reason to ask again.
func (s *Service) GuardianLinkFor(ctx context.Context, id int64) (GuardianLink, error) {
	p := access.Principal{Name: "young person " + itoa(id)}
	return s.issueGuardianLink(ctx, p, id, func(y Youth, st GuardianLinkState) error {
		if st.Answer == GuardianDeclines {
			return errs.New(errs.Conflict, "error.youth_guardian_declined")
		}
		return nil
	})
}

// IssueGuardianLink issues a new guardian link for young person id on
// behalf of p, who needs ManageYouth over them: a coordinator who sends
// it to the guardian, or asks again after a refusal. The issue is
// written to the change log, without the token.
func (s *Service) IssueGuardianLink(ctx context.Context, p access.Principal, id int64) (GuardianLink, error) {
	if err := access.Can(p, access.ManageYouth, p.Scope()); err != nil {
		return GuardianLink{}, err
	}
	return s.issueGuardianLink(ctx, p, id, func(y Youth, _ GuardianLinkState) error {
		return access.Can(p, access.ManageYouth, y.Target())
	})
}

// issueGuardianLink issues young person id a guardian link in one
// transaction, once allow has passed them, and logs it as p's.
func (s *Service) issueGuardianLink(ctx context.Context, p access.Principal, id int64,
	allow func(Youth, GuardianLinkState) error) (GuardianLink, error) {
	var l GuardianLink
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		// Taking the young person's row first queues two issues of one
		// link one behind the other on both engines.
		if err := affected(tx.ExecContext(ctx, s.q.TouchYouth, id, s.now().UTC())); err != nil {
			return err
		}
		y, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		st, err := s.guardianLinkOf(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := allow(y, st); err != nil {
			return err
		}
		switch {
		case !y.Minor(s.today()):
			return errs.New(errs.Conflict, "error.youth_guardian_link_adult")
		case y.Guardian.Consented():
			return errs.New(errs.Conflict, "error.youth_guardian_link_consented")
		case y.Guardian.Name == "" || y.Guardian.Contact == "":
			return errs.New(errs.Conflict, "error.youth_guardian_link_no_guardian")
		}
		b := make([]byte, tokenBytes)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		now := s.now().UTC()
		l = GuardianLink{Token: base64.RawURLEncoding.EncodeToString(b), Expires: now.Add(GuardianLinkTTL)}
		if _, err := tx.ExecContext(ctx, s.q.UpsertGuardianLink, id, hashToken(l.Token), now,
			store.NullID(p.UserID), l.Expires); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "issue", Entity: "youth_guardian_link",
			EntityID: itoa(id), OrgPath: y.OrgPath, RegionPath: y.RegionPath,
			After: map[string]any{"expires_at": l.Expires}})
	})
	if err != nil {
		return GuardianLink{}, err
	}
	return l, nil
}

// GuardianLinkOf is the state of young person id's guardian link; p
// needs ViewYouth over them.
func (s *Service) GuardianLinkOf(ctx context.Context, p access.Principal, id int64) (GuardianLinkState, error) {
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return GuardianLinkState{}, err
	}
	if err := access.Can(p, access.ViewYouth, y.Target()); err != nil {
		return GuardianLinkState{}, err
	}
	return s.guardianLinkOf(ctx, s.db.R, id)
}

// guardianLinkOf reads the state of young person id's guardian link
// through q; zero when none was issued.
func (s *Service) guardianLinkOf(ctx context.Context, q store.Querier, id int64) (GuardianLinkState, error) {
	var st GuardianLinkState
	var answered sql.NullTime
	err := q.QueryRowContext(ctx, s.q.GuardianLinkOf, id).Scan(&st.Issued, &st.IssuedBy, &st.Expires, &st.Answer, &answered)
	if errors.Is(err, sql.ErrNoRows) {
		return GuardianLinkState{}, nil
	}
	st.Issued, st.Expires, st.Answered = st.Issued.UTC(), st.Expires.UTC(), store.TimeOf(answered)
	return st, err
}
