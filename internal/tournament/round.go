package tournament

// The record of a tournament's rounds: their stage, the draw's notes,
// each debate with its panel and its ballot.

import (
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/debate"
)

// Stage is the part of a tournament a round belongs to.
type Stage string

// The stages.
const (
	Prelim Stage = "prelim"
	Elim   Stage = "elim"
)

// Round is a round of a tournament: its draw, the panels and ballots.
type Round struct {
	ID          int64      `json:"id"`
	Stage       Stage      `json:"stage"`
	Number      int        `json:"number"`
	Bye         int64      `json:"bye,omitempty"`
	Notes       []Note     `json:"notes"`
	PublishedAt *time.Time `json:"published_at"`
	CreatedAt   time.Time  `json:"created_at"`
	Debates     []Debate   `json:"debates"`
}

// Complete says whether every debate of the round has its ballot.
func (r Round) Complete() bool {
	for _, d := range r.Debates {
		if d.Ballot == nil {
			return false
		}
	}
	return true
}

// Note is a rule the draw relaxed or a panel short of judges, as a
// message key with the teams concerned and further arguments
// (debate.Relaxation, stored).
type Note struct {
	Key   string   `json:"key"`
	Teams [2]int64 `json:"teams"`
	Args  []string `json:"args,omitempty"`
}

func noteOf(r debate.Relaxation) Note {
	n := Note{Key: r.Key, Teams: r.Teams}
	for _, a := range r.Args {
		switch v := a.(type) {
		case string:
			n.Args = append(n.Args, v)
		case int:
			n.Args = append(n.Args, strconv.Itoa(v))
		default:
			n.Args = append(n.Args, "")
		}
	}
	return n
}

// Message is the note's message key and arguments, the teams named by
// name.
func (n Note) Message(name func(int64) string) (string, []any) {
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		args[i] = a
	}
	return debate.Relaxation{Key: n.Key, Teams: n.Teams, Args: args}.Message(name)
}

// Debate is one debate of a round with its panel, chair first, and its
// ballot once entered.
type Debate struct {
	ID     int64   `json:"id"`
	Prop   int64   `json:"prop"`
	Opp    int64   `json:"opp"`
	Judges []int64 `json:"judges"`
	Ballot *Ballot `json:"ballot"`
}

// Ballot is the decision of a debate: the winning side ("prop" or
// "opp") and each speaker's score in speaking order.
type Ballot struct {
	Winner     string    `json:"winner"`
	PropScores []int     `json:"prop_scores"`
	OppScores  []int     `json:"opp_scores"`
	Version    int       `json:"version"`
	EnteredAt  time.Time `json:"entered_at"`
}
