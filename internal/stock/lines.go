package stock

import (
	"context"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// Line is one line of a document: Quantity units of an item in a size.
// A device (an item tracked by serial number) is moved by naming its
// serial numbers, one per unit; Quantity may then be left 0.
type Line struct {
	ItemID   int64    `json:"item_id"`
	Size     string   `json:"size,omitempty"`
	Quantity int64    `json:"quantity"`
	Serials  []string `json:"serials,omitempty"`
	// UnitCost is what one unit cost, in minor units of the document's
	// currency (a purchase only).
	UnitCost int64 `json:"unit_cost,omitempty"`
}

// serialRule says what a document does with serial numbers.
type serialRule int

const (
	serialsRequired serialRule = iota // receipts, issues, write-offs: each device named
	serialsOptional                   // transfers: devices named, or the first in stock taken
	serialsRefused                    // counts: devices are counted by receipts and write-offs
)

// checked is a line once checked against the catalogue.
type checked struct {
	it      item
	size    string
	qty     int64
	serials []string
	cost    int64
}

// checkLines checks the lines of a document: between 1 and MaxLines, each
// a known item in a size the catalogue's rule allows (campaign.CheckSize),
// a quantity from 1 to MaxQuantity, serial numbers by rule (for a device
// as many as its quantity, never one twice, at most MaxSerials in all;
// none for another item). Every problem is reported at once.
func (s *Service) checkLines(ctx context.Context, q store.Querier, lines []Line, rule serialRule) ([]checked, error) {
	if len(lines) == 0 || len(lines) > MaxLines {
		return nil, errs.Validation(errs.Field("lines", "error.stock_lines_range", "Max", MaxLines))
	}
	var fs []errs.FieldError
	total := 0
	for _, l := range lines {
		total += len(l.Serials)
	}
	if total > MaxSerials {
		return nil, errs.Validation(errs.Field("lines", "error.stock_serials_too_many", "Max", MaxSerials, "Count", total))
	}
	out := make([]checked, 0, len(lines))
	seen := map[string]bool{}
	for i, l := range lines {
		f := func(name string) string { return "lines." + strconv.Itoa(i) + "." + name }
		it, err := s.readItem(ctx, q, l.ItemID, f("item"))
		if errs.CodeOf(err) == errs.Invalid {
			fs = append(fs, errs.As(err).Fields[0])
			continue
		}
		if err != nil {
			return nil, err
		}
		c := checked{it: it, size: normSize(l.Size), qty: l.Quantity, cost: l.UnitCost}
		if k := sizeKey(it, c.size); k != "" {
			fs = append(fs, errs.Field(f("size"), k))
		}
		switch {
		case !it.serial && len(l.Serials) > 0:
			fs = append(fs, errs.Field(f("serials"), "error.stock_serials_not_tracked"))
		case it.serial && rule == serialsRefused:
			fs = append(fs, errs.Field(f("item"), "error.stock_count_devices"))
		case it.serial && rule == serialsRequired && len(l.Serials) == 0:
			fs = append(fs, errs.Field(f("serials"), "error.stock_serials_required"))
		case len(l.Serials) > 0 && c.qty == 0:
			c.qty = int64(len(l.Serials))
		case len(l.Serials) > 0 && c.qty != int64(len(l.Serials)):
			fs = append(fs, errs.Field(f("serials"), "error.stock_serial_count", "Count", len(l.Serials), "Quantity", c.qty))
		}
		if c.qty < 1 || c.qty > MaxQuantity {
			fs = append(fs, errs.Field(f("quantity"), "error.stock_quantity_range", "Max", MaxQuantity))
		}
		for _, raw := range l.Serials {
			sn := normSerial(raw)
			switch {
			case sn == "" || !text.Printable(sn) || len([]rune(sn)) > MaxSerial:
				fs = append(fs, errs.Field(f("serials"), "error.stock_serial_invalid", "Serial", text.Clean(raw), "Max", MaxSerial))
			case seen[strconv.FormatInt(it.id, 10)+"/"+sn]:
				fs = append(fs, errs.Field(f("serials"), "error.stock_serial_twice", "Serial", sn))
			}
			seen[strconv.FormatInt(it.id, 10)+"/"+sn] = true
			c.serials = append(c.serials, sn)
		}
		out = append(out, c)
	}
	if err := errs.Validation(fs...); err != nil {
		return nil, err
	}
	return out, nil
}

// lineField names field of line i of a document's input.
func lineField(i int, field string) string { return "lines." + strconv.Itoa(i) + "." + field }

// lineErr is the error key (with args) of field of line i.
func lineErr(i int, field, key string, args ...any) errs.FieldError {
	return errs.Field(lineField(i, field), key, args...)
}

// twice refuses a document that gives one item in one size on two lines
// (error.stock_line_twice, on the later line), for a document whose lines
// are each read against the balance before any is applied: a count, an
// arrival.
func twice(lines []checked, locale string) error {
	seen := make(map[key]bool, len(lines))
	for i, c := range lines {
		k := key{item: c.it.id, size: c.size}
		if seen[k] {
			return errs.Validation(lineErr(i, "item", "error.stock_line_twice", "Item", c.it.name(locale)))
		}
		seen[k] = true
	}
	return nil
}
