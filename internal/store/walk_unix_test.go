//go:build unix

package store

import (
	"github.com/dealtrack/dealtrack/internal/folder/foldertest"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestPipeNamedLikeADeal: opening a named pipe blocks until someone
// writes to it, so the loader must refuse it without opening it.
func TestPipeNamedLikeADeal(t *testing.T) {
	dir := foldertest.Make(t, map[string]string{"deal-one.yaml": plainDeal})
	for _, name := range []string{"pipe.yaml", "parties.yaml"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	foldertest.Symlink(t, "pipe.yaml", dir, "link-to-pipe.yaml")
	done := make(chan *Set)
	go func() { done <- loadDir(t, dir) }()
	select {
	case set := <-done:
		for _, name := range []string{"pipe.yaml", "parties.yaml", "link-to-pipe.yaml"} {
			problemFor(t, set, "deals/"+name, "not a regular file (a pipe, socket or device); a deal file is a plain file")
		}
		wantIDs(t, set, "deal-one")
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a named pipe")
	}
}

// TestNameNotUTF8: a file name that is not UTF-8 is named (with U+FFFD in
// place of the bad bytes) and refused, not reported as "invalid argument".
func TestNameNotUTF8(t *testing.T) {
	dir := foldertest.Make(t, map[string]string{"deal-one.yaml": plainDeal})
	if err := os.WriteFile(filepath.Join(dir, "bad-\xff.yaml"), []byte(plainDeal), 0o644); err != nil {
		t.Skipf("this file system refuses such names: %v", err)
	}
	set := loadDir(t, dir)
	problemFor(t, set, "deals/bad-\uFFFD.yaml", "the name is not valid UTF-8")
	wantIDs(t, set, "deal-one")
}
