package dedupe_test

import (
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/dedupe"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// scanned is a registry scanned once, with the queue's pair of each
// known duplicate.
func scanned(t *testing.T, w *testworld.World) (*registry, map[string]dedupe.Pair) {
	t.Helper()
	r := newRegistry(t, w)
	if _, err := w.Services.Dedupe.Run(t.Context(), dedupe.ByRequest, 0); err != nil {
		t.Fatal(err)
	}
	byKey := map[pairKey]dedupe.Pair{}
	for _, p := range queue(t, w.Services.Dedupe, access.System) {
		byKey[keyOf(p.A.ID, p.B.ID)] = p
	}
	out := map[string]dedupe.Pair{}
	for _, k := range []string{"latin", "typo", "swap", "omarov"} {
		p, ok := byKey[keyOf(r.id(k), r.id(k+"2"))]
		if !ok {
			t.Fatalf("pair %s not queued", k)
		}
		out[k] = p
	}
	return r, out
}

func inQueue(t *testing.T, w *testworld.World, p access.Principal, id int64) bool {
	t.Helper()
	for _, x := range queue(t, w.Services.Dedupe, p) {
		if x.ID == id {
			return true
		}
	}
	return false
}

func TestNotTheSameIsRememberedAcrossScans(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		_, pairs := scanned(t, w)
		s, coord := w.Services.Dedupe, w.Principal(access.Coordinator)
		om := pairs["omarov"]
		got, err := s.Distinct(t.Context(), coord, om.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != dedupe.Distinct || got.DecidedBy != coord.UserID {
			t.Errorf("decided pair = %+v", got)
		}
		w.Clock.Advance(3600e9)
		sc, err := s.Run(t.Context(), dedupe.ByRequest, 0)
		if err != nil {
			t.Fatal(err)
		}
		if sc.NewPairs != 0 {
			t.Errorf("a second scan of the same registry found %d new pairs", sc.NewPairs)
		}
		if inQueue(t, w, coord, om.ID) {
			t.Error("a pair said to be different people is back in the queue after a scan")
		}
		if !inQueue(t, w, coord, pairs["latin"].ID) {
			t.Error("a pending pair left the queue after a scan")
		}
		r, err := s.Open(t.Context(), coord, om.ID, people.ViaWeb)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != dedupe.Distinct || r.DecidedName != w.Users[access.Coordinator].Name || r.DecidedAt.IsZero() {
			t.Errorf("the decision as remembered: %+v", r.Pair)
		}
		if _, err := s.Merge(t.Context(), coord, om.ID, om.A.ID); errs.CodeOf(err) != errs.Conflict {
			t.Errorf("merging a pair decided = %v, want a conflict", err)
		}
	})
}

func TestMergeThroughTheQueue(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		r, pairs := scanned(t, w)
		s, coord := w.Services.Dedupe, w.Principal(access.Coordinator)
		lp := pairs["latin"]
		m, err := s.Merge(t.Context(), coord, lp.ID, r.id("latin"))
		if err != nil {
			t.Fatal(err)
		}
		if m.KeepID != r.id("latin") || m.DropID != r.id("latin2") {
			t.Errorf("merge = %+v", m)
		}
		if inQueue(t, w, coord, lp.ID) {
			t.Error("a merged pair is still in the queue")
		}
		if _, err := s.Distinct(t.Context(), coord, lp.ID); errs.CodeOf(err) != errs.Conflict {
			t.Errorf("deciding a merged pair again = %v, want a conflict", err)
		}
		w.Clock.Advance(3600e9)
		sc, err := s.Run(t.Context(), dedupe.ByRequest, 0)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Persons != 167 {
			t.Errorf("the scan after a merge read %d persons, want 167", sc.Persons)
		}
		for _, p := range queue(t, s, access.System) {
			if p.A.ID == r.id("latin2") || p.B.ID == r.id("latin2") {
				t.Errorf("the merged record is in a pair of a later scan: %+v", p)
			}
		}
		done, err := s.Open(t.Context(), access.System, lp.ID, people.ViaWeb)
		if err != nil {
			t.Fatal(err)
		}
		if done.Status != dedupe.Merged || done.DecidedBy != coord.UserID {
			t.Errorf("the merged pair: %+v", done.Pair)
		}
		// Undoing the merge puts the pair back as it stood.
		if err := w.Services.People.Unmerge(t.Context(), access.System, m.ID); err != nil {
			t.Fatal(err)
		}
		if !inQueue(t, w, coord, lp.ID) {
			t.Error("the pair of an undone merge is not back in the queue")
		}
	})
}

