package accounts

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h := NewHasher(Params{Memory: 64, Time: 1, Threads: 1}, 2)
	ctx := context.Background()
	enc, err := h.Hash(ctx, "пароль-құпия")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q is not a PHC argon2id string", enc)
	}
	if ok, _ := h.Verify(ctx, "пароль-құпия", enc); !ok {
		t.Fatal("right password rejected")
	}
	if ok, _ := h.Verify(ctx, "пароль-купия", enc); ok {
		t.Fatal("wrong password accepted")
	}
	for _, bad := range []string{"", "$argon2id$v=19$m=9999999,t=1,p=1$AAAA$AAAA", "plain"} {
		if ok, _ := h.Verify(ctx, "", bad); ok {
			t.Fatalf("malformed hash %q matched", bad)
		}
	}
}

func TestDefaultParamsAreOWASP(t *testing.T) {
	// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
	if DefaultParams.Memory != 19456 || DefaultParams.Time != 2 || DefaultParams.Threads != 1 {
		t.Fatalf("DefaultParams = %+v", DefaultParams)
	}
}

func TestHasherBoundsConcurrency(t *testing.T) {
	h := NewHasher(Params{Memory: 64, Time: 1, Threads: 1}, 3)
	var inFlight, peak atomic.Int32
	var wg sync.WaitGroup
	for range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.slots <- struct{}{}
			n := inFlight.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			inFlight.Add(-1)
			<-h.slots
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 3 {
		t.Fatalf("%d hashes ran at once, bound is 3", p)
	}
	ctx, cancel := context.WithCancel(context.Background())
	for range 3 {
		h.slots <- struct{}{}
	}
	cancel()
	if _, err := h.Hash(ctx, "x"); err == nil {
		t.Fatal("Hash with all slots taken and a cancelled context succeeded")
	}
}
