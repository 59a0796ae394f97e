package appeals_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/testworld"
)

func TestTheQueueShowsTheNearestDeadlineFirst(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op, coord := w.Services.Appeals, w.Principal(access.Operator), w.Principal(access.Coordinator)
		ctx := t.Context()
		// Five working days for aid, then one for a question, two days later.
		aid, err := s.Create(ctx, op, call(appeals.RequestForAid, "рюкзак"))
		if err != nil {
			t.Fatal(err)
		}
		// Outreach works at the centre: the school's appeals are not theirs.
		in := call(appeals.Question, "x")
		in.AssigneeID = w.Users[access.Outreach].ID
		if _, err := s.Create(ctx, op, in); len(fieldKeys(err)) != 1 || fieldKeys(err)[0] != "assignee error.assignee_scope" {
			t.Fatalf("assigned to outreach: %v", err)
		}
		var qs []appeals.Appeal
		for range 3 {
			in := call(appeals.Question, "когда выдача?")
			in.AssigneeID = coord.UserID
			a, err := s.Create(ctx, op, in)
			if err != nil {
				t.Fatal(err)
			}
			qs = append(qs, a)
		}
		w.Clock.Advance(48 * time.Hour) // Thursday: the questions are overdue
		today, err := s.Today(ctx)
		if err != nil {
			t.Fatal(err)
		}
		list, next, err := s.Queue(ctx, op, appeals.Filter{}, appeals.Page{Limit: 2})
		if err != nil || len(list) != 2 || next == "" || list[0].ID != qs[0].ID || list[1].ID != qs[1].ID || !list[0].Overdue(today) {
			t.Fatalf("first page %+v next %q, %v", list, next, err)
		}
		list, next, err = s.Queue(ctx, op, appeals.Filter{}, appeals.Page{Limit: 2, Cursor: next})
		if err != nil || len(list) != 2 || next != "" || list[0].ID != qs[2].ID || list[1].ID != aid.ID || list[1].Overdue(today) {
			t.Fatalf("second page %+v next %q, %v", list, next, err)
		}
		if list[0].Caller() != "Айгуль" || list[0].Assignee != w.Users[access.Coordinator].Name {
			t.Errorf("caller %q, assignee %q", list[0].Caller(), list[0].Assignee)
		}
		n, err := s.QueueCount(ctx, op, appeals.Filter{})
		if err != nil || n.N != 4 {
			t.Fatalf("count %+v, %v", n, err)
		}
		for _, tc := range []struct {
			name string
			p    access.Principal
			f    appeals.Filter
			want int
		}{
			{"aid only", op, appeals.Filter{Kind: appeals.RequestForAid}, 1},
			{"mine: the operator's", op, appeals.Filter{Mine: true}, 1},
			{"mine: the coordinator's questions", coord, appeals.Filter{Mine: true, Kind: appeals.Question}, 3},
			{"mine: no complaint", coord, appeals.Filter{Mine: true, Kind: appeals.Complaint}, 0},
			{"answered", op, appeals.Filter{Status: appeals.Answered}, 0},
			{"the Tehran coordinator", w.Stranger.Principal(), appeals.Filter{}, 0},
			{"the administrator", w.Principal(access.Admin), appeals.Filter{}, 4},
		} {
			list, _, err := s.Queue(ctx, tc.p, tc.f, appeals.Page{})
			if err != nil || len(list) != tc.want {
				t.Errorf("%s: %d appeals, %v; want %d", tc.name, len(list), err, tc.want)
			}
		}
		if _, _, err := s.Queue(ctx, w.Principal(access.Sponsor), appeals.Filter{}, appeals.Page{}); err == nil {
			t.Error("a sponsor reads the queue")
		}
		if _, err := s.Answer(ctx, op, qs[0].ID, appeals.AnswerInput{Outcome: appeals.Informed, Answer: "Выдача с 10 сентября"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Answer(ctx, op, aid.ID, appeals.AnswerInput{Outcome: appeals.RequestCreated, Close: true}); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx, op, testworld.Day(2026, 9, 1), testworld.Day(2026, 9, 30))
		if err != nil {
			t.Fatal(err)
		}
		want := appeals.Tally{Key: "", Received: 4, Answered: 2, OnTime: 1, Open: 2, Overdue: 2}
		if st.Total != want || len(st.ByKind) != 2 || st.ByKind[0].Key != "question" || st.ByKind[0].Received != 3 ||
			len(st.ByRegion) != 1 || st.ByRegion[0].Key != "KZ-75" || len(st.ByChannel) != 1 || st.Total.OnTimeRate() != 0.5 {
			t.Fatalf("stats %+v", st)
		}
		if st, err := s.Stats(ctx, op, testworld.Day(2026, 10, 1), testworld.Day(2026, 10, 31)); err != nil || st.Total.Received != 0 {
			t.Fatalf("October: %+v, %v", st, err)
		}
	})
}
