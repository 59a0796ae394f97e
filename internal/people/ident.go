package people

import (
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/valid"
)

// The kinds of ID number a person may hold: the two national identifiers
// natid checks, and any other document (a passport, a birth certificate,
// an Amayesh card of a refugee in Iran), kept as typed without checks.
const (
	IDKindIIN   = string(natid.KindIIN) // Kazakhstan IIN
	IDKindIR    = string(natid.KindIR)  // Iranian national code
	IDKindOther = "other"
)

// Other documents are 4 to 30 Latin letters, digits and hyphens.
const (
	minOtherID = 4
	maxOtherID = 30
)

// checkID normalises an ID number of kind (detected from the number when
// ""), and checks it: the check digit of an IIN or an Iranian code, and
// that an IIN agrees with the date of birth and sex of the record; each
// part that disagrees is its own field error on national_id. No number at
// all is fine.
func checkID(kind, number string, birth time.Time, sex Sex) (string, string, []errs.FieldError) {
	if strings.TrimSpace(number) == "" {
		return "", "", nil
	}
	var err error
	switch kind {
	case "":
		var k natid.Kind
		k, number, err = natid.Detect(number)
		kind = string(k)
	case IDKindIIN:
		var id natid.IIN
		if id, err = natid.ParseIIN(number); err == nil {
			number = id.Number
		}
	case IDKindIR:
		number, err = natid.ParseIranCode(number)
	case IDKindOther:
		number = strings.ToUpper(strings.Join(strings.Fields(number), ""))
		if len(number) < minOtherID || len(number) > maxOtherID || strings.Trim(number, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
			return kind, number, []errs.FieldError{errs.Field("national_id", "error.invalid", "Field", "national_id")}
		}
		return kind, number, nil
	default:
		return kind, number, []errs.FieldError{valid.Choice("id_kind", IDKindIIN, IDKindIR, IDKindOther)}
	}
	if err == nil && kind == IDKindIIN {
		id, _ := natid.ParseIIN(number)
		err = id.Consistent(birth, map[Sex]natid.Sex{Male: natid.Male, Female: natid.Female}[sex]) // unknown: not compared
	}
	return kind, number, idErrors(err)
}

// idErrors turns natid's errors (joined when several parts disagree) into
// field errors on national_id with natid's message keys.
func idErrors(err error) []errs.FieldError {
	if err == nil {
		return nil
	}
	var fs []errs.FieldError
	for _, e := range []*natid.Error{natid.ErrBirthMismatch, natid.ErrSexMismatch} {
		if errors.Is(err, e) {
			fs = append(fs, errs.Field("national_id", e.Key()))
		}
	}
	var ne *natid.Error
	if len(fs) == 0 && errors.As(err, &ne) {
		fs = append(fs, errs.Field("national_id", ne.Key()))
	}
	if len(fs) == 0 {
		fs = append(fs, errs.Field("national_id", "error.invalid", "Field", "national_id"))
	}
	return fs
}
