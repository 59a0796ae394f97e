package people

import (
	"context"
	"database/sql"
	"slices"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// write writes what pl decided, inside the row's savepoint: the new
// household, the person, their membership, the guardian, the categories,
// and the change log entry of an updated person. Ids of what is created
// are set in pl, which settle then takes in.
func (is *ImportSession) write(ctx context.Context, pl *rowPlan) error {
	now, by := is.s.now().UTC(), store.NullID(is.p.UserID)
	h, rec := pl.home, &pl.rec
	var hid sql.NullInt64
	if pl.newHome {
		if err := is.row(ctx, is.s.q.InsertHousehold, store.NullID(is.o.OrgID), is.orgPath, pl.regionID, rec.RegionPath,
			rec.Address, pl.phone, pl.digits, "", false, false, false, "", h.ref, by, now, now).Scan(&h.id); err != nil {
			return err
		}
	}
	if h != nil {
		hid = store.NullID(h.id)
	}
	switch {
	case pl.old.ID == 0:
		var err error
		if rec.ID, err = is.insert(ctx, is.s.q.ImportInsertPerson, personArgs(*rec, pl.regionID, hid, by, now, now)...); err != nil {
			return err
		}
	case pl.before != nil:
		if _, err := is.exec(ctx, is.s.q.UpdatePerson, personArgs(*rec, pl.regionID, now, rec.ID)...); err != nil {
			return err
		}
	}
	if pl.join {
		if _, err := is.exec(ctx, is.s.q.InsertMember, rec.ID, h.id, pl.relation, false); err != nil {
			return err
		}
		if pl.old.ID != 0 {
			if _, err := is.exec(ctx, is.s.q.SetPersonHousehold, h.id, rec.ID); err != nil {
				return err
			}
		}
	}
	if pl.relate {
		if _, err := is.exec(ctx, is.s.q.ImportRelation, pl.relation, rec.ID); err != nil {
			return err
		}
	}
	if pl.gNew {
		var err error
		g := pl.g
		if g.ID, err = is.insert(ctx, is.s.q.ImportInsertPerson, personArgs(*g, pl.gRegionID, hid, by, now, now)...); err != nil {
			return err
		}
		if _, err := is.exec(ctx, is.s.q.InsertMember, g.ID, h.id, Guardian, pl.gHead); err != nil {
			return err
		}
	}
	for _, c := range pl.cats {
		if _, err := is.exec(ctx, is.s.q.ImportAssign, rec.ID, c, by, now); err != nil {
			return err
		}
	}
	return is.logUpdate(ctx, pl)
}

// logUpdate writes the change log entry of an updated person: the fields
// that changed, their membership and the categories they were put in.
func (is *ImportSession) logUpdate(ctx context.Context, pl *rowPlan) error {
	if pl.old.ID == 0 || pl.before == nil && !pl.join && !pl.relate && len(pl.cats) == 0 {
		return nil
	}
	before, after := map[string]any{}, map[string]any{}
	for k, v := range pl.before {
		before[k], after[k] = v, pl.after[k]
	}
	if pl.join {
		before["relation"], after["relation"] = nil, pl.relation // the household itself is not logged: see logged
	}
	if pl.relate {
		before["relation"], after["relation"] = pl.oldRelation, pl.relation
	}
	if len(pl.cats) > 0 {
		added := slices.Clone(pl.catsBefore)
		for _, c := range pl.cats {
			added = append(added, is.catCodes[c])
		}
		before["categories"], after["categories"] = pl.catsBefore, added
	}
	return is.s.log.Record(ctx, is.tx, is.p, audit.Change{Action: "update", Entity: "person",
		EntityID: itoa(pl.rec.ID), OrgPath: pl.rec.OrgPath, RegionPath: pl.rec.RegionPath, Before: before, After: after})
}

// settle takes in what a row wrote, or staged: the households the import
// keeps, for the rows after it.
func (is *ImportSession) settle(pl *rowPlan) {
	if is.load != nil {
		is.learn(pl)
	}
	h := pl.home
	if h == nil {
		return
	}
	if pl.newHome {
		if is.homes.homes[h.id] = h; h.ref != "" {
			is.homes.refs[h.ref] = h.id
		}
	}
	if pl.join {
		h.members = append(h.members, kinOf(pl.rec, pl.relation))
	}
	if k := h.member(pl.rec.ID); pl.relate && k != nil {
		k.relation = pl.relation
	}
	if pl.gNew {
		h.members = append(h.members, kinOf(*pl.g, Guardian))
		h.head = h.head || pl.gHead
	}
}

// kinOf is what a home keeps of member p.
func kinOf(p Person, r Relation) kin {
	return kin{id: p.ID, relation: r, nameKey: p.nameKey, digits: p.phoneDigits, natID: p.NationalID, birth: p.BirthDate}
}
