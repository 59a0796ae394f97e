package distribution_test

import (
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/testworld"
)

// sentCode is the code of the last message the recording sender took
// for request id.
func (f *fix) sentCode(t *testing.T, id int64) string {
	t.Helper()
	m, ok := f.phone.Last(id)
	if !ok {
		t.Fatal("no message was sent")
	}
	return m.Args["Code"]
}

func (f *fix) byCode(id int64, code string) distribution.HandoverInput {
	return distribution.HandoverInput{EventID: f.event.ID, RequestID: id, Proof: distribution.Code, Code: code,
		Lines: []distribution.LineInput{{Line: 1}}, Via: "web"}
}

// A code goes to the applicant's phone through the sender in their
// language; only its keyed hash is stored, nowhere its digits; a wrong
// code is refused and counted, the right one hands over once.
func TestHandoverWithACode(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.kit())
		if _, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, "123456")); key(err) != "error.code_none" {
			t.Fatalf("a code before any was sent: %v", err)
		}
		sent, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id)
		must(t, err)
		m, _ := f.phone.Last(id)
		code := f.sentCode(t, id)
		if len(code) != distribution.CodeDigits || m.Channel != requests.SMS || m.Address != "+7 701 555 12 34" ||
			m.Locale != "ru" || m.Key != distribution.CodeMessage || sent.SentTo != "…1234" ||
			!sent.ExpiresAt.Equal(testworld.Epoch().Add(distribution.CodeValidity)) {
			t.Fatalf("sent %+v as %+v", sent, m)
		}
		for _, q := range []string{"SELECT count(*) FROM distribution_codes WHERE hash LIKE '%' || $1 || '%' OR salt LIKE '%' || $1 || '%'",
			"SELECT count(*) FROM outbox WHERE args LIKE '%' || $1 || '%'",
			"SELECT count(*) FROM audit_log WHERE after LIKE '%' || $1 || '%'"} {
			if n := f.scalar(t, q, code); n != 0 {
				t.Fatalf("the code's digits are stored: %s", q)
			}
		}
		before := f.state(t)
		wrong := "000000"
		if code == wrong {
			wrong = "111111"
		}
		if _, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, wrong)); key(err) != "error.code_wrong" ||
			errsOf(err).Fields[0].Args[1] != distribution.CodeAttempts-1 {
			t.Fatalf("a wrong code: %v", err)
		}
		if after := f.state(t); after != before {
			t.Fatalf("a wrong code changed more than its count:\n%s\n%s", before, after)
		}
		fam, err := f.d.Family(f.ctx, f.wh, f.event.ID, id, "", "web")
		must(t, err)
		if fam.Code == nil || fam.Code.Left != distribution.CodeAttempts-1 || fam.Code.SentTo != "…1234" {
			t.Fatalf("pending code %+v", fam.Code)
		}
		h, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, " "+code[:3]+" "+code[3:]))
		must(t, err)
		if !h.Delivered || h.CodeID != sent.ID || h.Proof != distribution.Code {
			t.Fatalf("handover by code %+v", h)
		}
		if _, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, code)); key(err) != "error.handover_done" {
			t.Fatalf("the code used twice: %v", err)
		}
		// A code expires.
		other := f.request(t, "Bolat", f.kit())
		_, err = f.d.SendCode(f.ctx, f.wh, f.event.ID, other)
		must(t, err)
		code = f.sentCode(t, other)
		f.Clock.Advance(distribution.CodeValidity + time.Second)
		if _, err := f.d.HandOver(f.ctx, f.wh, f.byCode(other, code)); key(err) != "error.code_expired" {
			t.Fatalf("an expired code: %v", err)
		}
		// A new code voids the one before.
		_, err = f.d.SendCode(f.ctx, f.wh, f.event.ID, other)
		must(t, err)
		if fresh := f.sentCode(t, other); fresh != code {
			if _, err := f.d.HandOver(f.ctx, f.wh, f.byCode(other, code)); key(err) != "error.code_wrong" {
				t.Fatalf("the code before a new one: %v", err)
			}
		}
		f.verify(t)
	})
}

// Codes are limited: five an hour for one request, and none without a
// phone or a way to send them.
func TestCodeLimits(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.kit())
		for range distribution.CodesPerHour {
			_, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id)
			must(t, err)
		}
		if _, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id); key(err) != "error.code_too_many" {
			t.Fatalf("a sixth code in the hour: %v", err)
		}
		f.Clock.Advance(time.Hour + time.Minute)
		_, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id)
		must(t, err)
		f.scalar(t, "UPDATE requests SET applicant_phone = '' WHERE id = $1 RETURNING id", id)
		if _, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id); key(err) != "error.code_no_phone" {
			t.Fatalf("a code without a phone: %v", err)
		}
		f.d.SetSender(nil)
		if _, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id); key(err) != "error.code_no_channel" {
			t.Fatalf("a code without a sender: %v", err)
		}
		if n := len(f.phone.Messages()); n != distribution.CodesPerHour+1 {
			t.Fatalf("%d messages sent, want %d", n, distribution.CodesPerHour+1)
		}
	})
}

// 100 wrong attempts at once: exactly CodeAttempts are counted and told
// the code is wrong, the rest that it is void, and the right code is
// refused afterwards; nothing was handed over.
func TestParallelWrongCodes(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		id := f.request(t, "Aigerim", f.kit())
		_, err := f.d.SendCode(f.ctx, f.wh, f.event.ID, id)
		must(t, err)
		code := f.sentCode(t, id)
		wrong := "999999"
		if code == wrong {
			wrong = "888888"
		}
		var mu sync.Mutex
		answers := map[string]int{}
		var wg sync.WaitGroup
		for range 100 {
			wg.Go(func() {
				_, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, wrong))
				mu.Lock()
				answers[key(err)]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if answers["error.code_wrong"] != distribution.CodeAttempts-1 || answers["error.code_wrong_void"] != 1 ||
			answers["error.code_void"] != 100-distribution.CodeAttempts || len(answers) != 3 {
			t.Fatalf("answers %v", answers)
		}
		if n := f.scalar(t, "SELECT attempts FROM distribution_codes WHERE request_id = $1", id); n != distribution.CodeAttempts {
			t.Fatalf("%d attempts counted, want %d", n, distribution.CodeAttempts)
		}
		if _, err := f.d.HandOver(f.ctx, f.wh, f.byCode(id, code)); key(err) != "error.code_void" {
			t.Fatalf("the right code after the attempts were spent: %v", err)
		}
		if n := f.scalar(t, "SELECT count(*) FROM handovers"); n != 0 || f.status(t, id) != requests.Allocated {
			t.Fatalf("%d handovers after wrong codes", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_docs WHERE kind = 'issue_person'"); n != 0 {
			t.Fatalf("%d issues after wrong codes", n)
		}
	})
}
