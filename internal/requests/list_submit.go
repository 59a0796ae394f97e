package requests

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// ListEntry is the request one row of a school's or a centre's list files.
type ListEntry struct {
	Input
	Note string // a comment on the request, when the entry creates it
	// The person's region and organisation paths as the list leaves them;
	// CheckList reads them, SubmitList reads the person as stored.
	RegionPath, OrgPath string
}

// Filed is what became of an entry of a list.
type Filed int

// What becomes of an entry.
const (
	ListRefused Filed = iota // nothing was filed; Err says why
	ListNew                  // a request was created
	ListLinked               // the person had a request in the campaign: the entry is linked to it
)

// ListOutcome is what became of an entry, and why it was refused.
type ListOutcome struct {
	Filed Filed
	Err   *errs.Error
	id    int64 // the new request's, for the Submitted hook
}

// listTx is how many entries one transaction of SubmitList writes, so
// that interactive requests wait little for SQLite's one writer.
const listTx = 200

// SubmitList files the requests of a list's entries as Submit would, in
// transactions of listTx entries, each entry in a savepoint of its own: an
// entry that is refused is rolled back alone, with the reason. A person
// who has a request in the campaign already, from the list or not, is
// Linked to it. The error is only for a failure that ends the list.
func (s *Service) SubmitList(ctx context.Context, p access.Principal, es []ListEntry) ([]ListOutcome, error) {
	out := make([]ListOutcome, len(es))
	if err := access.Can(p, access.SubmitRequests, p.Scope()); err != nil {
		return nil, err
	}
	for start := 0; start < len(es); start += listTx {
		var ids []int64
		err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			ids = ids[:0]
			for i := start; i < min(start+listTx, len(es)); i++ {
				o, err := s.fileOne(ctx, tx, p, &es[i])
				if err != nil {
					return fmt.Errorf("requests: list line %d: %w", i, err)
				}
				out[i] = o
				if o.Filed == ListNew {
					ids = append(ids, o.id)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		s.submitted(ids...)
	}
	return out, nil
}

// fileOne files an entry inside its own savepoint.
func (s *Service) fileOne(ctx context.Context, tx *sql.Tx, p access.Principal, e *ListEntry) (ListOutcome, error) {
	if err := e.check(); err != nil {
		return refused(err)
	}
	if _, err := tx.ExecContext(ctx, "SAVEPOINT list"); err != nil {
		return ListOutcome{}, err
	}
	r, err := s.submit(ctx, tx, p, e.Input)
	if err == nil && !r.Linked && e.Note != "" {
		err = tx.QueryRowContext(ctx, s.q.InsertComment, r.ID, store.NullID(p.UserID), p.Name, e.Note,
			s.now().UTC()).Scan(new(int64))
	}
	if err != nil {
		if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT list"); rerr != nil {
			return ListOutcome{}, rerr
		}
	}
	if _, rerr := tx.ExecContext(ctx, "RELEASE SAVEPOINT list"); rerr != nil {
		return ListOutcome{}, rerr
	}
	switch {
	case err != nil:
		return refused(err)
	case r.Linked:
		return ListOutcome{Filed: ListLinked}, nil
	}
	return ListOutcome{Filed: ListNew, id: r.ID}, nil
}

// refused is the outcome of an entry refused for err, or err itself when
// it is no reason of the entry's.
func refused(err error) (ListOutcome, error) {
	if e := errs.As(err); e != nil && e.Code != errs.Internal {
		return ListOutcome{Err: e}, nil
	}
	return ListOutcome{}, err
}

// ListCheck is SubmitList for a dry run: it decides every entry as
// SubmitList would and writes nothing. It remembers the persons it filed
// a request for, so a person listed twice is linked the second time, as
// SubmitList links them.
type ListCheck struct {
	s     *Service
	p     access.Principal
	filed map[int64]bool
}

// CheckList begins a dry run of a list's entries for p.
func (s *Service) CheckList(p access.Principal) (*ListCheck, error) {
	if err := access.Can(p, access.SubmitRequests, p.Scope()); err != nil {
		return nil, err
	}
	return &ListCheck{s: s, p: p, filed: map[int64]bool{}}, nil
}

// Check decides entries as SubmitList would. A person the list would
// register has a negative id and no request yet; the entry's paths stand
// for the person's.
func (c *ListCheck) Check(ctx context.Context, es []ListEntry) ([]ListOutcome, error) {
	out := make([]ListOutcome, len(es))
	for i := range es {
		o, err := c.one(ctx, &es[i])
		if err != nil {
			return nil, fmt.Errorf("requests: list line %d: %w", i, err)
		}
		out[i] = o
	}
	return out, nil
}

func (c *ListCheck) one(ctx context.Context, e *ListEntry) (ListOutcome, error) {
	s, q := c.s, c.s.db.R
	personID := e.PersonID
	if personID < 0 {
		e.PersonID = 1 // a person of the list's: check says nothing of it
	}
	err := e.check()
	e.PersonID = personID
	if err != nil {
		return refused(err)
	}
	if err := access.Can(c.p, access.SubmitRequests, access.Target{OrgPath: e.OrgPath, RegionPath: e.RegionPath}); err != nil {
		return refused(err)
	}
	if c.filed[personID] {
		return ListOutcome{Filed: ListLinked}, nil
	}
	if personID > 0 {
		if _, ok, err := s.existing(ctx, q, e.CampaignID, personID); err != nil || ok {
			if ok {
				return ListOutcome{Filed: ListLinked}, nil
			}
			return ListOutcome{}, err
		}
	}
	if err := s.checkCampaign(ctx, q, e.CampaignID, e.RegionPath); err != nil {
		return refused(err)
	}
	if _, err := s.checkLines(ctx, q, e.CampaignID, e.Lines); err != nil {
		return refused(err)
	}
	c.filed[personID] = true
	return ListOutcome{Filed: ListNew}, nil
}
