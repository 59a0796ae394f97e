package people

import (
	"hash/maphash"
	"slices"
	"strings"
)

// loadIndex is what a load knows instead of the indexes it dropped: the
// ids of the persons holding an ID number, of those whose name key starts
// with a word and who were born on a day, of the households of a
// reference, and of the members of a household. Keys are hashed, and an
// entry may be stale (a person whose number changed) or answer more than
// asked (the whole name is not in the key, to keep the index small: one
// entry per person): whoever asks reads the rows by id and keeps those
// that answer the question.
type loadIndex struct {
	numbers, names, refs multiMap
	members              map[int64][]int64
}

// multiMap maps a key to one id, or a few: most keys have one.
type multiMap struct {
	one  map[uint64]int64
	more map[uint64][]int64
}

func newLoadIndex() loadIndex {
	mm := func() multiMap { return multiMap{one: map[uint64]int64{}, more: map[uint64][]int64{}} }
	return loadIndex{numbers: mm(), names: mm(), refs: mm(), members: map[int64][]int64{}}
}

func (m *multiMap) add(k uint64, id int64) {
	have, ok := m.one[k]
	switch {
	case !ok:
		m.one[k] = id
	case have != id && !slices.Contains(m.more[k], id):
		m.more[k] = append(m.more[k], id)
	}
}

func (m *multiMap) get(k uint64) []int64 {
	have, ok := m.one[k]
	if !ok {
		return nil
	}
	return append([]int64{have}, m.more[k]...)
}

var loadSeed = maphash.MakeSeed()

func hashOf(parts ...string) uint64 {
	var h maphash.Hash
	h.SetSeed(loadSeed)
	for _, p := range parts {
		h.WriteString(p)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// person takes in a person as stored: their number, and the first word
// of their name key with their date of birth, and the first two words
// with it (a last name and a date of birth are shared by a dozen persons
// in a million, a last and a first name and a date by one); a person whose date of
// birth is unknown (most guardians) under each word of their name key
// with the words before it instead, so that those of one last name do not
// all share an entry.
func (x *loadIndex) person(id int64, number, nameKey, birth string) {
	if number != "" {
		x.numbers.add(hashOf(number), id)
	}
	switch {
	case nameKey == "":
	case birth != "":
		x.names.add(hashOf(firstWord(nameKey), birth), id)
		if two, ok := firstTwo(nameKey); ok {
			x.names.add(hashOf(two, birth), id)
		}
	default:
		for i, r := range nameKey {
			if r == ' ' {
				x.names.add(hashOf(nameKey[:i], ""), id)
			}
		}
		x.names.add(hashOf(nameKey, ""), id)
	}
}

// firstTwo returns the first two words of key, and whether it has two.
func firstTwo(key string) (string, bool) {
	i := strings.IndexByte(key, ' ')
	if i < 0 {
		return "", false
	}
	if j := strings.IndexByte(key[i+1:], ' '); j >= 0 {
		return key[:i+1+j], true
	}
	return key, true
}

func firstWord(key string) string {
	if i := strings.IndexByte(key, ' '); i >= 0 {
		return key[:i]
	}
	return key
}

// holders returns the ids of the persons who may hold number.
func (x *loadIndex) holders(number string) []int64 { return x.numbers.get(hashOf(number)) }

// named returns the ids of the persons who may have a name key of key or
// key and more words, born on birth.
func (x *loadIndex) named(key, birth string) []int64 {
	key = strings.TrimSpace(key)
	if birth == "" {
		return x.names.get(hashOf(key, ""))
	}
	if two, ok := firstTwo(key); ok {
		return x.names.get(hashOf(two, birth))
	}
	return x.names.get(hashOf(key, birth))
}

// household takes in household id with reference ref of organisation org.
func (x *loadIndex) household(id int64, ref string, org int64) {
	if ref != "" {
		x.refs.add(hashOf(ref, itoa(org)), id)
	}
}

// withRef returns the ids of the households that may have reference ref in
// organisation org.
func (x *loadIndex) withRef(ref string, org int64) []int64 { return x.refs.get(hashOf(ref, itoa(org))) }

// member takes in that person is a member of household.
func (x *loadIndex) member(household, person int64) {
	if !slices.Contains(x.members[household], person) {
		x.members[household] = append(x.members[household], person)
	}
}
