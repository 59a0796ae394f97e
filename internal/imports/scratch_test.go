package imports

import (
	"os"
	"path/filepath"
	"testing"
)

// TestScratchSweepsWhatACrashLeft leaves a folder as a crash would - its
// files in place, its lock released, as the kernel releases it when a
// process dies - and checks that the next start removes it, and only it.
func TestScratchSweepsWhatACrashLeft(t *testing.T) {
	parent := t.TempDir()
	crashed, err := OpenScratch(parent)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(crashed.Dir, "rejects-1.jsonl"), []byte(`{"value":"Иванов"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	crashed.lock.Close()
	running, err := OpenScratch(parent)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(parent, "keep")
	if err := os.Mkdir(other, 0o700); err != nil {
		t.Fatal(err)
	}
	next, err := OpenScratch(parent) // a second process starting beside a running one
	if err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]bool{crashed.Dir: false, running.Dir: true, next.Dir: true, other: true} {
		if _, err := os.Stat(dir); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(dir), err == nil, want)
		}
	}
	if err := running.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running.Dir); !os.IsNotExist(err) {
		t.Fatalf("Close left the folder: %v", err)
	}
	next.Close()
}
