package campaign_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

func TestCreateReadAndUpdateWithVersions(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		c := must(s.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1), 3500)))
		if c.Status != campaign.Draft || c.Version != 1 || c.Organiser != "Foundation" || len(c.Items) != 1 ||
			c.Items[0].Code != "primary_kit" || c.Items[0].Target != 3500 || len(c.Regions) != 1 || c.Regions[0].Code != "KZ-75" {
			t.Fatalf("created %+v", c)
		}
		if got := c.Text("fa").Slogan; got != "از دل به دل" {
			t.Errorf("Persian slogan %q", got)
		}
		if got := c.Text("kk").Name; got != "Road to School" {
			t.Errorf("Kazakh falls back to %q, want the English name (no organiser language)", got)
		}
		if len(c.Hotlines()) != 1 || c.Receptions()[0].Hours != "Mon–Fri 9–18" || c.Partners[0].Name != "School №1" {
			t.Errorf("contacts and partners %+v %+v", c.Contacts, c.Partners)
		}
		if len(c.Targets) != 1 || c.Targets[0].RegionCode != "KZ-75" || c.Targets[0].Target != 3500 {
			t.Errorf("region targets %+v", c.Targets)
		}
		in := road(w, "road-2026", day(2026, 7, 1), 4000)
		up := must(s.Update(ctx, coord(w), c.ID, c.Version, in))
		if up.Version != 2 || up.Items[0].Target != 4000 {
			t.Fatalf("updated %+v", up)
		}
		// A second editor who read version 1 is told, and nothing changes.
		in.Items[0].Target = 1
		_, err := s.Update(ctx, coord(w), c.ID, c.Version, in)
		if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.campaign_changed" {
			t.Fatalf("stale update: %v", err)
		}
		if again := must(s.Get(ctx, coord(w), c.ID)); again.Items[0].Target != 4000 || again.Version != 2 {
			t.Errorf("after the refused update %+v", again.Items)
		}
		if n := must(w.Services.Audit.ChangesCount(ctx, access.System, audit.Filter{Entity: "campaign"})); n.N != 2 {
			t.Errorf("%d change-log entries, want create and update", n.N)
		}
	})
}

func TestBadInputIsRefusedField(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		must(s.Create(ctx, coord(w), road(w, "taken", day(2026, 7, 1), 10)))
		tests := []struct {
			field, key string
			edit       func(*campaign.Input)
		}{
			{"slug", "error.slug_invalid", func(in *campaign.Input) { in.Slug = "Road to school!" }},
			{"slug", "error.slug_taken", func(in *campaign.Input) { in.Slug = "taken" }},
			{"ends_on", "error.ends_before_start", func(in *campaign.Input) { in.EndsOn = day(2026, 6, 1) }},
			{"apply_until", "error.apply_until_range", func(in *campaign.Input) { in.ApplyUntil = day(2027, 1, 1) }},
			{"regions", "error.unknown_region", func(in *campaign.Input) { in.RegionCodes = []string{"XX-99"} }},
			{"targets", "error.region_not_covered", func(in *campaign.Input) { in.Targets[0].RegionCode = "KZ-71" }},
			{"targets", "error.target_not_offered", func(in *campaign.Input) { in.Targets[0].ItemCode = "laptop" }},
			{"items", "error.unknown_item", func(in *campaign.Input) { in.Items[0].Code = "rocket" }},
			{"contacts", "error.hotline_phone", func(in *campaign.Input) { in.Contacts[0].Phone = "call us" }},
			{"currency", "error.currency_invalid", func(in *campaign.Input) { in.Currency = "tenge" }},
			{"organiser_id", "error.org_out_of_scope", func(in *campaign.Input) { in.OrganiserID = w.Tehran.ID }},
			{"texts", "error.campaign_name_required", func(in *campaign.Input) { in.Texts = nil }},
		}
		for _, tc := range tests {
			in := road(w, "fresh", day(2026, 7, 1), 10)
			tc.edit(&in)
			_, err := s.Create(ctx, coord(w), in)
			if got := fieldErr(err, tc.field); got != tc.key {
				t.Errorf("%s: field %s = %q, want %q (%v)", tc.key, tc.field, got, tc.key, err)
			}
		}
		if n := len(must(s.List(ctx, coord(w), campaign.Filter{}))); n != 1 {
			t.Errorf("%d campaigns after refused creations, want 1", n)
		}
	})
}

