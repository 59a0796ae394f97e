package names

// Kazakh ұлы "son" and қызы "daughter" (and Uzbek o‘g‘li, qizi) as the
// Latin transliterations of the Cyrillic and the 2021 Latin spell them.
var patronymicEndings = [...]string{
	"uly", "ulu", "uli", "ugly", "ogli", "ogly", "kyzy", "qyzy", "kizi", "qizi", "kyzi", "qyzi",
}

// endings map the feminine and foreign spellings of Russian surname
// endings to the masculine passport spelling, and the spellings of the
// Persian -zadeh and -pour to one; longer endings come first.
var endings = [...]struct{ from, to string }{
	{"skaya", "skii"}, {"skaia", "skii"}, {"skaja", "skii"}, {"skiy", "skii"},
	{"skij", "skii"}, {"skii", "skii"}, {"sky", "skii"}, {"ski", "skii"},
	{"ska", "skii"},
	{"owa", "ov"}, {"ova", "ov"}, {"off", "ov"},
	{"eva", "ev"}, {"eff", "ev"}, {"ina", "in"}, {"yna", "yn"},
	// Feminine adjectival surnames (Толстая, Белая, Горькая; passport
	// spelling -aia); the masculine -oi, -yi, -ii lose their vowels as the
	// Persian -i does.
	{"aya", ""}, {"aia", ""}, {"aja", ""}, {"ij", ""},
	// Persian -zadeh "born of" and -pour "son of" written together.
	{"zadeh", "zadeh"}, {"zade", "zadeh"}, {"zada", "zadeh"}, {"zoda", "zadeh"},
	{"pour", "pour"}, {"poor", "pour"}, {"pur", "pour"},
}

// persianEndings are the spellings of the Persian adjectival suffix ی.
var persianEndings = [...]string{"ee", "ei", "ie", "yi", "ii", "i", "y"}

// patronymicWord reports whether w is ұлы or қызы written apart.
func patronymicWord(w []byte) bool {
	for _, p := range patronymicEndings {
		if string(w) == p {
			return true
		}
	}
	return false
}

// titleWord reports whether w is the Arabic article or the title Seyed
// written in front of a family name.
func titleWord(w []byte) bool {
	switch string(w) {
	case "al", "el", "seyed", "seyyed", "sayed", "sayyed", "sayyid", "seyyid", "syed":
		return true
	}
	return false
}

// joinedWord returns the spelling of -zadeh ("born of") or -pour ("son
// of") when w is one of them written apart, to join to the word before.
func joinedWord(w []byte) (string, bool) {
	switch string(w) {
	case "zadeh", "zade", "zada", "zoda", "zodeh":
		return "zadeh", true
	case "pour", "poor", "pur":
		return "pour", true
	}
	return "", false
}
