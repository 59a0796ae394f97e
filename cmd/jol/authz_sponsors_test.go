package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
)

// sponsorIDs are the records the sponsors' routes are asked about.
type sponsorIDs struct{ sponsor, receipt, pledge int64 }

// sponsorRecords records a sponsor of the caller's organisation (fund for
// a caller bound to none) with a cash gift and a pledge; for the sponsor
// login, its own sponsor (the demo links it to Dala Trade) instead, so
// its portal routes ask about its own receipt.
func sponsorRecords(t *testing.T, s *testServer, c *caller, fund int64) sponsorIDs {
	t.Helper()
	ctx, p := context.Background(), access.System
	orgID := c.orgID
	if orgID == 0 {
		orgID = fund
	}
	var sp sponsors.Sponsor
	var err error
	if c.local == "sponsor" {
		sp, err = s.app.Sponsors.Mine(ctx, access.Principal{UserID: c.userID, Role: access.Sponsor})
	} else {
		sp, err = s.app.Sponsors.Create(ctx, p, sponsors.Input{Name: "Authz sponsor " + c.local,
			Kind: stock.DonorCompany, OrgID: orgID})
	}
	if err != nil {
		t.Fatal(err)
	}
	return giftAndPledge(t, s, sp.ID)
}

// giftAndPledge records a cash gift and a money pledge of sponsor id.
func giftAndPledge(t *testing.T, s *testServer, id int64) sponsorIDs {
	t.Helper()
	ctx, p := context.Background(), access.System
	g, err := s.app.Sponsors.RecordGift(ctx, p, sponsors.GiftInput{SponsorID: id, Amount: 100000,
		Currency: sponsors.KZT, GivenOn: time.Now(), Method: sponsors.Cash})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := s.app.Sponsors.Pledge(ctx, p, sponsors.PledgeInput{SponsorID: id, Kind: sponsors.Money, Amount: 500000,
		Currency: sponsors.KZT, MadeOn: time.Now(), DueOn: time.Now().AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return sponsorIDs{sponsor: id, receipt: g.ReceiptID, pledge: pl.ID}
}

// sponsorPath puts ids into a sponsors' route, or answers false when the
// route is not one of theirs.
func sponsorPath(path string, ids sponsorIDs) (string, bool) {
	rest := strings.TrimPrefix(path, "/api/v1")
	var id int64
	switch {
	case strings.Contains(rest, "/receipts/{id}"):
		id = ids.receipt
	case strings.HasPrefix(rest, "/sponsors/{id}"):
		id = ids.sponsor
	case strings.HasPrefix(rest, "/pledges/{id}"):
		id = ids.pledge
	default:
		return path, false
	}
	return strings.Replace(path, "{id}", strconv.FormatInt(id, 10), 1), true
}

// Records outside the caller's reach are not found: a coordinator of the
// foundation asking for the Tehran charity's sponsor, and the sponsor
// login asking for another sponsor's receipt, on every surface.
func TestSponsorRoutesOutsideScope(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	coord, sponsor := s.caller(t, "coordinator"), s.caller(t, "sponsor")
	persian := mustUser(t, s, "coordinator.ir")
	other, err := s.app.Sponsors.Create(ctx, access.System, sponsors.Input{Name: "بنیاد نور", Kind: stock.DonorCompany,
		OrgID: persian.orgID})
	if err != nil {
		t.Fatal(err)
	}
	theirs := giftAndPledge(t, s, other.ID)
	mine := sponsorRecords(t, s, sponsor, 0)
	cases := []struct {
		c      *caller
		path   string
		status int
	}{
		{coord, "/sponsors/{id}", http.StatusNotFound},
		{coord, "/sponsors/receipts/{id}", http.StatusNotFound},
		{coord, "/sponsors/receipts/{id}/pdf", http.StatusNotFound},
		{coord, "/api/v1/sponsors/{id}", http.StatusNotFound},
		{coord, "/api/v1/receipts/{id}/pdf", http.StatusNotFound},
		{sponsor, "/giving/receipts/{id}", http.StatusNotFound},
		{sponsor, "/giving/receipts/{id}/pdf", http.StatusNotFound},
		{sponsor, "/api/v1/my/receipts/{id}/pdf", http.StatusNotFound},
	}
	for _, tc := range cases {
		path, _ := sponsorPath(tc.path, theirs)
		if got := tc.c.do(t, s.url, "GET", path); got != tc.status {
			t.Errorf("%s: GET %s = %d, want %d", tc.c.local, path, got, tc.status)
		}
	}
	// Inside their reach the same routes answer.
	path, _ := sponsorPath("/giving/receipts/{id}/pdf", mine)
	if got := sponsor.do(t, s.url, "GET", path); got != http.StatusOK {
		t.Errorf("sponsor: GET %s = %d, want 200", path, got)
	}
	path, _ = sponsorPath("/sponsors/receipts/{id}/pdf", mine)
	if got := coord.do(t, s.url, "GET", path); got != http.StatusOK {
		t.Errorf("coordinator: GET %s = %d, want 200", path, got)
	}
}
