package main

import (
	"strings"
	"testing"
)

// Every part of every Persian name has a Latin spelling, and every name
// table is free of repeats that would tilt its weights.
func TestNameTables(t *testing.T) {
	ps := newPools()
	for _, list := range [][]string{ps.faMale.names, ps.faFemale.names, ps.faFather.names, ps.faSurname.names, faTwinNames()} {
		for _, name := range list {
			for _, p := range strings.Split(name, "+") {
				if faParts[p] == nil && faSurnameSuffixes[p] == nil {
					t.Errorf("%q in %q has no Latin spelling", p, name)
				}
			}
		}
	}
	for _, list := range [][]string{ps.kzMale.names, ps.kzFemale.names, ps.kzSurname.names, ps.ruMale.names,
		ps.ruFemale.names, ps.ruSurname.names, ps.faMale.names, ps.faFemale.names, ps.faSurname.names} {
		seen := map[string]bool{}
		for _, n := range list {
			if seen[n] {
				t.Errorf("%q twice in one list", n)
			}
			seen[n] = true
		}
	}
}

func faTwinNames() []string {
	var out []string
	for _, p := range faTwins {
		out = append(out, p.a, p.b)
	}
	for _, n := range faNicknames {
		out = append(out, n)
	}
	return out
}
