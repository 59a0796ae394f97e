package i18n

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// maxAcceptLanguageParts bounds the work done on a hostile Accept-Language
// header when it has to be parsed entry by entry.
const maxAcceptLanguageParts = 32

// Negotiate chooses the locale for a request. The sources are tried in order
// of authority:
//
//  1. userPref, the language stored on the signed-in user's profile;
//  2. cookie, the language the visitor picked in the language switcher;
//  3. acceptLanguage, the raw Accept-Language header, matched with q-values
//     against the supported locales by golang.org/x/text/language;
//  4. fallback, the organisation's or installation's default language.
//
// Empty, unknown or malformed values are skipped. If fallback itself is not
// a supported locale, EN is returned.
func Negotiate(userPref, cookie, acceptLanguage string, fallback Locale) Locale {
	for _, s := range []string{userPref, cookie} {
		if l, ok := Parse(s); ok {
			return l
		}
	}
	if l, ok := matchAcceptLanguage(acceptLanguage); ok {
		return l
	}
	if l, ok := Parse(string(fallback)); ok {
		return l
	}
	return EN
}

// matchAcceptLanguage picks the best supported locale for an Accept-Language
// header. The x/text matcher handles q-values, regional variants and
// language fallbacks (for example Kyrgyz readers are offered Russian). When
// it finds nothing, the listed languages are tried once more by their base
// language alone, so that a script we do not ship, as in "kk-Latn", still
// selects the language.
func matchAcceptLanguage(header string) (Locale, bool) {
	tags := parseAcceptLanguage(header)
	if len(tags) == 0 {
		return "", false
	}
	all := All()
	supported := make([]language.Tag, len(all))
	for i, l := range all {
		supported[i] = language.Make(string(l))
	}
	_, index, confidence := language.NewMatcher(supported).Match(tags...)
	if confidence != language.No {
		return all[index], true
	}
	for _, t := range tags {
		base, _ := t.Base()
		if l, ok := Parse(base.String()); ok {
			return l, true
		}
	}
	return "", false
}

// parseAcceptLanguage returns the tags of an Accept-Language header, most
// preferred first, without the ones marked q=0. x/text rejects a whole
// header for a single bad entry, so on error the entries are parsed one by
// one and the bad ones dropped.
func parseAcceptLanguage(header string) []language.Tag {
	if strings.TrimSpace(header) == "" {
		return nil
	}
	if tags, _, err := language.ParseAcceptLanguage(header); err == nil {
		return tags
	}
	type weighted struct {
		tag language.Tag
		q   float32
	}
	var entries []weighted
	for i, part := range strings.Split(header, ",") {
		if i == maxAcceptLanguageParts {
			break
		}
		tags, qs, err := language.ParseAcceptLanguage(part)
		if err != nil || len(tags) != 1 {
			continue
		}
		entries = append(entries, weighted{tags[0], qs[0]})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].q > entries[j].q })
	tags := make([]language.Tag, len(entries))
	for i, e := range entries {
		tags[i] = e.tag
	}
	return tags
}
