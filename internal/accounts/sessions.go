package accounts

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SessionStore keeps web sessions in the database, so they survive a
// restart and work the same on both engines. It implements scs's
// CtxStore interface.
type SessionStore struct{ s *Service }

// Sessions returns the session store.
func (s *Service) Sessions() SessionStore { return SessionStore{s} }

// FindCtx returns the data of an unexpired session.
func (st SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	err := st.s.db.R.QueryRowContext(ctx, st.s.q.FindSession, token, st.s.now().UTC()).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	return b, err == nil, err
}

// CommitCtx saves a session.
func (st SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := st.s.db.W.ExecContext(ctx, st.s.q.CommitSession, token, b, expiry.UTC())
	return err
}

// DeleteCtx removes a session.
func (st SessionStore) DeleteCtx(ctx context.Context, token string) error {
	_, err := st.s.db.W.ExecContext(ctx, st.s.q.DeleteSession, token)
	return err
}

// Find, Commit and Delete satisfy scs.Store; scs calls the Ctx variants.
func (st SessionStore) Find(token string) ([]byte, bool, error) {
	return st.FindCtx(context.Background(), token)
}

// Commit saves a session.
func (st SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return st.CommitCtx(context.Background(), token, b, expiry)
}

// Delete removes a session.
func (st SessionStore) Delete(token string) error { return st.DeleteCtx(context.Background(), token) }

// DeleteExpired removes expired sessions; the server calls it periodically.
func (st SessionStore) DeleteExpired(ctx context.Context) (int64, error) {
	res, err := st.s.db.W.ExecContext(ctx, st.s.q.DeleteExpiredSessions, st.s.now().UTC())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
