package mentorship

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/youth"
)

// MentorFeedback records the mentor's feedback on session sessionID of
// their own mentorship id: a rating from 1 to 5 and a comment, once per
// session. Only the mentor gives it; a session of another mentorship is
// not found.
func (s *Service) MentorFeedback(ctx context.Context, p access.Principal, id, sessionID int64, rating int, comment string) (Feedback, error) {
	if p.Role != access.Mentor {
		return Feedback{}, errs.New(errs.Forbidden, "error.forbidden")
	}
	return s.feedback(ctx, p, sessionID, ByMentor, rating, comment, func(tx *sql.Tx, of int64) (Mentorship, error) {
		m, err := s.open(ctx, tx, p, access.WorkMentorships, id)
		if err == nil && of != id {
			err = errs.ErrNotFound
		}
		return m, err
	})
}

// YouthFeedback records the feedback of young person youthID on session
// sessionID of their own mentorship, as their page or the bot gives it.
// The session of another's mentorship is refused as if it did not exist.
func (s *Service) YouthFeedback(ctx context.Context, youthID, sessionID int64, rating int, comment string) (Feedback, error) {
	p := youth.Self(youthID)
	return s.feedback(ctx, p, sessionID, ByYouth, rating, comment, func(tx *sql.Tx, id int64) (Mentorship, error) {
		return s.ofYouth(ctx, tx, youthID, id)
	})
}

// ofYouth reads mentorship id through q when it is young person youthID's.
func (s *Service) ofYouth(ctx context.Context, q store.Querier, youthID, id int64) (Mentorship, error) {
	m, err := s.byID(ctx, q, id)
	if err != nil || m.YouthID != youthID {
		return Mentorship{}, errs.ErrNotFound
	}
	return m, nil
}

func (s *Service) feedback(ctx context.Context, p access.Principal, sessionID int64, by Author, rating int, comment string,
	open func(*sql.Tx, int64) (Mentorship, error)) (Feedback, error) {
	f := Feedback{SessionID: sessionID, Author: by, Rating: rating, Comment: strings.TrimSpace(comment)}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		x, err := scanSession(tx.QueryRowContext(ctx, s.q.Session, sessionID))
		if err != nil {
			return store.NotFound(err)
		}
		m, err := open(tx, x.MentorshipID)
		if err != nil {
			return err
		}
		var fs []errs.FieldError
		if rating < 1 || rating > 5 {
			fs = append(fs, errs.Field("rating", "error.feedback_rating"))
		}
		if err := errs.Validation(valid.Note(fs, "comment", f.Comment)...); err != nil {
			return err
		}
		f.CreatedAt = s.now().UTC()
		err = tx.QueryRowContext(ctx, s.q.InsertFeedback, sessionID, by, rating, f.Comment, f.CreatedAt).Scan(&f.ID)
		if store.IsUniqueViolation(err) {
			return errs.New(errs.Conflict, "error.feedback_given")
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "mentorship_feedback",
			EntityID: itoa(f.ID), OrgPath: m.OrgPath, RegionPath: m.RegionPath, After: f})
	})
	return f, err
}

func scanFeedback(sc store.Scanner) (Feedback, error) {
	var f Feedback
	err := sc.Scan(&f.ID, &f.SessionID, &f.Author, &f.Rating, &f.Comment, &f.CreatedAt)
	f.CreatedAt = f.CreatedAt.UTC()
	return f, err
}
