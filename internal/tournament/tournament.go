// Package tournament keeps debate tournaments (issue 13): a tournament
// of an organisation and region, its teams of registered young people,
// its judges, its rounds with their draws, panels and ballots, the break
// to elimination rounds and the teams that qualify for the national cup.
//
// Everything that is decided by rule — the draw of a preliminary round,
// the judges' panels, a ballot's validity, the standings, the bracket and
// the qualifiers — is the pure package internal/debate, run on what is
// stored here; this package keeps the rows, the order of the steps and
// who may take them. A round is paired from the ballots of the rounds
// before it, only when every one is in; the rules the draw had to relax
// are stored with the round as message codes, so every page says which
// and why in the reader's language.
//
// Every action is a method of Service taking the principal it acts for,
// scoped by the tournament's organisation and region.
package tournament

import (
	"embed"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	ScopeOrg, Region, Insert, ByID, Lock, SetState, List, Count       string
	InsertTeam, InsertMember, Teams, Members, YouthScope, InsertJudge string
	Judges, InsertRound, Rounds, InsertDebate, Debates, Ballots       string
	BallotOf, InsertBallot, UpdateBallot, Publish, DebateByID         string
	RepathOrgs, RepathRegions                                         string
}

// Service keeps the debate tournaments.
type Service struct {
	db  *store.DB
	log *audit.Log
	now func() time.Time
	q   queries
}

// New returns the service on db; changes are recorded in log and now is
// the clock.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("tournament: %w", err)
	}
	return s, nil
}

// State is where a tournament stands.
type State string

// The states, in order: teams and judges are entered (setup), the
// preliminary rounds are paired and decided (prelims), the elimination
// rounds are played (elims), the final is decided (finished).
const (
	Setup    State = "setup"
	Prelims  State = "prelims"
	Elims    State = "elims"
	Finished State = "finished"
)

// Tournament is a debate tournament of two-team debates.
type Tournament struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"org_id"`
	OrgName    string    `json:"org_name"`
	OrgPath    string    `json:"-"`
	RegionID   int64     `json:"region_id"`
	RegionCode string    `json:"region_code"`
	RegionPath string    `json:"region_path"`
	Name       string    `json:"name"`
	Prelims    int       `json:"prelims"`    // preliminary rounds
	BreakSize  int       `json:"break_size"` // teams that break, a power of two
	Qualifiers int       `json:"qualifiers"` // teams that go on to the national cup
	Rules      Rules     `json:"rules"`
	Seed       int64     `json:"-"`
	State      State     `json:"state"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Rules are the scoring and panel settings (debate.Rules).
type Rules struct {
	Speakers  int `json:"speakers"`
	MinScore  int `json:"min_score"`
	MaxScore  int `json:"max_score"`
	PanelSize int `json:"panel_size"`
}

func (r Rules) debate() debate.Rules {
	return debate.Rules{SpeakersPerTeam: r.Speakers, MinScore: r.MinScore, MaxScore: r.MaxScore, PanelSize: r.PanelSize}
}

// Target is the tournament's scope.
func (t Tournament) Target() access.Target {
	return access.Target{OrgPath: t.OrgPath, RegionPath: t.RegionPath}
}

// Team is a team entered in a tournament: its name, school and region
// (compared for the draw's and the judges' conflicts) and its members,
// registered young people in speaking order.
type Team struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	School  string   `json:"school"`
	Region  string   `json:"region"`
	Members []Member `json:"members"`
}

// Member is a young person of a team.
type Member struct {
	YouthID    int64  `json:"youth_id"`
	Name       string `json:"name"`
	RegionPath string `json:"region_path"`
}

// Judge is an adjudicator of a tournament.
type Judge struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	UserID   int64  `json:"user_id,omitempty"`
	School   string `json:"school"`
	Region   string `json:"region"`
	Strength int    `json:"strength"`
}

// Bounds of what a tournament holds.
const (
	MaxName      = 200
	MaxPrelims   = 12
	MaxTeams     = 400
	MaxJudges    = 1000
	DefaultJudge = 50 // a judge's rating when none is given
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
