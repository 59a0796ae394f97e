package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/tabular"
)

// unknownSchools reads the list once for the schools it names that are
// not registered and, with create, registers them under organisation org
// (a thousand at a time, as the engine lists them); without it, it names
// them so the user can decide. The schools mapped (--map-school) are not
// unknown. A dry run creates nothing.
func unknownSchools(ctx context.Context, e env, a *app, t *imports.Target, dir string, file *os.File, size, org int64,
	mapped imports.SchoolMap, create bool) error {
	for {
		rd, err := tabular.OpenIn(dir, file.Name(), file, size)
		if err != nil {
			return err
		}
		unknown, more, err := a.Imports.FindUnknownSchools(ctx, access.System, t, rd, nil)
		rd.Close()
		unknown = slices.DeleteFunc(unknown, func(u imports.UnknownSchool) bool { return mapped.To(u.Name) != 0 })
		if err != nil || len(unknown) == 0 {
			return err
		}
		if !create {
			rows := 0
			for _, u := range unknown {
				rows += u.Rows
			}
			fmt.Fprintf(e.stderr, "%d schools named in the list are not registered (%d rows will be refused), e.g. %q; --create-schools registers them under --org\n",
				len(unknown), rows, unknown[0].Name)
			return nil
		}
		made, err := a.Imports.CreateSchools(ctx, access.System, org, unknown, nil)
		fmt.Fprintf(e.stderr, "registered %d schools under organisation %d\n", made, org)
		if err != nil || !more || made == 0 {
			return err
		}
	}
}

// schoolMapFlag is the repeatable flag --map-school NAME=ORGID.
type schoolMapFlag imports.SchoolMap

func (m schoolMapFlag) String() string { return "" }

// Set reads NAME=ORGID; the last "=" separates them, as a name may hold one.
func (m schoolMapFlag) Set(v string) error {
	i := strings.LastIndex(v, "=")
	if i <= 0 {
		return fmt.Errorf("want NAME=ORGID, not %q", v)
	}
	id, err := strconv.ParseInt(strings.TrimSpace(v[i+1:]), 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("want NAME=ORGID, not %q", v)
	}
	imports.SchoolMap(m).Map(v[:i], id)
	return nil
}
