package pgtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// findBinaries locates initdb and pg_ctl, preferring a pair from one directory.
func findBinaries() (initdb, pgCtl string, err error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if q := filepath.Join(filepath.Dir(p), "pg_ctl"); isExecutable(q) {
			return p, q, nil
		}
		if q, err := exec.LookPath("pg_ctl"); err == nil {
			return p, q, nil
		}
	}
	var dirs []string
	for _, pattern := range []string{"/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin"} {
		m, _ := filepath.Glob(pattern)
		slices.SortFunc(m, func(a, b string) int { return -compareVersions(a, b) })
		dirs = append(dirs, m...)
	}
	return findBinariesIn(append(dirs, "/usr/local/pgsql/bin"))
}

// findBinariesIn returns the first directory's initdb and pg_ctl that both exist.
func findBinariesIn(dirs []string) (initdb, pgCtl string, err error) {
	for _, d := range dirs {
		p, q := filepath.Join(d, "initdb"), filepath.Join(d, "pg_ctl")
		if isExecutable(p) && isExecutable(q) {
			return p, q, nil
		}
	}
	return "", "", fmt.Errorf("%w: no initdb/pg_ctl found (searched PATH, /usr/lib/postgresql/*/bin, "+
		"/usr/pgsql-*/bin, /usr/local/pgsql/bin) and JOL_TEST_POSTGRES unset", ErrUnavailable)
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

// compareVersions compares the version numbers embedded in two bin
// directories such as /usr/lib/postgresql/15/bin or /usr/pgsql-9.6/bin.
func compareVersions(a, b string) int {
	return slices.Compare(versionOf(a), versionOf(b))
}

func versionOf(binDir string) []int {
	s := filepath.Base(filepath.Dir(binDir))
	s = s[strings.LastIndexAny(s, "-")+1:]
	var v []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			break
		}
		v = append(v, n)
	}
	return v
}
