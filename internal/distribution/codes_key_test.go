package distribution_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

// restarted builds a second distribution service on f's database, as a
// process started later (or beside the first) would, with the stored key.
func (f *fix) restarted(t *testing.T) *distribution.Service {
	t.Helper()
	svc := f.Services
	d, err := distribution.New(distribution.Deps{DB: f.DB, Audit: svc.Audit, Stock: svc.Stock, Requests: svc.Requests,
		Now: f.Clock.Now})
	must(t, err)
	must(t, d.UseStoredKey(f.ctx))
	d.SetSender(requests.NewRecorder(requests.SMS))
	return d
}

// A code sent before a restart is taken after it: the key of the codes'
// hashes is the installation's, kept in the database, not the process's.
func TestACodeOutlivesARestart(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.kit())
		sent, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id)
		must(t, err)
		code := f.sentCode(t, id)
		later := f.restarted(t)
		if !bytes.Equal(distribution.CodeKeyOf(later), distribution.CodeKeyOf(f.d)) {
			t.Fatal("the new service drew a key of its own")
		}
		h, err := later.HandOver(f.ctx, f.wh, f.byCode(id, code))
		must(t, err)
		if h.CodeID != sent.ID || !h.Delivered {
			t.Fatalf("handover after the restart %+v", h)
		}
		// A service given no stored key keeps a random one, and refuses.
		other := f.request(t, "Bolat", f.kit())
		_, err = f.d.SendCode(f.ctx, f.wh, f.event.ID, other)
		must(t, err)
		alone, err := distribution.New(distribution.Deps{DB: f.DB, Audit: w.Services.Audit, Stock: w.Services.Stock,
			Requests: w.Services.Requests, Now: f.Clock.Now})
		must(t, err)
		if _, err := alone.HandOver(f.ctx, f.wh, f.byCode(other, f.sentCode(t, other))); key(err) != "error.code_wrong" {
			t.Fatalf("a code checked under another key: %v", err)
		}
	})
}

// Twenty processes starting at once end with one key between them.
func TestOneKeyForProcessesStartingAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		// The world's services made the key; start from none.
		f.scalar(t, "DELETE FROM installation_keys WHERE name = 'handover_codes' RETURNING 1")
		keys := make([][]byte, 20)
		var wg sync.WaitGroup
		for i := range keys {
			wg.Go(func() {
				d, err := distribution.New(distribution.Deps{DB: f.DB, Audit: w.Services.Audit, Stock: w.Services.Stock,
					Requests: w.Services.Requests, Now: f.Clock.Now})
				if err == nil {
					err = d.UseStoredKey(f.ctx)
				}
				if err != nil {
					t.Error(err)
					return
				}
				keys[i] = distribution.CodeKeyOf(d)
			})
		}
		wg.Wait()
		for i, k := range keys {
			if len(k) != 32 || !bytes.Equal(k, keys[0]) {
				t.Fatalf("process %d has key %x, process 0 %x", i, k, keys[0])
			}
		}
		if n := f.scalar(t, "SELECT count(*) FROM installation_keys WHERE name = 'handover_codes'"); n != 1 {
			t.Fatalf("%d keys stored", n)
		}
	})
}
