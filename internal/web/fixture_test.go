package web_test

import (
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// TestMain runs the tests on SQLite, or on PostgreSQL when asked.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// The shared fixture (package webtest) under the names the tests use.
type (
	fixture  = webtest.Fixture
	response = webtest.Response
)

const password = webtest.Password

func newFixture(t *testing.T) *fixture { return webtest.New(t) }

func must[T any](v T, err error) T { return webtest.Must(v, err) }

func check(t testing.TB, err error) {
	t.Helper()
	webtest.Check(t, err)
}

func itoa(n int64) string { return webtest.Itoa(n) }

func clock() time.Time { return webtest.Clock() }
