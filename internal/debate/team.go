package debate

import (
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// Side is the side a team argues in a debate.
type Side int8

// The two sides of a two-team debate.
const (
	Proposition Side = iota
	Opposition
)

// Team is a team entered in a tournament. ID is positive and unique;
// School and Region are codes compared for equality ("" means none, and
// two teams without a school never clash).
type Team struct {
	ID     int64
	School string
	Region string
}

// Rules are a tournament's settings.
type Rules struct {
	// SpeakersPerTeam is the number of speeches a team gives, each scored.
	SpeakersPerTeam int
	// MinScore and MaxScore bound each speaker score, inclusive.
	MinScore, MaxScore int
	// PanelSize is the number of judges on each debate's panel.
	PanelSize int
}

// DefaultRules are three speakers scored 50 to 100 by panels of three.
var DefaultRules = Rules{SpeakersPerTeam: 3, MinScore: 50, MaxScore: 100, PanelSize: 3}

// Tournament is what every computation of the package starts from.
type Tournament struct {
	Teams []Team
	Rules Rules
	// Seed makes the random draw of round 1, the random choices between
	// equally good pairings and the draw seed of the last tie-break.
	Seed uint64
}

// Debate is one pairing of a round.
type Debate struct {
	Prop, Opp int64
}

// Validate checks the tournament's teams and rules.
func (t Tournament) Validate() error {
	var fs []errs.FieldError
	r := t.Rules
	if r.SpeakersPerTeam < 1 || r.SpeakersPerTeam > 10 {
		fs = append(fs, errs.Field("speakers_per_team", "error.debate_speakers_range", "Max", 10))
	}
	if r.MinScore < 0 || r.MaxScore < r.MinScore || r.MaxScore > 1000 {
		fs = append(fs, errs.Field("max_score", "error.debate_score_bounds", "Max", 1000))
	}
	if r.PanelSize < 1 || r.PanelSize > 9 {
		fs = append(fs, errs.Field("panel_size", "error.debate_panel_size", "Max", 9))
	}
	if len(t.Teams) < 2 || len(t.Teams) > MaxTeams {
		fs = append(fs, errs.Field("teams", "error.debate_team_count", "Max", MaxTeams))
	}
	ids := make([]int64, len(t.Teams))
	for i, tm := range t.Teams {
		ids[i] = tm.ID
	}
	slices.Sort(ids)
	for i, id := range ids {
		if id <= 0 || i > 0 && ids[i-1] == id {
			fs = append(fs, errs.Field("teams", "error.debate_team_ids"))
			break
		}
	}
	return errs.Validation(fs...)
}

// MaxTeams bounds a tournament's size: the draw is cubic in it.
const MaxTeams = 2000

// index maps team IDs to their position in t.Teams.
func (t Tournament) index() map[int64]int {
	idx := make(map[int64]int, len(t.Teams))
	for i, tm := range t.Teams {
		idx[tm.ID] = i
	}
	return idx
}
