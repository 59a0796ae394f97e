package accounts

import (
	"sync"
	"time"
)

// Every API request starts with its bearer token: the token's row by its
// hash, then its user with organisation and region. tokenCache keeps what
// those two reads found for tokenTTL, so a busy client costs one lookup a
// second instead of one a request.
//
// What changes a token's or a user's answer here purges the whole cache
// before it returns (RevokeToken, Update, SetLocale): from then on this
// process reads the database again, so a revoked token or a deactivated
// user is refused at once. Another process sharing the database (a second
// server on PostgreSQL) forgets what it cached within tokenTTL, and so
// does every process for a change made outside accounts (an organisation
// moved in the tree).

// tokenTTL is how long a token's lookup is kept.
const tokenTTL = time.Second

// tokenCacheSize bounds the tokens kept; a full cache drops what has
// expired, and everything when nothing has.
const tokenCacheSize = 1024

type tokenCache struct {
	mu  sync.Mutex
	m   map[string]tokenEntry // by the token's hash
	gen uint64                // counts the purges
}

// tokenEntry is one token's lookup.
type tokenEntry struct {
	id    int64     // the token's
	user  User      // its user, active
	used  time.Time // its last_used_at as last written
	until time.Time // when the entry expires
}

// get returns the entry of hash, if there is one still valid at now, and
// the generation to put a new one under.
func (c *tokenCache) get(hash string, now time.Time) (tokenEntry, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[hash]
	if ok && now.After(e.until) {
		delete(c.m, hash)
		ok = false
	}
	return e, c.gen, ok
}

// put keeps e for hash unless the cache was purged since gen was read: a
// lookup that overlapped a revocation must not outlive it.
func (c *tokenCache) put(hash string, e tokenEntry, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.m == nil {
		c.m = map[string]tokenEntry{}
	}
	if len(c.m) >= tokenCacheSize {
		for h, old := range c.m {
			if e.until.Sub(old.until) > tokenTTL {
				delete(c.m, h)
			}
		}
		if len(c.m) >= tokenCacheSize {
			clear(c.m)
		}
	}
	c.m[hash] = e
}

// purge forgets every entry, and every lookup still running.
func (c *tokenCache) purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.m)
	c.gen++
}
