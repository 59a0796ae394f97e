package requests

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// AssignReviewer makes user reviewerID (0: nobody) the reviewer of request
// id, from version version, like a transition: a change in between is
// refused with error.request_changed. The reviewer must be an active user
// who may decide the request (its role, and its organisation and region
// subtrees holding the request's); anyone else is refused on field
// "reviewer" with the reason. Naming the reviewer it has changes nothing.
func (s *Service) AssignReviewer(ctx context.Context, p access.Principal, id int64, version int, reviewerID int64) (Request, error) {
	if err := access.Can(p, access.DecideRequests, p.Scope()); err != nil {
		return Request{}, err
	}
	var r Request
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if !access.Within(p, before.Target()) {
			return errs.ErrNotFound
		}
		if before.ReviewerID == reviewerID {
			r = before
			return nil
		}
		if reviewerID != 0 && reviewerID != p.UserID {
			if err := s.checkReviewer(ctx, tx, reviewerID, before.Target()); err != nil {
				return err
			}
		}
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.SetReviewer, id, version, store.NullID(reviewerID), now)
		if err != nil {
			if store.IsForeignKeyViolation(err) {
				return errs.Validation(errs.Field("reviewer", "error.not_found"))
			}
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				err = errs.New(errs.Conflict, "error.request_changed", "Status", string(before.Status))
			}
			return err
		}
		if r, err = s.byID(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "assign_reviewer", Entity: "request", EntityID: itoa(id),
			OrgPath: r.OrgPath, RegionPath: r.RegionPath, Before: map[string]int64{"reviewer_id": before.ReviewerID},
			After: map[string]int64{"reviewer_id": r.ReviewerID}})
	})
	if err != nil {
		return Request{}, err
	}
	return r, nil
}

// checkReviewer refuses, with the reason, a user who does not exist or is
// not active, whose role may not decide requests, or whose scope does not
// hold a request of scope t.
func (s *Service) checkReviewer(ctx context.Context, tx *sql.Tx, userID int64, t access.Target) error {
	var active bool
	var name string
	var u access.Principal
	err := tx.QueryRowContext(ctx, s.q.ReviewerScope, userID).Scan(&active, &name, &u.Role, &u.OrgPath, &u.RegionPath)
	switch {
	case err == sql.ErrNoRows || err == nil && !active:
		return errs.Validation(errs.Field("reviewer", "error.reviewer_unknown"))
	case err != nil:
		return err
	case !access.Allowed(u, access.DecideRequests):
		return errs.Validation(errs.Field("reviewer", "error.reviewer_role", "Name", name))
	case access.Can(u, access.DecideRequests, t) != nil:
		return errs.Validation(errs.Field("reviewer", "error.reviewer_scope", "Name", name))
	}
	return nil
}

// Comment is a note a member of staff left on a request.
type Comment struct {
	ID         int64     `json:"id"`
	AuthorID   int64     `json:"author_id,omitempty"`
	AuthorName string    `json:"author_name"`
	Body       string    `json:"body"`
	At         time.Time `json:"at"`
}

// maxComment bounds a comment's length in bytes.
const maxComment = 4000

// AddComment leaves a comment on request id. p must be allowed to submit
// requests for the request's scope.
func (s *Service) AddComment(ctx context.Context, p access.Principal, id int64, body string) (Comment, error) {
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return Comment{}, errs.Validation(errs.Field("body", "error.required"))
	case len(body) > maxComment:
		return Comment{}, errs.Validation(errs.Field("body", "error.too_long", "Count", maxComment))
	}
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return Comment{}, err
	}
	if err := access.Can(p, access.SubmitRequests, r.Target()); err != nil {
		return Comment{}, err
	}
	c := Comment{AuthorID: p.UserID, AuthorName: p.Name, Body: body, At: s.now().UTC()}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertComment, id, store.NullID(c.AuthorID), c.AuthorName, c.Body,
			c.At).Scan(&c.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "comment", Entity: "request", EntityID: itoa(id),
			OrgPath: r.OrgPath, RegionPath: r.RegionPath, After: c})
	})
	if err != nil {
		return Comment{}, err
	}
	return c, nil
}

// Comments returns the comments on request id, oldest first.
func (s *Service) Comments(ctx context.Context, p access.Principal, id int64) ([]Comment, error) {
	if _, err := s.visible(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Comment, error) {
		var c Comment
		err := sc.Scan(&c.ID, &c.AuthorID, &c.AuthorName, &c.Body, &c.At)
		c.At = c.At.UTC()
		return c, err
	}, s.q.Comments, id)
}
