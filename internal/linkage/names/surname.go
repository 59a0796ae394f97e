package names

import (
	"bytes"
	"unicode/utf8"
)

// Surname returns the Latin form of a family name with the endings that
// vary between members of one family, or between spellings of one name,
// undone, so that relatives' and variant spellings meet:
//
//   - Russian and Kazakh feminine forms become masculine: -ova, -eva, -ina,
//     -yna become -ov, -ev, -in, -yn (Иванова, Ivanova, Ivanov: "ivanov");
//     -skaya, -skaia, -skaja, -ska, -skiy, -skij, -sky, -ski become -skii,
//     the passport spelling of -ский; German and French spellings -ow,
//     -owa, -off, -eff become -ov, -ev.
//   - Kazakh patronymic surnames lose -uly, -ulu, -uli, -kyzy, -qyzy, -kizi,
//     -qizi (ұлы, қызы), attached or as a word of their own, as does Uzbek
//     -ogli: Нұрланұлы, Nurlan uly and Нұрланқызы are all "nurlan".
//   - Persian family names lose the adjectival -i (ی) and its spellings
//     -ee, -ei, -ie, -yi, -y: Hosseini, Hosseiny and حسینی are "hossein",
//     Rezaei, Rezaee and رضایی "reza". The Arabic article (al-, el-, ال
//     written together with the name) and the title Seyed (سید, Sayyid) in
//     front are dropped, and -zadeh (زاده) written apart is joined to the
//     word before it (Hossein Zadeh, حسین‌زاده: "hosseinzadeh").
//
// A suffix is removed only when at least three letters remain, so Ova and
// Ali are left alone. Compare surnames by Key(Surname(s)) (or
// KeyOfLatin(Surname(s))) to let spelling variants meet as well.
func Surname(s string) string {
	var buf [96]byte
	return string(AppendSurname(buf[:0], s))
}

// AppendSurname appends Surname(s) to dst and returns the extended slice.
func AppendSurname(dst []byte, s string) []byte {
	var fb, lb [128]byte
	f := appendFold(fb[:0], s)
	// The Arabic article written together with a Persian or Arabic name.
	if bytes.HasPrefix(f, []byte("ال")) && utf8.RuneCount(f) > 5 {
		f = f[len("ال"):]
	}
	lat := appendLatinFolded(lb[:0], f)
	start := len(dst)
	words := 0
	for len(lat) > 0 {
		var w []byte
		if i := bytes.IndexByte(lat, ' '); i >= 0 {
			w, lat = lat[:i], lat[i+1:]
		} else {
			w, lat = lat, nil
		}
		switch {
		case len(w) == 0, patronymicWord(w):
			continue
		case titleWord(w) && len(lat) > 0:
			continue
		case zadehWord(w) && words > 0:
			dst = append(dst, "zadeh"...)
			continue
		}
		if words > 0 {
			dst = append(dst, ' ')
		}
		dst = appendSurnameWord(dst, w)
		words++
	}
	if len(dst) == start {
		// Nothing but a title or a particle: keep what was written.
		return appendLatinFolded(dst, f)
	}
	return dst
}

// appendSurnameWord appends one word of a family name with its ending
// normalised.
func appendSurnameWord(dst, w []byte) []byte {
	for _, p := range patronymicEndings {
		if cut, ok := cutSuffix(w, p); ok {
			return append(dst, cut...)
		}
	}
	for _, e := range slavicEndings {
		if cut, ok := cutSuffix(w, e.from); ok {
			return append(append(dst, cut...), e.to...)
		}
	}
	for _, e := range persianEndings {
		if cut, ok := cutSuffix(w, e); ok {
			return append(dst, cut...)
		}
	}
	return append(dst, w...)
}

// cutSuffix returns w without the suffix when w ends with it and at least
// three letters remain.
func cutSuffix(w []byte, suffix string) ([]byte, bool) {
	if len(w) >= len(suffix)+3 && string(w[len(w)-len(suffix):]) == suffix {
		return w[:len(w)-len(suffix)], true
	}
	return nil, false
}
