package testworld

import (
	"sync"
	"time"
)

// Epoch is the instant every world's clock starts at: a Tuesday morning at
// the start of a school year, in UTC.
func Epoch() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }

// Clock is a test clock: it stands still until a test moves it. Services
// built by a world read it through Now; a job worker may read it from its
// own goroutine while the test moves it, hence the lock.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock standing at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now is the clock's time; pass the method value as a service's clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Advance moves the clock d ahead and returns the new time.
func (c *Clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}
