package duplicates

import (
	"math"
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

// queueView is the queue of pending pairs the reviewer may decide, best
// first, with the last scan and the button that starts one.
type queueView struct {
	Page
	kit.Listing
	Rows    []queueRow
	Scan    dedupe.Scan
	Scanned bool
	CanScan bool
}

// queueRow is a pair of the queue with its probability as the page
// shows it.
type queueRow struct {
	dedupe.Pair
	Percent string
}

// percent shows a probability as a whole percentage in the page's
// digits; a probability short of 1 never shows as 100.
func percent(l *i18n.Localizer, p float64) string {
	n := int64(math.Floor(p * 100))
	return l.T("duplicates.percent", "N", l.Number(n))
}

// Queue lists the pending pairs of the reviewer's scope, a page at a time.
func (s *Server) Queue(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	pg := kit.PageOf(r)
	rows, next, err := s.svc.Dedupe.Queue(ctx, rq.P, dedupe.Page{Cursor: r.URL.Query().Get("cursor"), Limit: pg.Limit})
	if err != nil {
		return err
	}
	n, err := s.svc.Dedupe.CountQueue(ctx, rq.P)
	if err != nil {
		return err
	}
	v := queueView{Page: s.Page(r, rq, "duplicates.title"), CanScan: access.Allowed(rq.P, access.ScanDuplicates)}
	for _, p := range rows {
		v.Rows = append(v.Rows, queueRow{Pair: p, Percent: percent(rq.L, p.Probability)})
	}
	v.Listing = kit.NewListing(r, next).Of("duplicates.total", "duplicates.more_than")
	v.Counted, v.Total, v.More = true, n.N, n.More
	if v.Scan, v.Scanned, err = s.svc.Dedupe.LastScan(ctx, rq.P); err != nil {
		return err
	}
	s.Render(w, http.StatusOK, "duplicates", &v)
	return nil
}

// Scan queues a scan of the registry and returns to the queue.
func (s *Server) Scan(w http.ResponseWriter, r *http.Request, rq *request) error {
	if _, err := s.svc.Dedupe.Ask(r.Context(), rq.P); err != nil {
		return err
	}
	s.Flash(r, "duplicates.scan_queued")
	return kit.SeeOther(w, r, "/duplicates")
}
