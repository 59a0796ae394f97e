package appeals

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

// links are the persons and requests an appeal will link, checked.
type links struct {
	people, requests []Linked
}

// checkLinks checks that p may see each person and each request: a field
// error names the first that is unknown or out of p's reach, alike.
func (s *Service) checkLinks(ctx context.Context, p access.Principal, personIDs, requestIDs []int64) (links, []errs.FieldError, error) {
	var l links
	for _, id := range compact(personIDs) {
		per, err := s.people.ViewChild(ctx, p, id)
		if errors.Is(err, errs.ErrNotFound) || errs.CodeOf(err) == errs.Forbidden {
			return l, []errs.FieldError{errs.Field("people", "error.not_found")}, nil
		} else if err != nil {
			return l, nil, err
		}
		l.people = append(l.people, Linked{ID: id, Label: per.FullName()})
	}
	for _, id := range compact(requestIDs) {
		var ref, orgPath, regionPath string
		err := s.db.R.QueryRowContext(ctx, s.q.RequestScope, id).Scan(&ref, &orgPath, &regionPath)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !access.Within(p, access.Target{OrgPath: orgPath, RegionPath: regionPath})) {
			return l, []errs.FieldError{errs.Field("requests", "error.not_found")}, nil
		} else if err != nil {
			return l, nil, err
		}
		l.requests = append(l.requests, Linked{ID: id, Label: ref})
	}
	return l, nil, nil
}

// compact is ids sorted without repeats or zeros.
func compact(ids []int64) []int64 {
	out := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id <= 0 })
	slices.Sort(out)
	return slices.Compact(out)
}

func (s *Service) insertLinks(ctx context.Context, tx *sql.Tx, id int64, l links) error {
	for _, per := range l.people {
		if _, err := tx.ExecContext(ctx, s.q.LinkPerson, id, per.ID); err != nil {
			return err
		}
	}
	for _, r := range l.requests {
		if _, err := tx.ExecContext(ctx, s.q.LinkRequest, id, r.ID); err != nil {
			return err
		}
	}
	return nil
}

// Link adds persons and requests to appeal id; those it links already
// are left as they are.
func (s *Service) Link(ctx context.Context, p access.Principal, id int64, personIDs, requestIDs []int64) (Appeal, error) {
	a, err := s.editable(ctx, p, id)
	if err != nil {
		return Appeal{}, err
	}
	l, fs, err := s.checkLinks(ctx, p, personIDs, requestIDs)
	if err != nil {
		return Appeal{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Appeal{}, err
	}
	l.people = slices.DeleteFunc(l.people, func(x Linked) bool { return hasLink(a.People, x.ID) })
	l.requests = slices.DeleteFunc(l.requests, func(x Linked) bool { return hasLink(a.Requests, x.ID) })
	if len(l.people)+len(l.requests) == 0 {
		return a, nil
	}
	if len(a.People)+len(l.people) > MaxLinks || len(a.Requests)+len(l.requests) > MaxLinks {
		return Appeal{}, errs.Validation(errs.Field("links", "error.too_many_links", "Max", MaxLinks))
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.insertLinks(ctx, tx, id, l); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "link", Entity: "appeal", EntityID: itoa(id),
			OrgPath: a.OrgPath, RegionPath: a.RegionPath, After: map[string]any{"people": l.people, "requests": l.requests}})
	})
	if err != nil {
		return Appeal{}, err
	}
	a.People, a.Requests = append(a.People, l.people...), append(a.Requests, l.requests...)
	return a, nil
}

// LinkReference links the request with reference number ref, as an
// operator typed or heard it, to appeal id. A reference that is unknown
// and one of a request out of p's reach are the same field error, so the
// desk learns nothing of requests it may not see.
func (s *Service) LinkReference(ctx context.Context, p access.Principal, id int64, ref string) (Appeal, error) {
	if _, err := s.editable(ctx, p, id); err != nil {
		return Appeal{}, err
	}
	notFound := errs.Validation(errs.Field("reference", "error.not_found"))
	code, err := requests.ParseReference(ref)
	if err != nil {
		return Appeal{}, err
	}
	var rid int64
	err = s.db.R.QueryRowContext(ctx, s.q.RequestByReference, code).Scan(&rid)
	if errors.Is(err, sql.ErrNoRows) {
		return Appeal{}, notFound
	} else if err != nil {
		return Appeal{}, err
	}
	a, err := s.Link(ctx, p, id, nil, []int64{rid})
	if e := errs.As(err); e != nil && len(e.Fields) == 1 && e.Fields[0].Field == "requests" {
		return Appeal{}, notFound
	}
	return a, err
}

func hasLink(ls []Linked, id int64) bool {
	return slices.ContainsFunc(ls, func(l Linked) bool { return l.ID == id })
}

// readLinks reads the persons and requests appeal a links, named where p
// may see them.
func (s *Service) readLinks(ctx context.Context, p access.Principal, a *Appeal) error {
	ids, err := store.Select(ctx, s.db.R, store.ScanID, s.q.LinkedPeople, a.ID)
	if err != nil {
		return err
	}
	names, err := s.people.PersonNames(ctx, p, ids)
	if err != nil {
		return err
	}
	a.People = nil
	for _, id := range ids {
		a.People = append(a.People, Linked{ID: id, Label: names[id]})
	}
	a.Requests, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Linked, error) {
		var l Linked
		var orgPath, regionPath string
		err := sc.Scan(&l.ID, &l.Label, &orgPath, &regionPath)
		if !access.Within(p, access.Target{OrgPath: orgPath, RegionPath: regionPath}) {
			l.Label = ""
		}
		return l, err
	}, s.q.LinkedRequests, a.ID)
	return err
}
