package eligibility

// Message is one sentence or phrase of an explanation as data: a message
// key of the catalogues and its arguments as name/value pairs. Values of
// the types below (Points, Km, Category, …) are resolved to words by
// Render in the reader's language; integers are shown with the reader's
// digits; a Message or a List value is rendered in place.
type Message struct {
	Key  string
	Args []any
}

// The typed values a Message may carry, rendered by Render.
type (
	// Points is a signed number of points, shown as "+30" or "−5".
	Points int
	// Km is a distance in kilometres, shown with one decimal at most.
	Km float64
	// Category is a registry category code, shown by its name.
	Category string
	// Income is a household income category code, shown by its name.
	Income string
	// Region is a region path, shown by the name of its last region.
	Region string
	// Item is a catalogue item id, shown by its name.
	Item int64
	// Institution is an organisation id, shown by its name.
	Institution int64
	// List is a list of values joined with the language's separator.
	List []any
)

// Long is the operator's explanation, read to a family on the phone: the
// verdict with the score broken down and the rank (place may be zero when
// the request is not ranked), then one line per rule checked.
func Long(r Result, place Place) []Message {
	out := []Message{summary(r, place)}
	for _, c := range r.Checks {
		out = append(out, checkLine(c))
	}
	return out
}

// Short is the family's version for the status page: the verdict with
// the score and rank, or what the request lacks, and nothing personal —
// no categories, no ages, no household circumstances.
func Short(r Result, place Place) Message {
	switch r.Status {
	case Ineligible:
		return Message{Key: "eligibility.short.ineligible", Args: []any{"Reasons", shortReasons(r, Failed)}}
	case Undetermined:
		return Message{Key: "eligibility.short.undetermined", Args: []any{"Reasons", shortReasons(r, Unknown)}}
	}
	if place.Rank > 0 {
		return Message{Key: "eligibility.short.ranked", Args: []any{"Score", r.Score, "Rank", place.Rank,
			"Total", place.Of, "Region", Region(r.RankRegion)}}
	}
	return Message{Key: "eligibility.short.eligible", Args: []any{"Score", r.Score}}
}

// summary is the first line of the long version: "eligible: low-income
// +30, large family +20, 4 children +8 — score 58, rank 152 of 3,800 in
// Karaganda region".
func summary(r Result, place Place) Message {
	status := Message{Key: "eligibility.status." + string(r.Status)}
	var terms any = Message{Key: "eligibility.no_points"}
	if len(r.Terms) > 0 {
		l := make(List, len(r.Terms))
		for i, t := range r.Terms {
			l[i] = termLine(t)
		}
		terms = l
	}
	if r.Status != Eligible {
		var reasons List
		for _, c := range r.Checks {
			if c.Outcome != Passed {
				reasons = append(reasons, checkLine(c))
			}
		}
		return Message{Key: "eligibility.summary.refused", Args: []any{"Status", status, "Reasons", reasons,
			"Terms", terms, "Score", r.Score}}
	}
	if place.Rank > 0 {
		return Message{Key: "eligibility.summary.ranked", Args: []any{"Status", status, "Terms", terms,
			"Score", r.Score, "Rank", place.Rank, "Total", place.Of, "Region", Region(r.RankRegion)}}
	}
	return Message{Key: "eligibility.summary.scored", Args: []any{"Status", status, "Terms", terms, "Score", r.Score}}
}

// termLine is one term of the score: "large family +20", "4 children +8".
func termLine(t Term) Message {
	p := Points(t.Points)
	switch t.Kind {
	case TermCategory:
		return Message{Key: "eligibility.term.category", Args: []any{"Name", Category(t.Code), "Points", p}}
	case TermIncome:
		return Message{Key: "eligibility.term.income", Args: []any{"Name", Income(t.Code), "Points", p}}
	case TermChildren:
		return Message{Key: "eligibility.term.children", Args: []any{"Count", t.Count, "Points", p}}
	case TermDistance:
		return Message{Key: "eligibility.term.distance", Args: []any{"Km", Km(t.Km), "Points", p}}
	}
	return Message{Key: "eligibility.term." + string(t.Kind), Args: []any{"Points", p}}
}
