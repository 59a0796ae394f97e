package imports

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The bounds of the school names the preview keeps of recent uploads.
const (
	// cachedUploads is how many uploads' school names are kept: the ones
	// being previewed now, by the few people who import at once.
	cachedUploads = 16
	// maxCachedNames bounds the bytes of the names kept of one upload; a
	// list naming more (its school column holds something else) is read
	// again at each view.
	maxCachedNames = 4 << 20
)

// schoolCounts are the school names a list's rows hold, by folded name,
// each with its rows: what the preview's card of unknown schools is made
// of, whoever looks and whatever is registered by then.
type schoolCounts map[string]*UnknownSchool

// schoolCache keeps the school names of the uploads previewed last, so
// that the preview reads the whole file once, not at every view. An
// upload's file never changes: the names are kept per column the school
// is read from (what the answers for its headers decide, so other answers
// read the file again) and dropped when the upload is purged. Which of
// them are registered, and where the others' rows go, is looked up at
// each view.
type schoolCache struct {
	mu    sync.Mutex
	names map[schoolScan]schoolCounts
	order []schoolScan // oldest first
	reads atomic.Int64 // the whole files read for their schools
}

// schoolScan is the upload and the column its school names are read from.
type schoolScan struct {
	upload int64
	column string
}

// scanOf is where the school names of upload id are with mapping m.
func scanOf(id int64, m Mapping) schoolScan {
	var cols []string
	for i, c := range m.cols {
		if c == School {
			cols = append(cols, strconv.Itoa(i))
		}
	}
	return schoolScan{upload: id, column: strings.Join(cols, ",")}
}

func (c *schoolCache) get(k schoolScan) (schoolCounts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.names[k]
	return n, ok
}

// put keeps n, unless its names are too many, forgetting the oldest
// upload's when there are too many uploads.
func (c *schoolCache) put(k schoolScan, n schoolCounts) {
	size := 0
	for key, u := range n {
		size += len(key) + len(u.Name)
	}
	if size > maxCachedNames {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.names == nil {
		c.names = map[schoolScan]schoolCounts{}
	}
	if _, ok := c.names[k]; !ok {
		c.order = append(c.order, k)
	}
	c.names[k] = n
	for len(c.order) > cachedUploads {
		delete(c.names, c.order[0])
		c.order = c.order[1:]
	}
}

// drop forgets what is kept of upload id.
func (c *schoolCache) drop(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order = slices.DeleteFunc(c.order, func(k schoolScan) bool {
		if k.upload == id {
			delete(c.names, k)
			return true
		}
		return false
	})
}
