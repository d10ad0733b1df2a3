//go:build unix

package folder

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

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
	for name, want := range map[string]error{"pipe.yaml": errIrregular, "folder.yaml": ErrFolder, "huge.yaml": ErrTooLarge} {
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
