package names

import (
	"strings"
	"testing"
)

// benchNames is a mix of 1,000 names as lists carry them, one field each:
// a third each in Latin (passport, older and 2021 Kazakh spellings),
// Cyrillic (Russian and Kazakh) and Persian, given names and family names
// from the tests' tables, half in capitals.
var benchNames = func() []string {
	var pools [3][]string // Latin, Cyrillic, Persian
	add := func(names ...string) {
		for _, s := range names {
			script := 0
			for _, r := range s {
				switch {
				case r >= 0x400 && r < 0x500:
					script = 1
				case isArabic(r):
					script = 2
				}
			}
			pools[script] = append(pools[script], s)
		}
	}
	for _, g := range sameName {
		add(g...)
	}
	for _, g := range sameSurname {
		add(g.forms...)
	}
	for _, g := range sameFamily {
		add(g...)
	}
	out := make([]string, 1000)
	for i := range out {
		pool := pools[i%3]
		out[i] = pool[(i*7919)%len(pool)]
		if i%2 == 0 {
			out[i] = strings.ToUpper(out[i])
		}
	}
	return out
}()

// benchmark runs f over the mix, reporting besides the wall time the
// processor time per call (cpu-ns/op), which a loaded machine does not
// inflate.
func benchmark(b *testing.B, f func(string) string) {
	b.ReportAllocs()
	n, ops := 0, 0
	cpu := cpuTime()
	for i := 0; b.Loop(); i++ {
		n += len(f(benchNames[i%len(benchNames)]))
		ops++
	}
	if used := cpuTime() - cpu; used > 0 && ops > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(ops), "cpu-ns/op")
	}
	if n < 0 {
		b.Fatal(n)
	}
}

func BenchmarkFold(b *testing.B)    { benchmark(b, Fold) }
func BenchmarkLatin(b *testing.B)   { benchmark(b, Latin) }
func BenchmarkKey(b *testing.B)     { benchmark(b, Key) }
func BenchmarkSurname(b *testing.B) { benchmark(b, Surname) }
func BenchmarkDigits(b *testing.B)  { benchmark(b, Digits) }

// BenchmarkAppendKey is the allocation-free path for callers that keep a
// buffer.
func BenchmarkAppendKey(b *testing.B) {
	var buf []byte
	benchmark(b, func(s string) string {
		buf = AppendKey(buf[:0], s)
		return ""
	})
}

func BenchmarkPatronymic(b *testing.B) { benchmark(b, Patronymic) }
