package guidance_test

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
	fixture = webtest.Fixture
)

const password = webtest.Password

func newFixture(t *testing.T) *fixture { return webtest.New(t) }

func must[T any](v T, err error) T { return webtest.Must(v, err) }

func itoa(n int64) string { return webtest.Itoa(n) }

func day(y int, m time.Month, d int) time.Time { return webtest.Day(y, m, d) }
