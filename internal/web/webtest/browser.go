package webtest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser starts headless Chromium for one test and returns its context,
// closed when the test ends. It runs JOL_CHROMIUM, else the first of the
// usual builds on the PATH; with none the test is skipped, or fails when
// JOL_REQUIRE_BROWSER=1 (as CI sets it). The browser asks for English
// pages whichever build runs: Chromium sends the system's language but
// the headless shell sends none, and the installation's default would
// answer.
func Browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("JOL_CHROMIUM")
	for _, name := range []string{"chromium", "chromium-headless-shell", "google-chrome", "chromium-browser"} {
		if path != "" {
			break
		}
		path, _ = exec.LookPath(name)
	}
	if path == "" {
		msg := "browser tests skipped: no Chromium found (install the chromium package or set JOL_CHROMIUM); set JOL_REQUIRE_BROWSER=1 to make this fatal"
		if os.Getenv("JOL_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("accept-lang", "en-US,en"), chromedp.Flag("lang", "en-US"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}
