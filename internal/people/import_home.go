package people

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// home is what an import keeps of a household: enough to place members
// and find a guardian among them without reading it again.
type home struct {
	id      int64 // 0 until a new household is written
	ref     string
	target  access.Target
	head    bool
	members []kin
}

// kin is a member of a home.
type kin struct {
	id                     int64
	relation               Relation
	nameKey, digits, natID string
	birth                  time.Time
}

// homeByRef returns the organisation's household with reference ref, nil
// when there is none yet; one outside p's scope is a field error.
func (is *ImportSession) homeByRef(ctx context.Context, ref string) (*home, []errs.FieldError, error) {
	id, known := is.homes.ref(ref)
	h := is.homes.home(id)
	if !known {
		var err error
		if h, err = is.loadHome(ctx, is.s.q.ImportHouseholdByRef, ref, is.o.OrgID); err != nil {
			return nil, nil, err
		}
		if is.homes.refs[ref] = 0; h != nil {
			is.homes.refs[ref] = h.id
		}
	}
	if h != nil && !access.Within(is.p, h.target) {
		return nil, []errs.FieldError{errs.Field("household_ref", "error.forbidden")}, nil
	}
	return h, nil, nil
}

// loadHome reads a household and its members with query q, once per
// import; nil when there is no such household.
func (is *ImportSession) loadHome(ctx context.Context, q string, args ...any) (*home, error) {
	if is.load != nil && q == is.s.q.ImportHouseholdByRef {
		return is.loadHomeByRef(ctx, args[0].(string))
	}
	h := &home{}
	err := is.row(ctx, q, args...).Scan(&h.id, &h.ref, &h.target.OrgPath, &h.target.RegionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if cached := is.homes.home(h.id); cached != nil {
		return cached, nil
	}
	if is.load != nil {
		is.homes.homes[h.id] = h
		return h, is.loadMembers(ctx, []*home{h})
	}
	rows, err := is.query(ctx, is.s.q.ImportMembers, h.id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k kin
		var head bool
		var birth sql.NullTime
		if err := rows.Scan(&k.id, &k.relation, &head, &k.nameKey, &k.digits, &k.natID, &birth); err != nil {
			return nil, err
		}
		k.birth, h.head = date(birth.Time), h.head || head
		h.members = append(h.members, k)
	}
	is.homes.homes[h.id] = h
	return h, rows.Err()
}

// member returns the member with person id, nil when there is none.
func (h *home) member(id int64) *kin {
	for i := range h.members {
		if h.members[i].id == id {
			return &h.members[i]
		}
	}
	return nil
}
