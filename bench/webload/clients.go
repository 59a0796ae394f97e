package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/demo"
)

// pagesPerLogin is how many pages a client browses before it logs in
// again, as a new user would.
const pagesPerLogin = 5

// browsers are the demo logins that may see the register: the clients
// log in as them in turn, a few to a login, which also keeps each login
// under the throttle's count of logins checked at once.
func browsers(base string, logins []demo.Login) ([]string, error) {
	var out []string
	for _, l := range logins {
		c := client()
		if _, err := login(c, base, l.Email); err != nil {
			continue
		}
		if _, code, err := get(c, base+"/people"); err == nil && code == http.StatusOK {
			out = append(out, l.Email)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no demo login sees the register")
	}
	return out, nil
}

// A run is clients browsing until stop.
type run struct {
	done  chan struct{}
	think time.Duration
	wg    sync.WaitGroup
	mu    sync.Mutex
	st    stats
}

// stats are the times measured and the requests that failed.
type stats struct {
	logins, pages []time.Duration
	failed        int
	took          time.Duration
}

// load starts n clients, the i-th logging in as users[i % len(users)],
// each pausing about think between requests as a person reading a page.
func load(base string, users []string, n int, maxID int64, think time.Duration) *run {
	r := &run{done: make(chan struct{}), think: think}
	start := time.Now()
	for i := range n {
		r.wg.Go(func() { r.client(base, users[i%len(users)], maxID, uint64(i)) })
	}
	r.st.took = -time.Duration(start.UnixNano())
	return r
}

// stop ends the clients and returns what they measured.
func (r *run) stop() stats {
	close(r.done)
	r.wg.Wait()
	r.st.took += time.Duration(time.Now().UnixNano())
	return r.st
}

func (r *run) client(base, email string, maxID int64, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	for {
		c := client()
		d, err := login(c, base, email)
		if !r.add(true, d, err) {
			return
		}
		for p := range pagesPerLogin {
			r.pause(rng)
			u := base + "/people"
			switch {
			case p == 1:
				u += fmt.Sprintf("?page=%d", 2+rng.IntN(50))
			case p > 1 && maxID > 0:
				u += fmt.Sprintf("/%d", 1+rng.Int64N(maxID))
			}
			d, code, err := get(c, u)
			if err == nil && code != http.StatusOK && code != http.StatusNotFound && code != http.StatusForbidden {
				err = fmt.Errorf("%s: %d", u, code)
			}
			if !r.add(false, d, err) {
				return
			}
		}
		r.pause(rng)
	}
}

// pause waits between half and one and a half times think.
func (r *run) pause(rng *rand.Rand) {
	if r.think > 0 {
		time.Sleep(r.think/2 + time.Duration(rng.Int64N(int64(r.think))))
	}
}

// add records a request and reports whether to go on.
func (r *run) add(isLogin bool, d time.Duration, err error) bool {
	select {
	case <-r.done:
		return false // measured while stopping: left out
	default:
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case err != nil:
		r.st.failed++
	case isLogin:
		r.st.logins = append(r.st.logins, d)
	default:
		r.st.pages = append(r.st.pages, d)
	}
	return true
}

func client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login posts the login form and times it: the password check, the
// throttle's and the session's writes.
func login(c *http.Client, base, email string) (time.Duration, error) {
	form := url.Values{"email": {email}, "password": {demo.Password}}
	start := time.Now()
	resp, err := c.Post(base+"/login", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if resp.StatusCode != http.StatusSeeOther {
		return d, fmt.Errorf("login %s: %d", email, resp.StatusCode)
	}
	return d, nil
}

func get(c *http.Client, u string) (time.Duration, int, error) {
	start := time.Now()
	resp, err := c.Get(u)
	if err != nil {
		return 0, 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(start), resp.StatusCode, nil
}

func (s stats) print(label string) {
	fmt.Printf("%s, %.1f s: logins %s; pages %s; %d failed\n", label, s.took.Seconds(), pct(s.logins), pct(s.pages), s.failed)
}

// pct is the count and the 50th, 95th and 99th percentiles and the
// longest of ds.
func pct(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	slices.Sort(ds)
	at := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }
	return fmt.Sprintf("%d, p50 %s p95 %s p99 %s max %s", len(ds), ms(at(0.50)), ms(at(0.95)), ms(at(0.99)), ms(ds[len(ds)-1]))
}
