package distribution_test

import (
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

// together runs fn n times at once and returns the keys of the outcomes:
// "" for a success, the refusal's message key otherwise.
func together(n int, fn func(i int) error) map[string]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	out := map[string]int{}
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := fn(i)
			k := key(err)
			if err != nil && k == "" {
				k = err.Error()
			}
			mu.Lock()
			out[k]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return out
}

// A handed-over line taken back by many clerks at once comes back once;
// every other clerk is told it was taken back already, whichever line
// (a device or a kit) it is.
func TestAReturnTakenOnceByManyAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.computer(), f.kit())
		h, err := f.handOver(id, distribution.LineInput{Line: 1, Serials: []string{"PC-2"}}, distribution.LineInput{Line: 2})
		must(t, err)
		for _, ln := range []int{1, 2} {
			got := together(25, func(int) error {
				_, err := f.d.Return(f.ctx, f.wh, distribution.ReturnInput{HandoverID: h.ID, Line: ln, Locale: "ru", Via: "web"})
				return err
			})
			if got[""] != 1 || got["error.handover_returned"] != 24 {
				t.Fatalf("line %d: outcomes %v, want one return and 24 error.handover_returned", ln, got)
			}
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_docs WHERE kind = 'return'"); n != 2 {
			t.Fatalf("%d return documents, want 2", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held' AND request_id = $1", id); n != 2 {
			t.Fatalf("%d lines held again, want 2", n)
		}
		if st := f.status(t, id); st != requests.Allocated {
			t.Fatalf("the request is %s after the returns", st)
		}
		f.verify(t)
	})
}

// A device's serial named by the handovers of many families at once is
// handed over to one of them; the others are told it is out, and their
// lines stay held for them.
func TestOneSerialForManyFamiliesAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ids := make([]int64, 3)
		for i := range ids {
			ids[i] = f.request(t, "Child"+string(rune('A'+i)), f.computer())
		}
		got := together(len(ids), func(i int) error {
			_, err := f.handOver(ids[i], distribution.LineInput{Line: 1, Serials: []string{"pc-1"}})
			return err
		})
		if got[""] != 1 || got["error.stock_serial_issued"] != len(ids)-1 {
			t.Fatalf("outcomes %v, want one handover of PC-1", got)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held'"); n != int64(len(ids)-1) {
			t.Fatalf("%d lines still held, want %d", n, len(ids)-1)
		}
		f.verify(t)
	})
}
