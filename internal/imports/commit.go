package imports

import (
	"context"
	"database/sql"
)

// commitMark follows the batch a target's session is writing, so that
// each transaction committing rows of it also records where the run stands
// (Options.Checkpoint): the line of the last row it wrote, the totals up
// to there and the rejected rows before it. A run interrupted between two
// commits then resumes after the last, counting what it wrote as what it was.
type commitMark[R any] struct {
	reject func(RowError)
	save   func(ctx context.Context, tx *sql.Tx, pr Progress) error
	c      *chunk[R]
	base   Result // the totals before the batch
	told   int    // the line up to which reject was told of the batch's rejects
}

// start follows batch c, the totals before it being base.
func (m *commitMark[R]) start(c *chunk[R], base Result) {
	m.c, m.base, m.told = c, base, 0
}

// commit is Options.Commit: the first len(outs) rows of the batch are
// written by the transaction tx commits, errs being their reasons.
func (m *commitMark[R]) commit(ctx context.Context, tx *sql.Tx, outs []Outcome, errs []RowError) error {
	n := len(outs)
	if n == 0 || m.save == nil {
		return nil
	}
	c, line := m.c, m.c.last
	if n < len(c.rows) {
		line = c.lines[n-1] // the rows after it, and the lines between, are read again on resuming
	}
	res := m.base
	res.Read += n
	res.count(outs)
	prev := 0
	for _, e := range c.rejects {
		if e.Line > line {
			break
		}
		if e.Line != prev { // a row that could not be parsed, maybe for several reasons
			res.Read++
			res.Rejected++
			prev = e.Line
		}
	}
	m.tell(line, errs)
	return m.save(ctx, tx, Progress{Line: line, Result: res})
}

// tell tells reject of the batch's rejects up to line not told yet: the
// rows that could not be parsed and the session's errs.
func (m *commitMark[R]) tell(line int, errs []RowError) {
	for _, list := range [][]RowError{m.c.rejects, errs} {
		for _, e := range list {
			if e.Line > m.told && e.Line <= line {
				m.reject(e)
			}
		}
	}
	m.told = max(m.told, line)
}

// rest tells reject of the batch's rejects no commit told, errs being
// the session's errors of all its rows.
func (m *commitMark[R]) rest(errs []RowError) {
	if m.c != nil {
		m.tell(m.c.last, errs)
	}
}
