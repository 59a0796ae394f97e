package bot

import (
	"sync"
	"time"
)

// Limits are the sender's pace. Telegram allows about one message a
// second to a chat and 30 a second in all
// (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this);
// the defaults stay under both.
type Limits struct {
	PerChat time.Duration // least time between two messages to one chat (1s)
	PerSec  float64       // messages a second in all (25)
	Workers int           // sends in flight at once (8)
}

// DefaultLimits are Telegram's limits with a margin.
var DefaultLimits = Limits{PerChat: time.Second, PerSec: 25, Workers: 8}

// pacer spaces events evenly at rate a second (no bursts): the k-th slot
// is at least 1/rate after the one before, so no second ever holds more
// than rate+1 of them.
type pacer struct {
	mu       sync.Mutex
	interval time.Duration
	next     time.Time
}

func newPacer(rate float64) *pacer {
	return &pacer{interval: time.Duration(float64(time.Second) / rate)}
}

// reserve takes the next slot at or after now and returns how long to
// wait for it.
func (p *pacer) reserve(now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	at := p.next
	if at.Before(now) {
		at = now
	}
	p.next = at.Add(p.interval)
	return at.Sub(now)
}

// hold moves every slot to until or later (a 429's retry_after).
func (p *pacer) hold(until time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.next.Before(until) {
		p.next = until
	}
}
