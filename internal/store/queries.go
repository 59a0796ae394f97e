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
// named queries found in fsys. Queries live in queries.sql, each introduced
// by a line "-- name: FieldName"; a file queries_<engine>.sql may override
// any of them with that engine's dialect. Binding fails when a field has no
// query or a query has no field, so a typo stops the program at start-up,
// not in the middle of a request.
func BindQueries(dst any, fsys fs.FS, e Engine) error {
	qs, err := parseQueries(fsys, "queries.sql")
	if err != nil {
		return err
	}
	over, err := parseQueries(fsys, "queries_"+string(e)+".sql")
	if err != nil && !isNotExist(err) {
		return err
	}
	for k, v := range over {
		if _, ok := qs[k]; !ok {
			return fmt.Errorf("queries_%s.sql: %s overrides no query in queries.sql", e, k)
		}
		qs[k] = v
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
			return fmt.Errorf("query %s: not found in queries.sql", f.Name)
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

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

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
