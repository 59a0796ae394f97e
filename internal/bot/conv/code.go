package conv

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// A staff member links their Telegram chat to their Jol account with a
// one-time code from their web page: /link CODE in the bot, or the deep
// link start=link-CODE. The code is ten characters of an alphabet without
// look-alikes (no 0/O, 1/I): the first four (the selector) find its row,
// the other six (30 bits) are kept only as their keyed hash (HMAC-SHA-256
// with the installation's key, code_key.go, so a restart keeps the codes
// pending). A code lives
// CodeTTL; MaxAttempts wrong tries of its secret void it, however many
// arrive at once (TryCode takes each attempt with a conditional update).
const (
	CodeTTL     = 10 * time.Minute
	MaxAttempts = 5
	codeAlpha   = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	selectorLen = 4
	secretLen   = 6
)

// Code is a one-time code just issued: Text is shown once and kept
// nowhere.
type Code struct {
	Text    string    // "K7QF-2M9XRT"
	Start   string    // the deep link's payload, "link-K7QF2M9XRT"
	Expires time.Time // when it stops working
}

// IssueCode makes a new one-time code for p's own account, replacing any
// earlier one.
func (s *Service) IssueCode(ctx context.Context, p access.Principal) (Code, error) {
	if err := access.Can(p, access.LinkTelegram, p.Scope()); err != nil || p.UserID == 0 {
		return Code{}, errors.Join(err, errNoUser(p))
	}
	now := s.now().UTC()
	for range 5 { // a selector already taken by a live code: draw again
		raw, err := randomCode()
		if err != nil {
			return Code{}, err
		}
		err = s.db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, s.q.DropExpired, s.db.SortableTime(now)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, s.q.PutCode, p.UserID, raw[:selectorLen], s.hashSecret(raw[selectorLen:]),
				s.db.SortableTime(now.Add(CodeTTL)), now)
			return err
		})
		if store.IsUniqueViolation(err) {
			continue
		}
		if err != nil {
			return Code{}, fmt.Errorf("conv: issue code: %w", err)
		}
		return Code{Text: raw[:selectorLen] + "-" + raw[selectorLen:], Start: linkPrefix + raw, Expires: now.Add(CodeTTL)}, nil
	}
	return Code{}, errors.New("conv: issue code: no free selector")
}

func errNoUser(p access.Principal) error {
	if p.UserID == 0 {
		return errors.New("conv: a code is issued to a user")
	}
	return nil
}

// link ties the chat to the account whose code was typed, recording it
// in the change log; a wrong, expired or spent code says so and changes
// nothing but the code's attempts.
func (e *Engine) link(c *Chat, typed string) error {
	raw := normCode(typed)
	if len(raw) != selectorLen+secretLen {
		c.Say(c.T("bot.link.code_invalid"))
		return nil
	}
	s, now := e.s, e.s.now().UTC()
	var user int64
	var hash string
	err := c.Tx.QueryRowContext(c.Ctx, s.q.TryCode, raw[:selectorLen], s.db.SortableTime(now), MaxAttempts).Scan(&user, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		c.Say(c.T("bot.link.code_invalid"))
		return nil
	}
	if err != nil {
		return fmt.Errorf("conv: try code: %w", err)
	}
	if !hmac.Equal([]byte(hash), []byte(s.hashSecret(raw[selectorLen:]))) {
		c.Say(c.T("bot.link.code_invalid"))
		return nil
	}
	u, err := s.d.Accounts.LookupIn(c.Ctx, c.Tx, user)
	if err != nil || !u.Active {
		c.Say(c.T("bot.link.code_invalid"))
		return err
	}
	if _, err := c.Tx.ExecContext(c.Ctx, s.q.DropCode, user); err != nil {
		return err
	}
	if _, err := c.Tx.ExecContext(c.Ctx, s.q.UnlinkOthers, user, c.ID, now); err != nil {
		return err
	}
	before := c.conv.userID
	c.conv.userID, c.conv.linkedAt = user, now
	p := u.Principal()
	err = s.log.Record(c.Ctx, c.Tx, p, audit.Change{Action: "link", Entity: "bot_chat", EntityID: strconv.FormatInt(c.ID, 10),
		OrgPath: p.OrgPath, RegionPath: p.RegionPath,
		Before: map[string]any{"user_id": before}, After: map[string]any{"user_id": user}})
	if err != nil {
		return err
	}
	c.Say(c.T("bot.link.done", "Name", u.Name))
	return nil
}

// Unlink unlinks p's own chat, if any, and voids p's pending code.
func (s *Service) Unlink(ctx context.Context, p access.Principal) error {
	if err := access.Can(p, access.LinkTelegram, p.Scope()); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.DropCode, p.UserID); err != nil {
			return err
		}
		var chat int64
		var at sql.NullTime
		err := tx.QueryRowContext(ctx, s.q.LinkedChat, p.UserID).Scan(&chat, &at)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // nothing linked: nothing to undo
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.UnlinkUser, p.UserID, s.now().UTC()); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "unlink", Entity: "bot_chat", EntityID: strconv.FormatInt(chat, 10),
			OrgPath: p.OrgPath, RegionPath: p.RegionPath,
			Before: map[string]any{"user_id": p.UserID}, After: map[string]any{"user_id": 0}})
	})
}

// Linking is where p's own account stands with the bot.
type Linking struct {
	Linked      bool
	LinkedAt    time.Time
	CodePending bool // a code was issued and may still be used
}

// Linking tells p whether their account is linked to a chat (never which
// one) and whether a code of theirs is still live.
func (s *Service) Linking(ctx context.Context, p access.Principal) (Linking, error) {
	if err := access.Can(p, access.LinkTelegram, p.Scope()); err != nil {
		return Linking{}, err
	}
	var out Linking
	var chat int64
	var at sql.NullTime
	err := s.db.R.QueryRowContext(ctx, s.q.LinkedChat, p.UserID).Scan(&chat, &at)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return out, err
	}
	out.Linked, out.LinkedAt = err == nil, store.TimeOf(at)
	var exp time.Time
	err = s.db.R.QueryRowContext(ctx, s.q.PendingCode, p.UserID, s.db.SortableTime(s.now()), MaxAttempts).Scan(&exp)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return out, err
	}
	out.CodePending = err == nil
	return out, nil
}

// LinkedUser is the Jol user chat is linked to, read in q: ok is false
// when it is linked to none, or to a user no longer active. Flows ask it
// before anything about a child goes to a chat.
func (s *Service) LinkedUser(ctx context.Context, q store.Querier, chat int64) (int64, bool, error) {
	var id int64
	err := q.QueryRowContext(ctx, s.q.LinkedUser, chat).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

func randomCode() (string, error) {
	var b [selectorLen + secretLen]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("conv: random code: %w", err)
	}
	for i := range b {
		b[i] = codeAlpha[int(b[i])%len(codeAlpha)] // 256 is a multiple of 32: no bias
	}
	return string(b[:]), nil
}

// normCode reads a code as typed: any case, spaces and dashes ignored,
// O and I read as 0 and 1 are not in the alphabet, so kept (they fail).
func normCode(s string) string {
	s = strings.ToUpper(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// hashSecret is the secret keyed with the service's key, in hex: 30 bits
// hashed alone would be undone by trying them all, the key keeps a copy
// of the table from doing so.
func (s *Service) hashSecret(secret string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(secret))
	return hex.EncodeToString(m.Sum(nil))
}
