package orgs

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/valid"
)

// MaxName is the longest name an organisation may have, in characters.
const MaxName = 200

// validate checks what can be checked without the database. The name is
// stored exactly as typed: markup or SQL in it is only text.
func validate(in Input) error {
	var fs []errs.FieldError
	fs = valid.Name(fs, "name", in.Name, MaxName)
	if in.Type == "" {
		fs = append(fs, errs.Field("type", "error.required", "Field", "type"))
	} else if !in.Type.Valid() {
		fs = append(fs, valid.Choice("type", Types()...))
	}
	if normCode(in.RegionCode) == "" {
		fs = append(fs, errs.Field("region_code", "error.required", "Field", "region_code"))
	}
	if in.Locale != "" && !i18n.Locale(in.Locale).Valid() {
		fs = append(fs, valid.Choice("locale", i18n.All()...))
	}
	if in.ParentID < 0 {
		fs = append(fs, errs.Field("parent_id", "error.invalid", "Field", "parent_id"))
	}
	return errs.Validation(fs...)
}

// ownScope is the principal's own subtree as a target: asking Can about it
// checks the role, and that the principal may act somewhere, before any
// particular record is known.
func ownScope(p access.Principal) access.Target {
	return access.Target{OrgPath: p.OrgPath, RegionPath: p.RegionPath}
}

// childPath is the path of organisation id under parentPath ("" for a root).
func childPath(parentPath string, id int64) string {
	if parentPath == "" {
		parentPath = "/"
	}
	return parentPath + strconv.FormatInt(id, 10) + "/"
}

// normCode trims and upper-cases a region code.
func normCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
