//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestPipeNamedLikeADeal: opening a named pipe blocks until someone
// writes to it, so the loader must refuse it without opening it.
func TestPipeNamedLikeADeal(t *testing.T) {
	dir := folder(t, map[string]string{"deal-one.yaml": plainDeal})
	for _, name := range []string{"pipe.yaml", "parties.yaml"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
	}
	symlink(t, "pipe.yaml", dir, "link-to-pipe.yaml")
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

// TestReadFileRefusesWhatIsNotADeal: fmt and Replace read a file again
// after the walk; one swapped since for a pipe, a folder or a huge sparse
// file is refused at once, never waited on or read whole.
func TestReadFileRefusesWhatIsNotADeal(t *testing.T) {
	dir := folder(t, map[string]string{"deal.yaml": plainDeal})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "huge.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(40 << 30); err != nil { // 40 GiB, sparse
		t.Skipf("cannot make a sparse file here: %v", err)
	}
	f.Close()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for name, want := range map[string]error{"pipe.yaml": errIrregular, "folder.yaml": errFolder, "huge.yaml": errTooLarge} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(root, name); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, want) {
				t.Errorf("ReadFile(%s): %v, want %v", name, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) still blocked after 5 s", name)
		}
	}
	if data, err := ReadFile(root, "deal.yaml"); err != nil || string(data) != plainDeal {
		t.Errorf("ReadFile(deal.yaml) = %q, %v", data, err)
	}
}

// TestNameNotUTF8: a file name that is not UTF-8 is named (with U+FFFD in
// place of the bad bytes) and refused, not reported as "invalid argument".
func TestNameNotUTF8(t *testing.T) {
	dir := folder(t, map[string]string{"deal-one.yaml": plainDeal})
	if err := os.WriteFile(filepath.Join(dir, "bad-\xff.yaml"), []byte(plainDeal), 0o644); err != nil {
		t.Skipf("this file system refuses such names: %v", err)
	}
	set := loadDir(t, dir)
	problemFor(t, set, "deals/bad-\uFFFD.yaml", "the name is not valid UTF-8")
	wantIDs(t, set, "deal-one")
}
