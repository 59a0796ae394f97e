package deeplink_test

import (
	"errors"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// TestCreateWithinScope makes links to a campaign, a region and an
// organisation of the coordinator's tree, each named in the reader's
// language, and refuses targets that do not exist or lie outside the
// maker's scope as a field error, and makers who may not make links.
func TestCreateWithinScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, co, links := t.Context(), w.Principal(access.Coordinator), w.Services.BotLinks
		c, err := w.Services.Campaigns.Create(ctx, co, campaign.Input{Slug: "road", Programme: campaign.Kits,
			OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 12, 31),
			Texts: []campaign.Text{{Locale: "ru", Name: "Дорога в школу"}, {Locale: "kk", Name: "Мектепке жол"}}, RegionCodes: []string{"KZ-75"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []deeplink.Input{
			{Kind: deeplink.Campaign, TargetID: c.ID, Label: "school posters"},
			{Kind: deeplink.Region, RegionCode: "kz-75"},
			{Kind: deeplink.Organisation, TargetID: w.Centre.ID},
		} {
			l, err := links.Create(ctx, co, in)
			if err != nil {
				t.Fatalf("%s: %v", in.Kind, err)
			}
			if len(l.Key) != deeplink.KeyLen {
				t.Errorf("%s: key %q", in.Kind, l.Key)
			}
		}
		list, next, err := links.List(ctx, co, "kk", store.Page{Limit: 2})
		if err != nil || len(list) != 2 || next == "" {
			t.Fatalf("first page: %d links, next %q, %v", len(list), next, err)
		}
		rest, _, err := links.List(ctx, co, "kk", store.ParsePage(next, "2"))
		if err != nil || len(rest) != 1 || rest[0].Target != "Мектепке жол" || list[0].Target != "Support centre" || list[1].Target != "Алматы" {
			t.Errorf("names: %q %q %v, %v", list[0].Target, list[1].Target, rest, err)
		}
		if n, err := links.Count(ctx, co); err != nil || n.N != 3 {
			t.Errorf("count %+v, %v", n, err)
		}
		// Tehran's coordinator sees none of them, and may not point at them.
		if n, _ := links.Count(ctx, w.Stranger.Principal()); n.N != 0 {
			t.Errorf("a stranger counts %d links", n.N)
		}
		for name, tc := range map[string]struct {
			p  access.Principal
			in deeplink.Input
		}{
			"another tree's campaign": {w.Stranger.Principal(), deeplink.Input{Kind: deeplink.Campaign, TargetID: c.ID}},
			"another tree's region":   {co, deeplink.Input{Kind: deeplink.Region, RegionCode: "IR-23"}},
			"no such region":          {co, deeplink.Input{Kind: deeplink.Region, RegionCode: "XX-99"}},
			"another tree's org":      {co, deeplink.Input{Kind: deeplink.Organisation, TargetID: w.Tehran.ID}},
			"no such event":           {co, deeplink.Input{Kind: deeplink.Event, TargetID: 999}},
			"no such kind":            {co, deeplink.Input{Kind: "person", TargetID: 1}},
		} {
			if e := errs.As(must(links.Create(ctx, tc.p, tc.in))); e == nil || e.Code != errs.Invalid {
				t.Errorf("%s: %v, want a field error", name, e)
			}
		}
		// A school's coordinator sees the Foundation's campaign, organised
		// above them, but may not put it on their posters.
		head := w.User(t, accounts.NewUser{Email: "head@example.org", Name: "School head", Role: access.Coordinator,
			OrgID: w.School.ID, Region: "KZ-75"}).Principal()
		if _, err := w.Services.Campaigns.Get(ctx, head, c.ID); err != nil {
			t.Fatalf("the school's coordinator does not see the campaign: %v", err)
		}
		if e := errs.As(must(links.Create(ctx, head, deeplink.Input{Kind: deeplink.Campaign, TargetID: c.ID}))); e == nil || e.Code != errs.Invalid {
			t.Errorf("a campaign organised above: %v, want a field error", e)
		}
		for _, r := range []access.Role{access.Operator, access.Mentor, access.Sponsor} {
			_, err := links.Create(ctx, w.Principal(r), deeplink.Input{Kind: deeplink.Organisation, TargetID: w.Centre.ID})
			if e := errs.As(err); e == nil || e.Code != errs.Forbidden {
				t.Errorf("%s made a link: %v", r, err)
			}
		}
	})
}

// TestResolveAndDisable finds a link by its key for anyone, tells a
// disabled one from an unknown one, and lets only a maker in scope
// disable it.
func TestResolveAndDisable(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, co, links := t.Context(), w.Principal(access.Coordinator), w.Services.BotLinks
		l, err := links.Create(ctx, co, deeplink.Input{Kind: deeplink.Organisation, TargetID: w.School.ID})
		if err != nil {
			t.Fatal(err)
		}
		got, err := links.Resolve(ctx, w.DB.R, l.Key, "fa")
		if err != nil || got.ID != l.ID || got.Target != "School №1" {
			t.Fatalf("resolve: %+v, %v", got, err)
		}
		for _, key := range []string{"", "short", l.Key + "x", "AAAAAAAAAAAAAAAA", "ÄAAAAAAAAAAAAAA"} {
			if _, err := links.Resolve(ctx, w.DB.R, key, "en"); !errors.Is(err, errs.ErrNotFound) {
				t.Errorf("key %q: %v, want not found", key, err)
			}
		}
		if err := links.Disable(ctx, w.Stranger.Principal(), l.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("a stranger disabled it: %v", err)
		}
		if err := links.Disable(ctx, co, l.ID); err != nil {
			t.Fatal(err)
		}
		if err := links.Disable(ctx, co, l.ID); err != nil {
			t.Errorf("disabling twice: %v", err)
		}
		if _, err := links.Resolve(ctx, w.DB.R, l.Key, "en"); !errors.Is(err, deeplink.ErrDisabled) {
			t.Errorf("a disabled link resolved: %v", err)
		}
		got, err = links.Get(ctx, co, l.ID, "en")
		if err != nil || got.Active || got.Disabled == nil {
			t.Errorf("disabled link reads %+v, %v", got, err)
		}
	})
}

func must[T any](_ T, err error) error { return err }
