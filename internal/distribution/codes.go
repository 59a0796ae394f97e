package distribution

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// A one-time code is six digits drawn at random, sent to the phone the
// applicant gave and typed back by the staff. Only HMAC-SHA256 of a
// random salt and the code is stored, keyed with the installation's key
// (codes_key.go): six digits are a million guesses, which a plain hash
// would give up at once to anyone reading the table, while the key keeps
// them out of reach for its fifteen minutes. A code is pending until it
// is used, a newer one is sent, or its CodeAttempts wrong attempts are
// spent; each attempt is counted before the code is compared, by a
// conditional update of its row, so parallel attempts cannot pass the
// limit.

// CodeSent says where a code went and until when it holds; never the code.
type CodeSent struct {
	ID        int64     `json:"id"`
	SentTo    string    `json:"sent_to"` // the end of the phone, "…1408", or ByTelegram
	ExpiresAt time.Time `json:"expires_at"`
}

// ByTelegram is where a code went (SentTo) when it went to the Telegram
// chat that follows the request rather than to the phone.
const ByTelegram = "telegram"

// ChatRouter is a Sender that may send a request's messages to the
// Telegram chat that follows it (requests.Outbox with FollowChat).
type ChatRouter interface {
	GoesToChat(ctx context.Context, q store.Querier, request int64) (bool, error)
}

// CodeMessage is the message key of a code's text message; its arguments
// are Code, Reference and Minutes.
const CodeMessage = "distribution.code_message"

// SendCode sends a new one-time code for request id's handover at event
// to the applicant's phone, voiding any code sent before.
func (s *Service) SendCode(ctx context.Context, p access.Principal, event, id int64) (CodeSent, error) {
	snd := s.Sender()
	if snd == nil {
		return CodeSent{}, errs.New(errs.Conflict, "error.code_no_channel")
	}
	var sent CodeSent
	var msg requests.Message
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		e, err := s.runnable(ctx, tx, p, event)
		if err != nil {
			return err
		}
		if e.Status != Open {
			return errs.New(errs.Conflict, "error.event_not_open")
		}
		r, err := s.lockRequest(ctx, tx, e, id)
		if err != nil {
			return err
		}
		digits := phoneDigits(r.phone)
		if len(digits) < 7 {
			return errs.New(errs.Conflict, "error.code_no_phone")
		}
		now := s.now().UTC()
		var recent int
		if err := tx.QueryRowContext(ctx, s.q.CodesSince, id, now.Add(-time.Hour)).Scan(&recent); err != nil {
			return err
		}
		if recent >= CodesPerHour {
			return errs.New(errs.RateLimited, "error.code_too_many", "Count", CodesPerHour)
		}
		if _, err := tx.ExecContext(ctx, s.q.VoidCodes, id); err != nil {
			return err
		}
		code, salt, err := newCode()
		if err != nil {
			return err
		}
		sent = CodeSent{SentTo: "…" + digits[len(digits)-4:], ExpiresAt: now.Add(CodeValidity)}
		if cr, ok := snd.(ChatRouter); ok {
			chat, err := cr.GoesToChat(ctx, tx, id)
			if err != nil {
				return err
			}
			if chat {
				sent.SentTo = ByTelegram
			}
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertCode, event, id, salt, s.codeHash(salt, code), sent.SentTo,
			store.NullID(p.UserID), now, sent.ExpiresAt).Scan(&sent.ID); err != nil {
			return err
		}
		msg = requests.Message{RequestID: id, Channel: requests.SMS, Address: r.phone, Locale: r.locale,
			Key: CodeMessage, State: "pending", CreatedAt: now, Args: map[string]string{"Code": code,
				"Reference": r.reference, "Minutes": fmt.Sprint(int(CodeValidity / time.Minute))}}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "send_code", Entity: "handover_code", EntityID: itoa(sent.ID),
			OrgPath: r.orgPath, RegionPath: r.regionPath, After: map[string]any{"request_id": id, "event_id": event,
				"sent_to": sent.SentTo, "expires_at": sent.ExpiresAt}})
	})
	if err != nil {
		return CodeSent{}, err
	}
	if err := snd.Send(ctx, msg); err != nil {
		_, verr := s.db.W.ExecContext(ctx, s.q.SetCodeStatus, sent.ID, "void", nil)
		return CodeSent{}, errs.Wrap(errors.Join(err, verr), errs.Conflict, "error.code_not_sent")
	}
	return sent, nil
}