func TestTwoReviewersDecideOnePair(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		_, pairs := scanned(t, w)
		s := w.Services.Dedupe
		coord, admin := w.Principal(access.Coordinator), w.Principal(access.Admin)
		p := pairs["typo"]
		var wg sync.WaitGroup
		var mergeErr, distinctErr error
		wg.Add(2)
		go func() { defer wg.Done(); _, mergeErr = s.Merge(t.Context(), coord, p.ID, p.A.ID) }()
		go func() { defer wg.Done(); _, distinctErr = s.Distinct(t.Context(), admin, p.ID) }()
		wg.Wait()
		if (mergeErr == nil) == (distinctErr == nil) {
			t.Fatalf("merge: %v, not the same: %v; want exactly one to win", mergeErr, distinctErr)
		}
		lost := errors.Join(mergeErr, distinctErr)
		if e := errs.As(lost); e == nil || e.Code != errs.Conflict || e.Key != "error.duplicate_decided" {
			t.Errorf("the second reviewer got %v, want error.duplicate_decided", lost)
		}
		r, err := s.Open(t.Context(), admin, p.ID, people.ViaAPI)
		if err != nil {
			t.Fatal(err)
		}
		want := dedupe.Merged
		if mergeErr != nil {
			want = dedupe.Distinct
		}
		if r.Status != want {
			t.Errorf("pair status %s, want %s", r.Status, want)
		}
	})
}

func TestQueueScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		r := newRegistry(t, w)
		in := people.Input{LastName: "Akhmetova", FirstName: "Madina", BirthDate: testworld.Day(2015, 3, 1),
			Sex: people.Female, RegionCode: "IR-23", OrgID: w.Tehran.ID}
		tehran := w.Person(t, in)
		s := w.Services.Dedupe
		if _, err := s.Run(t.Context(), dedupe.ByRequest, 0); err != nil {
			t.Fatal(err)
		}
		var cross *dedupe.Pair
		for _, p := range queue(t, s, access.System) {
			if p.B.ID == tehran.ID {
				cross = &p
			}
		}
		if cross == nil {
			t.Fatal("the Tehran record is in no pair for the administrator")
		}
		coord := w.Principal(access.Coordinator)
		for _, p := range queue(t, s, coord) {
			if p.A.ID == tehran.ID || p.B.ID == tehran.ID {
				t.Errorf("the Foundation's coordinator sees a pair with a Tehran record: %+v", p)
			}
		}
		if got := queue(t, s, w.Stranger.Principal()); len(got) != 0 {
			t.Errorf("Tehran's coordinator sees %d pairs with Almaty records", len(got))
		}
		if _, err := s.Open(t.Context(), coord, cross.ID, people.ViaWeb); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("the coordinator opening a pair half outside the scope = %v, want not found", err)
		}
		if _, err := s.Distinct(t.Context(), coord, cross.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Errorf("the coordinator deciding it = %v, want not found", err)
		}
		for _, role := range []access.Role{access.Sponsor, access.Volunteer, access.Mentor, access.Operator} {
			if _, _, err := s.Queue(t.Context(), w.Principal(role), dedupe.Page{}); errs.CodeOf(err) != errs.Forbidden {
				t.Errorf("%s reading the queue = %v, want forbidden", role, err)
			}
		}
		if _, err := s.Ask(t.Context(), w.Principal(access.Volunteer)); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("a volunteer starting a scan = %v, want forbidden", err)
		}
		_ = r
	})
}

func TestOpeningAPairWritesTheAccessLog(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		_, pairs := scanned(t, w)
		p := pairs["swap"]
		coord := w.Principal(access.Coordinator)
		r, err := w.Services.Dedupe.Open(t.Context(), coord, p.ID, people.ViaWeb)
		if err != nil {
			t.Fatal(err)
		}
		agree := map[string]dedupe.Agreement{}
		for _, f := range r.Fields {
			agree[f.Field] = f.Agreement
		}
		if agree[dedupe.FieldBirth] != dedupe.Alike || agree[dedupe.FieldLast] != dedupe.Agree ||
			agree[dedupe.FieldNationalID] != dedupe.Missing {
			t.Errorf("fields of the swapped-date pair: %v", agree)
		}
		for _, id := range []int64{p.A.ID, p.B.ID} {
			n := accessLogged(t, w, coord, id)
			if n != 1 {
				t.Errorf("person %d: %d access log entries for the coordinator, want 1", id, n)
			}
		}
	})
}

// accessLogged counts the access log's entries of person id read by p.
func accessLogged(t *testing.T, w *testworld.World, p access.Principal, id int64) int {
	t.Helper()
	got, _, err := w.Services.Audit.Accesses(t.Context(), access.System, audit.AccessFilter{SubjectKind: audit.KindPerson,
		SubjectID: strconv.FormatInt(id, 10), UserID: p.UserID}, store.Page{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	return len(got)
}
