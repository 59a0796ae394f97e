package match

// Answer is where a proposed match stands.
type Answer uint8

// The answers to a proposal.
const (
	// Pending: proposed, the mentor has not answered and the reply
	// deadline has not passed.
	Pending Answer = iota
	// Accepted by the mentor.
	Accepted
	// Declined by the mentor.
	Declined
	// Expired: the reply deadline passed without an answer.
	Expired
)

// Proposal is a match proposed by an earlier run, and its answer.
type Proposal struct {
	Pair
	Answer Answer
}

// Rematch runs the matching again after proposals were answered: the
// accepted and pending ones stand (added to in.Keep) and the declined
// and expired ones are never proposed again (added to in.Exclude), so
// their young people are matched anew among their other candidates,
// with everyone else still unmatched. A young person with a standing
// proposal is not matched again.
func Rematch(in Input, proposals []Proposal) (*Result, error) {
	in.Keep = append([]Pair(nil), in.Keep...)
	in.Exclude = append([]Pair(nil), in.Exclude...)
	for _, p := range proposals {
		switch p.Answer {
		case Pending, Accepted:
			in.Keep = append(in.Keep, p.Pair)
		case Declined, Expired:
			in.Exclude = append(in.Exclude, p.Pair)
		}
	}
	return Run(in)
}
