package allocation

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/flow"
)

// For the external tests in this directory.
var (
	BruteForce     = bruteForce
	RandomInstance = randomInstance
)

// ReadInstance reads campaign id's instance as a dry run does.
func (s *Service) ReadInstance(ctx context.Context, id int64) (*Instance, error) {
	c, err := s.Campaigns.Get(ctx, stockArrived, id)
	if err != nil {
		return nil, err
	}
	var in *Instance
	err = s.snapshot(ctx, func(tx *sql.Tx) error {
		in, err = s.read(ctx, tx, c)
		return err
	})
	return in, err
}

// Aims are the networks a plan was solved on, one per aim (nil when the
// aim was skipped), with the least cost the solver found for each.
type Aims struct {
	Graphs [3]*flow.Graph
	Costs  [3]int64
}

// DecideAims is Decide, with the networks it solved.
func DecideAims(in *Instance) (*Plan, Aims, error) {
	m := newModel(in)
	s, err := lexSolve(m.g, m.costs)
	if err != nil {
		return nil, Aims{}, err
	}
	p := m.derive(s)
	p.Digest = in.digest()
	return p, Aims{Graphs: s.graphs, Costs: s.cost}, nil
}

// SetPause makes every commit call pause inside its transaction once the
// stock is reserved.
func (s *Service) SetPause(pause func()) { s.pause = pause }

// OrderWorth is what a plan's served lines are worth to the order's aim:
// the c-th waiting line in order is worth n-c.
func OrderWorth(p *Plan) int64 { return orderWorth(p) }
