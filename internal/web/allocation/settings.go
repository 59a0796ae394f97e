package allocation

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
)

// QuotaSave sets a quota of the {id} campaign from the form: a region, an
// item or every item, a fixed number or a share of the need in percent.
func (s *Server) QuotaSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, quotaFields...)
	in := allocation.QuotaInput{RegionCode: f.Values["region"], Kind: allocation.QuotaKind(f.Values["kind"])}
	in.ItemID, _ = strconv.ParseInt(f.Values["item_id"], 10, 64)
	amount := text.NormalizeDigits(f.Values["amount"])
	if in.Kind == allocation.Share {
		bp, ok := readPercent(amount)
		if !ok {
			f.Fail(rq.L, "amount", "error.allocation_share_range")
		}
		in.Amount = bp
	} else if n, err := strconv.ParseInt(amount, 10, 64); err == nil {
		in.Amount = n
	} else {
		f.Fail(rq.L, "amount", "error.not_a_number")
	}
	if len(f.FieldErrs) == 0 {
		_, err = s.svc.Allocation.SaveQuota(r.Context(), rq.P, c.ID, in)
		if err == nil {
			s.Flash(r, "allocation.quota_saved")
			return kit.SeeOther(w, r, pageURL(c.ID)+"#quotas")
		}
		if errs.CodeOf(err) == errs.Conflict || !f.Absorb(rq.L, err) {
			return err // a closed campaign is no mistake in the form
		}
	}
	v, err := s.view(r, rq, c, f, nil)
	if err != nil {
		return err
	}
	s.Render(w, http.StatusUnprocessableEntity, "allocation", v)
	return nil
}

// QuotaRemove removes quota {quota} of the {id} campaign.
func (s *Server) QuotaRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	q, err := strconv.ParseInt(r.PathValue("quota"), 10, 64)
	if err != nil {
		return err
	}
	if _, err := s.svc.Allocation.DeleteQuota(r.Context(), rq.P, c.ID, q); err != nil {
		return err
	}
	s.Flash(r, "allocation.quota_removed")
	return kit.SeeOther(w, r, pageURL(c.ID)+"#quotas")
}

// RouteSave lets a warehouse serve a region of the {id} campaign at a
// cost, from the form.
func (s *Server) RouteSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, routeFields...)
	in := allocation.RouteInput{RegionCode: f.Values["region"]}
	in.WarehouseID, _ = strconv.ParseInt(f.Values["warehouse_id"], 10, 64)
	if v := text.NormalizeDigits(f.Values["cost"]); v != "" {
		if in.Cost, err = strconv.ParseInt(v, 10, 64); err != nil {
			f.Fail(rq.L, "cost", "error.not_a_number")
		}
	}
	if len(f.FieldErrs) == 0 {
		_, err = s.svc.Allocation.SaveRoute(r.Context(), rq.P, c.ID, in)
		if err == nil {
			s.Flash(r, "allocation.route_saved")
			return kit.SeeOther(w, r, pageURL(c.ID)+"#routes")
		}
		if errs.CodeOf(err) == errs.Conflict || !f.Absorb(rq.L, err) {
			return err // a closed campaign is no mistake in the form
		}
	}
	v, err := s.view(r, rq, c, nil, f)
	if err != nil {
		return err
	}
	s.Render(w, http.StatusUnprocessableEntity, "allocation", v)
	return nil
}

// RouteRemove removes the route of the form's warehouse to its region
// from the {id} campaign.
func (s *Server) RouteRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "warehouse_id", "region")
	wh, _ := strconv.ParseInt(f.Values["warehouse_id"], 10, 64)
	if _, err := s.svc.Allocation.DeleteRoute(r.Context(), rq.P, c.ID, wh, f.Values["region"]); err != nil {
		return err
	}
	s.Flash(r, "allocation.route_removed")
	return kit.SeeOther(w, r, pageURL(c.ID)+"#routes")
}
