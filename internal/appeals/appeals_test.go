package appeals_test

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/workdays"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var day = testworld.Day

// call is a hotline question from an unknown caller in Almaty.
func call(kind appeals.Kind, subject string) appeals.Input {
	return appeals.Input{Kind: kind, Channel: appeals.Hotline, CallerName: "Айгуль", CallerPhone: "+7 701 123 45 67",
		Subject: subject, RegionCode: "KZ-75"}
}

func fieldKeys(err error) []string {
	var out []string
	if e := errs.As(err); e != nil {
		for _, f := range e.Fields {
			out = append(out, f.Field+" "+f.Key)
		}
	}
	return out
}

// The world's clock stands at Tuesday 1 September 2026, 13:00 in Almaty.
func TestDeadlinesCountWorkingDays(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op := w.Services.Appeals, w.Principal(access.Operator)
		for _, tc := range []struct {
			kind appeals.Kind
			due  time.Time
		}{
			{appeals.Question, day(2026, 9, 2)},
			{appeals.OutOfSchoolReport, day(2026, 9, 3)},
			{appeals.Complaint, day(2026, 9, 4)},
			{appeals.RequestForAid, day(2026, 9, 8)}, // over the weekend
		} {
			a, err := s.Create(t.Context(), op, call(tc.kind, "subject"))
			if err != nil {
				t.Fatal(err)
			}
			if !a.DueOn.Equal(tc.due) || a.Status != appeals.Open || a.AssigneeID != op.UserID || a.RegionCode != "KZ-75" {
				t.Errorf("%s: due %s, %+v", tc.kind, a.DueOn.Format(time.DateOnly), a)
			}
		}
		// The administrator gives complaints 1 day and adds a holiday on
		// Wednesday 2 September: a complaint is then due on Thursday.
		admin := w.Principal(access.Admin)
		if err := s.SetDeadlines(t.Context(), op, map[appeals.Kind]int{appeals.Complaint: 1}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator sets deadlines: %v", err)
		}
		if err := s.SetDeadlines(t.Context(), admin, map[appeals.Kind]int{appeals.Complaint: 0}); len(fieldKeys(err)) != 1 {
			t.Fatalf("zero days: %v", err)
		}
		if err := s.SetDeadlines(t.Context(), admin, map[appeals.Kind]int{appeals.Complaint: 1}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetCalendarDay(t.Context(), admin, "KZ", workdays.Exception{Day: day(2026, 9, 2)}); len(fieldKeys(err)) != 1 {
			t.Fatalf("a day off without a name: %v", err)
		}
		if err := s.SetCalendarDay(t.Context(), admin, "KZ", workdays.Exception{Day: day(2026, 9, 2), Name: "Day off"}); err != nil {
			t.Fatal(err)
		}
		a, err := s.Create(t.Context(), op, call(appeals.Complaint, "late bus"))
		if err != nil || !a.DueOn.Equal(day(2026, 9, 3)) || a.WorkingDays != 1 {
			t.Fatalf("complaint after the changes: %+v, %v", a, err)
		}
		days, err := s.CalendarDays(t.Context(), op, "KZ")
		if err != nil || len(days) != 1 || days[0].Name != "Day off" || !days[0].Day.Equal(day(2026, 9, 2)) {
			t.Fatalf("calendar days %+v, %v", days, err)
		}
		if err := s.RemoveCalendarDay(t.Context(), admin, "KZ", day(2026, 9, 2)); err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveCalendarDay(t.Context(), admin, "KZ", day(2026, 9, 2)); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("removed twice: %v", err)
		}
		ds, err := s.Deadlines(t.Context(), op)
		if err != nil || ds[appeals.Complaint] != 1 || ds[appeals.Question] != 1 || ds[appeals.RequestForAid] != 5 {
			t.Fatalf("deadlines %v, %v", ds, err)
		}
	})
}

func TestBadAppealsAreRefused(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op := w.Services.Appeals, w.Principal(access.Operator)
		bad := appeals.Input{Kind: "gossip", Channel: "pigeon", CallerPhone: "12", RegionCode: "IR-23"}
		_, err := s.Create(t.Context(), op, bad)
		got := fieldKeys(err)
		want := []string{"kind error.invalid_choice_of", "channel error.invalid_choice_of", "caller_name error.appeal_caller",
			"caller_phone error.invalid_phone", "subject error.required", "region error.region_out_of_scope"}
		if len(got) != len(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("field %d: %s, want %s", i, got[i], want[i])
			}
		}
		in := call(appeals.Question, "x")
		in.PersonID = 999999
		_, err = s.Create(t.Context(), op, in)
		if keys := fieldKeys(err); len(keys) != 1 || keys[0] != "person error.not_found" {
			t.Errorf("unknown caller: %v", keys)
		}
		if _, err := s.Create(t.Context(), w.Principal(access.Auditor), call(appeals.Question, "x")); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("an auditor records an appeal: %v", err)
		}
	})
}

