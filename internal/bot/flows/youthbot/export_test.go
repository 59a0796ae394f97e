package youthbot

import "github.com/jolproject/jol/internal/store"

// ChangedQuery is the query a pass after the first finds the young people
// with something new by, as bound for engine e.
func ChangedQuery(e store.Engine) string {
	f, err := newFlows(nil)
	if err != nil {
		panic(err)
	}
	return f.q[e].Changed
}
