package aftercare

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/kit"
)

// devicesView is the search of a device by serial number and what it
// found, and under it a page of the devices handed over lately.
type devicesView struct {
	Page
	kit.Listing
	Filter *form
	Found  []deviceRow
	Asked  bool
	Recent []handedRow
}

// handedRow is a device handed over with its item's name.
type handedRow struct {
	stock.Handed
	Item string
}

type deviceRow struct {
	stock.Device
	Item string
}

// Devices finds the devices of the serial number ?serial=: one goes
// straight to its page. Under the search it lists a page of the devices
// handed over from the warehouses the reader sees, the latest first.
func (s *Server) Devices(w http.ResponseWriter, r *http.Request, rq *request) error {
	ctx := r.Context()
	q := kit.QueryForm(r, "serial")
	v := devicesView{Page: s.Page(r, rq, "nav.devices"), Filter: q, Asked: q.Values["serial"] != ""}
	item, err := s.items(ctx, rq)
	if err != nil {
		return err
	}
	if v.Asked {
		found, err := s.svc.Aftercare.FindDevices(ctx, rq.P, q.Values["serial"])
		if err != nil {
			return err
		}
		if len(found) == 1 {
			return kit.SeeOther(w, r, "/devices/"+url.PathEscape(strconv.FormatInt(found[0].ID, 10)))
		}
		for _, d := range found {
			v.Found = append(v.Found, deviceRow{Device: d, Item: item(d.ItemID)})
		}
	}
	n, err := s.svc.Stock.HandedCount(ctx, rq.P)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	recent, next, err := s.svc.Stock.HandedPage(ctx, rq.P, pg.Cursor, pg.Store())
	if err != nil {
		return err
	}
	v.Listing = pg.Listing(r, next, n)
	for _, h := range recent {
		v.Recent = append(v.Recent, handedRow{Handed: h, Item: item(h.ItemID)})
	}
	s.Render(w, http.StatusOK, "devices", &v)
	return nil
}

// deviceView is a device's page: its story.
type deviceView struct {
	Page
	St          aftercare.Story
	Item        string
	Events      []eventRow
	Tasks       taskTable
	Setup       string
	Training    string
	CanAddTask  bool
	CanSeeChild bool
	// CanSeeRuns links the allocation runs that held the device.
	CanSeeRuns bool
	Form       *form
	Kinds      []option
}

// eventRow is a document of the device's story with what it says.
type eventRow struct {
	stock.DeviceEvent
	What string
}

// Device shows the story of the device {key}: its serial number or id.
func (s *Server) Device(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderDevice(w, r, rq, nil, http.StatusOK)
}

// device finds the device the {key} of the route names.
func (s *Server) device(r *http.Request, rq *request) (stock.Device, error) {
	found, err := s.svc.Aftercare.FindDevices(r.Context(), rq.P, r.PathValue("key"))
	if err != nil {
		return stock.Device{}, err
	}
	if len(found) != 1 {
		// Two items with one serial: their ids tell them apart.
		id, err := strconv.ParseInt(r.PathValue("key"), 10, 64)
		for _, d := range found {
			if err == nil && d.ID == id {
				return d, nil
			}
		}
		return stock.Device{}, kit.ErrNotFound
	}
	return found[0], nil
}

func (s *Server) renderDevice(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	d, err := s.device(r, rq)
	if err != nil {
		return err
	}
	st, err := s.svc.Aftercare.Story(ctx, rq.P, d.ID, "web")
	if err != nil {
		return err
	}
	item, err := s.items(ctx, rq)
	if err != nil {
		return err
	}
	v := deviceView{Page: s.Page(r, rq, "aftercare.device"), St: st, Item: item(d.ItemID),
		Setup: durationOrNone(rq, st.SetupMinutes), Training: durationOrNone(rq, st.TrainingMinutes),
		CanAddTask:  access.Allowed(rq.P, access.ManageTasks) && d.State == stock.UnitIssued,
		CanSeeChild: st.ChildID != 0 && access.Allowed(rq.P, access.ViewChild),
		CanSeeRuns:  access.Allowed(rq.P, access.ViewAllocation)}
	v.Title = v.Item + " " + d.Serial
	for _, e := range st.Events {
		v.Events = append(v.Events, eventRow{DeviceEvent: e, What: rq.L.T("stock.doc." + string(e.Kind))})
	}
	if v.Tasks.Rows, err = s.taskRows(r, rq, st.Tasks); err != nil {
		return err
	}
	v.Tasks.P = v.Page
	if f == nil {
		f = kit.NewForm(nil, "kind", "due_on", "note")
	}
	v.Form = f
	v.Kinds = kit.Choices(aftercare.Kinds(), f.Values["kind"], "", kit.Key[aftercare.Kind](rq.L, "aftercare.kind."))
	s.Render(w, status, "device", &v)
	return nil
}

// TaskAdd adds a task by hand to the device {key}.
func (s *Server) TaskAdd(w http.ResponseWriter, r *http.Request, rq *request) error {
	d, err := s.device(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "kind", "due_on", "note")
	due := kit.FormDate(rq, f, "due_on")
	if len(f.FieldErrs) == 0 {
		t, err := s.svc.Aftercare.AddTask(r.Context(), rq.P, aftercare.TaskInput{UnitID: d.ID,
			Kind: aftercare.Kind(f.Values["kind"]), DueOn: due, Note: f.Values["note"]})
		if err == nil {
			s.Flash(r, "aftercare.task_saved")
			return kit.SeeOther(w, r, "/tasks/"+kit.Itoa(t.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		f.Move("unit_id", "kind")
	}
	return s.renderDevice(w, r, rq, f, http.StatusUnprocessableEntity)
}

// durationOrNone is minutes as hours and minutes, or a dash for none.
func durationOrNone(rq *request, minutes int) string {
	if minutes == 0 {
		return "—"
	}
	return duration(rq.L, minutes)
}
