package mentorship_test

import (
	"os"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// env is a test world with the mentorship fixture and its principals.
type env struct {
	w                        *testworld.World
	s                        *mentorship.Service
	f                        mentorshiptest.Fixture
	admin, coord, mentor     access.Principal
	other, stranger, auditor access.Principal
	operator                 access.Principal
}

func setup(t *testing.T, w *testworld.World) env {
	f := mentorshiptest.Seed(t, w)
	return env{w: w, s: w.Services.Mentorship, f: f, admin: w.Principal(access.Admin),
		coord: w.Principal(access.Coordinator), mentor: f.MentorUser.Principal(), other: f.OtherUser.Principal(),
		stranger: w.Stranger.Principal(), auditor: w.Principal(access.Auditor), operator: w.Principal(access.Operator)}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantKey fails unless err is a domain error of key, or has a field
// error of key.
func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("error %v, want %s", err, key)
	}
	if e.Key == key {
		return
	}
	for _, f := range e.Fields {
		if f.Key == key {
			return
		}
	}
	t.Fatalf("error %v (%s %+v), want %s", err, e.Key, e.Fields, key)
}

// fieldKeys are err's field errors as "field key".
func fieldKeys(err error) []string {
	e := errs.As(err)
	if e == nil {
		return nil
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+" "+f.Key)
	}
	slices.Sort(out)
	return out
}
