// Package testworld gives a package's tests a populated installation to
// work in: the domain services, wired as the server wires them, over a
// fresh database of each engine, with a fixed clock, a small tree of
// organisations and a user of every role. Tests start from it instead of
// building their own services and fixtures, so they read alike and a
// change to the wiring is made in one place.
//
// Use it with storetest's TestMain, which stops the shared PostgreSQL
// cluster once the package's tests are done:
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
//
//	func TestSomething(t *testing.T) {
//		testworld.Each(t, func(t *testing.T, w *testworld.World) {
//			p := w.Person(t, w.Child("Ахметова", "Мадина", testworld.Day(2015, 3, 1)))
//			...
//		})
//	}
//
// The world imports package services, which imports every domain package.
// A domain package's own tests can therefore use it only from an external
// test package (package people_test, not package people): an internal
// test would make the domain package import itself. Tests of the surfaces
// (api, web, cmd) may use it from either.
//
// The golden subpackage compares a test's output with a file kept under
// testdata, rewritten by go test -update.
package testworld
