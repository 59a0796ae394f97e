package linkage

import (
	"strings"

	"github.com/jolproject/jol/internal/linkage/names"
)

// designators are the words, in their Latin forms, that say what kind of
// place a region is: lists write one district as Абайский район in
// Russian, Abai audany in Kazakh and Abai district in English, and a
// Persian list may add شهرستان (county) or استان (province).
var designators = map[string]bool{
	"raion": true, "rayon": true, "raiony": true, "audany": true, "audani": true, "aydany": true,
	"audan": true, "oblast": true, "oblys": true, "oblysy": true, "oblysi": true, "district": true,
	"region": true, "province": true, "county": true, "city": true, "gorod": true, "qalasy": true,
	"kalasy": true, "qala": true, "ostan": true, "astan": true, "shahrestan": true, "shhrstan": true,
	"shahr": true, "shhr": true,
}

// adjectival are the endings of a Russian place name made an adjective
// before район or область (Абайский, Карагандинская); they are dropped
// when the value carries a designator.
var adjectival = []string{"inskaia", "inskaya", "inskii", "inskiy", "inskij", "inskoe",
	"skaia", "skaya", "skii", "skiy", "skij", "skoe", "skoi", "skoy", "sky", "ski"}

// placeKey returns the key on which the spellings of one place meet: the
// phonetic key of its name without designators or adjectival endings
// (Карагандинская: karagand), with v and w and the final vowels of a
// longer name dropped (Караганда: karagand too) and h read as k. Persian و is a vowel or a v
// (قزوین: Qazvin, read ghzuin letter by letter), and Kazakh қ is
// Russian х (Балқаш, Балхаш); a list holds few places, so so loose a key
// rarely joins two of them.
func placeKey(latin string) string {
	words := strings.Fields(latin)
	kept := words[:0:0]
	for _, w := range words {
		if !designators[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = words
	}
	if len(kept) < len(words) {
		for i, w := range kept {
			for _, end := range adjectival {
				if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
					kept[i] = w[:len(w)-len(end)]
					break
				}
			}
		}
	}
	key := names.KeyOfLatin(strings.Join(kept, ""))
	if t := strings.TrimRight(key, "aeiouy"); len(t) >= 3 {
		key = t // not in a short name: WA and SA are two states
	}
	loose := strings.Map(func(r rune) rune {
		switch r {
		case 'v', 'w':
			return -1
		case 'h':
			return 'k'
		}
		return r
	}, key)
	if loose == "" {
		return key
	}
	return loose
}
