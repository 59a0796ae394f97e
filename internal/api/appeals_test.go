package api

import (
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestAppealsThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		op := f.token[access.Operator]
		if w := f.do(t, "POST", "/api/v1/appeals", op, map[string]any{"kind": "question", "channel": "hotline"}); w.Code != 422 {
			t.Fatalf("no caller, no subject: %d %s", w.Code, w.Body)
		}
		w := f.do(t, "POST", "/api/v1/appeals", op, map[string]any{"kind": "complaint", "channel": "reception",
			"caller_name": "Гульнара", "subject": "The kit was not delivered", "region_code": "KZ-75"})
		made := decodeAs[appeals.Appeal](t, w)
		if w.Code != 201 || w.Header().Get("Location") != fmt.Sprintf("/api/v1/appeals/%d", made.ID) ||
			!made.DueOn.Equal(time.Date(2026, 9, 4, 0, 0, 0, 0, time.UTC)) || made.Status != "open" {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", "/api/v1/appeals?kind=complaint", op, nil)
		if l := decodeAs[list[appeals.Appeal]](t, w); w.Code != 200 || len(l.Items) != 1 || l.Items[0].ID != made.ID {
			t.Fatalf("list: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", "/api/v1/appeals?status=lost", op, nil); w.Code != 422 {
			t.Fatalf("bad status: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", fmt.Sprintf("/api/v1/appeals/%d", made.ID), f.token[access.Sponsor], nil); w.Code != 403 {
			t.Fatalf("a sponsor reads an appeal: %d", w.Code)
		}
		path := fmt.Sprintf("/api/v1/appeals/%d/answer", made.ID)
		if w = f.do(t, "POST", path, op, map[string]any{"outcome": "resolved", "answer": "Delivered today", "version": 9}); w.Code != 409 {
			t.Fatalf("stale version: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", path, op, map[string]any{"outcome": "resolved", "answer": "Delivered today", "version": made.Version})
		if got := decodeAs[appeals.Appeal](t, w); w.Code != 200 || got.Status != "answered" || !got.OnTime() {
			t.Fatalf("answer: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", "/api/v1/appeals/stats?from=2026-09-01&to=2026-09-30", f.token[access.Auditor], nil)
		if got := decodeAs[statsOut](t, w); w.Code != 200 || got.Total.Received != 1 || got.OnTimeRate != 1 {
			t.Fatalf("stats: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", "/api/v1/appeals/stats?from=1.9.2026", op, nil); w.Code != 422 {
			t.Fatalf("bad dates: %d %s", w.Code, w.Body)
		}
	})
}
