package sponsors

import (
	"bytes"
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/pdfdoc"
)

// ReceiptPDF returns receipt id as a PDF file in its sponsor's language,
// with the receipt, when p may see the sponsor (its staff, or the
// sponsor's own login). cat translates the receipt's words.
func (s *Service) ReceiptPDF(ctx context.Context, p access.Principal, id int64, cat *i18n.Catalog) (Receipt, []byte, error) {
	r, err := s.Receipt(ctx, p, id)
	if err != nil {
		return Receipt{}, nil, err
	}
	pdf, err := s.pdf()
	if err != nil {
		return Receipt{}, nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, ReceiptDocument(r, cat.Localizer(i18n.Locale(r.Locale)))); err != nil {
		return Receipt{}, nil, err
	}
	return r, buf.Bytes(), nil
}

// ReceiptDocument lays receipt r out as a printable document in l's
// language: the organisation's letterhead, the number and date, who gave
// what (the amount with its currency, the day, the method and purpose,
// or the items of a gift in kind), the thanks and the signatory — the
// letterhead's, else the person who recorded the gift on the
// organisation's behalf.
func ReceiptDocument(r Receipt, l *i18n.Localizer) pdfdoc.Document {
	loc := l.Locale()
	head := pdfdoc.Letterhead{Name: r.OrgName}
	sign := pdfdoc.Signatory{Name: r.Signer, Position: l.T("sponsors.receipt_signatory", "Org", r.OrgName)}
	if h := r.Letterhead; h != nil {
		head = pdfdoc.Letterhead{Name: h.Name, Lines: h.Lines}
		if h.Signed() {
			sign = pdfdoc.Signatory{Name: h.SignatoryName, Position: h.SignatoryPosition}
		}
	}
	if region := r.OrgRegion.In(string(loc)); region != "" && len(head.Lines) == 0 {
		head.Lines = []string{region}
	}
	doc := pdfdoc.Document{
		Lang:       loc,
		Title:      l.T("sponsors.receipt_title", "Number", l.Digits(r.Code)),
		Created:    r.IssuedAt,
		Letterhead: &head,
		Footer:     l.T("sponsors.receipt_issued", "Date", l.Date(r.IssuedAt)),
	}
	facts := pdfdoc.KeyValues{
		{Key: l.T("sponsors.receipt_number"), Value: l.Digits(r.Code)},
		{Key: l.T("sponsors.receipt_sponsor"), Value: r.SponsorName},
	}
	blocks := []pdfdoc.Block{pdfdoc.Heading{Text: doc.Title, Level: 1}}
	if g := r.Gift; g != nil {
		facts = append(facts,
			pdfdoc.KeyValue{Key: l.T("sponsors.receipt_amount"), Value: FormatMoney(l, g.Amount, g.Currency)},
			pdfdoc.KeyValue{Key: l.T("sponsors.receipt_date"), Value: l.Date(g.GivenOn)},
			pdfdoc.KeyValue{Key: l.T("sponsors.receipt_method"), Value: l.T("sponsors.method." + string(g.Method))})
		if g.Purpose != "" {
			facts = append(facts, pdfdoc.KeyValue{Key: l.T("sponsors.receipt_purpose"), Value: g.Purpose})
		}
		blocks = append(blocks, pdfdoc.Paragraph{Text: l.T("sponsors.receipt_cash", "Name", r.SponsorName)}, facts)
	} else {
		table := pdfdoc.Table{Columns: []pdfdoc.Column{
			{Title: l.T("sponsors.receipt_item"), Width: 3},
			{Title: l.T("sponsors.receipt_quantity"), Width: 1, Align: pdfdoc.End},
		}}
		for _, ln := range r.Lines {
			item := ln.Item
			if ln.Size != "" {
				item += " (" + ln.Size + ")"
			}
			table.Rows = append(table.Rows, []string{item, l.Number(ln.Quantity)})
		}
		blocks = append(blocks, pdfdoc.Paragraph{Text: l.T("sponsors.receipt_kind", "Name", r.SponsorName)}, facts, table)
	}
	doc.Blocks = append(blocks,
		pdfdoc.Paragraph{Text: l.T("sponsors.receipt_thanks")}, sign)
	return doc
}

// FormatMoney writes minor units n of c as the reader of l writes an amount:
// the locale's grouping, decimal separator and digits (Persian in fa),
// then the currency as the catalogue names it ("1 500,50 KZT",
// "۵۰٬۰۰۰ ریال").
func FormatMoney(l *i18n.Localizer, n int64, c Currency) string {
	loc := l.Locale()
	unit := int64(1)
	for range c.Digits() {
		unit *= 10
	}
	s := loc.Number(n / unit)
	if c.Digits() > 0 {
		frac := n % unit
		if frac < 0 {
			frac = -frac
		}
		digits := FormatAmount(unit+frac, c) // "1.05": the fraction with its zeros
		s += decimalSeparator(loc) + loc.Digits(digits[strings.IndexByte(digits, '.')+1:])
	}
	return l.T("sponsors.money", "Amount", s, "Currency", l.T("sponsors.currency."+strings.ToLower(string(c))))
}

// decimalSeparator is the locale's, read from how it writes one and a
// half.
func decimalSeparator(loc i18n.Locale) string {
	return strings.TrimSuffix(strings.TrimPrefix(loc.Decimal(1.5, 1), loc.Number(1)), loc.Digits("5"))
}
