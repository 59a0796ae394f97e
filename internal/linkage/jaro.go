package linkage

// jaroWinkler returns the Jaro–Winkler similarity of two byte strings,
// from 0 (nothing in common) to 1 (equal), with the usual prefix scale
// 0.1 over at most four leading bytes. The names compared are the ASCII
// Latin forms, so bytes are letters.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) > 64 {
		a, b = a[:min(len(a), 64)], b[:64]
	}
	var ma, mb [64]bool
	window := max(len(b)/2-1, 0)
	matches := 0
	for i := 0; i < len(a); i++ {
		lo, hi := max(i-window, 0), min(i+window+1, len(b))
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	half, j := 0, 0
	for i := 0; i < len(a); i++ {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if a[i] != b[j] {
			half++
		}
		j++
	}
	m := float64(matches)
	sim := (m/float64(len(a)) + m/float64(len(b)) + (m-float64(half/2))/m) / 3
	prefix := 0
	for prefix < min(4, len(a)) && a[prefix] == b[prefix] {
		prefix++
	}
	return sim + float64(prefix)*0.1*(1-sim)
}

// editDistance returns the optimal-string-alignment distance of a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// bytes), or limit+1 as soon as it is known to exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if len(b) > 62 {
		return limit + 1
	}
	var rows [3][64]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
