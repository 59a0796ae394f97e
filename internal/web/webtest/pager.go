package webtest

import (
	"html"
	"regexp"
)

// nextLink is the pager's link to the next page.
var nextLink = regexp.MustCompile(`<a href="([^"]+)" rel="next"`)

// Next is the address the page body links as its next page, as a browser
// would follow it, or "" on the last page.
func Next(body string) string {
	m := nextLink.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}
