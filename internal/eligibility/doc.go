// Package eligibility decides who may receive which item of a campaign and
// in what order, and says why in words a family understands.
//
// A campaign's Rules are conditions per catalogue item or for every item:
// an age or grade range, categories of need held with evidence valid on
// the decision date (any one of them), region subtrees, institutions, and
// "has not received the same item this year in any campaign". Its Weights
// give points per category, per household income category, per child
// beyond a number, for disability, for a single parent or guardian and by
// bands of distance from school. Both are JSON documents with a version
// number, checked by Validate (domain errors with i18n keys, per field).
//
// Evaluate applies them to Facts — what the registry knows of an applicant
// — and returns a Result as data: each rule's outcome (passed, failed, or
// unknown when a fact it needs is not recorded) with the values it
// compared, the verdict (eligible, ineligible, or undetermined when
// nothing failed but something is unknown), the score and its terms. It
// reads no database and keeps no state, so a million requests evaluate in
// about a second.
//
// Rank places eligible requests within their region (RankRegion: the
// region below the country by default): higher score first, then the
// earlier request, then the lower id — never chance. Stored results are
// placed in the same order when they are read (place.go), so a rank is
// always the current one.
//
// Long and Short turn a Result and its Place into Messages (i18n keys and
// typed arguments): the operator's explanation, read to a family on the
// phone ("eligible: low-income +30, large family +20, 4 children +8 —
// score 58, rank 152 of 3,800 in Karaganda region", then one line per
// rule), and the family's one sentence for the status page, which names
// the campaign's conditions but nothing of the household. Render
// assembles them in the reader's language with its plurals, digits and
// list separator; Names supplies the names of categories, regions, items
// and institutions.
//
// Service keeps it: every version of a campaign's rule set (SaveRuleSet),
// every different result each request has had under a run number with
// one of them current (Current, History), EvaluateRequest for one request
// when it is made, Submitted and Moved for requests just submitted or
// moved to another status, evaluated in batches after their commit, and
// Rescore, which recalculates a whole campaign after a change of rules or
// weights — facts read set by set, evaluated in memory, and only the
// results that changed written, in batches, the ones they replace kept
// with the place they held.
package eligibility
