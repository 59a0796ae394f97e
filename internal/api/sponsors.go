package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
)

// listSponsors lists the sponsors of the caller's scope by ?q= (the
// name), ?campaign= and ?consent=1, newest first.
func (a *API) listSponsors(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	campaign, _ := strconv.ParseInt(q.Get("campaign"), 10, 64)
	f := sponsors.Filter{Query: q.Get("q"), CampaignID: campaign, Consenting: q.Get("consent") == "1"}
	list, next, err := a.svc.Sponsors.List(r.Context(), rq.p, f, page(r))
	if err != nil {
		return err
	}
	return writeList(w, list, next)
}

func (a *API) createSponsor(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in sponsors.Input
	if err := decode(r, &in); err != nil {
		return err
	}
	sp, err := a.svc.Sponsors.Create(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/sponsors/"+strconv.FormatInt(sp.ID, 10), sp)
}

func (a *API) getSponsor(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sp, err := a.svc.Sponsors.Get(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, sp)
}

// updateSponsor replaces the sponsor's record from the version read
// (the body's "version").
func (a *API) updateSponsor(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in sponsors.Input
	if err := decode(r, &in); err != nil {
		return err
	}
	sp, err := a.svc.Sponsors.Update(r.Context(), rq.p, id, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, sp)
}

// giving is a sponsor's whole giving: cash gifts, pledges, gifts in kind
// (the ledger's donations), receipts and impact.
type giving struct {
	Sponsor  sponsors.Sponsor   `json:"sponsor"`
	Gifts    []sponsors.Gift    `json:"gifts"`
	Pledges  []sponsors.Pledge  `json:"pledges"`
	InKind   []stock.Gift       `json:"in_kind"`
	Receipts []sponsors.Receipt `json:"receipts"`
	Impact   sponsors.Impact    `json:"impact"`
}

func (a *API) sponsorGiving(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return a.writeGiving(w, r, rq, id)
}

// myGiving is the sponsor portal's: the giving of the caller's own
// sponsor.
func (a *API) myGiving(w http.ResponseWriter, r *http.Request, rq *request) error {
	sp, err := a.svc.Sponsors.Mine(r.Context(), rq.p)
	if err != nil {
		return err
	}
	return a.writeGiving(w, r, rq, sp.ID)
}

func (a *API) writeGiving(w http.ResponseWriter, r *http.Request, rq *request, id int64) error {
	ctx := r.Context()
	campaign, _ := strconv.ParseInt(r.URL.Query().Get("campaign"), 10, 64)
	var g giving
	var err error
	if g.Sponsor, err = a.svc.Sponsors.Get(ctx, rq.p, id); err != nil {
		return err
	}
	if g.Gifts, err = a.svc.Sponsors.Gifts(ctx, rq.p, id); err != nil {
		return err
	}
	if g.Pledges, err = a.svc.Sponsors.Pledges(ctx, rq.p, id); err != nil {
		return err
	}
	if g.InKind, err = a.svc.Sponsors.InKind(ctx, rq.p, id); err != nil {
		return err
	}
	if g.Receipts, err = a.svc.Sponsors.Receipts(ctx, rq.p, id); err != nil {
		return err
	}
	if g.Impact, err = a.svc.Sponsors.Impact(ctx, rq.p, id, campaign); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, g)
}

// giftBody is the body of POST /sponsors/{id}/gifts: the amount as an
// exact decimal in the currency's units ("1500.50").
type giftBody struct {
	CampaignID int64  `json:"campaign_id"`
	PledgeID   int64  `json:"pledge_id"`
	Amount     string `json:"amount"`
	Currency   string `json:"currency"`
	GivenOn    string `json:"given_on"`
	Method     string `json:"method"`
	Purpose    string `json:"purpose"`
}

