// Package debate is the algorithmic core of Jol's debate tournaments and
// case championships: the draw of each round, the judges' panels, the
// ballots, the standings, the break to elimination rounds, and rubric
// scoring of case championships. It is pure: no database, no clock, no
// I/O, and the same input (with the same seed) always gives the same
// output, so the competitions domain can store inputs and results and
// replay any round.
//
// # The draw
//
// Round 1 is a random draw from the tournament's seed; later rounds are
// power-paired. Both are one minimum-cost perfect matching over all pairs
// of teams (Edmonds' weighted blossom method as set out in Korte and
// Vygen, Combinatorial Optimization, chapter 11; blossom*.go), whose cost
// ranks these wishes from the most to the least important:
//
//  1. no repeat: two teams meet at most once;
//  2. equal wins: teams meet teams on the same number of wins, and a
//     pull-up or pull-down spans as few wins as it can (squared gap);
//  3. no two teams of one school;
//  4. no two teams of one region;
//  5. side balance: no pairing of two teams that both need the same side;
//  6. the pulled-up team is the top of its bracket, the pulled-down one
//     the bottom of its own;
//  7. among pairings equal on all of the above, a seeded random choice.
//
// A wish of one tier outweighs every wish below it together, so a wish
// is given up only when keeping it would break a more important one: the
// order of relaxation is side balance, region, school, brackets, and a
// repeat only when nothing else is possible. Every wish the draw gives up
// is reported as a Relaxation (a code and arguments, for the user's
// language), never silently.
//
// With an odd number of teams, one sits out the round with a bye, which
// counts as a win without speaker points: among the teams with the
// fewest byes, the lowest-ranked takes it (in round 1, the last in the
// seeded order, that is a random team).
package debate
