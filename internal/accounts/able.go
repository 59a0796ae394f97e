package accounts

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Colleague is a user as a page offers them to be given a piece of work
// (a request to review, an appeal to answer): no e-mail, no scope.
type Colleague struct {
	ID      int64
	Name    string
	Role    access.Role
	OrgName string
}

// MaxAble bounds how many users Able returns.
const MaxAble = 500

// Able returns the active users who may do action a on a record of scope
// t, by name, at most MaxAble: those whose role the policy lets do it and
// whose organisation and region subtrees hold t, each checked with
// access.Can. p must be allowed to do a on t: only who may decide a
// request learns who else may.
func (s *Service) Able(ctx context.Context, p access.Principal, a access.Action, t access.Target) ([]Colleague, error) {
	if err := access.Can(p, a, t); err != nil {
		return nil, err
	}
	var roles strings.Builder
	roles.WriteByte(',')
	for _, r := range access.RolesFor(a) {
		roles.WriteString(string(r) + ",")
	}
	type able struct {
		Colleague
		scope access.Principal
	}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (able, error) {
		var u able
		err := sc.Scan(&u.ID, &u.Name, &u.Role, &u.OrgName, &u.scope.OrgPath, &u.scope.RegionPath)
		u.scope.Role = u.Role
		return u, err
	}, s.q.UsersCovering, t.OrgPath, t.RegionPath, roles.String(), MaxAble)
	if err != nil {
		return nil, err
	}
	out := make([]Colleague, 0, len(rows))
	for _, u := range rows {
		if access.Can(u.scope, a, t) == nil {
			out = append(out, u.Colleague)
		}
	}
	return out, nil
}
