package access

// Scope conditions are ranges, not LIKE patterns: "path >= lo AND path < hi"
// uses the B-tree index on both engines (PostgreSQL compares path columns
// in byte order, COLLATE "C", like SQLite).

// top is greater than any text stored after a prefix, so [prefix,
// prefix+top) holds exactly the strings that start with prefix.
const top = "\U0010FFFF"

// Span returns the bounds of the strings that start with prefix: lo <= s
// < hi holds exactly for them. For "" it is every string.
func Span(prefix string) (lo, hi string) { return prefix, prefix + top }

// ScopeArgs are the four bounds of p's organisation and region subtrees,
// in the order every scoped query takes them: org_path >= $1 AND org_path
// < $2 AND region_path >= $3 AND region_path < $4.
func (p Principal) ScopeArgs() []any {
	olo, ohi := Span(p.OrgPath)
	rlo, rhi := Span(p.RegionPath)
	return []any{olo, ohi, rlo, rhi}
}
