package names

import "testing"

// needTable are the entries of commonPersian whose key the letters alone
// cannot give, because a و or ی in them is a consonant where the letters'
// rules read a vowel.
var needTable = map[string]bool{
	"نوید": true, "توکلی": true, "ابوالفضل": true, "ابوالقاسم": true, "ابوالحسن": true,
}

func TestCommonPersianKeys(t *testing.T) {
	for fa, latin := range commonPersian {
		if Fold(fa) != fa {
			t.Errorf("table key %q is not folded (%q)", fa, Fold(fa))
		}
		letters := string(appendPersianLetters(nil, []byte(fa)))
		same := KeyOfLatin(latin) == KeyOfLatin(letters)
		if same == needTable[fa] {
			t.Errorf("%q: key of %q is %q, of its letters %q is %q; listed as needing the table: %v",
				fa, latin, KeyOfLatin(latin), letters, KeyOfLatin(letters), needTable[fa])
		}
	}
}
