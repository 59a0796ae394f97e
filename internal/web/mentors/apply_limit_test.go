package mentors_test

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/web/mentors"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The public application form is guarded like the other public forms: a
// bot filling in the trap field is thanked and nothing is stored, and one
// address posting in parallel gets ApplyPerWindow attempts and then 429,
// the trapped post counted like any other.
func TestApplyTrappedAndLimited(t *testing.T) {
	f := webtest.New(t)
	visitor := anonymous(t, f, "en")
	if r := visitor.Get("/mentors/apply"); r.Status != http.StatusOK || !strings.Contains(r.Body, `name="website"`) {
		t.Fatalf("the form lacks its trap: %d", r.Status)
	}
	bot := application(f)
	bot.Set("website", "http://spam.example")
	wantIn(t, "a bot's post", visitor.Post("/mentors/apply", bot), http.StatusOK, `id="applied"`)
	if n := scalar(t, f, "SELECT COUNT(*) FROM mentors"); n != 0 {
		t.Fatalf("%d mentors stored from a trapped post", n)
	}

	const posts = 30
	codes := make([]int, posts)
	var wg sync.WaitGroup
	for i := range posts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := application(f)
			a.Set("email", "m"+strconv.Itoa(i)+"@example.org")
			codes[i] = visitor.Post("/mentors/apply", a).Status
		}()
	}
	wg.Wait()
	count := map[int]int{}
	for _, c := range codes {
		count[c]++
	}
	if count[http.StatusOK] != mentors.ApplyPerWindow-1 || count[http.StatusTooManyRequests] != posts-mentors.ApplyPerWindow+1 {
		t.Fatalf("answers %v, want %d accepted and the rest 429", count, mentors.ApplyPerWindow-1)
	}
	if n := scalar(t, f, "SELECT COUNT(*) FROM mentors"); n != int64(mentors.ApplyPerWindow-1) {
		t.Fatalf("%d mentors stored, want %d", n, mentors.ApplyPerWindow-1)
	}
}
