package public

import (
	"net/netip"
	"sync"
	"time"
)

// The public pages' limits. Each is a number of attempts per window for
// one key: a client address (an IPv6 client's /64, which one household's
// devices share) or, on the status page, a reference number, whoever asks
// for it. An attempt is taken before any work is done, under one lock for
// all its keys, so a burst of parallel requests cannot pass the check
// before one of them is counted; a refused attempt costs no database work
// at all, so a flood slows nobody else.
const (
	Window = 15 * time.Minute
	// ApplyPerAddress is how many applications one address may post per
	// Window: a family with several children, or a few families sharing a
	// connection, is well within it.
	ApplyPerAddress = 10
	// StatusPerAddress and StatusPerReference bound the status page: a
	// family looks a few times; guessing a phone for a reference is cut
	// off after StatusPerReference tries, from any number of addresses.
	StatusPerAddress   = 20
	StatusPerReference = 10
	// MaxKeys bounds the limiter's memory (about 100 bytes a key). When
	// every key is in use and none has expired, new keys are refused: the
	// pages then fail closed for new clients until the window moves on.
	MaxKeys = 200_000
)

// Key is one count an attempt is taken from.
type Key struct {
	Name  string
	Limit int
}

// Limiter counts attempts per key in fixed windows, in memory. It is the
// process's: Jol serves an installation from one process, and a restart
// forgives the counts (at worst one more window of attempts).
type Limiter struct {
	mu      sync.Mutex
	now     func() time.Time
	max     int
	buckets map[string]bucket
}

type bucket struct {
	start time.Time
	n     int
}

// NewLimiter returns a limiter on clock now holding at most max keys.
func NewLimiter(now func() time.Time, max int) *Limiter {
	return &Limiter{now: now, max: max, buckets: map[string]bucket{}}
}

// Take takes one attempt from every key, or none when any key has used its
// limit in the current window. It reports whether the attempt may go on.
func (l *Limiter) Take(keys ...Key) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	bs := make([]bucket, len(keys))
	for i, k := range keys {
		b, ok := l.buckets[k.Name]
		if !ok || now.Sub(b.start) >= Window {
			b = bucket{start: now}
		}
		if b.n >= k.Limit {
			return false
		}
		bs[i] = b
	}
	if len(l.buckets)+len(keys) > l.max && !l.sweep(now, len(keys)) {
		return false
	}
	for i, k := range keys {
		bs[i].n++
		l.buckets[k.Name] = bs[i]
	}
	return true
}

// sweep drops the keys whose window has ended and reports whether n more
// now fit.
func (l *Limiter) sweep(now time.Time, n int) bool {
	for k, b := range l.buckets {
		if now.Sub(b.start) >= Window {
			delete(l.buckets, k)
		}
	}
	return len(l.buckets)+n <= l.max
}

// AddressKey is the limiter's name for a client address: the address
// itself for IPv4, its /64 for IPv6, which one subscriber holds whole.
func AddressKey(page, addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return page + ":" + addr
	}
	a = a.Unmap()
	if a.Is6() {
		p, _ := a.Prefix(64)
		return page + ":" + p.String()
	}
	return page + ":" + a.String()
}
