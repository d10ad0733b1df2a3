package folder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
)

func openRoot(t *testing.T) (*os.Root, string) {
	t.Helper()
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root, dir
}

// entries lists dir's names, hidden ones included.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func wantEntries(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := entries(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func wantContent(t *testing.T, file, want string) {
	t.Helper()
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", file, got, want)
	}
}

func TestCreateWritesANewFile(t *testing.T) {
	root, dir := openRoot(t)
	if err := Create(root, "a.yaml", []byte("title: A\n")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, filepath.Join(dir, "a.yaml"), "title: A\n")
	wantEntries(t, dir, "a.yaml")
}

func TestCreateNeverReplaces(t *testing.T) {
	root, dir := openRoot(t)
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("old\n"), 0o644)
	err := Create(root, "a.yaml", []byte("new\n"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("Create over an existing file: %v, want fs.ErrExist", err)
	}
	wantContent(t, filepath.Join(dir, "a.yaml"), "old\n")
	wantEntries(t, dir, "a.yaml")
}

func TestCreateStaysInsideTheFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "data")
	os.Mkdir(dir, 0o755)
	outside := filepath.Join(parent, "outside.yaml")
	os.Symlink(outside, filepath.Join(dir, "link.yaml"))
	os.Symlink(parent, filepath.Join(dir, "up"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, name := range []string{"../x.yaml", "/abs.yaml", filepath.Join(parent, "abs.yaml"), "link.yaml", "up/x.yaml", "missing/x.yaml"} {
		if err := Create(root, name, []byte("x\n")); err == nil {
			t.Errorf("Create(%q) succeeded, want a refusal", name)
		}
	}
	wantEntries(t, parent, "data")
	wantEntries(t, dir, "link.yaml", "up")
}

func TestCreateRemovesItsTemporaryFileOnFailure(t *testing.T) {
	for _, linkErr := range []error{syscall.EIO, syscall.ENOSPC, fs.ErrExist} {
		t.Run(linkErr.Error(), func(t *testing.T) {
			root, dir := openRoot(t)
			failing := func(string, string) error { return linkErr }
			if err := create(root, "a.yaml", []byte("x\n"), failing); !errors.Is(err, linkErr) {
				t.Errorf("create with a failing link: %v, want %v", err, linkErr)
			}
			wantEntries(t, dir)
		})
	}
}

func TestCreateWithoutHardLinksWritesInPlace(t *testing.T) {
	root, dir := openRoot(t)
	noLinks := func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
	if err := create(root, "a.yaml", []byte("x\n"), noLinks); err != nil {
		t.Fatal(err)
	}
	wantContent(t, filepath.Join(dir, "a.yaml"), "x\n")
	wantEntries(t, dir, "a.yaml")
	if err := create(root, "a.yaml", []byte("y\n"), noLinks); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second create without hard links: %v, want fs.ErrExist", err)
	}
	wantContent(t, filepath.Join(dir, "a.yaml"), "x\n")
	wantEntries(t, dir, "a.yaml")
}

// TestCreateConcurrently starts many creates at once: with different names
// all land; with the same name exactly one does and the file is whole.
func TestCreateConcurrently(t *testing.T) {
	const n = 20
	root, dir := openRoot(t)
	errs := make([]error, 2*n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = Create(root, fmt.Sprintf("deal-%02d.yaml", i), []byte(fmt.Sprintf("n: %d\n", i))) })
		wg.Go(func() { errs[n+i] = Create(root, "same.yaml", []byte(fmt.Sprintf("writer: %d\n", i))) })
	}
	wg.Wait()
	for i, err := range errs[:n] {
		if err != nil {
			t.Errorf("create deal-%02d: %v", i, err)
		}
	}
	won := 0
	for _, err := range errs[n:] {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("create same.yaml: %v, want success or fs.ErrExist", err)
		}
	}
	if won != 1 {
		t.Errorf("%d creates of the same file succeeded, want 1", won)
	}
	got := entries(t, dir)
	if len(got) != n+1 {
		t.Errorf("folder holds %d files, want %d: %q", len(got), n+1, got)
	}
	for i := range n {
		wantContent(t, filepath.Join(dir, fmt.Sprintf("deal-%02d.yaml", i)), fmt.Sprintf("n: %d\n", i))
	}
	data, _ := os.ReadFile(filepath.Join(dir, "same.yaml"))
	var w int
	if _, err := fmt.Sscanf(string(data), "writer: %d\n", &w); err != nil {
		t.Errorf("same.yaml holds %q, not one writer's whole content", data)
	}
}

func TestReplace(t *testing.T) {
	root, dir := openRoot(t)
	file := filepath.Join(dir, "a.yaml")
	os.WriteFile(file, []byte("old\n"), 0o600)
	if err := Replace(root, "a.yaml", []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, file, "new\n")
	wantEntries(t, dir, "a.yaml")
	if info, _ := os.Stat(file); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("replaced file has mode %v, want it kept at 0600", info.Mode().Perm())
	}
}

func TestReplaceRefuses(t *testing.T) {
	root, dir := openRoot(t)
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("edited meanwhile\n"), 0o644)
	os.Symlink("a.yaml", filepath.Join(dir, "link.yaml"))
	for _, c := range []struct {
		name, old string
		want      error
	}{
		{"a.yaml", "as read\n", ErrChanged},
		{"link.yaml", "edited meanwhile\n", nil},
		{"missing.yaml", "", fs.ErrNotExist},
		{"../a.yaml", "", nil},
	} {
		err := Replace(root, c.name, []byte(c.old), []byte("formatted\n"))
		if err == nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("Replace(%q): %v, want %v", c.name, err, c.want)
		}
	}
	wantContent(t, filepath.Join(dir, "a.yaml"), "edited meanwhile\n")
	wantEntries(t, dir, "a.yaml", "link.yaml")
}
