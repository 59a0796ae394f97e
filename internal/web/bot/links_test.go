package bot_test

import (
	"bytes"
	"context"
	"image/png"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/bot"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var linkPath = regexp.MustCompile(`^/bot/links/(\d+)$`)

// setUsername names the installation's bot.
func setUsername(t *testing.T, f *webtest.Fixture, name string) {
	t.Helper()
	st, err := f.Svc.Settings.Get(context.Background())
	webtest.Check(t, err)
	st.BotUsername = name
	webtest.Check(t, f.Svc.Settings.Update(context.Background(), access.System, st))
}

// TestLinksWithoutAndWithUsername makes a link from the page; without the
// bot's username the pages say how to set it and show the key, and the
// QR codes are refused; with it, the link's address and its QR codes.
func TestLinksWithoutAndWithUsername(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	page := c.Get("/bot/links")
	if page.Status != 200 || !strings.Contains(page.Body, "username is not set") ||
		!strings.Contains(page.Body, `value="organisation:`+webtest.Itoa(f.Org.ID)+`"`) || !strings.Contains(page.Body, `value="region:KZ-75"`) {
		t.Fatalf("links page: %d\n%s", page.Status, page.Body)
	}
	res := c.Post("/bot/links", url.Values{"target": {"organisation:" + webtest.Itoa(f.Org.ID)}, "label": {"Poster at the bus stop"}})
	m := linkPath.FindStringSubmatch(res.Location)
	if res.Status != 303 || m == nil {
		t.Fatalf("create: %d to %q\n%s", res.Status, res.Location, res.Body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	l, err := f.Svc.BotLinks.Get(context.Background(), f.Coord.Principal(), id, "en")
	webtest.Check(t, err)
	one := c.Get(res.Location)
	if !strings.Contains(one.Body, l.Key) || !strings.Contains(one.Body, "/start "+l.Key) || strings.Contains(one.Body, "qr.png") {
		t.Errorf("link page without a username:\n%s", one.Body)
	}
	if got := c.Get(res.Location + "/qr.png"); got.Status != 409 {
		t.Errorf("a QR code without a username: %d", got.Status)
	}
	setUsername(t, f, "jol_test_bot")
	want := "https://t.me/jol_test_bot?start=" + l.Key
	one = c.Get(res.Location)
	if !strings.Contains(one.Body, want) || !strings.Contains(one.Body, "qr.svg?inline=1") || !strings.Contains(one.Body, "Poster at the bus stop") {
		t.Errorf("link page with a username:\n%s", one.Body)
	}
	pngFile := c.Download(res.Location + "/qr.png")
	svgFile := c.Download(res.Location + "/qr.svg")
	if pngFile.Status != 200 || pngFile.Header.Get("Content-Type") != "image/png" || svgFile.Header.Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("downloads: %d %q, %d %q", pngFile.Status, pngFile.Header.Get("Content-Type"), svgFile.Status, svgFile.Header.Get("Content-Type"))
	}
	matrix := encoderMatrix(t, want)
	checkPNG(t, pngFile.Body, matrix)
	checkSVG(t, svgFile.Body, matrix)
	// Disabled, it stays listed as such.
	if res := c.Post(res.Location+"/disable", nil); res.Status != 303 {
		t.Errorf("disable: %d", res.Status)
	}
	if list := c.Get("/bot/links"); !strings.Contains(list.Body, "Disabled") || !strings.Contains(list.Body, want) {
		t.Errorf("list after disabling:\n%s", list.Body)
	}
}

// TestLinkTargetsAreChecked refuses a target outside the coordinator's
// tree or of no kind, beside the form's select, and pages the list.
func TestLinkTargetsAreChecked(t *testing.T) {
	f := webtest.New(t)
	other := webtest.Must(f.Svc.Orgs.Create(context.Background(), access.System, orgs.Input{Name: "Elsewhere", Type: orgs.Foundation, RegionCode: "KZ-71"}))
	c := f.Login(t, "coord@example.org")
	for _, target := range []string{"organisation:" + webtest.Itoa(other.ID), "region:IR-23", "person:1", "", "campaign:999"} {
		res := c.Post("/bot/links", url.Values{"target": {target}})
		if res.Status != 422 || !strings.Contains(res.Body, `aria-invalid="true"`) {
			t.Errorf("target %q: %d\n%s", target, res.Status, res.Body)
		}
	}
	for range 3 {
		if res := c.Post("/bot/links", url.Values{"target": {"region:KZ-75"}}); res.Status != 303 {
			t.Fatalf("create: %d", res.Status)
		}
	}
	page := c.Get("/bot/links?limit=2")
	if !strings.Contains(page.Body, "cursor=") || strings.Count(page.Body, `href="/bot/links/`) != 2 {
		t.Errorf("first page of two:\n%s", page.Body)
	}
	// An operator may not open the page at all.
	if res := f.User(t, "op@example.org", access.Operator, "en").Get("/bot/links"); res.Status != 403 {
		t.Errorf("operator: %d", res.Status)
	}
}

// encoderMatrix is the encoder's own matrix of url, quiet zone included.
func encoderMatrix(t *testing.T, url string) [][]bool {
	t.Helper()
	q, err := qrcode.New(url, qrcode.Medium)
	webtest.Check(t, err)
	m := q.Bitmap()
	// The matrix is a QR code's: 4 × version + 17 modules and the quiet
	// zone of 4 on each side, with the three finder patterns.
	n := len(m) - 8
	if (n-17)%4 != 0 || n < 21 {
		t.Fatalf("a matrix of %d modules", n)
	}
	for _, at := range [][2]int{{4, 4}, {4, 4 + n - 7}, {4 + n - 7, 4}} {
		for y := range 7 {
			for x := range 7 {
				ring := max(abs(x-3), abs(y-3))
				if want := ring != 2; m[at[0]+y][at[1]+x] != want {
					t.Fatalf("no finder pattern at %v", at)
				}
			}
		}
	}
	return m
}

// checkPNG reads the PNG back module by module, sampling each module's
// centre: it must draw exactly the encoder's matrix.
func checkPNG(t *testing.T, b []byte, m [][]bool) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	webtest.Check(t, err)
	k := bot.ModulePixels(len(m))
	if got := img.Bounds().Dx(); got != k*len(m) || got < 800 {
		t.Fatalf("PNG of %d pixels, want %d (%d modules of %d)", got, k*len(m), len(m), k)
	}
	for y, row := range m {
		for x, dark := range row {
			r, _, _, _ := img.At(x*k+k/2, y*k+k/2).RGBA()
			if (r < 0x8000) != dark {
				t.Fatalf("PNG module %d,%d is not the encoder's", x, y)
			}
		}
	}
}

// checkSVG reads the SVG's rectangles back into a matrix: it must be the
// encoder's, in a view box of its size.
func checkSVG(t *testing.T, b []byte, m [][]bool) {
	t.Helper()
	s := string(b)
	n := len(m)
	if !strings.HasPrefix(s, "<svg ") || !strings.Contains(s, `viewBox="0 0 `+strconv.Itoa(n)+" "+strconv.Itoa(n)+`"`) {
		t.Fatalf("SVG head: %.200s", s)
	}
	got := make([][]bool, n)
	for i := range got {
		got[i] = make([]bool, n)
	}
	for _, r := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllStringSubmatch(s, -1) {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for i := range w {
			got[y][x+i] = true
		}
	}
	for y := range m {
		for x := range m[y] {
			if got[y][x] != m[y][x] {
				t.Fatalf("SVG module %d,%d is not the encoder's", x, y)
			}
		}
	}
}

func abs(n int) int { return max(n, -n) }
