package people

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// nameChunk is how many names one query of candidates asks for.
const nameChunk = 250

// prefetchNames reads in a few queries the candidates for matching by name
// of the batch's rows that need it: rows with a date of birth and no ID
// number a registered person holds. match takes them from is.names; a
// row whose name is not there (no date of birth, or a key computed
// otherwise) asks the database itself, as do the rows after anything was
// written in the batch (see stale), since what was written is not here.
func (is *ImportSession) prefetchNames(ctx context.Context, rows []ImportRow) error {
	is.names = make(map[nameBirth][]Person, len(rows))
	var args []any
	for i := range rows {
		in := &rows[i].Person
		if in.BirthDate.IsZero() || is.heldID(in) {
			continue
		}
		k := nameBirth{text.NameKey(text.Clean(in.LastName), text.Clean(in.FirstName), ""), dateText(in.BirthDate)}
		if _, seen := is.names[k]; seen || k.key == "" {
			continue
		}
		is.names[k] = nil
		lo, hi := access.Span(k.key + " ")
		args = append(args, k.key, lo, hi, store.NullDate(in.BirthDate))
	}
	if is.load != nil {
		return is.loadNames(ctx)
	}
	namesOf := func(n int) string { return is.namesQuery(n / 4) }
	return is.eachIn(ctx, args, 4*nameChunk, namesOf, nil, func(rs *sql.Rows) error {
		var key string
		p, err := scanPerson(rs, &key)
		k := nameBirth{key, dateText(p.BirthDate)}
		is.names[k] = append(is.names[k], p)
		return err
	})
}

// heldID reports whether a registered person holds the ID number of in,
// as far as the batch read ahead: such a row matches by the number.
func (is *ImportSession) heldID(in *Input) bool {
	_, n, _ := checkID(in.IDKind, in.NationalID, time.Time{}, SexUnknown)
	return n != "" && len(is.ids[n]) > 0
}

// stale makes the rest of the batch match by name against the database.
func (is *ImportSession) stale() { is.names = nil }

// byName returns the prefetched candidates of key and birth, and whether
// they were prefetched.
func (is *ImportSession) byName(key string, birth time.Time) ([]Person, bool) {
	ps, ok := is.names[nameBirth{key, dateText(birth)}]
	return ps, ok
}

// namesQuery is ImportByName for n names at once: each (key, lo, hi,
// birth) probes the index on (name_key, birth_date) twice, for the name
// alone and with a patronymic. PostgreSQL types the VALUES by the casts
// of their first row; SQLite must not cast the date, stored as text.
func (is *ImportSession) namesQuery(n int) string {
	var b strings.Builder
	b.WriteString("WITH k(key, lo, hi, birth) AS (VALUES ")
	for i := range n {
		p := func(j int) string { return "$" + strconv.Itoa(4*i+j) }
		if i > 0 {
			b.WriteByte(',')
		}
		if i == 0 && is.s.db.Engine == store.Postgres {
			b.WriteString("(CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS DATE))")
			continue
		}
		b.WriteString("(" + p(1) + "," + p(2) + "," + p(3) + "," + p(4) + ")")
	}
	// SQLite, without statistics, would rather read every person and build
	// an index on the names asked for: CROSS JOIN makes it go through them
	// one by one, and the unary + keeps the date out of its choice of
	// index (PostgreSQL plans the join by itself).
	birth := "p.birth_date"
	if is.s.db.Engine == store.SQLite {
		birth = "+p.birth_date"
	}
	b.WriteString(`)
SELECT k.key, p.* FROM k CROSS JOIN person_rows p
WHERE p.name_key = k.key AND p.birth_date = k.birth AND p.merged_into IS NULL
UNION ALL
SELECT k.key, p.* FROM k CROSS JOIN person_rows p
WHERE p.name_key > k.lo AND p.name_key < k.hi AND ` + birth + ` = k.birth AND p.merged_into IS NULL`)
	return store.Rebind(is.s.db.Engine, b.String())
}
