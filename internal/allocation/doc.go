// Package allocation gives a campaign's stock to its approved requests so
// that the total priority served is the greatest possible, and explains
// every decision.
//
// # The problem
//
// The lines considered are those of the campaign's approved and
// waitlisted requests (and of allocated ones with a line not yet held)
// that hold no stock; each asks for one unit of an item in a size (a kit
// is one unit; a line asking for more is left out, outcome MultiUnit).
// A line's priority is its request's eligibility score (0 when it has
// none or a negative one). A plan serves a line from a warehouse that
//
//   - serves the line's region: by the campaign's routes of the warehouse,
//     the deepest route whose region subtree contains the line's region,
//     at that route's cost; a warehouse with no route serves its own
//     region subtree at cost 0;
//   - has the item in the size available (on hand, not reserved);
//
// and within the quotas: each quota's set (the lines of a region subtree,
// of one item or of every item) receives at most its limit (a fixed
// number, or a share of the set's need in basis points, rounded down)
// less what the set holds or was handed already. Quotas nest (SaveQuota
// refuses two that overlap without one holding the other).
//
// The plan is the best by three aims in turn: the greatest total
// priority; among those, the higher-ranked lines (the order: priority,
// then the earlier request, then request id and line; the c-th of n
// lines is worth n−c, and the plan's worth is the sum over the lines it
// serves — so no line waits while a line below it in the order, of the
// same priority, is served in its place); among those, the least total
// cost of the routes taken.
//
// # The network
//
//	source ──stock──▶ [warehouse, item, size] ──route──▶ [region, item, size]
//	   │                                                     │ one arc per line:
//	   │ bypass                                              │ capacity 1
//	   ▼                                                     ▼
//	 sink ◀── [quota] ◀── … ◀── [innermost quota over the group], or the sink
//
// The source supplies T, the stock of every warehouse node some group can
// use; the sink takes T. Source → stock node: capacity the units
// available. Stock node → group node (the candidates of one region path,
// item and size: they share every arc but their own), for each warehouse
// that serves the region: capacity min(available, the group's lines).
// Group → its innermost quota node (or the sink): one arc per line,
// capacity 1. Quota node → the quota containing it (or the sink):
// capacity the quota's room. A bypass source → sink of capacity T carries
// what is not handed out, so serving is never forced.
//
// Costs, one set per aim: the priority aim puts −priority on each line's
// arc; the order aim −(n−c) on the c-th line's arc; the cost aim the
// route's cost on each route arc. Everything else costs 0.
//
// # Why the optimum is the best plan
//
// Plans and integral flows correspond. A plan gives a flow: one unit from
// the source through the serving warehouse's stock node, the route to the
// line's group, the line's arc and the chain of quotas over the line to
// the sink, plus the unused stock on the bypass; it is within every
// capacity exactly because the plan respects stock (source → stock
// arcs), routes (route arcs exist only where a warehouse serves the
// region and has the item), one unit per line (capacity 1) and quotas
// (each quota's arc carries exactly the lines of its set served, as the
// sets nest into a tree). Conversely an integral flow (network simplex
// returns one: the data are integers) carries 0 or 1 on each line's arc;
// the lines carrying 1 can be given warehouses by decomposing the flow
// through each group node (its inflow comes from route arcs, its outflow
// is its served lines), and that plan respects the same constraints. The
// flow's cost for an aim is the plan's value for that aim, negated for
// the first two. So the least priority cost is minus the greatest total
// priority of any plan.
//
// The aims are optimised lexicographically by solving in turn (lexSolve):
// after an aim, its optimal potentials π certify it, and by
// complementary slackness the flows optimal for it are exactly the
// feasible flows that leave empty every arc of positive reduced cost
// c − π(from) + π(to) and fill every arc of negative reduced cost. The
// next aim is solved with those arcs fixed and the rest free, so its
// optimum is optimal for every aim before it. No weight has to outweigh
// another, so nothing can overflow and nothing is approximate: "the
// distance never outweighs one priority point" holds by construction.
//
// The three networks are solved with internal/flow's network simplex;
// the tests check every one against LEMON's, and the whole model against
// an assignment-by-assignment brute force on small instances read from
// the database.
//
// # Determinism
//
// The instance is put in canonical order (Instance.Order) before the
// network is built, so the same input gives the same arcs in the same
// order and the solver the same flow; the plan's Digest identifies the
// input. Within a group the served lines take the warehouses cheapest
// first, in order.
//
// # Runs
//
// DryRun plans from a snapshot and keeps only the run's figures. Commit
// plans again inside one write transaction and carries the plan out there
// (see Commit). The waiting list is served by the same run, every hold
// kept: AllocateWaitlist, and the job JobKind that WatchStock queues when
// stock arrives. A committed run keeps each line's outcome, which
// LineOutcome.Explain turns into the request's explanation.
package allocation
