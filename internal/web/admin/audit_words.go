package admin

import (
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
)

// word translates a code of the logs as prefix+code, or shows the code as
// it is written when the catalogues do not know it (an entry of an older
// version, a domain added later): a log is never refused for a word.
func word(l *i18n.Localizer, prefix, code string) string {
	if code == "" {
		return ""
	}
	if s := l.T(prefix + code); s != prefix+code {
		return s
	}
	return code
}

// wordChoices offers codes as a select's options, labelled by their
// translation and sorted by it, after an option for all of them; a
// selected code the list does not know is kept as a choice of its own.
func wordChoices(l *i18n.Localizer, prefix string, codes []string, selected string) []option {
	if selected != "" && !slices.Contains(codes, selected) {
		codes = append(slices.Clone(codes), selected)
	}
	out := kit.Choices(codes, selected, "", func(c string) string { return word(l, prefix, c) })
	slices.SortFunc(out, func(a, b option) int { return strings.Compare(a.Label, b.Label) })
	return append([]option{{Value: "", Label: l.T("audit.all"), Selected: selected == ""}}, out...)
}

// actorChoices offers the users of a log by name, after an option for all.
func actorChoices(l *i18n.Localizer, users []audit.Actor, selected int64) []option {
	out := []option{{Value: "", Label: l.T("audit.all"), Selected: selected == 0}}
	for _, u := range users {
		out = append(out, option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name, Selected: u.ID == selected})
	}
	return out
}

// fieldName translates a field of a logged record with the forms' "field."
// keys: the whole dotted name first, then its last part ("address.city"
// is a city); a field no form names is shown as written.
func fieldName(l *i18n.Localizer, name string) string {
	if s := word(l, "field.", name); s != name {
		return s
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		if s := word(l, "field.", name[i+1:]); s != name[i+1:] {
			return s
		}
	}
	return name
}

// codePrefixes are the catalogue prefixes of the codes a field may hold,
// tried in order: a record's "type" is an organisation's or a region's.
func codePrefixes(field string) []string {
	switch field {
	case "sex":
		return []string{"sex."}
	case "relation":
		return []string{"relation."}
	case "role":
		return []string{"role."}
	case "id_kind":
		return []string{"idkind."}
	case "type":
		return []string{"orgtype.", "regiontype."}
	case "status":
		return []string{"personstatus.", "jobstatus."}
	case "purpose":
		return []string{"consentpurpose."}
	case "method":
		return []string{"consentmethod."}
	case "calendar":
		return []string{"calendar."}
	case "outcome":
		return []string{"placements."}
	}
	return nil
}
