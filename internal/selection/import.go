package selection

import (
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/tabular"
	"github.com/jolproject/jol/internal/valid"
)

// The columns of a list of scores; rank may be left out.
var scoreColumns = []string{"youth_id", "round", "score", "rank"}

// MaxImportLines bounds the lines of one list of scores: all of them are
// held and entered in one transaction, which holds the selection's lock
// throughout. A region's round is a few thousand young people; a
// country's lists come a region at a time.
const MaxImportLines = 20_000

// Imported says what a list of scores entered and refused.
type Imported struct {
	Entered int          `json:"entered"`
	Refused []RowRefusal `json:"refused"`
}

// RowRefusal is a line of a list not entered, and why.
type RowRefusal struct {
	Line    int   `json:"line"`
	YouthID int64 `json:"youth_id"`
	Err     error `json:"-"`
}

// Import enters the scores of a list (CSV or XLSX, read by rd) with the
// columns youth_id, round and score, and rank if known, as Enter does
// one by one: the lines refused are listed with why, the others entered
// together.
func (s *Service) Import(ctx context.Context, p access.Principal, id int64, rd tabular.Reader) (Imported, error) {
	if err := access.Can(p, access.ManageSelection, p.Scope()); err != nil {
		return Imported{}, err
	}
	col := map[string]int{}
	for i, h := range rd.Header() {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, c := range scoreColumns[:3] {
		if _, ok := col[c]; !ok {
			return Imported{}, errs.Validation(errs.Field("file", "error.selection_columns", "Columns", strings.Join(scoreColumns[:3], ", ")))
		}
	}
	cell := func(r tabular.Row, name string) string {
		if i, ok := col[name]; ok && i < len(r.Cells) {
			return strings.TrimSpace(r.Cells[i])
		}
		return ""
	}
	var out Imported
	var ins []Score
	var lines []int
	for {
		r, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if len(ins)+len(out.Refused) >= MaxImportLines {
			return Imported{}, errs.New(errs.TooLarge, tabular.KeyTooManyRows, "Limit", MaxImportLines)
		}
		if errors.Is(err, tabular.ErrBadRow) {
			out.Refused = append(out.Refused, RowRefusal{Line: r.Line, Err: err})
			continue
		}
		if err != nil {
			return Imported{}, err
		}
		in := Score{Round: cell(r, "round")}
		youth, yerr := strconv.ParseInt(cell(r, "youth_id"), 10, 64)
		score, serr := strconv.ParseFloat(strings.ReplaceAll(cell(r, "score"), ",", "."), 64)
		in.YouthID, in.Score = youth, score
		in.Rank, _ = strconv.Atoi(cell(r, "rank"))
		switch {
		case yerr != nil:
			out.Refused = append(out.Refused, RowRefusal{Line: r.Line, Err: errs.Validation(errs.Field("youth_id", "error.selection_youth", "ID", cell(r, "youth_id")))})
		case serr != nil:
			out.Refused = append(out.Refused, RowRefusal{Line: r.Line, YouthID: youth, Err: errs.Validation(errs.Field("score", "error.selection_score", "Max", int64(MaxScore)))})
		default:
			ins, lines = append(ins, in), append(lines, r.Line)
		}
	}
	if len(ins) == 0 && len(out.Refused) == 0 {
		return Imported{}, errs.Validation(valid.Required(nil, "file", "")...)
	}
	var refused []RowRefusal
	err := s.enterAll(ctx, p, id, "import", 0, ins, func(i int, err error) {
		refused = append(refused, RowRefusal{Line: lines[i], YouthID: ins[i].YouthID, Err: err})
	})
	out.Refused = append(out.Refused, refused...)
	slices.SortFunc(out.Refused, func(a, b RowRefusal) int { return a.Line - b.Line })
	out.Entered = len(ins) - len(refused)
	return out, err
}
