package people

import (
	"context"
	"database/sql"
	"strings"
)

// loadPersons calls fn on each live person of ids: a person of the batch
// being written from memory, the others from the database, once what is
// being written is.
func (is *ImportSession) loadPersons(ctx context.Context, ids []int64, fn func(Person)) error {
	var ask []any
	for _, id := range ids {
		if p, ok := is.load.person(id); ok {
			fn(p)
		} else {
			ask = append(ask, id)
		}
	}
	if len(ask) == 0 {
		return nil
	}
	if err := is.sync(); err != nil {
		return err
	}
	q := func(n int) string {
		return inQuery(is.s.db.Engine, "SELECT p.* FROM person_rows p WHERE p.id IN (", n, ") AND p.merged_into IS NULL")
	}
	return is.eachIn(ctx, ask, idChunk, q, nil, func(rs *sql.Rows) error {
		p, err := scanPerson(rs)
		fn(p)
		return err
	})
}

// loadHolders is prefetchIDs' query in a load: the persons holding each
// of numbers, into is.ids.
func (is *ImportSession) loadHolders(ctx context.Context, numbers []any) error {
	var ids []int64
	for _, n := range numbers {
		ids = append(ids, is.load.idx.holders(n.(string))...)
	}
	return is.loadPersons(ctx, ids, func(p Person) {
		if hs, asked := is.ids[p.NationalID]; asked && p.NationalID != "" && !hasPerson(hs, p.ID) {
			is.ids[p.NationalID] = append(hs, p)
		}
	})
}

// loadByID is storedByID's query in a load.
func (is *ImportSession) loadByID(ctx context.Context, number, kind string) (Person, error) {
	var found []Person
	err := is.loadPersons(ctx, is.load.idx.holders(number), func(p Person) {
		if p.NationalID == number && p.IDKind == kind {
			found = append(found, p)
		}
	})
	if err == nil && len(found) == 0 {
		err = sql.ErrNoRows
	}
	if err != nil {
		return Person{}, err
	}
	return found[0], nil
}

// loadNamed returns the live persons whose name key is key, or key and
// more words, born on birth (""when unknown): at most limit when limit is
// above 0.
func (is *ImportSession) loadNamed(ctx context.Context, key, birth string, limit int) ([]Person, error) {
	var out []Person
	err := is.loadPersons(ctx, is.load.idx.named(key, birth), func(p Person) {
		if (p.nameKey == key || strings.HasPrefix(p.nameKey, key+" ")) && dateText(p.BirthDate) == birth &&
			(limit <= 0 || len(out) < limit) {
			out = append(out, p)
		}
	})
	return out, err
}

// loadNames is prefetchNames' query in a load: the candidates of each
// key asked for, into is.names.
func (is *ImportSession) loadNames(ctx context.Context) error {
	for k := range is.names {
		ps, err := is.loadNamed(ctx, k.key, k.birth, 0)
		if err != nil {
			return err
		}
		is.names[k] = ps
	}
	return nil
}

func hasPerson(ps []Person, id int64) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}
