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
	m, probs := MapHeader(up.Preview.Header, tpl)
	c := Check{Columns: m.cols, Problems: probs, Fatal: Fatal(probs)}
	var ps *parser
	if !c.Fatal {
		refs, err := LoadRefs(ctx, s.Geo, s.Orgs, s.People, p)
		if err != nil {
			return Check{}, err
		}
		ps = &parser{m: m, refs: refs, orgID: up.OrgID}
	}
	for _, r := range up.Preview.Rows {
		row := CheckedRow{SampleRow: r}
		switch {
		case r.Bad != "":
			row.Errors = []RowError{{Line: r.Line, Key: r.Bad, Args: []any{"Line", r.Line}}}
		case ps != nil:
			_, row.Errors = ps.parse(tabular.Row{Line: r.Line, Cells: r.Cells, Formulas: r.Formulas})
		}
		c.Rows = append(c.Rows, row)
	}
	return c, nil
}
