package appeals_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// campaignAndRequest writes, as the campaign and requests domains would, an
// open campaign named in Russian and a request of child for it.
func campaignAndRequest(t *testing.T, w *testworld.World, childID int64) (campaign, request int64) {
	t.Helper()
	ctx, db := t.Context(), w.DB
	now := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	q := func(query string, args ...any) int64 {
		var id int64
		if err := db.W.QueryRowContext(ctx, store.Rebind(db.Engine, query), args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return id
	}
	campaign = q(`INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, status, created_at, updated_at)
		VALUES ('road-2026', 'kits', $1, $2, $3, $3, 'open', $4, $4) RETURNING id`, w.Foundation.ID, w.Foundation.Path, now, now)
	q(`INSERT INTO campaign_texts (campaign_id, locale, name) VALUES ($1, 'ru', 'Дорога в школу') RETURNING campaign_id`, campaign)
	request = q(`INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, status, org_path, region_id,
		region_path, submitted_at, updated_at)
		SELECT 'R-2026-000042', $1, $2, 'parent', 'hotline', 'submitted', $3, id, path, $4, $5 FROM regions WHERE code = 'KZ-75'
		RETURNING id`, campaign, childID, w.School.Path, now, now)
	return campaign, request
}

func TestAppealsLinkCampaignsRequestsAndPersons(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op, ctx := w.Services.Appeals, w.Principal(access.Operator), t.Context()
		mother := w.Person(t, w.Child("Серикова", "Алма", testworld.Day(1990, 1, 1)))
		child := w.Person(t, w.Child("Серикова", "Дана", testworld.Day(2015, 3, 1)))
		campaign, request := campaignAndRequest(t, w, child.ID)
		cs, err := s.Campaigns(ctx, op, "ru")
		if err != nil || len(cs) != 1 || cs[0].ID != campaign || cs[0].Name != "Дорога в школу" {
			t.Fatalf("campaigns %+v, %v", cs, err)
		}
		if cs, err := s.Campaigns(ctx, op, "fa"); err != nil || cs[0].Name != "Дорога в школу" {
			t.Fatalf("campaigns in Persian fall back: %+v, %v", cs, err)
		}
		in := appeals.Input{Kind: appeals.Question, Channel: appeals.Hotline, PersonID: mother.ID, Subject: "Где наша заявка?",
			CampaignID: campaign, RequestIDs: []int64{request}}
		a, err := s.Create(ctx, op, in)
		if err != nil || a.RegionCode != "KZ-75" || a.CampaignID != campaign || len(a.Requests) != 1 || a.Requests[0].Label != "R-2026-000042" {
			t.Fatalf("%+v, %v", a, err)
		}
		in.CampaignID, in.RequestIDs = 999999, []int64{999999}
		if _, err := s.Create(ctx, op, in); len(fieldKeys(err)) != 1 || fieldKeys(err)[0] != "requests error.not_found" {
			t.Fatalf("unknown request: %v", err)
		}
		in.RequestIDs = nil
		if _, err := s.Create(ctx, op, in); len(fieldKeys(err)) != 1 || fieldKeys(err)[0] != "campaign error.not_found" {
			t.Fatalf("unknown campaign: %v", err)
		}
		if _, err := s.Link(ctx, op, a.ID, []int64{child.ID, child.ID}, []int64{request}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(ctx, op, a.ID, "web")
		if err != nil || got.Caller() != mother.FullName() || len(got.People) != 1 || got.People[0].Label != child.FullName() || len(got.Requests) != 1 {
			t.Fatalf("get %+v, %v", got, err)
		}
		coord := w.Principal(access.Coordinator)
		if got, err = s.Assign(ctx, op, a.ID, coord.UserID); err != nil || got.AssigneeID != coord.UserID {
			t.Fatalf("assign %+v, %v", got, err)
		}
		if list, _, err := s.Queue(ctx, coord, appeals.Filter{Mine: true}, appeals.Page{}); err != nil || len(list) != 1 {
			t.Fatalf("the coordinator's: %d, %v", len(list), err)
		}
		// A second record of the mother merged into the first takes her appeal.
		twin := w.Person(t, w.Child("Серикова", "Алма", testworld.Day(1990, 1, 1)))
		b, err := s.Create(ctx, op, appeals.Input{Kind: appeals.Complaint, Channel: appeals.Reception, PersonID: twin.ID, Subject: "x"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Services.People.Merge(ctx, access.System, mother.ID, twin.ID); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Get(ctx, op, b.ID, "web"); err != nil || got.PersonID != mother.ID {
			t.Fatalf("after the merge the caller is %d, %v", got.PersonID, err)
		}
	})
}

// validReference is a reference number of the given first eight
// characters that passes requests.ParseReference: its check character
// found by trying each.
func validReference(t *testing.T, payload string) string {
	t.Helper()
	for _, c := range "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
		if ref, err := requests.ParseReference(payload + string(c)); err == nil {
			return ref
		}
	}
	t.Fatalf("no check character makes %s a reference", payload)
	return ""
}

// The desk links a request by the reference number a family reads out,
// typed any way; an unknown number and the number of a request out of
// the operator's reach are the same "not found", and a malformed one says
// so.
func TestAppealsLinkARequestByReference(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, op, ctx := w.Services.Appeals, w.Principal(access.Operator), t.Context()
		child := w.Person(t, w.Child("Серикова", "Дана", testworld.Day(2015, 3, 1)))
		_, request := campaignAndRequest(t, w, child.ID)
		ref := validReference(t, "K7M4Q2P9")
		if _, err := w.DB.W.ExecContext(ctx, store.Rebind(w.DB.Engine, `UPDATE requests SET reference = $1 WHERE id = $2`), ref, request); err != nil {
			t.Fatal(err)
		}
		a, err := s.Create(ctx, op, appeals.Input{Kind: appeals.Question, Channel: appeals.Hotline, CallerName: "Серикова Алма", Subject: "Где наша заявка?", RegionCode: "KZ-75"})
		if err != nil {
			t.Fatal(err)
		}
		typed := strings.ToLower(ref[:3] + " " + ref[3:6] + "-" + ref[6:])
		if a, err = s.LinkReference(ctx, op, a.ID, typed); err != nil || len(a.Requests) != 1 || a.Requests[0].ID != request {
			t.Fatalf("link %q: %+v, %v", typed, a.Requests, err)
		}
		if a, err = s.LinkReference(ctx, op, a.ID, ref); err != nil || len(a.Requests) != 1 {
			t.Fatalf("linked twice: %+v, %v", a.Requests, err)
		}
		if _, err := s.LinkReference(ctx, op, a.ID, validReference(t, "K7M4Q2P8")); strings.Join(fieldKeys(err), ",") != "reference error.not_found" {
			t.Errorf("an unknown reference: %v", err)
		}
		if _, err := s.LinkReference(ctx, op, a.ID, "K7M-4Q2"); strings.Join(fieldKeys(err), ",") != "reference error.reference_invalid" {
			t.Errorf("a short reference: %v", err)
		}
		stranger := w.Stranger.Principal()
		b, err := s.Create(ctx, stranger, appeals.Input{Kind: appeals.Question, Channel: appeals.Hotline, CallerName: "Rezaei", Subject: "?", RegionCode: "IR-23"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.LinkReference(ctx, stranger, b.ID, ref); strings.Join(fieldKeys(err), ",") != "reference error.not_found" {
			t.Errorf("a request out of reach: %v", err)
		}
		if got, err := s.Get(ctx, stranger, b.ID, "web"); err != nil || len(got.Requests) != 0 {
			t.Errorf("the stranger's appeal links %+v, %v", got.Requests, err)
		}
	})
}
