package names

import "bytes"

// Patronymic returns the Latin form of the father's name inside a
// patronymic, so that siblings' patronymics meet each other and the
// father's given name: Иванович, Ivanovna and Ivanovich are "ivan";
// Сергеевич and Sergeyevna "serge" and "sergey", whose Key is Key("Sergei");
// Нұрланұлы, Nurlan uly, Нурланович and Nurlankyzy are "nurlan". Russian
// endings -ovich, -evich, -ich, -ovna, -evna, -ichna, -inichna and their
// spellings (-ovitch, -owitsch, -ovych), Kazakh -uly, -kyzy and Uzbek -ogli
// and -qizi, attached or apart, are removed when at least two letters
// remain. Other words are returned as Latin gives them. A father's name
// that ends in a vowel loses it in the patronymic (Илья, Ильич: "il"), so
// its key misses the father's by the final "a".
func Patronymic(s string) string {
	var buf [96]byte
	return string(AppendPatronymic(buf[:0], s))
}

// AppendPatronymic appends Patronymic(s) to dst and returns the extended
// slice.
func AppendPatronymic(dst []byte, s string) []byte {
	var lb [128]byte
	lat := AppendLatin(lb[:0], s)
	start := len(dst)
	for len(lat) > 0 {
		var w []byte
		if i := bytes.IndexByte(lat, ' '); i >= 0 {
			w, lat = lat[:i], lat[i+1:]
		} else {
			w, lat = lat, nil
		}
		if len(w) == 0 || patronymicWord(w) && len(dst) > start {
			continue
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, cutPatronymic(w)...)
	}
	return dst
}

// patronymicSuffixes are the endings Patronymic removes, longer first.
var patronymicSuffixes = [...]string{
	"inichna", "ovitch", "evitch", "owitsch", "ewitsch", "ovich", "evich", "ovych", "evych",
	"ovici", "ichna", "ovna", "evna", "ivna", "itch", "ich",
	"uly", "ulu", "uli", "ugly", "ogli", "ogly", "kyzy", "qyzy", "kizi", "qizi", "kyzi", "qyzi",
}

// cutPatronymic returns w without the first of patronymicSuffixes it ends
// with, when at least two letters remain.
func cutPatronymic(w []byte) []byte {
	for _, p := range patronymicSuffixes {
		if len(w) >= len(p)+2 && string(w[len(w)-len(p):]) == p {
			return w[:len(w)-len(p)]
		}
	}
	return w
}