func TestStatusMovesOnlyWhereItMakesSense(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		in := road(w, "road", day(2026, 7, 1), 10)
		in.Items, in.Targets = nil, nil
		c := must(s.Create(ctx, coord(w), in))
		if _, err := s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open); errs.As(err) == nil || errs.As(err).Key != "error.campaign_incomplete" {
			t.Fatalf("opening a campaign that offers nothing: %v", err)
		}
		if _, err := s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Reported); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("reporting a draft: %v", err)
		}
		c = must(s.Update(ctx, coord(w), c.ID, c.Version, road(w, "road", day(2026, 7, 1), 10)))
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		if _, err := s.Transition(ctx, coord(w), c.ID, c.Version-1, campaign.Closed); errs.As(err) == nil || errs.As(err).Key != "error.campaign_changed" {
			t.Fatalf("a transition from a stale version: %v", err)
		}
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Closed))
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Closed))
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Reported))
		for _, to := range campaign.Statuses() {
			if _, err := s.Transition(ctx, coord(w), c.ID, c.Version, to); errs.CodeOf(err) != errs.Conflict {
				t.Errorf("reported → %s: %v", to, err)
			}
		}
		if _, err := s.Update(ctx, coord(w), c.ID, c.Version, road(w, "road", day(2026, 7, 1), 10)); errs.As(err) == nil || errs.As(err).Key != "error.campaign_reported" {
			t.Errorf("editing a reported campaign: %v", err)
		}
		if got := must(s.Get(ctx, coord(w), c.ID)); got.Status != campaign.Reported || got.Version != 7 {
			t.Errorf("after the moves: %s v%d", got.Status, got.Version)
		}
	})
}

func TestScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		c := must(s.Create(ctx, coord(w), road(w, "road", day(2026, 7, 1), 10)))
		// The operator of a school under the Foundation, in Almaty, sees
		// the Foundation's campaign that covers Almaty, and may not change it.
		op := w.Principal(access.Operator)
		if got := must(s.List(ctx, op, campaign.Filter{})); len(got) != 1 || got[0].ID != c.ID {
			t.Errorf("operator's list %+v", got)
		}
		must(s.Get(ctx, op, c.ID))
		if _, err := s.Transition(ctx, op, c.ID, c.Version, campaign.Open); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("operator opening: %v", err)
		}
		// Tehran's coordinator neither sees it nor learns it exists.
		stranger := w.Stranger.Principal()
		if got := must(s.List(ctx, stranger, campaign.Filter{})); len(got) != 0 {
			t.Errorf("stranger's list %+v", got)
		}
		if _, err := s.Get(ctx, stranger, c.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("stranger's get: %v", err)
		}
		if _, err := s.Update(ctx, stranger, c.ID, c.Version, road(w, "road", day(2026, 7, 1), 1)); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("stranger's update: %v", err)
		}
		if _, err := s.List(ctx, w.Principal(access.Sponsor), campaign.Filter{}); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("sponsor's list: %v", err)
		}
		// A campaign covering only Astana is not the Almaty operator's.
		in := road(w, "astana", day(2026, 7, 1), 10)
		in.RegionCodes, in.Targets, in.Contacts = []string{"KZ-71"}, nil, nil
		must(s.Create(ctx, coord(w), in))
		if got := must(s.List(ctx, op, campaign.Filter{})); len(got) != 1 {
			t.Errorf("operator sees %d campaigns, want only Almaty's", len(got))
		}
		if got := must(s.List(ctx, coord(w), campaign.Filter{Programme: campaign.Kits})); len(got) != 2 {
			t.Errorf("coordinator sees %d campaigns, want 2", len(got))
		}
	})
}

func TestPublicShowsNoDraft(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		c := must(s.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1), 10)))
		if _, err := s.Public(ctx, "road-2026"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a draft in public: %v", err)
		}
		must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		got := must(s.Public(ctx, " Road-2026 "))
		if got.ID != c.ID || !got.Taking(day(2026, 7, 1)) || got.Taking(day(2026, 10, 1)) {
			t.Errorf("public %+v", got)
		}
	})
}

// Two editors save the version they both read at the same moment: one
// wins, the other is told, on either engine's locking.
func TestConcurrentEditorsOneWins(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		c := must(s.Create(ctx, coord(w), road(w, "road", day(2026, 7, 1), 10)))
		errc := make(chan error, 2)
		for _, target := range []int{100, 200} {
			go func() {
				_, err := s.Update(ctx, coord(w), c.ID, c.Version, road(w, "road", day(2026, 7, 1), target))
				errc <- err
			}()
		}
		var won, told int
		for range 2 {
			switch err := <-errc; {
			case err == nil:
				won++
			case errs.As(err) != nil && errs.As(err).Key == "error.campaign_changed":
				told++
			default:
				t.Errorf("unexpected: %v", err)
			}
		}
		if won != 1 || told != 1 {
			t.Errorf("%d won and %d were told, want one each", won, told)
		}
		if got := must(s.Get(ctx, coord(w), c.ID)); got.Version != 2 {
			t.Errorf("version %d after one save", got.Version)
		}
	})
}
