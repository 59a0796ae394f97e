package debate

import "github.com/jolproject/jol/internal/errs"

// Ballot is the panel's decision in one debate: the winning side and a
// score for each speaker of each team, in speaking order.
type Ballot struct {
	Debate
	Winner     Side
	PropScores []int
	OppScores  []int
}

// Total is the sum of a side's speaker scores.
func (b Ballot) Total(s Side) int {
	scores := b.PropScores
	if s == Opposition {
		scores = b.OppScores
	}
	sum := 0
	for _, x := range scores {
		sum += x
	}
	return sum
}

// WinnerID and LoserID name the teams by the ballot's decision.
func (b Ballot) WinnerID() int64 {
	if b.Winner == Proposition {
		return b.Prop
	}
	return b.Opp
}

// LoserID is the team that lost the debate.
func (b Ballot) LoserID() int64 {
	if b.Winner == Proposition {
		return b.Opp
	}
	return b.Prop
}

// ValidateBallot checks a ballot against the rules: a known winner, one
// score per speaker within the range, and no low-point win (the winner's
// total must be higher than the loser's, as a panel that gave the win to
// the side it scored lower has made a slip).
func ValidateBallot(r Rules, b Ballot) error {
	var fs []errs.FieldError
	if b.Winner != Proposition && b.Winner != Opposition {
		fs = append(fs, errs.Field("winner", "error.debate_winner_required"))
	}
	for _, side := range []struct {
		field  string
		scores []int
	}{{"prop_scores", b.PropScores}, {"opp_scores", b.OppScores}} {
		if len(side.scores) != r.SpeakersPerTeam {
			fs = append(fs, errs.Field(side.field, "error.debate_speaker_count", "Count", r.SpeakersPerTeam))
			continue
		}
		for _, s := range side.scores {
			if s < r.MinScore || s > r.MaxScore {
				fs = append(fs, errs.Field(side.field, "error.debate_score_range",
					"Score", s, "Min", r.MinScore, "Max", r.MaxScore))
				break
			}
		}
	}
	if len(fs) == 0 {
		loser := Opposition
		if b.Winner == Opposition {
			loser = Proposition
		}
		if b.Total(b.Winner) <= b.Total(loser) {
			fs = append(fs, errs.Field("winner", "error.debate_low_point_win",
				"Winner", b.Total(b.Winner), "Loser", b.Total(loser)))
		}
	}
	return errs.Validation(fs...)
}
