package kit

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// page is a room's page using its own partial.
const page = `{{define "content"}}{{template "greeting" .}}{{end}}`

func room(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, body := range files {
		m[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return m
}

func TestParseBuildsEachPageWithTheSharedParts(t *testing.T) {
	k := &Kit{}
	tpl, err := k.Parse(room(map[string]string{"pages/hello.html": page}),
		room(map[string]string{"partials/greeting.html": `{{define "greeting"}}hi{{end}}`}))
	if err != nil {
		t.Fatal(err)
	}
	h, ok := tpl.byName["hello"]
	if !ok {
		t.Fatal("no page hello")
	}
	for _, name := range []string{"layout", "pager", "textfield", "greeting", "content"} {
		if h.Lookup(name) == nil {
			t.Errorf("page hello lacks template %q", name)
		}
	}
}

func TestParseRefusesBrokenAndTwiceDefinedTemplates(t *testing.T) {
	k := &Kit{}
	greeting := map[string]string{"partials/greeting.html": `{{define "greeting"}}hi{{end}}`}
	tests := []struct {
		name string
		room map[string]string
		more []map[string]string
		want string
	}{
		{"broken page", map[string]string{"pages/hello.html": `{{define "content"}}{{end`}, nil, "hello"},
		{"partial defined by two rooms", map[string]string{"pages/hello.html": page, "partials/mine.html": `{{define "greeting"}}hello{{end}}`},
			[]map[string]string{greeting}, `"greeting"`},
		{"partial of the kernel redefined", map[string]string{"pages/hello.html": page, "partials/pager.html": `{{define "pager"}}{{end}}`},
			[]map[string]string{greeting}, `"pager"`},
	}
	for _, tc := range tests {
		var more []fs.FS
		for _, m := range tc.more {
			more = append(more, room(m))
		}
		_, err := k.Parse(room(tc.room), more...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one naming %s", tc.name, err, tc.want)
		}
	}
}
