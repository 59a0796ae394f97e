package selection_test

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/web/webtest"
)

// claimingBook is a workbook whose one sheet declares it unpacks to 2 GB
// while its few packed bytes hold a small sheet.
func claimingBook(t *testing.T) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w := webtest.Must(zw.Create(name))
		webtest.Must(io.WriteString(w, parts[name]))
	}
	sheet := `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>youth_id</t></is></c></row></sheetData></worksheet>`
	w := webtest.Must(zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
		CRC32: crc32.ChecksumIEEE([]byte(sheet)), CompressedSize64: uint64(len(sheet)), UncompressedSize64: 2 << 30}))
	webtest.Must(io.WriteString(w, sheet))
	webtest.Check(t, zw.Close())
	return b.Bytes()
}

// Hostile lists of scores are refused whole, with the reason in the
// reader's language, nothing entered, and the memory each costs bounded:
// a body past the route's limit, ten thousand columns, a workbook
// claiming 2 GB, a cell of megabytes, and more lines than one list of
// scores takes.
func TestHostileListsOfScores(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	sel := webtest.Must(f.Svc.Selection.Create(ctx, access.System, selection.Input{Name: "Leaders", OrgID: f.Org.ID, Places: 5,
		QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst}))
	page := "/selections/" + webtest.Itoa(sel.ID)
	var lines strings.Builder
	lines.WriteString("youth_id,round,score\n")
	for i := range selection.MaxImportLines + 1 {
		lines.WriteString(strconv.Itoa(100000+i) + ",Almaty,50\n")
	}
	cases := []struct {
		name, file string
		body       []byte
		status     int
		want       string
	}{
		{"a body past the limit", "big.csv", bytes.Repeat([]byte("1,Almaty,50\n"), 11<<20/12), http.StatusRequestEntityTooLarge, ""},
		{"ten thousand columns", "wide.csv", []byte("youth_id,round,score" + strings.Repeat(",x", 10_000) + "\n1,A,1\n"),
			http.StatusUnprocessableEntity, "Line 1 has more than 1,000 columns."},
		{"a workbook claiming 2 GB", "claim.xlsx", claimingBook(t), http.StatusUnprocessableEntity,
			"The workbook unpacks to more than"},
		{"a cell of 5 MB", "cell.csv", []byte("youth_id,round,score\n1,\"" + strings.Repeat("x", 5<<20) + "\",1\n"),
			http.StatusUnprocessableEntity, "Line 2"},
		{"too many lines", "long.csv", []byte(lines.String()), http.StatusUnprocessableEntity,
			"The file has more than 20,000 rows"},
	}
	for _, tc := range cases {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		r := c.Upload(page+"/scores/import", tc.file, tc.body)
		runtime.ReadMemStats(&after)
		if r.Status != tc.status || !strings.Contains(r.Body, tc.want) {
			t.Errorf("%s: %d, want %d with %q", tc.name, r.Status, tc.status, tc.want)
		}
		// The upload itself is copied a few times on its way (the test's
		// body, the request, the kept file); beyond that, reading stays in
		// a fixed budget.
		if spent := after.TotalAlloc - before.TotalAlloc; spent > uint64(6*len(tc.body))+96<<20 {
			t.Errorf("%s: %d MB allocated for a %d KB file", tc.name, spent>>20, len(tc.body)>>10)
		}
	}
	if got := webtest.Must(f.Svc.Selection.Get(ctx, access.System, sel.ID)); got.Candidates != 0 {
		t.Errorf("%d candidates entered from hostile lists", got.Candidates)
	}
}
