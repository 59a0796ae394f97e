package api

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/store/storetest"
)

// operation is what the test reads of an OpenAPI operation.
type operation struct {
	OperationID string             `json:"operationId"`
	Security    *[]json.RawMessage `json:"security"`
	Parameters  []struct {
		Ref  string `json:"$ref"`
		Name string `json:"name"`
		In   string `json:"in"`
	} `json:"parameters"`
}

func TestOpenAPIDocumentMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                          `json:"openapi"`
		Servers []struct{ URL string }          `json:"servers"`
		Paths   map[string]map[string]operation `json:"paths"`
		Comps   struct {
			Parameters map[string]struct{ Name, In string } `json:"parameters"`
		} `json:"components"`
	}
	check(t, json.Unmarshal([]byte(openAPIDoc), &doc))
	if doc.OpenAPI != "3.1.0" || len(doc.Servers) != 1 || doc.Servers[0].URL != Prefix {
		t.Fatalf("openapi %q, servers %+v", doc.OpenAPI, doc.Servers)
	}
	documented := map[string]operation{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			documented[strings.ToUpper(method)+" "+Prefix+path] = op
		}
	}
	pathParam := regexp.MustCompile(`\{(\w+)\}`)
	for _, rt := range (&API{}).routes() {
		key := rt.method + " " + rt.pattern
		op, ok := documented[key]
		if !ok {
			t.Errorf("%s is not documented", key)
			continue
		}
		delete(documented, key)
		if op.OperationID != rt.op {
			t.Errorf("%s: operationId %q, route table says %q", key, op.OperationID, rt.op)
		}
		switch {
		case op.Security == nil:
			t.Errorf("%s declares no security", key)
		case rt.action == "" && len(*op.Security) != 0:
			t.Errorf("%s is public but its document asks for a token", key)
		case rt.action != "" && len(*op.Security) == 0:
			t.Errorf("%s needs a token but its document does not say so", key)
		}
		var inPath []string
		for _, p := range op.Parameters {
			if p.Ref != "" {
				c := doc.Comps.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				p.Name, p.In = c.Name, c.In
			}
			if p.In == "path" {
				inPath = append(inPath, p.Name)
			}
		}
		for _, m := range pathParam.FindAllStringSubmatch(rt.pattern, -1) {
			if !slices.Contains(inPath, m[1]) {
				t.Errorf("%s: path parameter %s is not documented", key, m[1])
			}
		}
	}
	for key := range documented {
		t.Errorf("%s is documented but not routed", key)
	}
}

func TestOpenAPIReferencesResolve(t *testing.T) {
	var doc map[string]any
	check(t, json.Unmarshal([]byte(openAPIDoc), &doc))
	ref := regexp.MustCompile(`"\$ref":\s*"#/([^"]+)"`)
	for _, m := range ref.FindAllStringSubmatch(openAPIDoc, -1) {
		var node any = doc
		for _, part := range strings.Split(m[1], "/") {
			obj, _ := node.(map[string]any)
			if node = obj[part]; node == nil {
				t.Errorf("$ref #/%s does not resolve", m[1])
				break
			}
		}
	}
}

func TestOpenAPIIsServedAsJSON(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	w := f.do(t, "GET", "/api/v1/openapi.json", "", nil)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" || !json.Valid(w.Body.Bytes()) {
		t.Fatalf("%d %q", w.Code, w.Header().Get("Content-Type"))
	}
}