func TestAnsweringAndTheLogs(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op := w.Services.Appeals, w.Principal(access.Operator)
		child := w.Person(t, w.Child("Серикова", "Дана", day(2015, 3, 1)))
		in := call(appeals.OutOfSchoolReport, "Дана не ходит в школу")
		in.PersonIDs = []int64{child.ID}
		a, err := s.Create(t.Context(), op, in)
		if err != nil || len(a.People) != 1 || a.People[0].Label != child.FullName() {
			t.Fatalf("%+v, %v", a, err)
		}
		got, err := s.Get(t.Context(), op, a.ID, "web")
		if err != nil || len(got.People) != 1 || got.People[0].ID != child.ID {
			t.Fatalf("get: %+v, %v", got, err)
		}
		n, err := w.Services.Audit.AccessesCount(t.Context(), access.System, audit.AccessFilter{SubjectKind: "appeal"})
		if err != nil || n.N != 1 {
			t.Fatalf("access log: %+v, %v", n, err)
		}
		if _, err := s.Get(t.Context(), w.Stranger.Principal(), a.ID, "web"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a stranger reads it: %v", err)
		}
		if _, err := s.Answer(t.Context(), op, a.ID, appeals.AnswerInput{Outcome: appeals.Referred}); len(fieldKeys(err)) != 1 {
			t.Fatalf("an answer without text: %v", err)
		}
		// Answered a day late: 3 September for 2 September... due on the 3rd,
		// answered on the 4th.
		w.Clock.Set(time.Date(2026, 9, 4, 5, 0, 0, 0, time.UTC))
		stale := a.Version
		ans, err := s.Answer(t.Context(), op, a.ID, appeals.AnswerInput{Outcome: appeals.Referred, Answer: "Передано в отдел образования", Version: stale})
		if err != nil || ans.Status != appeals.Answered || ans.OnTime() || !ans.AnsweredOn.Equal(day(2026, 9, 4)) {
			t.Fatalf("answer: %+v, %v", ans, err)
		}
		if _, err := s.Answer(t.Context(), op, a.ID, appeals.AnswerInput{Outcome: appeals.Informed, Answer: "again", Version: stale}); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("a second answer: %v", err)
		}
		if _, err := s.Close(t.Context(), op, a.ID, stale); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("closed at a stale version: %v", err)
		}
		closed, err := s.Close(t.Context(), op, a.ID, ans.Version)
		if err != nil || closed.Status != appeals.Closed {
			t.Fatalf("close: %+v, %v", closed, err)
		}
		changes, _, err := w.Services.Audit.Changes(t.Context(), access.System, audit.Filter{Entity: "appeal"}, store.Page{})
		if err != nil || len(changes) != 3 {
			t.Fatalf("change log: %d entries, %v", len(changes), err)
		}
	})
}

func TestACallWrittenDownLater(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op := w.Services.Appeals, w.Principal(access.Operator)
		in := call(appeals.Complaint, "written in the reception's log")
		in.ReceivedAt = time.Date(2026, 8, 27, 6, 0, 0, 0, time.UTC) // Thursday
		a, err := s.Create(t.Context(), op, in)
		// Fri 28, (Mon 31 August is a day off), Tue 1, Wed 2 September.
		if err != nil || !a.DueOn.Equal(day(2026, 9, 2)) || !a.ReceivedAt.Equal(in.ReceivedAt) {
			t.Fatalf("%+v, %v", a, err)
		}
		for _, at := range []time.Time{w.Clock.Now().Add(time.Hour), w.Clock.Now().AddDate(0, -2, 0)} {
			in.ReceivedAt = at
			if _, err := s.Create(t.Context(), op, in); len(fieldKeys(err)) != 1 || fieldKeys(err)[0] != "received_at error.received_at" {
				t.Errorf("received at %s: %v", at, err)
			}
		}
		early := appeals.AnswerInput{Outcome: appeals.Resolved, Answer: "ok", AnsweredAt: a.ReceivedAt.AddDate(0, 0, -1)}
		if _, err := s.Answer(t.Context(), op, a.ID, early); len(fieldKeys(err)) != 1 {
			t.Fatalf("answered before it came: %v", err)
		}
		ans, err := s.Answer(t.Context(), op, a.ID, appeals.AnswerInput{Outcome: appeals.Resolved, Answer: "ok",
			AnsweredAt: time.Date(2026, 8, 28, 9, 0, 0, 0, time.UTC)})
		if err != nil || !ans.AnsweredOn.Equal(day(2026, 8, 28)) || !ans.OnTime() {
			t.Fatalf("answered on the 28th: %+v, %v", ans, err)
		}
	})
}
