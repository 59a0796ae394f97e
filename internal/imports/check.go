package imports

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/tabular"
)

// Check is an upload's preview read with a template: what each column of
// the file holds, what is wrong with the header, and the first rows as
// the import would parse them.
type Check struct {
	Columns  []Column // by position in the file; "" for a column not imported
	Problems []HeaderProblem
	Fatal    bool // the header cannot be used as it is (see Fatal)
	Rows     []CheckedRow
}

// CheckedRow is one of the first rows of a file with what the import
// would reject it for; the registry's own checks (ID numbers, duplicates)
// only a dry run tells.
type CheckedRow struct {
	SampleRow
	Errors []RowError
}

// Check reads the preview of up with tpl answering the headers Jol does
// not know. The rows are parsed as p would import them.
func (s *Service) Check(ctx context.Context, p access.Principal, up Upload, tpl Template) (Check, error) {
	t, err := s.Target(up.Target)
	if err != nil {
		return Check{}, err
	}
	m, probs := t.MapHeader(up.Preview.Header, tpl)
	c := Check{Columns: m.cols, Problems: probs, Fatal: Fatal(probs)}
	var parse func(Fields) []RowError
	if !c.Fatal {
		sm, err := s.SchoolMap(ctx, up.ID)
		if err != nil {
			return Check{}, err
		}
		if parse, err = t.check(ctx, p, Options{OrgID: up.OrgID, Schools: sm, Campaign: up.Preview.Campaign}); err != nil {
			return Check{}, err
		}
	}
	for _, r := range up.Preview.Rows {
		row := CheckedRow{SampleRow: r}
		switch {
		case r.Bad != "":
			row.Errors = []RowError{{Line: r.Line, Key: r.Bad, Args: []any{"Line", r.Line}}}
		case parse != nil:
			row.Errors = append(m.rowErrors(tabular.Row{Line: r.Line, Cells: r.Cells, Formulas: r.Formulas}),
				parse(Fields{Line: r.Line, m: &m, cells: r.Cells})...)
		}
		c.Rows = append(c.Rows, row)
	}
	return c, nil
}
