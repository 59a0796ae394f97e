package store

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
)

// BindQueries fills the string fields of the struct dst points to with the
// named queries found in the .sql files at the root of fsys, each query
// introduced by a line "-- name: FieldName". A package may spread its
// queries over several files (queries.sql, assessments.sql, …); a file
// named <name>_<engine>.sql (queries_postgres.sql, places_sqlite.sql)
// holds that engine's dialect of queries defined in another file and is
// read only on that engine. Binding fails when a field has no query, a
// query has no field or two files define the same one, so a typo stops the
// program at start-up, not in the middle of a request.
func BindQueries(dst any, fsys fs.FS, e Engine) error {
	qs, err := readQueries(fsys, e)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(dst).Elem()
	rt := rv.Type()
	used := map[string]bool{}
	for i := range rt.NumField() {
		f := rt.Field(i)
		if f.Type.Kind() != reflect.String {
			continue
		}
		q, ok := qs[f.Name]
		if !ok {
			return fmt.Errorf("query %s: not found in any .sql file", f.Name)
		}
		rv.Field(i).SetString(Rebind(e, q))
		used[f.Name] = true
	}
	for k := range qs {
		if !used[k] {
			return fmt.Errorf("query %s: defined but not used by %s", k, rt.Name())
		}
	}
	return nil
}

// readQueries reads the queries of every .sql file of fsys, then the
// overrides of engine e.
func readQueries(fsys fs.FS, e Engine) (map[string]string, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	qs, over := map[string]string{}, map[string]string{}
	for _, name := range names {
		base := strings.TrimSuffix(name, ".sql")
		var into map[string]string
		switch {
		case strings.HasSuffix(base, "_"+string(e)):
			into = over
		case strings.HasSuffix(base, "_"+string(SQLite)), strings.HasSuffix(base, "_"+string(Postgres)):
			continue // another engine's dialect
		default:
			into = qs
		}
		got, err := parseQueries(fsys, name)
		if err != nil {
			return nil, err
		}
		for k, v := range got {
			if _, dup := into[k]; dup {
				return nil, fmt.Errorf("%s: query %s defined in another file too", name, k)
			}
			into[k] = v
		}
	}
	if len(names) == 0 {
		return nil, errors.New("no .sql files to read queries from")
	}
	for k, v := range over {
		if _, ok := qs[k]; !ok {
			return nil, fmt.Errorf("%s dialect: %s overrides no query", e, k)
		}
		qs[k] = v
	}
	return qs, nil
}

func parseQueries(fsys fs.FS, name string) (map[string]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	var cur string
	var b strings.Builder
	flush := func() {
		if cur != "" {
			out[cur] = strings.TrimSpace(b.String())
		}
		b.Reset()
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
			flush()
			cur = strings.TrimSpace(rest)
			if _, dup := out[cur]; dup {
				return nil, fmt.Errorf("%s: query %s defined twice", name, cur)
			}
			continue
		}
		if cur != "" {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	flush()
	return out, sc.Err()
}
