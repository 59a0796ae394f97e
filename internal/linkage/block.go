package linkage

import (
	"slices"
)

// Blocking rules. A pair of records is compared when any one of these
// keys agrees, so one wrong field does not hide a person:
//
//	last name key + birth date (day and month in either order)
//	first name key + birth date (day and month in either order)
//	national ID
//	first and last name keys (in either order)
//	birth date + region key
const (
	ruleLastDate = iota + 1
	ruleFirstDate
	ruleNatID
	ruleNames
	ruleDateRegion
)

// maxBlock is the most records one key may gather on the indexed side.
// A bigger block (a very common name with no date, say) would cost
// comparisons out of proportion to what it finds; it is skipped, and the
// other keys still find the pairs in it.
const maxBlock = 400

// blockKeys appends the blocking keys of record i to dst.
func blockKeys(d *Dataset, i int, dst []uint64) []uint64 {
	r := &d.Records[i]
	f := d.Lex.forms
	last, first := f[r.Last].key, f[r.First].key
	if r.Birth != 0 {
		y, m, dd := r.Birth.Parts()
		date := uint64(y*10000 + min(m, dd)*100 + max(m, dd))
		if last != 0 {
			dst = append(dst, mix(ruleLastDate, uint64(last), date))
		}
		if first != 0 {
			dst = append(dst, mix(ruleFirstDate, uint64(first), date))
		}
		if reg := f[r.Region].key; reg != 0 {
			dst = append(dst, mix(ruleDateRegion, uint64(reg), uint64(r.Birth)))
		}
	}
	if r.NatLen != 0 {
		dst = append(dst, mix(ruleNatID, r.NatID, uint64(r.NatLen)))
	}
	if last != 0 && first != 0 {
		dst = append(dst, mix(ruleNames, uint64(min(last, first)), uint64(max(last, first))))
	}
	return dst
}

// mix hashes a rule and two values into one 64-bit key (splitmix64
// finalisers). A collision only adds a candidate pair.
func mix(rule int, a, b uint64) uint64 {
	h := uint64(rule)*0x9e3779b97f4a7c15 ^ a
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h ^= b * 0x94d049bb133111eb
	h = (h ^ h>>27) * 0x94d049bb133111eb
	return h ^ h>>31
}

// blockIndex holds the blocking keys of one dataset, sorted, with the
// record each came from.
type blockIndex struct {
	keys []uint64
	recs []uint32
}

type keyRec struct {
	key uint64
	rec uint32
}

// newBlockIndex indexes every record of d under each of its keys.
func newBlockIndex(d *Dataset) *blockIndex {
	entries := make([]keyRec, 0, d.Len()*4)
	var buf []uint64
	for i := range d.Records {
		buf = blockKeys(d, i, buf[:0])
		for _, k := range buf {
			entries = append(entries, keyRec{k, uint32(i)})
		}
	}
	slices.SortFunc(entries, func(a, b keyRec) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return int(a.rec) - int(b.rec)
	})
	ix := &blockIndex{keys: make([]uint64, len(entries)), recs: make([]uint32, len(entries))}
	for i, e := range entries {
		ix.keys[i], ix.recs[i] = e.key, e.rec
	}
	return ix
}

// block returns the records indexed under key, or nil when there are
// none or more than maxBlock (then big is true).
func (ix *blockIndex) block(key uint64) (recs []uint32, big bool) {
	lo, found := slices.BinarySearch(ix.keys, key)
	if !found {
		return nil, false
	}
	hi := lo + 1
	for hi < len(ix.keys) && ix.keys[hi] == key {
		hi++
		if hi-lo > maxBlock {
			return nil, true
		}
	}
	return ix.recs[lo:hi], false
}
