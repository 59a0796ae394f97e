package people

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/jolproject/jol/internal/text"
)

// prefetchHomes reads in a few queries the organisation's households that
// the batch's references name and the session does not keep, with their
// members, so that planning a row asks nothing about its household: on
// PostgreSQL a question is a round trip, and a third of a school's list
// starts a household. A reference nobody has is kept as none yet.
func (is *ImportSession) prefetchHomes(ctx context.Context, rows []ImportRow) error {
	var refs []any
	for i := range rows {
		ref := text.Clean(rows[i].HouseholdRef)
		if _, known := is.homes.ref(ref); known || ref == "" || len(ref) > maxRef || !text.Printable(ref) {
			continue
		}
		is.homes.refs[ref] = 0
		refs = append(refs, ref)
	}
	if is.load != nil {
		return is.loadRefs(ctx, refs)
	}
	var found []any
	refsQuery := func(n int) string {
		return inQuery(is.s.db.Engine, "SELECT id, external_ref, org_path, region_path FROM households WHERE external_ref IN (",
			n, ") AND COALESCE(org_id, 0) = $"+strconv.Itoa(n+1)+" AND external_ref <> ''")
	}
	err := is.eachIn(ctx, refs, idChunk, refsQuery, []any{is.o.OrgID}, func(rs *sql.Rows) error {
		h := &home{}
		if err := rs.Scan(&h.id, &h.ref, &h.target.OrgPath, &h.target.RegionPath); err != nil {
			return err
		}
		is.homes.refs[h.ref], is.homes.homes[h.id] = h.id, h
		found = append(found, h.id)
		return nil
	})
	if err != nil {
		return err
	}
	membersQuery := func(n int) string {
		return inQuery(is.s.db.Engine, `SELECT m.household_id, m.person_id, m.relation, m.is_head, p.name_key,
p.phone_digits, p.national_id, p.birth_date FROM household_members m JOIN persons p ON p.id = m.person_id
WHERE p.merged_into IS NULL AND m.household_id IN (`, n, ")")
	}
	return is.eachIn(ctx, found, idChunk, membersQuery, nil, func(rs *sql.Rows) error {
		var hid int64
		var k kin
		var head bool
		var birth sql.NullTime
		if err := rs.Scan(&hid, &k.id, &k.relation, &head, &k.nameKey, &k.digits, &k.natID, &birth); err != nil {
			return err
		}
		h := is.homes.homes[hid]
		k.birth, h.head = date(birth.Time), h.head || head
		h.members = append(h.members, k)
		return nil
	})
}
