package importing

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// placeOf is the scope of what organisation orgID (at orgPath) holds of
// children, with the organisation's place: the access log's entries of
// an upload's first rows and of a run's rejected rows carry it, so that a
// reader of the log scoped to a region sees them when the organisation
// lies in it.
func (s *Server) placeOf(ctx context.Context, rq *request, orgID int64, orgPath string) (access.Target, error) {
	t := access.Target{OrgPath: orgPath}
	o, err := s.svc.Orgs.Get(ctx, rq.P, orgID)
	switch {
	case err == nil:
		t.RegionPath = o.RegionPath
	case errs.CodeOf(err) != errs.NotFound:
		return t, err
	}
	return t, nil
}
