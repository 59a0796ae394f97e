package campaign

import (
	"regexp"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Bounds of a campaign's fields.
const (
	MaxName     = 200     // a name or slogan, in characters
	MaxTarget   = 1000000 // a target, of one item
	MaxParts    = 50      // partners, contacts, items or region targets
	MaxContact  = 300     // an address or opening hours, in characters
	MaxBudget   = int64(1) << 50
	maxPhoneLen = 30
)

// Input is what a coordinator sets on a campaign. Lists replace the
// campaign's whole list; an offered item or a region target names its
// catalogue entry by ItemID or, when that is 0, by Code.
type Input struct {
	Slug        string
	Programme   Programme
	OrganiserID int64
	StartsOn    time.Time
	EndsOn      time.Time
	ApplyUntil  time.Time // zero: EndsOn
	Budget      int64
	Currency    string
	PreviousID  int64
	Texts       []Text
	RegionCodes []string
	Partners    []Partner
	Contacts    []Contact
	Items       []Offered
	Targets     []RegionTarget
}

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
)

// clean trims what people type and checks what needs no database.
func (in *Input) clean() []errs.FieldError {
	var fs []errs.FieldError
	in.Slug = strings.ToLower(strings.TrimSpace(in.Slug))
	if !slugRE.MatchString(in.Slug) {
		fs = append(fs, errs.Field("slug", "error.slug_invalid"))
	}
	if !contains(Programmes(), in.Programme) {
		fs = append(fs, valid.Choice("programme", Programmes()...))
	}
	if in.OrganiserID == 0 {
		fs = append(fs, errs.Field("organiser_id", "error.required", "Field", "organiser_id"))
	}
	fs = in.cleanDates(fs)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	if in.Budget < 0 || in.Budget > MaxBudget {
		fs = append(fs, errs.Field("budget", "error.not_a_number"))
	}
	if (in.Currency != "" || in.Budget > 0) && !currencyRE.MatchString(in.Currency) {
		fs = append(fs, errs.Field("currency", "error.currency_invalid"))
	}
	fs = in.cleanTexts(fs)
	fs = in.cleanContacts(fs)
	for _, x := range in.Partners {
		if !contains(PartnerRoles(), x.Role) {
			fs = append(fs, valid.Choice("partners", PartnerRoles()...))
			break
		}
	}
	for _, n := range []int{len(in.Partners), len(in.Contacts), len(in.Items), len(in.Targets), len(in.RegionCodes)} {
		if n > MaxParts {
			fs = append(fs, errs.Field("items", "error.too_many", "Max", MaxParts))
			break
		}
	}
	for _, x := range in.Items {
		if x.Target < 0 || x.Target > MaxTarget {
			fs = append(fs, errs.Field("items", "error.number_max", "Max", MaxTarget))
			break
		}
	}
	for _, x := range in.Targets {
		if x.Target < 0 || x.Target > MaxTarget {
			fs = append(fs, errs.Field("targets", "error.number_max", "Max", MaxTarget))
			break
		}
	}
	return fs
}

func (in *Input) cleanDates(fs []errs.FieldError) []errs.FieldError {
	in.StartsOn, in.EndsOn, in.ApplyUntil = day(in.StartsOn), day(in.EndsOn), day(in.ApplyUntil)
	if in.StartsOn.IsZero() {
		fs = append(fs, errs.Field("starts_on", "error.required", "Field", "starts_on"))
	}
	if in.EndsOn.IsZero() {
		fs = append(fs, errs.Field("ends_on", "error.required", "Field", "ends_on"))
	} else if in.EndsOn.Before(in.StartsOn) {
		fs = append(fs, errs.Field("ends_on", "error.ends_before_start"))
	}
	if !in.ApplyUntil.IsZero() && (in.ApplyUntil.Before(in.StartsOn) || in.ApplyUntil.After(in.EndsOn)) {
		fs = append(fs, errs.Field("apply_until", "error.apply_until_range"))
	}
	return fs
}

// cleanTexts checks the texts: at least one, each in a language of Jol's
// and at most once, each with a name.
func (in *Input) cleanTexts(fs []errs.FieldError) []errs.FieldError {
	seen := map[string]bool{}
	var kept []Text
	for _, t := range in.Texts {
		t.Locale = strings.ToLower(strings.TrimSpace(t.Locale))
		t.Name, t.Slogan, t.WhoMayApply = text.Clean(t.Name), text.Clean(t.Slogan), strings.TrimSpace(t.WhoMayApply)
		if t.Name == "" && t.Slogan == "" && t.WhoMayApply == "" {
			continue // a language left empty on the form
		}
		if !knownLocale(t.Locale) || seen[t.Locale] {
			fs = append(fs, errs.Field("texts", "error.invalid", "Field", "texts"))
			continue
		}
		seen[t.Locale] = true
		fs = valid.Name(fs, "name_"+t.Locale, t.Name, MaxName)
		fs = valid.Line(fs, "slogan_"+t.Locale, t.Slogan, MaxName)
		fs = valid.Note(fs, "who_"+t.Locale, t.WhoMayApply)
		kept = append(kept, t)
	}
	in.Texts = kept
	if len(kept) == 0 {
		fs = append(fs, errs.Field("texts", "error.campaign_name_required"))
	}
	return fs
}

// cleanContacts checks hotlines (a number) and receptions (an address).
func (in *Input) cleanContacts(fs []errs.FieldError) []errs.FieldError {
	var kept []Contact
	for _, x := range in.Contacts {
		x.Phone = strings.TrimSpace(text.NormalizeDigits(x.Phone))
		x.Address, x.Hours = text.Clean(x.Address), text.Clean(x.Hours)
		x.RegionCode = strings.ToUpper(strings.TrimSpace(x.RegionCode))
		if x.Phone == "" && x.Address == "" && x.Hours == "" {
			continue
		}
		switch {
		case x.Kind != Hotline && x.Kind != Reception:
			fs = append(fs, valid.Choice("contacts", Hotline, Reception))
		case x.Kind == Hotline && !phoneOK(x.Phone):
			fs = append(fs, errs.Field("contacts", "error.hotline_phone", "Phone", x.Phone))
		case x.Kind == Reception && x.Address == "":
			fs = append(fs, errs.Field("contacts", "error.reception_address"))
		}
		fs = valid.Line(fs, "contacts", x.Address, MaxContact)
		fs = valid.Line(fs, "contacts", x.Hours, MaxContact)
		kept = append(kept, x)
	}
	in.Contacts = kept
	return fs
}

// phoneOK accepts a hotline number: 3 to 15 digits (short numbers such as
// 111 are hotlines too), with +, spaces, dashes and parentheses.
func phoneOK(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case strings.ContainsRune("+ -()", r):
		default:
			return false
		}
	}
	return n >= 3 && n <= 15 && len(s) <= maxPhoneLen
}

func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
