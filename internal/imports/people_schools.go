package imports

import (
	"cmp"
	"context"
	"errors"
	"io"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/tabular"
)

// MaxUnknownSchools is how many unknown schools a preview lists: a list
// naming more is almost always one whose school column holds something
// else.
const MaxUnknownSchools = 1000

// UnknownSchool is a school a list names that no organisation the
// uploader sees is called, with the number of rows naming it. Those rows
// are refused until it is created or the cells are changed.
type UnknownSchool struct {
	Name string // as the first row naming it writes it
	Rows int
}

// UnknownSchools returns the schools upload up names, with tpl answering
// its unknown headers, that p knows no organisation of (see
// FindUnknownSchools). The whole file is read once per column its school
// is read from, not at each view: the names it holds are kept (see
// schoolCache), and only compared again with the organisations p sees.
func (s *Service) UnknownSchools(ctx context.Context, p access.Principal, up Upload, tpl Template) ([]UnknownSchool, bool, error) {
	t, err := s.Target(up.Target)
	if err != nil || up.Purged || !t.Has(School) {
		return nil, false, err
	}
	m, probs := t.MapHeader(up.Preview.Header, tpl)
	if Fatal(probs) || !m.Has(School) {
		return nil, false, nil
	}
	k := scanOf(up.ID, m)
	names, ok := s.schools.get(k)
	if !ok {
		rd, err := tabular.OpenIn(s.TempDir, up.Name, s.file(ctx, up), up.Size)
		if err != nil {
			return nil, false, err
		}
		defer rd.Close()
		s.schools.reads.Add(1)
		if names, err = countSchools(rd, m); err != nil {
			return nil, false, err
		}
		s.schools.put(k, names)
	}
	return s.unknownOf(ctx, p, names)
}

// FindUnknownSchools reads the rest of rd, a list of target t, and
// returns the schools it names that p knows no organisation of, most rows
// first, at most MaxUnknownSchools (more is true when there are others).
// A list without a school column names none.
func (s *Service) FindUnknownSchools(ctx context.Context, p access.Principal, t *Target, rd tabular.Reader, tpl Template) (
	[]UnknownSchool, bool, error) {
	m, probs := t.MapHeader(rd.Header(), tpl)
	if Fatal(probs) || !m.Has(School) {
		return nil, false, nil
	}
	names, err := countSchools(rd, m)
	if err != nil {
		return nil, false, err
	}
	return s.unknownOf(ctx, p, names)
}

// countSchools reads the rest of rd, mapped by m, and counts the rows of
// each school it names.
func countSchools(rd tabular.Reader, m Mapping) (schoolCounts, error) {
	seen := schoolCounts{}
	for {
		row, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return seen, nil
		}
		if err != nil && !errors.Is(err, tabular.ErrBadRow) {
			return nil, err
		}
		name := (Fields{m: &m, cells: row.Cells}).Get(School)
		if name == "" {
			continue
		}
		k := valueKey(name)
		if u := seen[k]; u != nil {
			u.Rows++
		} else {
			seen[k] = &UnknownSchool{Name: name, Rows: 1}
		}
	}
}

// unknownOf returns the schools of names p knows no organisation of, most
// rows first, at most MaxUnknownSchools (more is true when there are others).
func (s *Service) unknownOf(ctx context.Context, p access.Principal, names schoolCounts) ([]UnknownSchool, bool, error) {
	known, err := schoolIndex(ctx, s.Orgs, p)
	if err != nil {
		return nil, false, err
	}
	out := make([]UnknownSchool, 0, len(names))
	for k, u := range names {
		if _, ok := known[k]; !ok {
			out = append(out, *u)
		}
	}
	slices.SortFunc(out, func(a, b UnknownSchool) int {
		return cmp.Or(cmp.Compare(b.Rows, a.Rows), cmp.Compare(a.Name, b.Name))
	})
	if len(out) > MaxUnknownSchools {
		return out[:MaxUnknownSchools], true, nil
	}
	return out, false, nil
}

// MayCreateSchools reports whether p may register schools under the
// organisation up comes from: coordinators and administrators may, the
// operators and school staff who upload lists may not.
func (s *Service) MayCreateSchools(ctx context.Context, p access.Principal, up Upload) bool {
	o, err := s.Orgs.Get(ctx, p, up.OrgID)
	return err == nil && access.Can(p, access.ManageOrgs, o.Target()) == nil
}

// CreateSchools registers each of the unknown schools named (all when
// names is nil) under organisation orgID and in its region, and returns
// how many it registered. Each is written to the change log as any new
// organisation, and needs p to be allowed to create it.
func (s *Service) CreateSchools(ctx context.Context, p access.Principal, orgID int64, unknown []UnknownSchool, names []string) (int, error) {
	parent, err := s.Orgs.Get(ctx, p, orgID)
	if err != nil {
		return 0, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[valueKey(n)] = true
	}
	made := 0
	for _, u := range unknown {
		if names != nil && !want[valueKey(u.Name)] {
			continue
		}
		if _, err := s.Orgs.Create(ctx, p, orgs.Input{Name: u.Name, Type: orgs.School, ParentID: parent.ID,
			RegionCode: parent.RegionCode, Locale: parent.Locale}); err != nil {
			return made, err
		}
		made++
	}
	return made, nil
}
