package names

// Key returns a coarse phonetic key of Latin(s) on which spellings of one
// name in Cyrillic, Latin and Persian meet: Mohammad, Muhammad, Mohammed,
// محمد and Мухаммед are all "mhmd"; Hossein, Hosein, Husain, حسین and
// Хусейн "hsn"; Ержан, Yerzhan, Erjan and Erzhan "arjn"; Юлия, Yulia,
// Iuliia and Julia "ala". The key is built so:
//
//  1. Spaces are ignored: the words of a name are read as one word, so
//     Mohammad Reza, Mohammad-Reza and محمدرضا meet (Fold drops the ZWNJ
//     of محمد‌رضا too).
//  2. Digraphs and letters that sound alike fold to one consonant: sh,
//     shch to x; ch, tch to c; zh, j, dzh, dj to j (Persian ج is Kazakh Ж);
//     kh and h to h; k, q, g, gh, hard c and ck to k; soft c to s; ph to f;
//     w to v; x to ks. Persian has already read ث ص as s and ذ ض ظ as z.
//  3. Vowels (a e i o u y) are dropped, because Persian does not write the
//     short ones. A name that starts with a vowel, or with y (Yerzhan,
//     Ержан), starts with "a"; one that ends with a vowel after a consonant
//     ends with "a", keeping Иван "avn" apart from Иванна "avna" and
//     Mohammad from Mohammadi. A final h after a vowel is a vowel (Fatemeh,
//     فاطمه, Fatima are all "ftma"); w after a or o and before a consonant
//     or the end is a vowel (Khosrow, Dawlet).
//  4. J is read as y, not zh, where older romanisations of Russian put it:
//     at the start of the stems of Julia, Juri, Jelena, Jevgeni, Jekaterina,
//     Jakov, Jaroslav, and after a vowel other than u, or after l, before a
//     vowel or at the end (Marija, Natalja, Jurij, Andrej). Elsewhere j is
//     zh (Janar, Juldyz, Erjan, Jaqyp); the rare Aljan thus misses Alzhan.
//  5. Equal consonants next to each other in the key collapse (Mohammad,
//     Mohamad; Hassan, Hasan); d before j is dropped (Djamal, Jamal).
//
// The key trades precision for recall, to find candidates for comparators
// to confirm: Ali and Alia share "ala", Hasan and Hossein "hsn", Zahra and
// Zohreh "zhra". For names of ordinary length Key allocates only its result.
func Key(s string) string {
	var buf [64]byte
	return string(AppendKey(buf[:0], s))
}

// AppendKey appends Key(s) to dst and returns the extended slice.
func AppendKey(dst []byte, s string) []byte {
	var lb [128]byte
	return appendKeyLatin(dst, AppendLatin(lb[:0], s))
}

// KeyOfLatin returns the key of a string that is already the output of
// Latin or Surname, sparing the transliteration: KeyOfLatin(Latin(s)) ==
// Key(s).
func KeyOfLatin(latin string) string {
	var buf [64]byte
	return string(appendKeyLatin(buf[:0], []byte(latin)))
}

// appendKeyLatin appends the key of lat, a–z letters and spaces.
func appendKeyLatin(dst, lat []byte) []byte {
	var wb [128]byte
	w := wb[:0]
	for _, c := range lat {
		if c >= 'a' && c <= 'z' {
			w = append(w, c)
		}
	}
	if len(w) == 0 {
		return dst
	}
	start := len(dst)
	var last byte // the last consonant written, 0 before the first
	cons, endVowel := 0, false
	for i := 0; i < len(w); i++ {
		first := i == 0
		c, skip := class(w, i)
		i += skip
		if c == 'V' {
			if first {
				dst = append(dst, 'a')
			}
			endVowel = c == 'V'
			continue
		}
		endVowel = false
		if c == 'j' && last == 'd' {
			dst, last = dst[:len(dst)-1], 0
			if cons--; cons > 0 && len(dst) > start {
				last = dst[len(dst)-1]
			}
		}
		if c == last {
			continue
		}
		if c == 'K' { // x: k then s
			if last != 'k' {
				dst = append(dst, 'k')
			}
			c = 's'
		}
		dst = append(dst, c)
		last, cons = c, cons+1
	}
	if endVowel && cons > 0 {
		dst = append(dst, 'a')
	}
	return dst
}
