package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// result is what one load measured.
type result struct {
	ok, failed int64
	elapsed    time.Duration
	latencies  []time.Duration // of the accepted answers
	firstError string
}

func (r result) rate() float64 { return float64(r.ok) / r.elapsed.Seconds() }

func (r result) pct(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(float64(len(r.latencies))*p))]
}

func (r result) String() string {
	s := fmt.Sprintf("%d accepted in %s = %.0f/s; p50 %s, p95 %s, p99 %s, max %s; %d failed",
		r.ok, r.elapsed.Round(time.Millisecond), r.rate(), r.pct(0.50).Round(10*time.Microsecond),
		r.pct(0.95).Round(10*time.Microsecond), r.pct(0.99).Round(10*time.Microsecond),
		r.pct(1).Round(10*time.Microsecond), r.failed)
	if r.firstError != "" {
		s += " (first: " + r.firstError + ")"
	}
	return s
}

// load has clients workers send requests to url for d: a POST of the next
// child's request when fx has a token, a GET otherwise. A 2xx other than
// 200 on a POST (a linked request) would not be new: only 201 counts.
func load(ctx context.Context, url string, fx fixture, clients int, d time.Duration) result {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	var next atomic.Int64
	var mu sync.Mutex
	var res result
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var ok, failed int64
			var first string
			for time.Now().Before(deadline) {
				i := next.Add(1) - 1
				req, want := newRequest(ctx, url, fx, i)
				t0 := time.Now()
				r, err := client.Do(req)
				if err == nil {
					_, _ = io.Copy(io.Discard, r.Body)
					r.Body.Close()
				}
				if err == nil && r.StatusCode == want {
					ok++
					lat = append(lat, time.Since(t0))
					continue
				}
				failed++
				if first == "" {
					if err != nil {
						first = err.Error()
					} else {
						first = r.Status
					}
				}
			}
			mu.Lock()
			res.ok += ok
			res.failed += failed
			res.latencies = append(res.latencies, lat...)
			if res.firstError == "" {
				res.firstError = first
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	slices.Sort(res.latencies)
	return res
}

// newRequest is the i-th request of a load and the status that accepts it.
func newRequest(ctx context.Context, url string, fx fixture, i int64) (*http.Request, int) {
	if fx.token == "" {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		return req, http.StatusOK
	}
	body := fmt.Sprintf(`{"campaign_id":%d,"person_id":%d,"applicant_kind":"parent","applicant_name":"Aigerim Sadykova",`+
		`"applicant_phone":"+7 701 555 %04d","channel":"hotline","locale":"ru","lines":[{"item_id":%d}]}`,
		fx.campaign, fx.firstChild+i%int64(fx.children), i%10000, fx.kit)
	req, _ := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader([]byte(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+fx.token)
	return req, http.StatusCreated
}
