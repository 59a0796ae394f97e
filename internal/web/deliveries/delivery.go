package deliveries

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/web/kit"
)

// deliveryView is a delivery's page: its facts, its lines with how each
// was computed, and the forms of what the user may do to it.
type deliveryView struct {
	Page
	D        deliveries.Delivery
	Campaign string
	Lines    []lineRow
	Form     *form
	// What the user may do now.
	CanDispatch, CanDeliver, CanConfirm, CanCancel, CanReschedule bool
	// Received shows the counted column: a confirmed delivery.
	Received bool
	// CanSeeDoc links the ledger's handover: the user may read stock.
	CanSeeDoc bool
}

// lineRow is a line with its item's name, how its quantity was computed
// and the names of its fields in the dispatch and confirmation forms.
type lineRow struct {
	deliveries.Line
	Name, How              string
	Quantity, Reason, Note string
	Reasons                []option
	ReasonName             string
}

// Delivery shows the {id} delivery.
func (s *Server) Delivery(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderDelivery(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderDelivery(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d, err := s.svc.Deliveries.Get(ctx, rq.P, id)
	if err != nil {
		return err
	}
	n, err := s.names(ctx, rq)
	if err != nil {
		return err
	}
	t := d.Target()
	v := deliveryView{Page: s.Page(r, rq, "delivery.title"), D: d, Campaign: n.campaign(d.CampaignID),
		Received: d.Status == deliveries.Confirmed, CanSeeDoc: access.Allowed(rq.P, access.ViewStock)}
	v.Title = d.OrgName
	open := d.Status == deliveries.Dispatched || d.Status == deliveries.Delivered
	v.CanDispatch = d.Status == deliveries.Planned && access.Can(rq.P, access.DispatchDeliveries, t) == nil
	v.CanDeliver = d.Status == deliveries.Dispatched && access.Can(rq.P, access.DispatchDeliveries, t) == nil
	v.CanConfirm = open && rq.P.OrgID == d.OrgID && access.Can(rq.P, access.ConfirmDeliveries, t) == nil
	v.CanCancel = d.Status == deliveries.Planned && access.Can(rq.P, access.ManageDeliveries, t) == nil
	v.CanReschedule = (d.Status == deliveries.Planned || open) && access.Can(rq.P, access.ManageDeliveries, t) == nil
	if f == nil {
		f = kit.NewForm(nil, deliveryFields(d)...)
		for _, l := range d.Lines {
			q := l.Planned
			if v.CanConfirm {
				q = l.Dispatched
			}
			f.Values[lineField(l.Line, "quantity")] = strconv.FormatInt(q, 10)
		}
		f.Values["due_on"] = d.DueOn.Format(time.DateOnly)
	}
	v.Form = f
	for _, l := range d.Lines {
		row := lineRow{Line: l, Name: n.item(l.ItemID), How: how(rq, n, l), Quantity: lineField(l.Line, "quantity"),
			Reason: lineField(l.Line, "reason"), Note: lineField(l.Line, "note")}
		if l.Reason != "" {
			row.ReasonName = rq.L.T("delivery.reason." + string(l.Reason))
		}
		row.Reasons = kit.Choices(deliveries.Reasons(), f.Values[row.Reason], "—", kit.Key[deliveries.Reason](rq.L, "delivery.reason."))
		v.Lines = append(v.Lines, row)
	}
	s.Render(w, status, "delivery", &v)
	return nil
}

// deliveryFields are the fields of the forms of delivery d's page.
func deliveryFields(d deliveries.Delivery) []string {
	out := []string{"version"}
	for _, l := range d.Lines {
		out = append(out, lineField(l.Line, "quantity"), lineField(l.Line, "reason"), lineField(l.Line, "note"))
	}
	return append(out, "note", "due_on", "cancel_note")
}

// act reads the posted form of the {id} delivery's page and runs do with
// its id and version; a refusal shows the page again with the errors
// beside their fields, a success goes back to it with flash.
func (s *Server) act(w http.ResponseWriter, r *http.Request, rq *request, flash string,
	do func(id int64, version int, f *form) error) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	d, err := s.svc.Deliveries.Get(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, deliveryFields(d)...)
	version, _ := strconv.Atoi(f.Values["version"])
	if len(f.FieldErrs) == 0 {
		err := do(id, version, f)
		if err == nil && len(f.FieldErrs) == 0 && f.Summary == "" {
			s.Flash(r, flash)
			return kit.SeeOther(w, r, "/deliveries/"+kit.Itoa(id))
		}
		if err != nil && !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderDelivery(w, r, rq, f, http.StatusUnprocessableEntity)
}

// Dispatch sends the {id} delivery with the quantities of its form.
func (s *Server) Dispatch(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "delivery.dispatched", func(id int64, version int, f *form) error {
		d, err := s.svc.Deliveries.Get(r.Context(), rq.P, id)
		if err != nil {
			return err
		}
		in := deliveries.DispatchInput{ID: id, Version: version, Note: f.Values["note"], Locale: string(rq.L.Locale())}
		for _, l := range d.Lines {
			q := kit.Number(rq, f, lineField(l.Line, "quantity"))
			in.Lines = append(in.Lines, deliveries.LineQuantity{Line: l.Line, Quantity: q})
		}
		if len(f.FieldErrs) > 0 {
			return nil
		}
		_, err = s.svc.Deliveries.Dispatch(r.Context(), rq.P, in)
		return err
	})
}

// Delivered records that the {id} delivery arrived.
func (s *Server) Delivered(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "delivery.marked_delivered", func(id int64, version int, _ *form) error {
		_, err := s.svc.Deliveries.MarkDelivered(r.Context(), rq.P, id, version)
		return err
	})
}

// Confirm records what the centre counted of the {id} delivery.
func (s *Server) Confirm(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "delivery.confirmed", func(id int64, version int, f *form) error {
		d, err := s.svc.Deliveries.Get(r.Context(), rq.P, id)
		if err != nil {
			return err
		}
		in := deliveries.ConfirmInput{ID: id, Version: version, Note: f.Values["note"], Lines: []deliveries.Receipt{}}
		for _, l := range d.Lines {
			if l.Dispatched == 0 {
				continue
			}
			field := lineField(l.Line, "quantity")
			if f.Values[field] == "" {
				f.Fail(rq.L, field, "error.delivery_received_required")
			}
			in.Lines = append(in.Lines, deliveries.Receipt{Line: l.Line, Quantity: kit.Number(rq, f, field),
				Reason: deliveries.Reason(f.Values[lineField(l.Line, "reason")]), Note: f.Values[lineField(l.Line, "note")]})
		}
		if len(f.FieldErrs) > 0 {
			return nil
		}
		_, err = s.svc.Deliveries.Confirm(r.Context(), rq.P, in)
		return err
	})
}

// Cancel cancels the {id} delivery, with the reason in its note.
func (s *Server) Cancel(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "delivery.cancelled", func(id int64, version int, f *form) error {
		_, err := s.svc.Deliveries.Cancel(r.Context(), rq.P, id, version, f.Values["cancel_note"])
		if f.Absorb(rq.L, err) {
			f.Move("note", "cancel_note")
			return nil
		}
		return err
	})
}

// Reschedule moves the {id} delivery's deadline.
func (s *Server) Reschedule(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "delivery.rescheduled", func(id int64, version int, f *form) error {
		due := kit.FormDate(rq, f, "due_on")
		if len(f.FieldErrs) > 0 {
			return nil
		}
		_, err := s.svc.Deliveries.Reschedule(r.Context(), rq.P, id, version, due)
		return err
	})
}
