package reports

import (
	"time"

	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/i18n"
)

// Figures are what a report keeps of its campaign when it is produced,
// every label in each language, so that it reads the same later in any.
type Figures struct {
	CampaignID int64     `json:"campaign_id"`
	Slug       string    `json:"slug"`
	Name       Label     `json:"name"`
	Slogan     Label     `json:"slogan"`
	Organiser  string    `json:"organiser"`
	Locale     string    `json:"locale"` // the organiser's language
	StartsOn   time.Time `json:"starts_on"`
	EndsOn     time.Time `json:"ends_on"`
	AsOf       time.Time `json:"as_of"`

	// Recorded is set for a campaign run before Jol held its requests:
	// its items' results were recorded by hand, so Reached is the sum of
	// their children and there are no requests nor tables by region.
	Recorded  bool             `json:"recorded,omitempty"`
	Requests  int64            `json:"requests"`
	Reached   int64            `json:"reached"`
	Delivered int64            `json:"delivered"`
	Funnel    []dashboard.Step `json:"funnel"`

	Items      []Item   `json:"items"`
	Regions    []Label  `json:"regions"`
	Categories []Label  `json:"categories"`
	Outcomes   []string `json:"outcomes"`
	// The tables: rows are Regions; columns Items, Categories, Outcomes.
	ByItem     [][]int64 `json:"by_item"`
	ByCategory [][]int64 `json:"by_category"`
	ByOutcome  [][]int64 `json:"by_outcome"`

	Gifts    *dashboard.Gifts `json:"gifts,omitempty"`
	Hours    *dashboard.Hours `json:"hours,omitempty"`
	Previous *Previous        `json:"previous,omitempty"`
	Partners []Partner        `json:"partners"`
	// Sponsors are the names of the campaign's sponsors who consented to
	// be named in public, as they were when the report was produced.
	Sponsors []string `json:"sponsors"`
}

// Label is a name in each language, with a code for the workbook.
type Label struct {
	Code  string            `json:"code,omitempty"`
	Names map[string]string `json:"names"`
}

// In is the label in locale, else in English, else its code.
func (l Label) In(locale i18n.Locale) string {
	if n := l.Names[string(locale)]; n != "" {
		return n
	}
	if n := l.Names["en"]; n != "" {
		return n
	}
	return l.Code
}

// labelOf is a label with each language's name from name.
func labelOf(code string, name func(locale string) string) Label {
	l := Label{Code: code, Names: map[string]string{}}
	for _, loc := range i18n.All() {
		if n := name(string(loc)); n != "" {
			l.Names[string(loc)] = n
		}
	}
	return l
}

// Item is one item the campaign offered and what it gave.
type Item struct {
	Label
	Target    int64 `json:"target"`
	Reached   int64 `json:"reached"`   // units approved, allocated or delivered
	Delivered int64 `json:"delivered"` // units handed over
	Children  int64 `json:"children"`  // children reached with it
	Previous  int64 `json:"previous"`  // what the previous campaign gave; -1 when none
}

// Previous is the campaign compared with.
type Previous struct {
	Name  Label `json:"name"`
	Total int64 `json:"total"`
}

// Partner is an organisation that took part and its role.
type Partner struct {
	Name string `json:"name"`
	Role string `json:"role"`
}
