package oosrun

import (
	"context"
	"encoding/base64"
	"encoding/json"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// MaxPage is the most children a page of a run's results holds.
const MaxPage = 200

// Page returns a page of up to limit children run id flagged in p's
// scope (see Flags), from cursor ("" for the first page), and the cursor
// of the next page ("" on the last).
func (s *Service) Page(ctx context.Context, p access.Principal, id int64, cursor string, limit int) ([]Flag, string, error) {
	var a After
	if cursor != "" {
		raw, err := base64.RawURLEncoding.DecodeString(cursor)
		if err != nil || json.Unmarshal(raw, &a) != nil {
			return nil, "", errs.Validation(errs.Field("cursor", "error.invalid", "Field", "cursor"))
		}
	}
	if limit <= 0 || limit > MaxPage {
		limit = 50
	}
	pg := store.Page{Limit: limit}
	rows, err := s.Flags(ctx, p, id, a, pg.LimitArg())
	if err != nil {
		return nil, "", err
	}
	rows, next := store.TrimBy(pg, rows, func(f Flag) string {
		raw, _ := json.Marshal(f.Next()) // two strings and a number: cannot fail
		return base64.RawURLEncoding.EncodeToString(raw)
	})
	return rows, next, nil
}
