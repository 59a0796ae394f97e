package people

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// batchLog is what a batch created, for its one entry in the change log.
type batchLog struct {
	first, last int     // the lines of the batch
	persons     []int64 // persons registered: the rows' and their guardians
	homes       []int64 // households created
}

// lines takes in the line of a row.
func (b *batchLog) lines(n int) {
	if b.first == 0 || n < b.first {
		b.first = n
	}
	b.last = max(b.last, n)
}

// logBatch writes the batch's entry in the change log: an import of a
// million rows writes one entry per batch for the persons and households
// it creates, not a million. Each updated person has an entry of their own.
func (is *ImportSession) logBatch(ctx context.Context, b *batchLog) error {
	if len(b.persons) == 0 && len(b.homes) == 0 {
		return nil
	}
	return is.s.log.Record(ctx, is.tx, is.p, audit.Change{Action: "import", Entity: "person_batch",
		EntityID: itoa(is.o.OrgID), OrgPath: is.orgPath, After: map[string]any{
			"source": is.o.Source, "lines": [2]int{b.first, b.last},
			"created": len(b.persons), "ids": spans(b.persons),
			"households_created": len(b.homes), "household_ids": spans(b.homes),
		}})
}

// spans writes ids as runs of consecutive ids, [first, last] each: the
// persons of one batch are a run or a few on both engines.
func spans(ids []int64) [][2]int64 {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	var out [][2]int64
	for _, id := range ids {
		if n := len(out); n > 0 && out[n-1][1]+1 == id {
			out[n-1][1] = id
		} else {
			out = append(out, [2]int64{id, id})
		}
	}
	return out
}

// rowError is field error f of row, with the value the row gave the field.
func rowError(row ImportRow, f errs.FieldError) RowError {
	return RowError{Line: row.Line, Field: f.Field, Value: fieldValue(row, f), Key: f.Key, Args: f.Args}
}

// fieldValue is the value row gave the field of f: the offending code of
// a category, the guardian's value of a "guardian_" field, "" for a field
// the row does not give.
func fieldValue(row ImportRow, f errs.FieldError) string {
	in, field := row.Person, f.Field
	if g, ok := strings.CutPrefix(field, "guardian_"); ok && row.Guardian != nil {
		in, field = *row.Guardian, g
	}
	switch field {
	case "household_ref":
		return row.HouseholdRef
	case "relation":
		return string(row.Relation)
	case "categories":
		for i := 0; i+1 < len(f.Args); i += 2 {
			if f.Args[i] == "Code" {
				return fmt.Sprint(f.Args[i+1])
			}
		}
	case "birth_date":
		if !in.BirthDate.IsZero() {
			return in.BirthDate.Format(time.DateOnly)
		}
	case "org_id":
		if in.OrgID != 0 {
			return itoa(in.OrgID)
		}
	case "grade":
		if in.Grade != 0 {
			return strconv.Itoa(in.Grade)
		}
	case "languages":
		return strings.Join(in.Languages, ",")
	}
	return map[string]string{"last_name": in.LastName, "first_name": in.FirstName, "patronymic": in.Patronymic,
		"sex": string(in.Sex), "id_kind": in.IDKind, "national_id": in.NationalID, "phone": in.Phone,
		"region_code": in.RegionCode, "address": in.Address, "status": string(in.Status),
		"special_needs": in.SpecialNeeds, "notes": in.Notes}[field]
}
