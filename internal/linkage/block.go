package linkage

import (
	"math/bits"
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
	ruleLastDay           // last name + start of the first name's key + day (the year is wrong)
	ruleFirstDay          // first name + start of the last name's key + day
	ruleLastMonth         // last name + start of the first name's key + year and month (the day is wrong)
	ruleFirstMonth        // first name + start of the last name's key + year and month
	ruleDateRegion        // birth date, exactly + region
	ruleNames             // both names (either order), small blocks only
	ruleDayPlace          // day + region + sex + the first letters of both keys, small blocks only (the year and names are wrong)
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
	ruleLastDay:    {kindLast, kindFirst, kindSex, kindBirth},
	ruleFirstDay:   {kindFirst, kindLast, kindSex, kindBirth},
	ruleLastMonth:  {kindLast, kindFirst, kindSex, kindBirth},
	ruleFirstMonth: {kindFirst, kindLast, kindSex, kindBirth},
	ruleDateRegion: {kindBirth, kindRegion},
	ruleNames:      {kindLast, kindFirst, kindSex},
	ruleDayPlace:   {kindLast, kindFirst, kindBirth, kindSex, kindRegion},
}

// maxBlock is the most records one key may gather on the indexed side;
// maxNamesBlock the most for names alone. A bigger block (a very common
// name) would cost comparisons out of proportion to what it finds; it is
// skipped, and the other keys still find the pairs in it.
const (
	maxBlock      = 200
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
	lastHead, firstHead := uint64(f[r.Last].head), uint64(f[r.First].head)
	lo, hi := min(last, first), max(last, first)
	both := last != 0 && first != 0
	add := func(rule int, a, b uint64) { dst = append(dst, blockKey{mix(rule, a, b), rule}) }
	if r.Birth != 0 {
		y, m, dd := r.Birth.Parts()
		day := uint64(min(m, dd)*100 + max(m, dd))
		date, month := uint64(y)*10000+day, uint64(y*100+m)
		if last != 0 {
			add(ruleLastDate, last, date)
			add(ruleLastDay, last, firstHead<<32|day)
			add(ruleLastMonth, last, firstHead<<32|month)
		}
		if first != 0 {
			add(ruleFirstDate, first, date)
			add(ruleFirstDay, first, lastHead<<32|day)
			add(ruleFirstMonth, first, lastHead<<32|month)
		}
		if both {
			if query && last != first {
				dst = append(dst, blockKey{mix(ruleLastDate, first, date), ruleSwapped},
					blockKey{mix(ruleFirstDate, last, date), ruleSwapped})
			}
		}
		if reg := f[r.Region].place; reg != 0 {
			add(ruleDateRegion, uint64(reg), uint64(r.Birth))
			if both {
				add(ruleDayPlace, uint64(reg)<<32|day, uint64(r.Sex)<<16|lastHead>>16<<8|firstHead>>16)
			}
		}
	}
	if r.NatLen != 0 {
		add(ruleNatID, r.NatID, 0) // as a number: leading zeros may be lost
	}
	if both {
		add(ruleNames, lo, hi)
	}
	return dst
}

// mix hashes a rule and two values into a key (splitmix64 finalisers;
// a collision only adds a candidate pair).
func mix(rule int, a, b uint64) uint64 {
	h := uint64(rule+1)*0x9e3779b97f4a7c15 ^ a
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h ^= b * 0x94d049bb133111eb
	h = (h ^ h>>27) * 0x94d049bb133111eb
	return h ^ h>>31
}

// blockIndex holds the blocking keys of one dataset. Each entry is a
// key's hash whose low bits are replaced by the record's number; the
// entries are sorted, and a directory on their top bits finds a key's
// run without a binary search over millions of entries.
type blockIndex struct {
	entries []uint64
	recMask uint64   // the low bits that hold the record
	dir     []uint32 // dir[b]: first entry whose top dirBits bits are at least b
	dirBits uint
}

// newBlockIndex indexes every record of d under each of its keys.
func newBlockIndex(d *Dataset) *blockIndex {
	recBits := uint(max(bits.Len(uint(d.Len())), 1))
	ix := &blockIndex{recMask: 1<<recBits - 1}
	entries := make([]uint64, 0, d.Len()*9)
	var buf []blockKey
	for i := range d.Records {
		buf = blockKeys(d, i, false, buf[:0])
		for _, k := range buf {
			entries = append(entries, k.hash&^ix.recMask|uint64(i))
		}
	}
	ix.entries = radixSort(entries)
	ix.dirBits = uint(min(max(bits.Len(uint(len(entries))), 8), 24))
	ix.dir = make([]uint32, 1<<ix.dirBits+1)
	for _, e := range ix.entries {
		ix.dir[e>>(64-ix.dirBits)+1]++
	}
	for b := 1; b < len(ix.dir); b++ {
		ix.dir[b] += ix.dir[b-1]
	}
	return ix
}

// block returns the entries of the records indexed under hash (the
// record of entry e is e & recMask), or nil when there are none or more
// than limit (then big is true).
func (ix *blockIndex) block(hash uint64, limit int) (entries []uint64, big bool) {
	h := hash &^ ix.recMask
	b := h >> (64 - ix.dirBits)
	lo, end := int(ix.dir[b]), int(ix.dir[b+1])
	for lo < end && ix.entries[lo]&^ix.recMask < h {
		lo++
	}
	hi := lo
	for hi < end && ix.entries[hi]&^ix.recMask == h {
		hi++
		if hi-lo > limit {
			return nil, true
		}
	}
	return ix.entries[lo:hi], false
}

// limit is the largest block a rule looks into.
func limit(rule int) int {
	if rule == ruleNames || rule == ruleDayPlace {
		return maxNamesBlock
	}
	return maxBlock
}

// radixSort sorts a in place by least-significant-digit radix sort on
// 16-bit digits, which beats a comparison sort several times over on
// the tens of millions of keys of a national list.
func radixSort(a []uint64) []uint64 {
	tmp := make([]uint64, len(a))
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count[:])
		for _, v := range a {
			count[v>>shift&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i], sum = sum, sum+c
		}
		for _, v := range a {
			d := v >> shift & 0xffff
			tmp[count[d]] = v
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a
}
