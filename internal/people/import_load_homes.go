package people

import (
	"context"
	"database/sql"
	"math"
)

// loadHomeByRef is ImportHouseholdByRef in a load: the organisation's
// household with reference ref, nil when there is none.
func (is *ImportSession) loadHomeByRef(ctx context.Context, ref string) (*home, error) {
	var found *home
	for _, id := range is.load.idx.withRef(ref, is.o.OrgID) {
		if h := is.load.home(id); h != nil {
			is.homes.homes[h.id] = h
			return h, nil
		}
		if err := is.sync(); err != nil {
			return nil, err
		}
		h := &home{}
		var org int64
		q := inQuery(is.s.db.Engine, "SELECT id, external_ref, org_path, region_path, COALESCE(org_id, 0) FROM households WHERE id IN (", 1, ")")
		err := is.row(ctx, q, id).Scan(&h.id, &h.ref, &h.target.OrgPath, &h.target.RegionPath, &org)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return nil, err
		case h.ref == ref && org == is.o.OrgID:
			found = h
		}
	}
	if found == nil {
		return nil, nil
	}
	if cached := is.homes.home(found.id); cached != nil {
		return cached, nil
	}
	is.homes.homes[found.id] = found
	return found, is.loadMembers(ctx, []*home{found})
}

// loadMembers reads the live members of homes, as ImportMembers does, in
// a load.
func (is *ImportSession) loadMembers(ctx context.Context, homes []*home) error {
	var ids []any
	of := map[int64]*home{}
	for _, h := range homes {
		of[h.id] = h
		for _, id := range is.load.idx.members[h.id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if err := is.sync(); err != nil {
		return err
	}
	q := func(n int) string {
		return inQuery(is.s.db.Engine, `SELECT m.household_id, m.person_id, m.relation, m.is_head, p.name_key,
p.phone_digits, p.national_id, p.birth_date FROM household_members m JOIN persons p ON p.id = m.person_id
WHERE p.merged_into IS NULL AND m.person_id IN (`, n, ")")
	}
	return is.eachIn(ctx, ids, idChunk, q, nil, func(rs *sql.Rows) error {
		var hid int64
		var k kin
		var head bool
		var birth sql.NullTime
		if err := rs.Scan(&hid, &k.id, &k.relation, &head, &k.nameKey, &k.digits, &k.natID, &birth); err != nil {
			return err
		}
		if h := of[hid]; h != nil && h.member(k.id) == nil {
			k.birth, h.head = date(birth.Time), h.head || head
			h.members = append(h.members, k)
		}
		return nil
	})
}

// learn takes into the load's index what a row wrote or staged.
func (is *ImportSession) learn(pl *rowPlan) {
	x := &is.load.idx
	add := func(p Person) { x.person(p.ID, p.NationalID, p.nameKey, dateText(p.BirthDate)) }
	add(pl.rec)
	h := pl.home
	if h != nil && pl.newHome {
		x.household(h.id, h.ref, is.o.OrgID)
		is.load.region(h.id, pl.rec.RegionPath)
	}
	if h != nil && pl.join {
		x.member(h.id, pl.rec.ID)
	}
	if pl.gNew {
		add(*pl.g)
		x.member(h.id, pl.g.ID)
	}
}

// loadRefs is prefetchHomes' query in a load: the organisation's
// households of refs, with their members.
func (is *ImportSession) loadRefs(ctx context.Context, refs []any) error {
	for _, r := range refs {
		h, err := is.loadHomeByRef(ctx, r.(string))
		if err != nil {
			return err
		}
		if h != nil {
			is.homes.refs[h.ref] = h.id
		}
	}
	return nil
}

// loadRegion returns the region of household id when the load created
// it: its organisation is the import's, so no one needs to read it.
func (is *ImportSession) loadRegion(id int64) (string, bool) {
	if is.load == nil {
		return "", false
	}
	r, ok := is.load.regions[id]
	if !ok {
		return "", false
	}
	return is.load.paths[r], true
}

// region takes in that household id is in the region with path: a few
// thousand paths are shared by hundreds of thousands of households.
func (l *loader) region(id int64, path string) {
	i, ok := l.pathOf[path]
	if !ok && len(l.paths) <= math.MaxUint16 {
		i = uint16(len(l.paths))
		l.pathOf[path], l.paths = i, append(l.paths, path)
	} else if !ok {
		return // more places than any country has: the household is read when asked for
	}
	l.regions[id] = i
}
