package telegram_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// queueBroadcast queues one message to each of chats chats.
func queueBroadcast(b *testing.B, r *rig, chats int) {
	b.Helper()
	for lo := 0; lo < chats; lo += 1000 {
		err := r.db.Atomic(context.Background(), func(tx *store.Tx) error {
			ms := make([]bot.Message, 0, 1000)
			for c := lo; c < min(lo+1000, chats); c++ {
				ms = append(ms, bot.Message{ChatID: int64(10_000 + c), Text: fmt.Sprint("Distribution day: ", c)})
			}
			return r.svc.Queue(context.Background(), tx, ms...)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// maxInWindow is the most sends the fake received within any window.
func maxInWindow(at []time.Time, window time.Duration) int {
	most := 0
	for i, j := 0, 0; i < len(at); i++ {
		for j < len(at) && at[j].Sub(at[i]) < window {
			j++
		}
		most = max(most, j-i)
	}
	return most
}

// BenchmarkBroadcast sends a broadcast of one message to each of many
// chats through the sender to the fake Bot API, and reports the rate it
// kept and the most sends in any one second. With Telegram's limits (25
// a second) 20,000 messages take 800 s, too long for a benchmark, so:
//
//   - limit25: the real limits, 500 chats (20 s): the achieved rate and
//     the worst second show the limit is kept;
//   - scaled40x: the whole 20,000 with the rate limit raised 40 times
//     (1,000 a second): the sender delivers all of them, each once, at
//     the rate it is given, so at 25 a second the same run takes 800 s.
func BenchmarkBroadcast(b *testing.B) {
	for _, tc := range []struct {
		name  string
		chats int
		perS  float64
	}{{"limit25", 500, 25}, {"scaled40x", 20_000, 1000}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				db := storetest.SQLite(b)
				r := newRig(b, db)
				queueBroadcast(b, r, tc.chats)
				start := time.Now()
				stop := r.run(b, bot.Limits{PerChat: time.Second, PerSec: tc.perS, Workers: 8})
				r.fake.Wait(b, time.Hour, func() bool { return r.fake.Count("sendMessage") >= tc.chats })
				took := time.Since(start)
				stop()
				calls := r.fake.CallsOf("sendMessage")
				seen := map[string]bool{}
				var at []time.Time
				for _, c := range calls {
					if seen[c.Params["chat_id"]] {
						b.Fatalf("chat %s sent twice", c.Params["chat_id"])
					}
					seen[c.Params["chat_id"]] = true
					at = append(at, c.At)
				}
				if len(seen) != tc.chats {
					b.Fatalf("sent to %d chats, want %d", len(seen), tc.chats)
				}
				b.ReportMetric(float64(tc.chats)/took.Seconds(), "msgs/s")
				b.ReportMetric(float64(maxInWindow(at, time.Second)), "max-in-1s")
				b.ReportMetric(took.Seconds(), "s/broadcast")
				b.ReportMetric(float64(20_000)/tc.perS, "s-for-20k-at-limit")
			}
		})
	}
}
