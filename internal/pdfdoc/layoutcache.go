package pdfdoc

import "sync"

// layoutKey is everything the lines of a laid-out text depend on.
type layoutKey struct {
	text, lang string
	rtl, bold  bool
	maxEm      float64
}

// layoutCache keeps the lines of texts laid out lately, for every shaper
// of a Renderer: a letter run draws the same letterhead, date, subject,
// signature and template paragraphs in each letter of a language, and
// lays each out once. Lines are never changed once laid out, so they are
// shared as they are. A nil cache keeps nothing.
type layoutCache struct {
	mu    sync.Mutex
	lines map[layoutKey][]line
}

// layoutCacheSize bounds the texts kept; a full cache starts over, which
// costs the texts that repeat one layout each.
const layoutCacheSize = 2048

func newLayoutCache() *layoutCache {
	return &layoutCache{lines: make(map[layoutKey][]line)}
}

func (c *layoutCache) get(k layoutKey) ([]line, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ls, ok := c.lines[k]
	return ls, ok
}

func (c *layoutCache) put(k layoutKey, ls []line) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.lines) >= layoutCacheSize {
		clear(c.lines)
	}
	c.lines[k] = ls
}
