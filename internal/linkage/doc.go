// Package linkage finds the records of one person in two lists (linking)
// or within one list (deduplication) when names are spelled differently,
// written in different scripts, and dates and identifiers carry typos.
//
// The engine follows the Fellegi–Sunter model. Records are read into a
// compact Dataset whose names are interned in a shared Lexicon (each
// distinct spelling is transliterated once). Blocking on several keys at
// once proposes candidate pairs; comparators grade each field of a pair
// into a level (agree, partial, disagree, missing); the u probability of
// every level is measured on random pairs and m is estimated from the
// data by expectation–maximisation, without labelled pairs; the weight
// of a pair is the sum of log2(m/u) of its levels, and the thresholds
// follow from the fitted model. Linking two lists keeps a
// one-to-one assignment of the pairs above the match threshold, solved
// exactly within each connected component; deduplication clusters the
// matched pairs with a guard against chaining. See docs/architecture.md.
package linkage
