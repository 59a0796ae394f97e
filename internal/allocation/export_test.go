package allocation

// For the external tests in this directory.
var (
	BruteForce     = bruteForce
	RandomInstance = randomInstance
)

// SetPause makes every commit call pause inside its transaction once the
// stock is reserved.
func (s *Service) SetPause(pause func()) { s.pause = pause }

// OrderWorth is what a plan's served lines are worth to the order's aim:
// the c-th waiting line in order is worth n-c.
func OrderWorth(p *Plan) int64 { return orderWorth(p) }
