package demo

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// contestPool is the youth organisation the competitions and the
// selection are run by, and its young people they draw on.
type contestPool struct {
	head     int64            // the youth organisation's head office
	headPath string           // its path, "/12/"
	coord    access.Principal // a coordinator of the whole organisation
	youth    []youth.Youth    // every young person it follows, by id
}

// contestYouth reads the young people registered with the youth
// organisation of the first one registered, whoever registered them (the
// mentoring demo's and the Almaty Region branch's), as a
// coordinator of that organisation reads them. ok is false when no young
// person is registered.
func contestYouth(ctx context.Context, s *services.Services) (contestPool, bool, error) {
	var pool contestPool
	var all []youth.Youth
	pg := store.Page{Limit: store.MaxLimit}
	for {
		page, next, err := s.Youth.List(ctx, access.System, youth.Filter{}, pg)
		if err != nil {
			return pool, false, err
		}
		all = append(all, page...)
		if next == "" {
			break
		}
		pg.Before, _ = strconv.ParseInt(next, 10, 64)
	}
	if len(all) == 0 {
		return pool, false, nil
	}
	slices.SortFunc(all, func(a, b youth.Youth) int { return int(a.ID - b.ID) })
	pool.headPath = "/" + strings.SplitN(strings.Trim(all[0].OrgPath, "/"), "/", 2)[0] + "/"
	pool.head, _ = strconv.ParseInt(strings.Trim(pool.headPath, "/"), 10, 64)
	pool.coord = access.Principal{Name: "demo", Role: access.Coordinator, OrgID: pool.head, OrgPath: pool.headPath}
	for _, y := range all {
		if strings.HasPrefix(y.OrgPath, pool.headPath) {
			pool.youth = append(pool.youth, y)
		}
	}
	return pool, true, nil
}

// in returns the young people of the pool living in region code's
// subtree, by id.
func (c contestPool) in(code string) []youth.Youth {
	var out []youth.Youth
	for _, y := range c.youth {
		if strings.Contains(y.RegionPath, "/"+code+"/") {
			out = append(out, y)
		}
	}
	return out
}
