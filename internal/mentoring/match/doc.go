// Package match finds the best matching of young people to mentors for a
// cohort: exact, deterministic, and explained match by match. It holds no
// data of its own and reads no database; the mentoring domain gives it
// the young people, the mentors and the rule, and stores what it decides.
//
// # Who may be matched with whom
//
// A mentor takes no one before finishing the mentors' school, and never
// more young people than their free places (capacity less current
// mentees). A young person under 18 on the matching date is matched only
// with their guardian's consent and only with a mentor who takes minors
// and whose vetting for work with minors has not expired on that date.
// These are hard rules. The cohort's Rule then says which eligible
// mentors are a young person's candidates: it may require the same
// field, the same region, a shared language and a shared format, and
// keeps at most Limit candidates, the best-fitting first (see Shortlist).
// A young person who ranked mentors is matched with one of them or, when
// none can take them and the rule allows it, with another candidate.
//
// # What is best
//
// Three aims, each counting only among the matchings best for those
// before it:
//
//  1. the most young people matched;
//  2. the best preferences: a first choice is worth 3, a second 2, a
//     third 1, any other candidate 0, and the matching's worth is the sum;
//  3. the best fit: a match is worth one point for each of the same
//     field, the same region, a shared language and a shared format, and
//     the matching's worth is the sum.
//
// # The network and its costs
//
//	young person ──1──▶ mentor ──free places──▶ sink
//	      └──────────── unmatched, 1 ────────────▲
//
// Each young person with a candidate is a node supplying one unit; the
// sink takes n, their number. The unit reaches the sink through one of
// the young person's candidate mentors (an arc of capacity 1 each) or
// over their own arc for staying unmatched. Integral flows and matchings
// correspond one to one, the arc from young person y to mentor m
// carrying 1 exactly when y is matched with m.
//
// The aims are folded into one cost per arc, exactly. With P = 3 the
// largest preference worth, F = 4 the largest fit, B = F·n + 1,
// A = (P·B + F)·n + 1 and C = P·B + F, the arc y → m costs
// C − (B·p + f) for its preference worth p and fit f (between 0 and C),
// and staying unmatched costs A + C. As every young person sends exactly
// one unit, a matching of k young people with preference sum p and fit
// sum f costs (A + C)·n − (A·k + B·p + f). Since 0 ≤ f ≤ F·n < B and
// 0 ≤ B·p + f ≤ (P·B + F)·n < A, the least cost is the matching best by
// the three aims in turn (a larger k wins whatever p and f; then a larger
// p whatever f), and (k, p, f) can be read back from it by division. No
// weight is a guess: A and B are the smallest that keep the order exact.
//
// Overflow: every cost is at most A + C = 12n² + 19n + 8 < 13·(n+1)²;
// the solver needs the largest cost times the total capacity below
// about 2⁶⁰, and refuses (flow.ErrRange) rather than overflow. For the
// issue's cohort, 20,000 young people with 50 candidates each, the
// largest cost is under 4.9·10⁹ and the total capacity about 1.1·10⁶:
// about 5·10¹⁵, far below 2⁶⁰ ≈ 1.15·10¹⁸. Run refuses more than
// MaxYouth young people, which keeps A itself well within int64.
//
// # Determinism
//
// Young people and mentors are taken in the order of their ids, and the
// flow solver is deterministic: the same input always gives the same
// matching.
package match
