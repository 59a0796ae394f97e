package api

import (
	"net/http"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestMentorshipsAPI lists, logs, refuses bad input, ends once under
// parallel requests and works a concern through the API.
func TestMentorshipsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ms := mentorshiptest.Seed(t, f.w)
		mentor, coord := f.newToken(t, ms.MentorUser), f.token[access.Coordinator]
		base := Prefix + "/mentorships"

		list := f.do(t, "GET", base, mentor, nil)
		if list.Code != http.StatusOK || len(decodeAs[struct{ Items []mentorship.Mentorship }](t, list).Items) != 2 {
			t.Fatalf("the mentor's list: %d %s", list.Code, list.Body)
		}
		minor := base + "/" + itoa64(ms.Minor)
		bad := f.do(t, "POST", minor+"/sessions", mentor, map[string]any{"held_on": "2026-09-02", "minutes": 0,
			"format": "phone", "topic": ""})
		if bad.Code != http.StatusUnprocessableEntity {
			t.Fatalf("a bad session: %d %s", bad.Code, bad.Body)
		}
		ok := f.do(t, "POST", minor+"/sessions", mentor, map[string]any{"held_on": "2026-08-31", "minutes": 50,
			"format": "online", "topic": "College applications"})
		if ok.Code != http.StatusCreated {
			t.Fatalf("a session: %d %s", ok.Code, ok.Body)
		}
		other := f.newToken(t, ms.OtherUser)
		if w := f.do(t, "POST", minor+"/sessions", other, map[string]any{"held_on": "2026-08-31", "minutes": 50,
			"format": "online", "topic": "Not mine"}); w.Code != http.StatusForbidden {
			t.Fatalf("another mentor logs: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "POST", minor+"/concerns", mentor, map[string]any{"body": " "}); w.Code != http.StatusUnprocessableEntity {
			t.Fatalf("a concern with no text: %d %s", w.Code, w.Body)
		}
		got := decodeAs[mentorshipBody](t, f.do(t, "GET", minor, coord, nil))
		if !got.Minor || len(got.Sessions) != 1 {
			t.Fatalf("the mentorship %+v", got)
		}

		adult := base + "/" + itoa64(ms.Adult) + "/end"
		codes := make([]int, 4)
		var wg sync.WaitGroup
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = f.do(t, "POST", adult, coord, map[string]any{"status": "ended_early", "reason": "Moved"}).Code
			}()
		}
		wg.Wait()
		ended, conflicts := 0, 0
		for _, c := range codes {
			switch c {
			case http.StatusOK:
				ended++
			case http.StatusConflict:
				conflicts++
			}
		}
		if ended != 1 || conflicts != len(codes)-1 {
			t.Fatalf("parallel ends: %v", codes)
		}

		act := f.do(t, "GET", base+"/activity?from=2026-08-01&to=2026-08-31", coord, nil)
		if a := decodeAs[mentorship.Activity](t, act); act.Code != http.StatusOK || a.Total.Sessions != 1 || a.Total.Minutes != 50 {
			t.Fatalf("activity: %d %s", act.Code, act.Body)
		}
		if w := f.do(t, "GET", base+"/activity?from=x", coord, nil); w.Code != http.StatusUnprocessableEntity {
			t.Fatalf("activity with a bad date: %d", w.Code)
		}
	})
}
