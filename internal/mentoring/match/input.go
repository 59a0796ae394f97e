package match

import (
	"slices"
	"time"

	"github.com/jolproject/jol/internal/errs"
)

// MaxChoices is how many mentors a young person may rank.
const MaxChoices = 3

// MaxYouth is the most young people one run matches; it keeps the
// ranked costs within int64 (see the package documentation).
const MaxYouth = 100_000

// AdultAge is the age from which a young person is not a minor.
const AdultAge = 18

// Youth is a young person to be matched.
type Youth struct {
	ID        int64
	Birth     time.Time // the date of birth; the age is taken on Input.Date
	Region    string
	Field     string   // the field of interest
	Languages []string // the languages they speak, the preferred first
	Formats   []string // "in_person", "online"
	// Choices are the mentors they ranked, the first choice first; none
	// means they asked for an automatic match.
	Choices []int64
	// Consent is whether a guardian consented; it matters for minors.
	Consent bool
}

// Mentor is a mentor who may take young people.
type Mentor struct {
	ID        int64
	Region    string
	Fields    []string
	Languages []string
	Formats   []string
	// Free is the capacity less the current mentees, before the run's
	// kept matches (Input.Keep) take their places.
	Free int
	// School is whether they finished the mentors' school.
	School bool
	// Minors is whether they take minors; they also need vetting.
	Minors bool
	// VettedUntil is the last day their vetting for work with minors is
	// valid; zero when they were never vetted.
	VettedUntil time.Time
}

// Pair is a young person and a mentor.
type Pair struct {
	Youth, Mentor int64
}

// Input is one matching run.
type Input struct {
	// Date is the matching date: ages and vetting are taken on it.
	Date    time.Time
	Youth   []Youth
	Mentors []Mentor
	Rule    Rule
	// Keep are matches that stand (accepted, or proposed and awaiting an
	// answer): their young people are not matched again and they take
	// their mentors' places.
	Keep []Pair
	// Exclude are pairs never to be proposed (declined or expired).
	Exclude []Pair
}

// validate checks the input's consistency: unique ids, at most three
// distinct choices, no negative capacity, kept and excluded pairs of
// known people, no mentor kept above capacity and no young person kept
// twice. Its errors are domain errors for the coordinator.
func (in *Input) validate() error {
	if len(in.Youth) > MaxYouth {
		return errs.New(errs.Invalid, "error.mentor_match_too_many", "Max", MaxYouth)
	}
	youth := make(map[int64]bool, len(in.Youth))
	for _, y := range in.Youth {
		if youth[y.ID] {
			return errs.New(errs.Invalid, "error.mentor_match_duplicate", "ID", y.ID)
		}
		youth[y.ID] = true
		if len(y.Choices) > MaxChoices || len(slices.Compact(slices.Sorted(slices.Values(y.Choices)))) != len(y.Choices) {
			return errs.New(errs.Invalid, "error.mentor_match_choices", "ID", y.ID, "Max", MaxChoices)
		}
	}
	free := make(map[int64]int, len(in.Mentors))
	for _, m := range in.Mentors {
		if _, dup := free[m.ID]; dup {
			return errs.New(errs.Invalid, "error.mentor_match_duplicate", "ID", m.ID)
		}
		if m.Free < 0 {
			return errs.New(errs.Invalid, "error.mentor_over_capacity", "Mentor", m.ID)
		}
		free[m.ID] = m.Free
	}
	known := func(p Pair) error {
		if _, ok := free[p.Mentor]; !ok || !youth[p.Youth] {
			return errs.New(errs.Invalid, "error.mentor_match_unknown_pair", "Youth", p.Youth, "Mentor", p.Mentor)
		}
		return nil
	}
	kept := make(map[int64]bool, len(in.Keep))
	for _, p := range in.Keep {
		if err := known(p); err != nil {
			return err
		}
		if kept[p.Youth] {
			return errs.New(errs.Invalid, "error.mentor_match_kept_twice", "Youth", p.Youth)
		}
		kept[p.Youth] = true
		if free[p.Mentor]--; free[p.Mentor] < 0 {
			return errs.New(errs.Invalid, "error.mentor_over_capacity", "Mentor", p.Mentor)
		}
	}
	for _, p := range in.Exclude {
		if err := known(p); err != nil {
			return err
		}
	}
	return nil
}

// Minor reports whether a young person born on birth is a minor on date.
func Minor(birth, date time.Time) bool {
	return date.Before(birth.AddDate(AdultAge, 0, 0))
}
