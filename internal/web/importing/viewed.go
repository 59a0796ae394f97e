package importing

import (
	"context"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// viewed writes to the access log that the user saw what kind id of
// organisation orgID holds of children (an upload's first rows, a run's
// rejected rows), with the organisation's place, so that a reader of the
// log scoped to a region sees the entry when the organisation lies in it.
func (s *Server) viewed(ctx context.Context, rq *request, kind string, id, orgID int64, orgPath, via string) error {
	t := access.Target{OrgPath: orgPath}
	o, err := s.svc.Orgs.Get(ctx, rq.P, orgID)
	switch {
	case err == nil:
		t.RegionPath = o.RegionPath
	case errs.CodeOf(err) != errs.NotFound:
		return err
	}
	return s.svc.Audit.ViewedIn(ctx, rq.P, kind, strconv.FormatInt(id, 10), t, via)
}
