// Package distribution is the handing over of held stock to families:
// distribution events at a warehouse or distribution point (a place, a
// date and time, the staff who work it), the list of each event, printed
// one page per school or centre and exported, and the handover of each
// request line with its proof.
//
// An event's list is the request lines assigned to it by hand and, by
// its rule, every line of its campaign held at its point, or held for
// the children of the schools and centres it names; a line handed over
// at the event stays on it. A handover gives some or all of one
// request's lines at once, with one proof: the guardian's signature drawn
// on the tablet's screen (a PNG, checked and bounded), a one-time code
// sent to the guardian's phone through a requests.Sender and typed back
// (kept only as a keyed hash; it expires, and a few wrong attempts void
// it), or the photo of the event's signed paper list. Each line is issued
// from its hold by stock.IssueReserved in the handover's own transaction,
// so the proof, the ledger's moves and the request's delivery commit
// together or not at all; a device line names its serial number. The
// request is delivered when its last line is handed over. A line is
// handed over once: its live handover row is unique, and the request's
// row is locked first, so of two staff handing the same line over at
// once one wins and the other is told. A return takes a line back into
// stock, holds it again for the same child and, if the request was
// delivered, moves it back to allocated.
//
// An event's scope is its warehouse's; its list shows a child's name only
// to a reader who may see that child, and reading it is written to the
// access log. See docs/architecture.md ("Distribution").
package distribution
