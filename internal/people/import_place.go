package people

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// regionRow and orgRow are what an import keeps of a region code and of an
// organisation it looked up, found or not.
type (
	regionRow struct {
		id         int64
		code, path string
		found      bool
	}
	orgRow struct {
		path  string
		found bool
	}
)

// locate is Service.locate for an import: the same checks, with each
// region and organisation read once per import.
func (is *ImportSession) locate(ctx context.Context, regionCode string, orgID int64) (place, []errs.FieldError, error) {
	pl := place{regionCode: strings.ToUpper(strings.TrimSpace(regionCode)), orgID: orgID}
	r, err := is.region(ctx, pl.regionCode)
	if err != nil {
		return pl, nil, err
	}
	if r.found {
		pl.regionID, pl.regionCode, pl.regionPath = r.id, r.code, r.path
	}
	o, ok := is.orgs[orgID]
	if !ok && orgID != 0 {
		if o.path, o.found, err = is.s.orgPath(ctx, is.tx, orgID); err != nil {
			return pl, nil, err
		}
		is.orgs[orgID] = o
	}
	pl.orgPath = o.path
	return pl, pl.problems(is.p, r.found, o.found), nil
}

// region looks up a region by its code, once per import. A code that
// cannot be one (empty, or with control characters, which PostgreSQL would
// refuse as a parameter) is not found without asking.
func (is *ImportSession) region(ctx context.Context, code string) (regionRow, error) {
	if r, ok := is.regions[code]; ok || code == "" || !text.Printable(code) {
		return r, nil
	}
	var r regionRow
	err := is.row(ctx, is.s.q.Region, code).Scan(&r.id, &r.code, &r.path)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return r, err
	}
	r.found = err == nil
	is.regions[code] = r
	return r, nil
}

// planCategories decides which of the categories cats the person is put
// in: those they are not in yet.
func (is *ImportSession) planCategories(ctx context.Context, pl *rowPlan, cats []int64) error {
	if len(cats) == 0 || pl.old.ID == 0 {
		pl.cats = cats
		return nil
	}
	if is.dry != nil {
		if have, ok := is.dry.categories(pl.old.ID); ok {
			is.newCategories(pl, have, cats)
			return nil
		}
	}
	rows, err := is.query(ctx, is.s.q.ImportCategories, pl.old.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var have []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		have = append(have, id)
	}
	is.newCategories(pl, have, cats)
	return rows.Err()
}

// newCategories sets the categories of cats the person is not in, have.
func (is *ImportSession) newCategories(pl *rowPlan, have, cats []int64) {
	for _, id := range have {
		pl.catsBefore = append(pl.catsBefore, is.catCodes[id])
	}
	for _, c := range cats {
		if !slices.Contains(have, c) {
			pl.cats = append(pl.cats, c)
		}
	}
}
