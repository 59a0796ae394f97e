package names

import "testing"

// benchNames is a mix of 1,000 names as lists carry them: a third each in
// Cyrillic (Russian and Kazakh), Latin (passport and 2021 Kazakh) and
// Persian, given names and family names, in upper and mixed case.
var benchNames = func() []string {
	var pool []string
	for _, g := range sameName {
		pool = append(pool, g...)
	}
	for _, g := range sameSurname {
		pool = append(pool, g.forms...)
	}
	out := make([]string, 1000)
	for i := range out {
		out[i] = pool[(i*7919)%len(pool)]
	}
	return out
}()

func benchmark(b *testing.B, f func(string) string) {
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(f(benchNames[i%len(benchNames)]))
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
	b.ReportAllocs()
	var buf []byte
	for i := 0; b.Loop(); i++ {
		buf = AppendKey(buf[:0], benchNames[i%len(benchNames)])
	}
}
