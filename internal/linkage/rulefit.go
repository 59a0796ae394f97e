package linkage

import (
	"slices"
)

// ruleFit is the estimate of m from the candidate pairs of one blocking
// rule: m for the comparators not excluded, and the matches its EM
// expects among the rule's pairs.
//
// When the national ID anchors the fit (see anchored), each rule's EM
// holds u at the random pairs' value. Deduplicating a registry needs a
// robust fit, because nothing there anchors the match class: no true
// pair agrees on the ID, and every other field agrees among many
// non-matches too (twins share a birth date, last name and patronymic;
// people born on one day in one district share the names of its
// language). With u held at the random pairs' value, whatever blocking
// makes common among a rule's non-matches can only be explained by the
// match class: at 200,000 persons the rule on birth date and region
// split its pairs by sex, took twenty times more "matches" than the
// registry holds duplicates, its m outweighed every other rule's in the
// pool, and no pair reached the match threshold. A robust fit
//
//   - fits u of the non-matches within each rule's pairs by the same EM
//     (starting from the random pairs' u, which stay the weights'
//     denominators), so the non-match class takes what is common among
//     the rule's non-matches: one language, one family;
//   - leaves out of each rule's EM the fields that depend on its key
//     among non-matches (dependent): the sex everywhere, as it follows
//     from the first name; the names in the rule on date and region; the
//     region in the rule on names. The sex's m is then estimated from the
//     posterior of the other fields (estimateRest).
type ruleFit struct {
	exclude    []bool // the comparators its key agrees on or that depend on it
	m          [][]float64
	matches    float64 // expected matches among its pairs
	iterations int
}

// dependent are the comparators a robust fit leaves out of each rule's
// EM besides those its key agrees on: the sex everywhere (it follows
// from the first name); the names where the key holds the region, since
// the people of one district share the names of its language and its
// families; the region where the key holds both names, for the same
// reason.
var dependent = [numRules][]fieldKind{
	ruleLastDate: {kindSex}, ruleFirstDate: {kindSex}, ruleSwapped: {kindSex}, ruleNatID: {kindSex},
	ruleLastDay: {kindSex}, ruleFirstDay: {kindSex}, ruleLastMonth: {kindSex}, ruleFirstMonth: {kindSex},
	ruleDateRegion: {kindSex, kindLast, kindFirst, kindPatronymic}, ruleNames: {kindSex, kindRegion},
}

// newRuleFit fits m from a rule's pattern counts by EM.
func newRuleFit(rule int, cs []comparator, c codec, counts map[uint32]float64, u [][]float64, robust bool) ruleFit {
	f := ruleFit{exclude: make([]bool, len(cs))}
	for k, cm := range cs {
		f.exclude[k] = slices.Contains(ruleFields[rule], cm.kind) || robust && slices.Contains(dependent[rule], cm.kind)
	}
	if len(counts) > 0 {
		f.m, f.matches, f.iterations = emM(cs, patternList(counts, cs, c), u, f.exclude, 0.5, robust)
	}
	return f
}

// pool averages the rules' m for each comparator, weighted by their
// expected matches. It reports which comparators no rule estimated;
// those get a default: agreement is likely.
func pool(cs []comparator, rules []ruleFit) (m [][]float64, unknown []bool) {
	sum, weight := newAcc(cs), make([]float64, len(cs))
	for _, r := range rules {
		if r.m == nil {
			continue
		}
		for k := range cs {
			if r.exclude[k] {
				continue
			}
			for l := range r.m[k] {
				sum[k][l] += r.matches * r.m[k][l]
			}
			weight[k] += r.matches
		}
	}
	m, unknown = make([][]float64, len(cs)), make([]bool, len(cs))
	for k, cm := range cs {
		m[k] = make([]float64, cm.Levels)
		unknown[k] = weight[k] == 0
		for l := 1; l < cm.Levels; l++ {
			switch {
			case weight[k] > 0:
				m[k][l] = sum[k][l] / weight[k]
			case l == 1:
				m[k][l] = 0.9
			default:
				m[k][l] = 0.1 / float64(cm.Levels-2)
			}
		}
	}
	return m, unknown
}

// estimateRest estimates m of the comparators marked unknown by one
// M-step over the candidate pairs: each pair counts towards its level of
// the comparator by its posterior from the other fields.
func estimateRest(model *Model, list []patternCount, unknown []bool) {
	a := newAcc(model.Comparators)
	a.reset(1)
	for k := range unknown {
		if !unknown[k] {
			continue
		}
		others := make([]bool, len(unknown))
		others[k] = true
		for _, pc := range list {
			if l := pc.levels[k]; l != 0 {
				a[k][l] += posterior(pc.levels, model.M, model.U, others, model.Prior) * pc.n
			}
		}
		p := [][]float64{model.M[k]}
		acc{a[k]}.normaliseInto(p)
	}
}
