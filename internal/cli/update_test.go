package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
)

// TestConcurrentUpdates runs twenty updates of one deal and twenty of
// different deals at once: each lands exactly once, the folder checks
// clean, and no temporary file is left (only the lock file).
func TestConcurrentUpdates(t *testing.T) {
	const n = 20
	dir := dataFolder(t)
	for i := range n {
		if code, _, errs := run(addArgs(dir, fmt.Sprintf("other-%02d", i))...); code != ExitOK {
			t.Fatalf("add: %s", errs)
		}
	}
	var wg sync.WaitGroup
	codes := make([]int, 2*n)
	for i := range n {
		wg.Go(func() {
			codes[i], _, _ = run("--data", dir, "update", "umbrella", "--date", "2026-01-01", "--note", fmt.Sprintf("note %02d", i))
		})
		wg.Go(func() {
			codes[n+i], _, _ = run("--data", dir, "update", fmt.Sprintf("other-%02d", i), "--date", "2026-01-01", "--status", "completed")
		})
	}
	wg.Wait()
	for i, c := range codes {
		if c != ExitOK {
			t.Errorf("update %d: exit %d", i, c)
		}
	}
	set := store.Load(os.DirFS(dir), dir)
	if len(set.Problems) != 0 {
		t.Fatalf("problems after the updates: %v", set.Problems)
	}
	umbrella, _ := set.Deal("umbrella")
	seen := map[string]int{}
	for _, u := range umbrella.Updates {
		seen[u.Note]++
	}
	for i := range n {
		if note := fmt.Sprintf("note %02d", i); seen[note] != 1 {
			t.Errorf("%q landed %d times, want once", note, seen[note])
		}
	}
	for i := range n {
		d, _ := set.Deal(fmt.Sprintf("other-%02d", i))
		if d.Status != "completed" || len(d.Updates) != 2 { // the status as announced, then the change
			t.Errorf("%s: status %s, %d updates; want completed and 2", d.ID, d.Status, len(d.Updates))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && e.Name() != folder.LockFile {
			t.Errorf("left behind: %s", filepath.Join(dir, e.Name()))
		}
	}
}
