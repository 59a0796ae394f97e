package eligibility

// Rule names one kind of condition.
type Rule string

// The rules a Check reports on.
const (
	RuleAge         Rule = "age"
	RuleGrade       Rule = "grade"
	RuleCategories  Rule = "categories"
	RuleRegion      Rule = "region"
	RuleInstitution Rule = "institution"
	RuleReceived    Rule = "received"
)

// Outcome is what one rule concluded.
type Outcome string

// The outcomes of a rule. Unknown means a fact the rule needs is not
// recorded.
const (
	Passed  Outcome = "passed"
	Failed  Outcome = "failed"
	Unknown Outcome = "unknown"
)

// Status is the verdict on a request as a whole.
type Status string

// A request is Eligible when every rule passed, Ineligible when one
// failed, and Undetermined when none failed but some are unknown.
const (
	Eligible     Status = "eligible"
	Ineligible   Status = "ineligible"
	Undetermined Status = "undetermined"
)

// Check is one rule's outcome with the values it compared.
type Check struct {
	Rule    Rule    `json:"rule"`
	Item    int64   `json:"item,omitempty"` // the item whose own rule this is; 0: every item
	Outcome Outcome `json:"outcome"`
	// Range rules: the range and the applicant's value.
	Min   int `json:"min,omitempty"`
	Max   int `json:"max,omitempty"`
	Value int `json:"value,omitempty"`
	// Categories and regions asked for, and those the applicant matched
	// (categories held with valid evidence; the applicant's region path).
	Want []string `json:"want,omitempty"`
	Got  []string `json:"got,omitempty"`
	// Expired: categories asked for that the applicant holds with expired
	// evidence.
	Expired []string `json:"expired,omitempty"`
	// Institutions asked for and the one attended; the item received.
	IDs []int64 `json:"ids,omitempty"`
	ID  int64   `json:"id,omitempty"`
}

// Term is one part of a score.
type Term struct {
	Kind   Kind    `json:"kind"`
	Code   string  `json:"code,omitempty"`  // category or income code
	Count  int     `json:"count,omitempty"` // children
	Km     float64 `json:"km,omitempty"`    // distance
	Points int     `json:"points"`
}

// Kind names what a Term gives points for.
type Kind string

// The kinds of Term.
const (
	TermCategory       Kind = "category"
	TermIncome         Kind = "income"
	TermChildren       Kind = "children"
	TermDisability     Kind = "disability"
	TermSingleGuardian Kind = "single_guardian"
	TermDistance       Kind = "distance"
)

// Result is the evaluation of one request, as data: what each rule found,
// the verdict, the score and its terms, and the versions that produced it.
type Result struct {
	Status         Status  `json:"status"`
	Checks         []Check `json:"checks"`
	Score          int     `json:"score"`
	Terms          []Term  `json:"terms"`
	RulesVersion   int     `json:"rules_version"`
	WeightsVersion int     `json:"weights_version"`
	// RankRegion is the region path the request is ranked in.
	RankRegion string `json:"rank_region,omitempty"`
	// Items are the catalogue items evaluated.
	Items []int64 `json:"items,omitempty"`
}
