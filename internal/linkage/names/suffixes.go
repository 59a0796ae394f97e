package names

// Kazakh ұлы "son" and қызы "daughter" (and Uzbek o‘g‘li, qizi) as the
// Latin transliterations of the Cyrillic and the 2021 Latin spell them.
var patronymicEndings = [...]string{
	"uly", "ulu", "uli", "ugly", "ogli", "ogly", "kyzy", "qyzy", "kizi", "qizi", "kyzi", "qyzi",
}

// slavicEndings map the feminine and foreign spellings of Russian surname
// endings to the masculine passport spelling; longer endings come first.
var slavicEndings = [...]struct{ from, to string }{
	{"skaya", "skii"}, {"skaia", "skii"}, {"skaja", "skii"}, {"skiy", "skii"},
	{"skij", "skii"}, {"skii", "skii"}, {"sky", "skii"}, {"ski", "skii"},
	{"ska", "skii"},
	{"owa", "ov"}, {"ova", "ov"}, {"off", "ov"}, {"ow", "ov"},
	{"eva", "ev"}, {"eff", "ev"}, {"ina", "in"}, {"yna", "yn"},
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
	case "al", "el", "seyed", "seyyed", "sayed", "sayyed", "sayyid", "seyyid", "syed", "said":
		return true
	}
	return false
}

// zadehWord reports whether w is -zadeh ("born of") written apart.
func zadehWord(w []byte) bool {
	switch string(w) {
	case "zadeh", "zade", "zada", "zoda", "zodeh":
		return true
	}
	return false
}
