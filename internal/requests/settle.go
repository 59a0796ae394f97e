package requests

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// Settle is one request an allocation run moves: from the status and
// version it read the request at to status To. Reference and Locale are
// the request's, for the message to the applicant.
type Settle struct {
	ID        int64
	Version   int
	From, To  Status
	Reference string
	Locale    string
}

// SettleAll moves many requests at once inside the caller's transaction
// tx, as an allocation run does when it sets stock aside: each request
// from its status to allocated or waitlisted, with a history event (note
// and via say which run), and a message to the applicant (and to its
// chat, see chat.go). The caller
// checks the principal's right to allocate and records the run in the
// change log; the events are each request's own history. A request that
// changed since it was read (another version) or a move the lifecycle
// does not allow fails the whole call with error.request_changed or
// error.transition_not_allowed, and the caller rolls back.
func (s *Service) SettleAll(ctx context.Context, tx *sql.Tx, p access.Principal, moves []Settle, note, via string) error {
	if len(moves) == 0 {
		return nil
	}
	var stmts [4]*sql.Stmt
	for i, q := range []string{s.q.SetStatus, s.q.InsertEvent, s.q.InsertOutbox, s.q.InsertChatOutbox} {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		stmts[i] = st
	}
	set, event, outbox, chat := stmts[0], stmts[1], stmts[2], stmts[3]
	now := s.now().UTC()
	actor := sql.NullInt64{Int64: p.UserID, Valid: p.UserID != 0}
	for _, m := range moves {
		if !CanMove(m.From, m.To) {
			return errs.New(errs.Conflict, "error.transition_not_allowed", "From", string(m.From), "To", string(m.To))
		}
		res, err := set.ExecContext(ctx, m.ID, m.Version, m.To, "", "", now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return errs.New(errs.Conflict, "error.request_changed", "Status", string(m.From))
		}
		if _, err := event.ExecContext(ctx, m.ID, m.From, m.To, "", note, actor, p.Name, via, now); err != nil {
			return err
		}
		args, err := json.Marshal(map[string]string{"Reference": m.Reference, "Status": string(m.To)})
		if err != nil {
			return err
		}
		key := "requestnotice." + string(m.To)
		if _, err := outbox.ExecContext(ctx, m.ID, StatusPage, m.Reference, m.Locale, key, string(args), now); err != nil {
			return err
		}
		if _, err := chat.ExecContext(ctx, m.ID, m.Locale, key, string(args), now); err != nil {
			return err
		}
	}
	return nil
}
