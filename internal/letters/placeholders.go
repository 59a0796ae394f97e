package letters

import (
	"regexp"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// Kind is who a letter is written to.
type Kind string

// The kinds of letter.
const (
	SponsorLetter   Kind = "sponsor"   // a thank-you letter to a sponsor
	VolunteerLetter Kind = "volunteer" // a recognition letter to a volunteer
)

// Kinds lists the kinds of letter.
func Kinds() []Kind { return []Kind{SponsorLetter, VolunteerLetter} }

// Valid reports whether k is a kind of letter.
func (k Kind) Valid() bool { return k == SponsorLetter || k == VolunteerLetter }

// Placeholders are the names a template of kind k may use, each written
// {{name}}:
//
//	sponsor, volunteer  the recipient's name
//	campaign            the campaign's name in the letter's language
//	impact              where the sponsor's gifts in kind went (lines)
//	gifts               the sponsor's cash gifts to the campaign
//	hours, tasks        the volunteer's approved hours and tasks
//	organisation        the organisation writing
//	signatory, position who signs, and as what
//	date                the letter's date in the letter's calendar
func Placeholders(k Kind) []string {
	common := []string{"campaign", "organisation", "signatory", "position", "date"}
	if k == VolunteerLetter {
		return append([]string{"volunteer", "hours", "tasks"}, common...)
	}
	return append([]string{"sponsor", "impact", "gifts"}, common...)
}

// placeholder matches {{ name }}; a name is letters, digits and
// underscores, anything else between braces is reported as it is.
var placeholder = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

// checkText refuses text (the template's field) that names a placeholder
// k does not have, or leaves a brace pair open.
func checkText(k Kind, field, text string) *errs.FieldError {
	allowed := Placeholders(k)
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(allowed, m[1]) {
			f := errs.Field(field, "error.letter_placeholder_unknown", "Name", "{{"+m[1]+"}}",
				"Known", "{{"+strings.Join(allowed, "}}, {{")+"}}")
			return &f
		}
	}
	rest := placeholder.ReplaceAllString(text, "")
	if strings.Contains(rest, "{{") || strings.Contains(rest, "}}") {
		f := errs.Field(field, "error.letter_placeholder_open")
		return &f
	}
	return nil
}

// fill replaces the placeholders of text by their values.
func fill(text string, values map[string]string) string {
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		return values[placeholder.FindStringSubmatch(m)[1]]
	})
}

// paragraphs splits a filled body into its paragraphs (separated by an
// empty line), dropping those left empty by a placeholder with nothing to
// say (a sponsor with no cash gifts).
func paragraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