// takeCode checks typed against the latest code of request id sent for
// event, in the handover's transaction tx: it counts the attempt, then
// marks the code used and returns its id. A wrong code is refused
// (wrong); the caller commits tx all the same, so the attempt counts and
// nothing else is written. Any other refusal (no code, expired, void) is
// err, and changes nothing.
func (s *Service) takeCode(ctx context.Context, tx *sql.Tx, event, id int64, typed string) (code int64, wrong, err error) {
	typed = strings.Join(strings.Fields(text.NormalizeDigits(typed)), "")
	if typed == "" {
		return 0, nil, errs.Validation(errs.Field("code", "error.code_required"))
	}
	c, err := s.latestCode(ctx, tx, id)
	now := s.now().UTC()
	switch {
	case errors.Is(err, sql.ErrNoRows) || err == nil && (c.status == "used" || c.event != event):
		return 0, nil, errs.Validation(errs.Field("code", "error.code_none"))
	case err != nil:
		return 0, nil, err
	case c.status == "void":
		return 0, nil, errs.Validation(errs.Field("code", "error.code_void"))
	case !now.Before(c.expires):
		return 0, nil, errs.Validation(errs.Field("code", "error.code_expired"))
	}
	code = c.id
	var attempts int
	err = tx.QueryRowContext(ctx, s.q.TakeAttempt, code, CodeAttempts).Scan(&attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, errs.Validation(errs.Field("code", "error.code_void"))
	}
	if err != nil {
		return 0, nil, err
	}
	if !hmac.Equal([]byte(s.codeHash(c.salt, typed)), []byte(c.hash)) {
		if attempts >= CodeAttempts {
			if _, err := tx.ExecContext(ctx, s.q.SetCodeStatus, code, "void", nil); err != nil {
				return 0, nil, err
			}
			return 0, errs.Validation(errs.Field("code", "error.code_wrong_void")), nil
		}
		return 0, errs.Validation(errs.Field("code", "error.code_wrong", "Count", CodeAttempts-attempts)), nil
	}
	_, err = tx.ExecContext(ctx, s.q.SetCodeStatus, code, "used", now)
	return code, nil, err
}

// codeHash is the stored form of code: HMAC-SHA256 of salt and code under
// the service's key, in hex.
func (s *Service) codeHash(salt, code string) string {
	m := hmac.New(sha256.New, s.codeKey())
	m.Write([]byte(salt + ":" + code))
	return hex.EncodeToString(m.Sum(nil))
}

// newCode draws a code of CodeDigits digits and a salt.
func newCode() (code, salt string, err error) {
	n, err := rand.Int(rand.Reader, new(big.Int).Exp(big.NewInt(10), big.NewInt(CodeDigits), nil))
	if err != nil {
		return "", "", err
	}
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		return "", "", err
	}
	return fmt.Sprintf("%0*d", CodeDigits, n.Int64()), hex.EncodeToString(raw), nil
}

// phoneDigits are the digits of a phone, in ASCII.
func phoneDigits(phone string) string {
	var b strings.Builder
	for _, r := range text.NormalizeDigits(phone) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeRow is a code as stored.
type codeRow struct {
	id, event                  int64
	salt, hash, status, sentTo string
	expires                    time.Time
	attempts                   int
}

// latestCode reads the latest code sent for request id; sql.ErrNoRows
// when none was.
func (s *Service) latestCode(ctx context.Context, q store.Querier, id int64) (codeRow, error) {
	var c codeRow
	err := q.QueryRowContext(ctx, s.q.LatestCode, id).Scan(&c.id, &c.event, &c.salt, &c.hash, &c.status, &c.expires,
		&c.attempts, &c.sentTo)
	c.expires = c.expires.UTC()
	return c, err
}

// CodeState is the code pending for a request's handover at an event:
// where it went, until when it holds and how many attempts are left.
type CodeState struct {
	SentTo    string    `json:"sent_to"` // the end of the phone, or ByTelegram
	ExpiresAt time.Time `json:"expires_at"`
	Left      int       `json:"attempts_left"`
}

// ByTelegram reports whether the code went to the family's Telegram chat.
func (c CodeState) ByTelegram() bool { return c.SentTo == ByTelegram }

// pendingCode is request id's code usable at event now, nil when there
// is none.
func (s *Service) pendingCode(ctx context.Context, q store.Querier, event, id int64) (*CodeState, error) {
	c, err := s.latestCode(ctx, q, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if c.status != "pending" || c.event != event || !s.now().Before(c.expires) {
		return nil, nil
	}
	return &CodeState{SentTo: c.sentTo, ExpiresAt: c.expires, Left: CodeAttempts - c.attempts}, nil
}
