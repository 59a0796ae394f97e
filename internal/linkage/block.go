package linkage

import (
	"slices"
)

// A blocking rule builds keys for each record; a pair of records is
// compared when any of their keys agree, so one wrong field does not
// hide a person. Names are taken by their phonetic keys, dates with day
// and month in either order ("day" below is the day and month).
const (
	ruleLastDate   = iota // last name + birth date
	ruleFirstDate         // first name + birth date
	ruleSwapped           // first name of one as last name of the other, + birth date
	ruleNatID             // national ID
	ruleLastDay           // last name + day (the year is wrong)
	ruleFirstDay          // first name + day
	ruleLastMonth         // last name + year and month (the day is wrong)
	ruleFirstMonth        // first name + year and month
	ruleNamesYear         // both names (either order) + year
	ruleDateRegion        // birth date, exactly + region
	ruleNames             // both names (either order), small blocks only
	numRules
)

// ruleFields are the comparators each rule's key already agrees on (in
// part), or that follow from them (the sex from the first name); the
// model's m for them is estimated from the other rules.
var ruleFields = [numRules][]fieldKind{
	ruleLastDate:   {kindLast, kindBirth},
	ruleFirstDate:  {kindFirst, kindSex, kindBirth},
	ruleSwapped:    {kindLast, kindFirst, kindSex, kindBirth},
	ruleNatID:      {kindNatID},
	ruleLastDay:    {kindLast, kindBirth},
	ruleFirstDay:   {kindFirst, kindSex, kindBirth},
	ruleLastMonth:  {kindLast, kindBirth},
	ruleFirstMonth: {kindFirst, kindSex, kindBirth},
	ruleNamesYear:  {kindLast, kindFirst, kindSex, kindBirth},
	ruleDateRegion: {kindBirth, kindRegion},
	ruleNames:      {kindLast, kindFirst, kindSex},
}

// maxBlock is the most records one key may gather on the indexed side;
// maxNamesBlock the most for names alone. A bigger block (a very common
// name) would cost comparisons out of proportion to what it finds; it is
// skipped, and the other keys still find the pairs in it.
const (
	maxBlock      = 400
	maxNamesBlock = 40
)

// blockKey is one key of a record: the hash looked up and the rule
// credited with the pairs it finds. They differ only for ruleSwapped,
// whose keys are looked up among those of ruleLastDate and
// ruleFirstDate.
type blockKey struct {
	hash uint64
	rule int
}

// blockKeys appends the keys of record i to dst. With query set it adds
// the keys that look for the record's names swapped.
func blockKeys(d *Dataset, i int, query bool, dst []blockKey) []blockKey {
	r := &d.Records[i]
	f := d.Lex.forms
	last, first := uint64(f[r.Last].key), uint64(f[r.First].key)
	lo, hi := min(last, first), max(last, first)
	both := last != 0 && first != 0
	add := func(rule int, a, b uint64) { dst = append(dst, blockKey{mix(rule, a, b), rule}) }
	if r.Birth != 0 {
		y, m, dd := r.Birth.Parts()
		day := uint64(min(m, dd)*100 + max(m, dd))
		date, month := uint64(y)*10000+day, uint64(y*100+m)
		if last != 0 {
			add(ruleLastDate, last, date)
			add(ruleLastDay, last, day)
			add(ruleLastMonth, last, month)
		}
		if first != 0 {
			add(ruleFirstDate, first, date)
			add(ruleFirstDay, first, day)
			add(ruleFirstMonth, first, month)
		}
		if both {
			add(ruleNamesYear, lo<<32|hi, uint64(y))
			if query && last != first {
				dst = append(dst, blockKey{mix(ruleLastDate, first, date), ruleSwapped},
					blockKey{mix(ruleFirstDate, last, date), ruleSwapped})
			}
		}
		if reg := f[r.Region].key; reg != 0 {
			add(ruleDateRegion, uint64(reg), uint64(r.Birth))
		}
	}
	if r.NatLen != 0 {
		add(ruleNatID, r.NatID, uint64(r.NatLen))
	}
	if both {
		add(ruleNames, lo, hi)
	}
	return dst
}

// mix hashes two values into a key (splitmix64 finalisers; a collision
// only adds a candidate pair) and puts the rule in the top byte.
func mix(rule int, a, b uint64) uint64 {
	h := uint64(rule+1)*0x9e3779b97f4a7c15 ^ a
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h ^= b * 0x94d049bb133111eb
	h = (h ^ h>>27) * 0x94d049bb133111eb
	h ^= h >> 31
	return h>>8 | uint64(rule)<<56
}

// keyRule returns the rule of a key.
func keyRule(k uint64) int { return int(k >> 56) }

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
	entries := make([]keyRec, 0, d.Len()*10)
	var buf []blockKey
	for i := range d.Records {
		buf = blockKeys(d, i, false, buf[:0])
		for _, k := range buf {
			entries = append(entries, keyRec{k.hash, uint32(i)})
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
// none or more than the rule's cap (then big is true).
func (ix *blockIndex) block(key uint64) (recs []uint32, big bool) {
	lo, found := slices.BinarySearch(ix.keys, key)
	if !found {
		return nil, false
	}
	limit := maxBlock
	if keyRule(key) == ruleNames {
		limit = maxNamesBlock
	}
	hi := lo + 1
	for hi < len(ix.keys) && ix.keys[hi] == key {
		hi++
		if hi-lo > limit {
			return nil, true
		}
	}
	return ix.recs[lo:hi], false
}
