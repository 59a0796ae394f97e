package eligibility

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"time"
)

// scored is one request's new result as written: its detail encoded, and
// the digest of everything its explanation says but its place.
type scored struct {
	status Status
	score  int
	region string
	detail []byte
	digest int64
}

// A recalculation writes only the results that changed. It tells them
// apart by a digest kept beside each current result, not by reading a
// million details back: SHA-256 of the result's verdict, score, rank
// region and stored detail, and of what its rule set asks (the ranges and
// codes that DecodeDetail takes from the rules: the same detail under
// other rules explains something else). Its first 64 bits are kept; two
// different results share them with a chance of one in 2⁶⁴.

// rulesDigest is the digest of what rules ask, whatever their version.
func rulesDigest(r Rules) [sha256.Size]byte {
	r.Version = 0
	b, err := json.Marshal(r)
	if err != nil { // Rules hold strings, numbers and maps with integer keys
		panic(err)
	}
	return sha256.Sum256(b)
}

// digestOf is the digest of sc under rules of digest rules; never 0,
// which stands for unknown.
func digestOf(rules [sha256.Size]byte, sc *scored) int64 {
	h := sha256.New()
	h.Write(rules[:])
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(sc.score))
	h.Write(n[:])
	h.Write([]byte(sc.status))
	h.Write([]byte{0})
	h.Write([]byte(sc.region))
	h.Write([]byte{0})
	h.Write(sc.detail)
	var sum [sha256.Size]byte
	d := int64(binary.BigEndian.Uint64(h.Sum(sum[:0])))
	if d == 0 {
		d = 1
	}
	return d
}

// evaluateSubject evaluates one subject with rs (of rules digest rules)
// on day, into its written form.
func evaluateSubject(rs RuleSet, rules [sha256.Size]byte, sb *subject, day time.Time) (Result, scored, error) {
	r := EvaluateItems(rs.Rules, rs.Weights, sb.facts, sb.items, day)
	d, err := EncodeDetail(r)
	if err != nil {
		return Result{}, scored{}, err
	}
	sc := scored{status: r.Status, score: r.Score, region: r.RankRegion, detail: d}
	sc.digest = digestOf(rules, &sc)
	return r, sc, nil
}
