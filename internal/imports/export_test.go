package imports

import (
	"context"
	"time"
)

// SetHold makes the runs of s keep the writer at most d at a time: with
// a nanosecond, each row is committed in a transaction of its own.
func SetHold(s *Service, d time.Duration) { s.hold = d }

// SetBeforeCheckpoint makes the runs of s call f before each checkpoint
// saved with the rows it covers; an error f returns fails the transaction.
func SetBeforeCheckpoint(s *Service, f func(ctx context.Context, pr Progress) error) {
	s.beforeCheckpoint = f
}

// SchoolReads is how many times s read a whole upload for its schools.
func SchoolReads(s *Service) int64 { return s.schools.reads.Load() }
