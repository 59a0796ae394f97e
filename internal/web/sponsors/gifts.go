package sponsors

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/web/kit"
)

// Gift records a cash gift of the {id} sponsor and shows its receipt.
func (s *Server) Gift(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, giftFields...)
	in := sponsors.GiftInput{SponsorID: id, Currency: sponsors.Currency(f.Values["currency"]),
		Method: sponsors.Method(f.Values["method"]), Purpose: f.Values["purpose"], PledgeID: kit.FilterID(rq, f, "pledge_id")}
	in.Amount = amount(rq, f, "gift_amount", in.Currency)
	in.GivenOn = kit.FormDate(rq, f, "given_on")
	if len(f.FieldErrs) == 0 {
		g, err := s.svc.Sponsors.RecordGift(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "sponsors.gift_saved")
			return kit.SeeOther(w, r, "/sponsors/receipts/"+kit.Itoa(g.ReceiptID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		f.Move("amount", "gift_amount")
	}
	return s.renderSponsor(w, r, rq, forms{gift: f}, http.StatusUnprocessableEntity)
}

// Pledge records a pledge of the {id} sponsor.
func (s *Server) Pledge(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, pledgeFields...)
	in := sponsors.PledgeInput{SponsorID: id, Kind: sponsors.PledgeKind(f.Values["pledge_kind"]),
		Currency: sponsors.Currency(f.Values["pledge_currency"]), ItemID: kit.FilterID(rq, f, "item_id"), Note: f.Values["note"]}
	if in.Kind == sponsors.Money {
		in.Amount = amount(rq, f, "pledge_amount", in.Currency)
	}
	in.Quantity, _ = strconv.ParseInt(f.Values["quantity"], 10, 64)
	in.MadeOn, in.DueOn = kit.FormDate(rq, f, "made_on"), kit.FormDate(rq, f, "due_on")
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Sponsors.Pledge(r.Context(), rq.P, in)
		if err == nil {
			s.Flash(r, "sponsors.pledge_saved")
			return kit.SeeOther(w, r, "/sponsors/"+kit.Itoa(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
		f.Move("amount", "pledge_amount")
		f.Move("currency", "pledge_currency")
		f.Move("kind", "pledge_kind")
	}
	return s.renderSponsor(w, r, rq, forms{pledge: f}, http.StatusUnprocessableEntity)
}

// DonationReceipt writes the receipt of a donation in kind (?doc=) of the
// {id} sponsor and shows it.
func (s *Server) DonationReceipt(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "doc_id")
	rc, err := s.svc.Sponsors.IssueDonationReceipt(r.Context(), rq.P, id, kit.FilterID(rq, f, "doc_id"))
	if err != nil {
		return err
	}
	return kit.SeeOther(w, r, "/sponsors/receipts/"+kit.Itoa(rc.ID))
}

// Match counts a donation in kind (doc_id) of the {id} sponsor towards
// one of its items pledges (pledge_id).
func (s *Server) Match(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "doc_id", "pledge_id")
	pledge, doc := kit.FilterID(rq, f, "pledge_id"), kit.FilterID(rq, f, "doc_id")
	if pledge == 0 {
		f.Fail(rq.L, "pledge_id", "error.required", "Field", rq.L.T("field.pledge_id"))
	}
	if len(f.FieldErrs) == 0 {
		pls, err := s.svc.Sponsors.Pledges(r.Context(), rq.P, id)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(pls, func(pl sponsors.Pledge) bool { return pl.ID == pledge }) {
			f.Fail(rq.L, "pledge_id", "error.gift_pledge")
		}
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Sponsors.MatchDonation(r.Context(), rq.P, pledge, doc)
		if err == nil {
			s.Flash(r, "sponsors.matched")
			return kit.SeeOther(w, r, "/sponsors/"+kit.Itoa(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderSponsor(w, r, rq, forms{match: f}, http.StatusUnprocessableEntity)
}

// amount reads a decimal amount of currency c from field, failing the
// form on a bad one.
func amount(rq *request, f *form, field string, c sponsors.Currency) int64 {
	if !c.Valid() {
		return 0 // the currency's own error says why
	}
	n, ok := sponsors.ParseAmount(f.Values[field], c)
	if !ok {
		f.Fail(rq.L, field, "error.gift_amount")
	}
	return n
}
