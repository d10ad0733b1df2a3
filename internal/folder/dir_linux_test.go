package folder

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLinuxDirReads: linuxDir reads regular files itself, at any depth,
// and leaves everything else to os.Root, which says what is wrong.
func TestLinuxDirReads(t *testing.T) {
	dir := folder(t, map[string]string{
		"deal-one.yaml":       plainDeal,
		"sub/deal-two.yaml":   plainDeal,
		"big.yaml":            strings.Repeat("#", MaxFileSize+1),
		"empty.yaml":          "",
		"locked/deal-3.yaml":  plainDeal,
		"folder-named.yaml/x": "y",
	})
	symlink(t, "deal-one.yaml", dir, "link.yaml")
	symlink(t, "sub", dir, "sublink")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	_, d := openDir(t, dir)
	if _, _, ok := d.readRegular("deal-one.yaml"); !ok {
		t.Skip("openat2 is not available here; os.Root reads everything")
	}

	for _, c := range []struct {
		name   string
		ok     bool // read by linuxDir itself
		err    error
		reason string
	}{
		{"deal-one.yaml", true, nil, "a regular file"},
		{"sub/deal-two.yaml", true, nil, "a regular file in a folder"},
		{"big.yaml", true, ErrTooLarge, "too large, by its size"},
		{"empty.yaml", false, nil, "no size to go by"},
		{"link.yaml", false, nil, "a link, which os.Root resolves"},
		{"sublink/deal-two.yaml", false, nil, "through a link"},
		{"pipe.yaml", false, nil, "not a regular file"},
		{"folder-named.yaml", false, nil, "a folder"},
		{"missing.yaml", false, nil, "not there"},
		{"../x.yaml", false, nil, "outside the folder"},
	} {
		data, err, ok := d.readRegular(c.name)
		if ok != c.ok || !errors.Is(err, c.err) {
			t.Errorf("%s (%s): ok %v, err %v; want ok %v, err %v", c.name, c.reason, ok, err, c.ok, c.err)
		}
		if ok && err == nil && !bytes.Equal(data, []byte(plainDeal)) {
			t.Errorf("%s: read %q", c.name, data)
		}
	}
}

// TestLinuxDirLists: linuxDir lists a folder in name order with the
// types getdents gives, and an entry's Info is the entry's own, looked up
// in the root whatever the working folder.
func TestLinuxDirLists(t *testing.T) {
	dir := folder(t, map[string]string{"b.yaml": plainDeal, "a/x.yaml": plainDeal, "c.yaml": "short"})
	symlink(t, "b.yaml", dir, "link.yaml")
	_, d := openDir(t, dir)
	t.Chdir(t.TempDir())

	entries, err := d.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatalf("%s: Info: %v", e.Name(), err)
		}
		if info.Mode().Type() != e.Type() {
			t.Errorf("%s: Info says %v, the listing %v", e.Name(), info.Mode().Type(), e.Type())
		}
		got = append(got, e.Name()+":"+e.Type().String())
		if e.Name() == "c.yaml" && info.Size() != 5 {
			t.Errorf("c.yaml: size %d, want 5", info.Size())
		}
	}
	if want := "a:d--------- b.yaml:---------- c.yaml:---------- link.yaml:L---------"; strings.Join(got, " ") != want {
		t.Errorf("listed %s\nwant     %s", strings.Join(got, " "), want)
	}
	if _, err := d.ReadDir("missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("listing a missing folder: %v", err)
	}
}

// TestLinuxDirClosed: once closed, a Dir never reads through its old
// descriptor, whose number may by then name another folder.
func TestLinuxDirClosed(t *testing.T) {
	a := folder(t, map[string]string{"x.yaml": plainDeal})
	b := folder(t, map[string]string{"x.yaml": "from another folder\n"})
	_, d := openDir(t, a)
	if _, _, ok := d.readRegular("x.yaml"); !ok {
		t.Skip("openat2 is not available here; os.Root reads everything")
	}
	d.Close()
	rb, err := os.OpenRoot(b) // likely to take the freed descriptor number
	if err != nil {
		t.Fatal(err)
	}
	defer rb.Close()
	if data, _, ok := d.readRegular("x.yaml"); ok {
		t.Errorf("read %q through a closed Dir", data)
	}
}

// TestLinuxDirRefusesInvalidNames: names fs.FS forbids go the root's way,
// which refuses them, as it does for the portable file system.
func TestLinuxDirRefusesInvalidNames(t *testing.T) {
	dir := folder(t, map[string]string{"sub/x.yaml": plainDeal})
	_, d := openDir(t, dir)
	for _, name := range []string{"./sub", "sub/", "sub/../sub", "sub/.", "/sub", "../sub"} {
		if _, err := d.ReadDir(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("ReadDir(%q): %v, want an invalid-path error", name, err)
		}
		if _, _, ok := d.readRegular(name + "/x.yaml"); ok {
			t.Errorf("read %q/x.yaml", name)
		}
	}
}

// TestFolderSwappedForAPipe: a folder the walk listed that became a pipe
// before it was opened is refused at once, not waited on.
func TestFolderSwappedForAPipe(t *testing.T) {
	dir := folder(t, map[string]string{"deal-one.yaml": plainDeal})
	if err := syscall.Mkfifo(filepath.Join(dir, "sub"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	_, d := openDir(t, dir)
	if _, _, ok := d.readRegular("deal-one.yaml"); !ok {
		t.Skip("openat2 is not available here")
	}
	done := make(chan error, 1)
	go func() { _, err := d.ReadDir("sub"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("readDir of a pipe: %v, want ENOTDIR", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("readDir of a pipe still blocked after 5 s")
	}
}
