package kit

import (
	"net/http"

	"github.com/jolproject/jol/internal/public"
)

// TrapField is the public forms' trap: a field hidden from people and
// screen readers (the "trap" partial) that only a bot fills in.
const TrapField = "website"

// Trapped reports whether a posted form filled in the trap field. A
// trapped post is answered like any other and nothing of it is kept.
func Trapped(r *http.Request) bool { return r.PostFormValue(TrapField) != "" }

// Allow takes one attempt at the public page from the request's client
// address (through the trusted proxies, see ClientIP), limit per
// public.Window; a page past its limit is refused with public.ErrLimited
// before any work is done. The rooms share one limiter, whose memory
// public.MaxKeys bounds; page names keep their counts apart.
func (k *Kit) Allow(r *http.Request, page string, limit int) error {
	addr := r.RemoteAddr
	if k.ClientIP != nil {
		addr = k.ClientIP(r)
	}
	if !k.limits.Take(public.Key{Name: public.AddressKey(page, addr), Limit: limit}) {
		return public.ErrLimited
	}
	return nil
}