func (a *API) recordGift(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var b giftBody
	if err := decode(r, &b); err != nil {
		return err
	}
	in := sponsors.GiftInput{SponsorID: id, CampaignID: b.CampaignID, PledgeID: b.PledgeID,
		Currency: sponsors.Currency(b.Currency), Method: sponsors.Method(b.Method), Purpose: b.Purpose}
	if in.Amount, err = amountOf(b.Amount, in.Currency); err != nil {
		return err
	}
	if in.GivenOn, err = optionalDay("given_on", b.GivenOn); err != nil {
		return err
	}
	g, err := a.svc.Sponsors.RecordGift(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return created(w, Prefix+"/receipts/"+strconv.FormatInt(g.ReceiptID, 10), g)
}

// amountOf reads a decimal amount; a bad one (or one of an unknown
// currency, whose digits are unknown) is refused with the currency's or
// the amount's error.
func amountOf(v string, c sponsors.Currency) (int64, error) {
	if !c.Valid() {
		return 0, errs.Validation(errs.Field("currency", "error.gift_currency", "Value", string(c)))
	}
	n, ok := sponsors.ParseAmount(v, c)
	if !ok || n <= 0 {
		return 0, errs.Validation(errs.Field("amount", "error.gift_amount"))
	}
	return n, nil
}

// pledgeBody is the body of POST /sponsors/{id}/pledges.
type pledgeBody struct {
	CampaignID int64  `json:"campaign_id"`
	Kind       string `json:"kind"`
	Amount     string `json:"amount"`
	Currency   string `json:"currency"`
	ItemID     int64  `json:"item_id"`
	Quantity   int64  `json:"quantity"`
	MadeOn     string `json:"made_on"`
	DueOn      string `json:"due_on"`
	Note       string `json:"note"`
}

func (a *API) recordPledge(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var b pledgeBody
	if err := decode(r, &b); err != nil {
		return err
	}
	in := sponsors.PledgeInput{SponsorID: id, CampaignID: b.CampaignID, Kind: sponsors.PledgeKind(b.Kind),
		Currency: sponsors.Currency(b.Currency), ItemID: b.ItemID, Quantity: b.Quantity, Note: b.Note}
	if in.Kind == sponsors.Money {
		if in.Amount, err = amountOf(b.Amount, in.Currency); err != nil {
			return err
		}
	}
	if in.MadeOn, err = optionalDay("made_on", b.MadeOn); err != nil {
		return err
	}
	if in.DueOn, err = optionalDay("due_on", b.DueOn); err != nil {
		return err
	}
	pl, err := a.svc.Sponsors.Pledge(r.Context(), rq.p, in)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, pl)
}

// matchPledge counts a donation in kind (the body's doc_id) towards an
// items pledge.
func (a *API) matchPledge(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var b struct {
		DocID int64 `json:"doc_id"`
	}
	if err := decode(r, &b); err != nil {
		return err
	}
	pl, err := a.svc.Sponsors.MatchDonation(r.Context(), rq.p, id, b.DocID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, pl)
}

// donationReceipt writes (once) the receipt of a donation in kind of the
// sponsor: the body's doc_id.
func (a *API) donationReceipt(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var b struct {
		DocID int64 `json:"doc_id"`
	}
	if err := decode(r, &b); err != nil {
		return err
	}
	rc, err := a.svc.Sponsors.IssueDonationReceipt(r.Context(), rq.p, id, b.DocID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rc)
}

// getReceipt returns a receipt whole, in the sponsor's language: staff
// who see the sponsor, or the sponsor's own login.
func (a *API) getReceipt(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rc, err := a.svc.Sponsors.Receipt(r.Context(), rq.p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, jsonType, rc)
}

// receiptPDF returns a receipt as a PDF file in the sponsor's language:
// staff who see the sponsor, or the sponsor's own login.
func (a *API) receiptPDF(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rc, pdf, err := a.svc.Sponsors.ReceiptPDF(r.Context(), rq.p, id, a.svc.Catalog)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="receipt-`+strings.ReplaceAll(rc.Code, "/", "-")+`.pdf"`)
	_, err = w.Write(pdf)
	return err
}
