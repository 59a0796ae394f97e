package distribution

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// handoverFields are the fields of the handover form besides the lines'
// (line, serial.<n>).
var handoverFields = []string{"request_id", "proof", "signature", "code", "photo_id", "note"}

// handoverView is the handover screen: a search by reference and, once
// a family is found, what it may take and the proof it gives.
type handoverView struct {
	Page
	Event     distribution.Event
	Search    *form
	Family    *distribution.Family
	Lines     []familyLine
	Progress  string
	Form      *form
	Proofs    []option
	Photos    []option
	CanRun    bool
	CanGive   bool // a line may be handed over now
	CanReturn bool
	DemoPhone string // what the demo's phone received; never in a real installation
}

// familyLine is a line of the family's request on the screen.
type familyLine struct {
	distribution.Row
	Item    string
	State   string // the line's state as the staff read it
	Give    bool   // it may be handed over here now
	Checked bool
	Serial  string   // the field of its serial number
	Devices []string // serial numbers in stock for it here
}

// Handover shows the handover screen of the {id} event: ?ref= finds a
// family by its reference, ?request= returns to one.
func (s *Server) Handover(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	search := kit.NewForm(nil, "ref")
	search.Values["ref"] = strings.TrimSpace(q.Get("ref"))
	f := kit.NewForm(nil, handoverFields...)
	f.Values["proof"] = string(distribution.Signature)
	if p := distribution.Proof(q.Get("proof")); slices.Contains(distribution.Proofs(), p) {
		f.Values["proof"] = string(p)
	}
	request, _ := strconv.ParseInt(q.Get("request"), 10, 64)
	return s.renderHandover(w, r, rq, search, f, request, nil, http.StatusOK)
}

func (s *Server) renderHandover(w http.ResponseWriter, r *http.Request, rq *request, search, f *form, request int64,
	checked []int, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, err := s.svc.Distribution.Event(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := handoverView{Page: s.Page(r, rq, "distribution.handover"), Event: e, Search: search, Form: f,
		CanRun:    mayRun(rq, e) && e.Status == distribution.Open,
		CanReturn: access.Can(rq.P, access.MoveStock, e.Target()) == nil}
	v.Title = rq.L.T("distribution.handover") + " · " + e.Place
	if request != 0 || search.Values["ref"] != "" {
		fam, err := s.svc.Distribution.Family(ctx, rq.P, id, request, search.Values["ref"], "web")
		switch {
		case err == nil:
			v.Family = &fam
			if err := s.familyLines(r, rq, &v, checked); err != nil {
				return err
			}
		case !search.Absorb(rq.L, err):
			return err
		default:
			search.Move("reference", "ref")
			if status == http.StatusOK {
				status = http.StatusNotFound
			}
		}
	}
	s.Render(w, status, "handover", &v)
	return nil
}

// familyLines fills the lines of the family found, the proofs and the
// progress.
func (s *Server) familyLines(r *http.Request, rq *request, v *handoverView, checked []int) error {
	fam, l, loc := v.Family, rq.L, string(rq.L.Locale())
	var devices []stock.Unit
	for _, row := range fam.Lines {
		if row.SerialTracked && row.OnList && !row.Handed() && devices == nil {
			var err error
			if devices, err = s.svc.Stock.Units(r.Context(), rq.P, v.Event.WarehouseID, stock.UnitInStock); err != nil {
				return err
			}
		}
	}
	for _, row := range fam.Lines {
		fl := familyLine{Row: row, Item: row.Name(loc), Serial: "serial." + strconv.Itoa(row.Line)}
		switch {
		case row.Handed():
			fl.State = l.T("distribution.state.handed", "Date", v.DateTime(row.HandedAt)) + " · " +
				l.T("distribution.proof."+string(row.Proof))
		case !row.OnList:
			fl.State = l.T("distribution.state.elsewhere")
		case row.HeldAt != v.Event.WarehouseID:
			fl.State = l.T("distribution.state.not_held")
		default:
			fl.State, fl.Give, v.CanGive = l.T("distribution.state.ready"), true, true
			fl.Checked = checked == nil || slices.Contains(checked, row.Line)
		}
		for _, d := range devices {
			if fl.Give && row.SerialTracked && d.ItemID == row.ItemID {
				fl.Devices = append(fl.Devices, d.Serial)
			}
		}
		v.Lines = append(v.Lines, fl)
	}
	v.Progress = l.T("distribution.progress", "Handed", fam.Handed, "Count", fam.Total)
	v.Proofs = kit.Choices(distribution.Proofs(), v.Form.Values["proof"], "", kit.Key[distribution.Proof](l, "distribution.proof."))
	for i := len(fam.Photos) - 1; i >= 0; i-- {
		ph := fam.Photos[i]
		v.Photos = append(v.Photos, option{Value: kit.Itoa(ph.ID), Label: ph.Name + " · " + v.DateTime(ph.UploadedAt),
			Selected: kit.Itoa(ph.ID) == v.Form.Values["photo_id"]})
	}
	if phone, ok := s.svc.Distribution.Sender().(*requests.Outbox); ok && phone.Visible && fam.Code != nil {
		m, ok, err := phone.Last(r.Context(), fam.RequestID, distribution.CodeMessage)
		if err != nil {
			return err
		}
		if ok {
			v.DemoPhone = l.T(m.Key, m.Args)
		}
	}
	return nil
}
