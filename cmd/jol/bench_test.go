package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/demo"
)

// percentile returns the p-th percentile (0–100) of ds, which it sorts.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	i := int(float64(len(ds)-1) * p / 100)
	return ds[i]
}

// cpuTime is the processor time this process has used, every goroutine
// of it: on a shared machine it leaves out the time spent waiting for a
// core, which wall time counts.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDashboard measures a logged-in home page over real HTTP with
// several clients at once, and reports the 50th and 95th percentile
// latency. Run: go test -bench Dashboard -run '^$' -benchtime 5000x ./cmd/jol
func BenchmarkDashboard(b *testing.B) {
	s := startServer(b)
	clients := make(chan *http.Client, 64)
	for range 64 {
		clients <- s.login(b, "admin")
	}
	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism(4) // 4 × GOMAXPROCS concurrent clients
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		c := <-clients
		var mine []time.Duration
		for pb.Next() {
			start := time.Now()
			res, err := c.Get(s.url + "/")
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Errorf("status %d", res.StatusCode)
				return
			}
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	b.ReportMetric(float64(percentile(lat, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(lat, 95).Microseconds())/1000, "p95-ms")
}

// BenchmarkLogin logs 50 (and 200) users in at the same moment, b.N
// times, with the production argon2id cost, and reports the slowest login
// and the peak Go heap seen while they ran. The heap should not grow with
// the number of simultaneous logins: hashing is bounded.
func BenchmarkLogin(b *testing.B) {
	s := startServer(b)
	for _, n := range []int{50, 200} {
		b.Run(fmt.Sprintf("concurrent=%d", n), func(b *testing.B) { benchLogins(b, s, n) })
	}
}

func benchLogins(b *testing.B, s *testServer, n int) {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	})
	var all []time.Duration
	b.ResetTimer()
	for range b.N {
		var wg sync.WaitGroup
		lat := make([]time.Duration, n)
		for i := range n {
			wg.Go(func() {
				c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				start := time.Now()
				res, err := c.PostForm(s.url+"/login", url.Values{"email": {demo.Email("operator")}, "password": {demo.Password}})
				if err != nil {
					b.Error(err)
					return
				}
				res.Body.Close()
				if res.StatusCode != http.StatusSeeOther {
					b.Errorf("login status %d", res.StatusCode)
				}
				lat[i] = time.Since(start)
			})
		}
		wg.Wait()
		all = append(all, lat...)
	}
	b.StopTimer()
	close(stop)
	sampler.Wait()
	b.ReportMetric(float64(percentile(all, 100).Milliseconds()), "slowest-ms")
	b.ReportMetric(float64(percentile(all, 50).Milliseconds()), "p50-ms")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
}
