package linkage

import (
	"math"
	"slices"
)

// ruleFit is the estimate of m from the candidate pairs of one blocking
// rule.
//
// A single pass (linking two lists) lets each rule's EM find its own
// share of matches. Deduplicating a registry needs more, because nothing
// there anchors that share: a registry never holds two live records with
// one ID number, so no true pair agrees on the ID, and the other fields
// each agree among many non-matches too (twins share a birth date, last
// name and patronymic; people born on one day in one district share
// names of one language). Left free, the two classes of a rule's EM then
// settle on whatever splits its pairs most, not on one person versus
// two: at 200,000 persons, the rule on birth date and region split its
// pairs by sex and by the language of the names, took ten times more
// "matches" than the registry holds duplicates, and its m, weighted by
// those matches, outweighed every other rule's and the fit found no
// pair. So a robust fit
//
//   - leaves the sex out of every rule's EM: it follows from the first
//     name, and conditional independence fails for it wherever the first
//     name is compared; its m is estimated afterwards from the posterior
//     of the other fields (estimateRest);
//   - fits u of the non-matches within each rule's pairs (starting from
//     the random pairs' u, which stay the weights' denominators), so that
//     what blocking makes common among non-matches (one language, one
//     family) is taken by the non-match class instead of the match class;
//   - after a first pass, fixes each rule's share of matches at what the
//     whole model expects among that rule's pairs (every field, with the
//     share of matches of the whole run) and refits m with that share
//     held: an estimate made from all the fields at once, which the
//     confounders of one rule cannot inflate. A rule whose pairs hold
//     few matches then weighs little in the pooled m, as it should.
type ruleFit struct {
	cs         []comparator
	counts     []patternCount
	exclude    []bool // the comparators its key agrees on, and the sex when robust
	robust     bool
	m          [][]float64
	matches    float64 // expected matches among its pairs
	iterations int
}

// dependent are the comparators a robust fit leaves out of each rule's
// EM besides those its key agrees on: the sex everywhere (it follows
// from the first name), and the names where the key holds the region,
// since the people of one district share the names of its language and
// its families.
var dependent = [numRules][]fieldKind{
	ruleLastDate: {kindSex}, ruleFirstDate: {kindSex}, ruleSwapped: {kindSex}, ruleNatID: {kindSex},
	ruleLastDay: {kindSex}, ruleFirstDay: {kindSex}, ruleLastMonth: {kindSex}, ruleFirstMonth: {kindSex},
	ruleDateRegion: {kindSex, kindLast, kindFirst, kindPatronymic}, ruleNames: {kindSex},
}

// newRuleFit fits m from a rule's pattern counts by EM, its share of
// matches free.
func newRuleFit(rule int, cs []comparator, c codec, counts map[uint32]float64, u [][]float64, robust bool) ruleFit {
	f := ruleFit{cs: cs, counts: patternList(counts, cs, c), exclude: make([]bool, len(cs)), robust: robust}
	for k, cm := range cs {
		f.exclude[k] = slices.Contains(ruleFields[rule], cm.kind) || robust && slices.Contains(dependent[rule], cm.kind)
	}
	f.run(u, 0.5, false)
	return f
}

func (f *ruleFit) run(u [][]float64, prior float64, fixed bool) {
	if len(f.counts) == 0 {
		f.m, f.matches = nil, 0
		return
	}
	var it int
	f.m, f.matches, it = emM(f.cs, f.counts, u, f.exclude, prior, fixed, f.robust && fixed)
	f.iterations += it
}

// refit fixes rule r's share of matches at what the model expects over
// its pairs, and fits its m again with that share held. The model's m
// for this purpose is pooled from the other rules only (a comparator no
// other rule estimates takes the default, agreement likely): were the
// rule's own m used, a rule that alone estimates a field (birth dates
// come only from the rule on names) would confirm whatever class its
// first fit settled on, namesakes included.
func refit(rules []ruleFit, r int, model *Model) ruleFit {
	f := rules[r]
	if len(f.counts) == 0 {
		return f
	}
	others := slices.Clone(rules)
	others[r].m = nil
	m, _ := pool(f.cs, others)
	none := make([]bool, len(m))
	matched, total := 0.0, 0.0
	for _, pc := range f.counts {
		matched += posterior(pc.levels, m, model.U, none, model.Prior) * pc.n
		total += pc.n
	}
	f.run(model.U, math.Min(math.Max(matched/total, 1e-9), 0.5), true)
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
