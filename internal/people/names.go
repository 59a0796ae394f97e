package people

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jolproject/jol/internal/access"
)

// MaxNames bounds the ids one call to PersonNames or HouseholdHeadNames looks
// up: a page of a log, not a whole register.
const MaxNames = 500

// PersonNames returns the full names of the people among ids that p may
// see, in one query; an id outside p's scope (or unknown) is absent from
// the map, and a principal who may not see children at all gets an empty
// map. It writes no access-log entry: it is for pages that name records
// already opened (the access log), not for opening them.
func (s *Service) PersonNames(ctx context.Context, p access.Principal, ids []int64) (map[int64]string, error) {
	return s.names(ctx, p, s.q.PersonNames, ids, func(first, last, patronymic, _ string) string {
		return strings.Join(strings.Fields(last+" "+first+" "+patronymic), " ")
	})
}

// HouseholdHeadNames returns, for the households among ids that p may see,
// their head's full name, or their address when they have no head.
func (s *Service) HouseholdHeadNames(ctx context.Context, p access.Principal, ids []int64) (map[int64]string, error) {
	return s.names(ctx, p, s.q.HouseholdNames, ids, func(first, last, patronymic, address string) string {
		if n := strings.Join(strings.Fields(last+" "+first+" "+patronymic), " "); n != "" {
			return n
		}
		return address
	})
}

func (s *Service) names(ctx context.Context, p access.Principal, query string, ids []int64,
	name func(first, last, patronymic, address string) string) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 || !access.Allowed(p, access.ViewChild) {
		return out, nil
	}
	if len(ids) > MaxNames {
		ids = ids[:MaxNames]
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("people: names: %w", err)
	}
	rows, err := s.db.R.QueryContext(ctx, query, append(p.ScopeArgs(), string(list))...)
	if err != nil {
		return nil, fmt.Errorf("people: names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var last, first, patronymic, address string
		if err := rows.Scan(&id, &last, &first, &patronymic, &address); err != nil {
			return nil, fmt.Errorf("people: names: %w", err)
		}
		out[id] = name(first, last, patronymic, address)
	}
	return out, rows.Err()
}
