package allocation

import "context"

// Seen is what the stock watcher saw of a campaign.
type Seen = look

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

// WatchOnce is one look of WatchStock, with what it saw before in seen.
func (s *Service) WatchOnce(ctx context.Context, seen map[int64]Seen) error {
	return s.watchOnce(ctx, seen)
}

// SetBeforeReserve makes every commit call fn inside its transaction
// once its plan is made, before the stock is reserved.
func (s *Service) SetBeforeReserve(fn func()) { s.beforeReserve = fn }
