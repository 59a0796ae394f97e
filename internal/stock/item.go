package stock

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// item is a catalogue entry as the ledger needs it.
type item struct {
	id     int64
	code   string
	kit    bool
	sizing campaign.Sizing
	serial bool
	active bool
	names  [5]string // en, kk, ru, fr, fa
}

// name is the item's name in locale, English when it has none there.
func (it item) name(locale string) string {
	for i, l := range []string{"en", "kk", "ru", "fr", "fa"} {
		if l == locale && it.names[i] != "" {
			return it.names[i]
		}
	}
	return it.names[0]
}

// component is one line of a kit's bill of materials.
type component struct {
	item
	quantity int64
}

// readItem reads catalogue entry id; a missing one is a field error of
// field.
func (s *Service) readItem(ctx context.Context, q store.Querier, id int64, field string) (item, error) {
	var it item
	err := q.QueryRowContext(ctx, s.q.Item, id).Scan(&it.id, &it.code, &it.kit, &it.sizing, &it.serial, &it.active,
		&it.names[0], &it.names[1], &it.names[2], &it.names[3], &it.names[4])
	if err != nil {
		if store.NotFound(err) != err {
			return item{}, errs.Validation(errs.Field(field, "error.stock_item_unknown"))
		}
		return item{}, err
	}
	return it, nil
}

// components reads kit id's bill of materials.
func (s *Service) components(ctx context.Context, q store.Querier, id int64) ([]component, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (component, error) {
		var c component
		err := sc.Scan(&c.id, &c.code, &c.kit, &c.sizing, &c.serial, &c.active,
			&c.names[0], &c.names[1], &c.names[2], &c.names[3], &c.names[4], &c.quantity)
		return c, err
	}, s.q.Components, id)
}

// sizeKey is the message key of what is wrong with size for it, "" when
// nothing is: the catalogue's one rule, campaign.CheckSize.
func sizeKey(it item, size string) string {
	switch campaign.CheckSize(it.sizing, size) {
	case campaign.SizeRequired:
		return "error.size_required"
	case campaign.SizeInvalid:
		return "error.size_invalid"
	case campaign.SizeNotApplicable:
		return "error.size_not_applicable"
	}
	return ""
}

// normSize is a size as the catalogue's rule reads it.
func normSize(size string) string { return strings.ToUpper(strings.TrimSpace(size)) }

// normSerial is a serial number as it is kept: trimmed, upper case, so
// "ab-12" and "AB-12 " are one device.
func normSerial(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
