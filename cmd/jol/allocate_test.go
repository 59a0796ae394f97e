package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// allocateDB is a database with an open campaign "road" of an
// organisation in Almaty, one kit in its warehouse and two approved
// requests for one.
func allocateDB(t *testing.T) (string, *store.DB, requeststest.Campaign) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jol.db")
	ctx := t.Context()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	svc, err := services.New(ctx, db, services.Options{})
	if err != nil {
		t.Fatal(err)
	}
	org := must(svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Fund", Type: orgs.Foundation, RegionCode: "KZ-75"}))
	c := requeststest.Open(t, db, time.Now(), "road", org.ID, org.Path, "KZ-75")
	w := must(svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA", Name: "Almaty",
		Kind: stock.Store, OrgID: org.ID, Active: true}))
	donor := must(svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "D", Kind: stock.DonorCompany,
		OrgID: org.ID}))
	must(svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: c.Kit, Quantity: 1}}}))
	for _, name := range []string{"A", "B"} {
		p := must(svc.People.Create(ctx, access.System, childInput(name, org.ID)))
		r := must(svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: c.ID, PersonID: p.ID,
			ApplicantKind: requests.ByParent, Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: c.Kit}}}))
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r = must(svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version}))
		}
	}
	return path, db, c
}

// jol allocate plans a campaign dry, in words and in JSON, commits it,
// and refuses a closed campaign in the operator's language.
func TestAllocateCommand(t *testing.T) {
	path, db, c := allocateDB(t)
	ctx := t.Context()

	code, out, stderr := runCLI(t, "", nil, "allocate", "--db", path, "--campaign", "road", "--dry-run")
	if code != exitOK || !strings.HasPrefix(out, "objective 0: 1 of 2 lines served, 1 waiting") ||
		!strings.Contains(out, "dry run") {
		t.Fatalf("dry run: exit %d, out %q, err %q", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", nil, "allocate", "--db", path, "--campaign", "road", "--dry-run", "--json")
	var got struct {
		Plan struct {
			Objective int64 `json:"objective"`
			Served    int   `json:"served"`
		} `json:"plan"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &got) != nil || got.Plan.Served != 1 {
		t.Fatalf("dry run as JSON: exit %d, out %q", code, out)
	}
	code, out, stderr = runCLI(t, "", nil, "allocate", "--db", path, "--campaign", itoa(c.ID))
	if code != exitOK || !strings.Contains(out, "committed as run") {
		t.Fatalf("commit: exit %d, out %q, err %q", code, out, stderr)
	}
	if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, "UPDATE campaigns SET status = 'closed' WHERE id = $1"),
		c.ID); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "ru"}, "allocate", "--db", path, "--campaign", "road")
	if code != exitError || !strings.Contains(stderr, "Кампания закрыта") {
		t.Fatalf("closed campaign: exit %d, err %q", code, stderr)
	}
}

// childInput is a pupil of organisation org in Almaty.
func childInput(name string, org int64) people.Input {
	return people.Input{LastName: "Child", FirstName: name, BirthDate: time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC),
		RegionCode: "KZ-75", OrgID: org}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// jol allocate's refusals exit non-zero with the reason in the
// operator's language and change nothing: an unknown campaign (by id or
// by slug), a draft (by id or by slug), a closed one, a second commit with nothing left to
// do; its JSON, dry or committed, decodes and carries the objective.
func TestAllocateCommandRefusals(t *testing.T) {
	path, db, c := allocateDB(t)
	ctx := t.Context()
	runs := func() int {
		var n int
		if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM allocation_runs").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	setStatus := func(st string) {
		t.Helper()
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, "UPDATE campaigns SET status = $1 WHERE id = $2"), st,
			c.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		campaign, lang, want string
	}{
		{"999999", "ru", `campaign "999999": Запрошенный объект не найден.`},
		{"no-such-campaign", "fa", `campaign "no-such-campaign": مورد درخواستی پیدا نشد.`},
	} {
		code, out, stderr := runCLI(t, "", map[string]string{"JOL_LANG": tc.lang}, "allocate", "--db", path, "--campaign",
			tc.campaign, "--json")
		if code != exitError || out != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("unknown campaign %s: exit %d, out %q, err %q", tc.campaign, code, out, stderr)
		}
	}
	setStatus("draft")
	code, _, stderr := runCLI(t, "", map[string]string{"JOL_LANG": "fa"}, "allocate", "--db", path, "--campaign",
		itoa(c.ID))
	if code != exitError || !strings.Contains(stderr, "این کمپین پیش\u200cنویس است") {
		t.Errorf("draft campaign: exit %d, err %q", code, stderr)
	}
	// By its slug a draft is found as staff find it, and refused alike.
	code, _, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "fa"}, "allocate", "--db", path, "--campaign", "road")
	if code != exitError || !strings.Contains(stderr, "این کمپین پیش\u200cنویس است") {
		t.Errorf("draft campaign by slug: exit %d, err %q", code, stderr)
	}
	setStatus("closed")
	code, _, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "kk"}, "allocate", "--db", path, "--campaign",
		itoa(c.ID), "--dry-run", "--json")
	if code != exitError || !strings.Contains(stderr, "Науқан жабық") {
		t.Errorf("closed campaign's dry run: exit %d, err %q", code, stderr)
	}
	if n := runs(); n != 0 {
		t.Fatalf("refusals kept %d runs", n)
	}
	setStatus("open")

	var got struct {
		Plan *struct {
			Objective *int64 `json:"objective"`
			Served    int    `json:"served"`
			Digest    string `json:"digest"`
		} `json:"plan"`
		Run *struct {
			ID        int64 `json:"id"`
			Committed bool  `json:"committed"`
			Objective int64 `json:"objective"`
		} `json:"run"`
	}
	code, out, stderr := runCLI(t, "", nil, "allocate", "--db", path, "--campaign", "road", "--json")
	if code != exitOK || json.Unmarshal([]byte(out), &got) != nil || got.Plan == nil || got.Plan.Objective == nil ||
		got.Plan.Served != 1 || got.Run == nil || !got.Run.Committed || got.Run.Objective != *got.Plan.Objective {
		t.Fatalf("commit as JSON: exit %d, out %q, err %q", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "", map[string]string{"JOL_LANG": "fr"}, "allocate", "--db", path, "--campaign", "road")
	if code != exitError || out != "" || !strings.Contains(stderr, "Rien à valider") {
		t.Errorf("a second commit with nothing to do: exit %d, out %q, err %q", code, out, stderr)
	}
	if n := runs(); n != 1 {
		t.Fatalf("%d runs kept, want the one commit", n)
	}
}
