package store

import (
	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/folder/foldertest"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// loadDir loads dir the way the command line does, through a Dir, and
// checks that os.Root's file system alone (no faster ways) reads the same.
func loadDir(t *testing.T, dir string) *Set {
	t.Helper()
	root, d := openDir(t, dir)
	set := Load(d, "deals")
	portable := Load(root.FS(), "deals")
	if !reflect.DeepEqual(set.Problems, portable.Problems) || !slices.Equal(set.IDs(), portable.IDs()) || !slices.Equal(set.Files(), portable.Files()) {
		t.Errorf("a Dir reads differently from os.Root:\n dir:  %v %v\n root: %v %v", set.IDs(), set.Problems, portable.IDs(), portable.Problems)
	}
	return set
}

// openDir opens dir as the command line does: a root, and a Dir over
// it; both close when the test ends.
func openDir(t *testing.T, dir string) (*os.Root, *folder.Dir) {
	t.Helper()
	root := foldertest.Root(t, dir)
	d := folder.NewDir(root)
	t.Cleanup(func() { d.Close() })
	return root, d
}

// problemFor returns the problem of path (as shown) whose message contains
// msg.
func problemFor(t *testing.T, set *Set, path, msg string) Problem {
	t.Helper()
	for _, p := range set.Problems {
		if p.Path == path && strings.Contains(p.Msg, msg) {
			return p
		}
	}
	t.Fatalf("no problem for %s containing %q; got %v", path, msg, set.Problems)
	return Problem{}
}

func wantIDs(t *testing.T, set *Set, want ...string) {
	t.Helper()
	if got := strings.Join(set.IDs(), " "); got != strings.Join(want, " ") {
		t.Errorf("deals %q, want %q", got, strings.Join(want, " "))
	}
}

func TestWalkLinks(t *testing.T) {
	outside := foldertest.Make(t, map[string]string{"stolen.yaml": plainDeal, "more/deal-two.yaml": plainDeal})
	dir := foldertest.Make(t, map[string]string{"deal-one.yaml": plainDeal, "sub/deal-three.yaml": plainDeal})
	foldertest.Symlink(t, filepath.Join(outside, "stolen.yaml"), dir, "absolute-out.yaml")
	foldertest.Symlink(t, "../"+filepath.Base(outside)+"/stolen.yaml", dir, "relative-out.yaml")
	foldertest.Symlink(t, filepath.Join(outside, "more"), dir, "more")
	foldertest.Symlink(t, "loop-b.yaml", dir, "loop-a.yaml")
	foldertest.Symlink(t, "loop-a.yaml", dir, "loop-b.yaml")
	foldertest.Symlink(t, "..", dir, "sub/up")
	foldertest.Symlink(t, ".", dir, "self")
	foldertest.Symlink(t, "sub/deal-three.yaml", dir, "alias-deal.yaml")
	foldertest.Symlink(t, "sub", dir, "linked.yaml")
	foldertest.Symlink(t, "nowhere.yaml", dir, "broken.yaml")
	foldertest.Symlink(t, filepath.Join(outside, "stolen.yaml"), dir, RegistryFile)

	set := loadDir(t, dir)
	outsideMsg := "not read: a link to outside the data folder; dealtrack reads only inside it"
	for _, c := range []struct {
		path, msg string
		sev       Severity
	}{
		{"deals/absolute-out.yaml", outsideMsg, Error},
		{"deals/parties.yaml", outsideMsg, Error},
		{"deals/relative-out.yaml", outsideMsg, Error},
		{"deals/more", outsideMsg, Warning},
		{"deals/loop-a.yaml", "cannot read: too many levels of symbolic links", Error},
		{"deals/loop-b.yaml", "cannot read: too many levels of symbolic links", Error},
		{"deals/sub/up", "not read: a link to a folder (dealtrack does not follow them; move the deals in)", Warning},
		{"deals/self", "not read: a link to a folder", Warning},
		{"deals/linked.yaml", "not read: a link to a folder", Error},
		{"deals/broken.yaml", "cannot read: no such file or directory", Error},
	} {
		if p := problemFor(t, set, c.path, c.msg); p.Severity != c.sev {
			t.Errorf("%s: %v, want %v", c.path, p.Severity, c.sev)
		}
	}
	// A link to a file inside the folder is read like the file, under the
	// link's name; nothing outside is read, and no folder twice.
	wantIDs(t, set, "alias-deal", "deal-one", "deal-three")
	if n := len(set.Problems); n != 10 {
		t.Errorf("%d problems, want 10: %v", n, set.Problems)
	}
}

func TestWalkFolderNamedLikeADeal(t *testing.T) {
	dir := foldertest.Make(t, map[string]string{"deal-one.yaml": plainDeal, "x.yaml/deal-two.yaml": plainDeal, "empty.yaml": "/"})
	set := loadDir(t, dir)
	problemFor(t, set, "deals/x.yaml", "a folder named like a deal file; rename it (the files in it are read all the same)")
	problemFor(t, set, "deals/empty.yaml", "a folder named like a deal file")
	wantIDs(t, set, "deal-one", "deal-two")
	if n := len(set.Errors()); n != 2 {
		t.Errorf("%d errors, want 2: %v", n, set.Problems)
	}
}

func TestRegistryThatIsAFolder(t *testing.T) {
	set := loadDir(t, foldertest.Make(t, map[string]string{"deal-one.yaml": plainDeal, "parties.yaml/x": "y"}))
	problemFor(t, set, "deals/parties.yaml", "a folder named like a deal file")
	if n := len(set.Problems); n != 1 {
		t.Errorf("%d problems, want 1: %v", n, set.Problems)
	}
}

func TestUnreadableFiles(t *testing.T) {
	dir := foldertest.Make(t, map[string]string{"deal-one.yaml": plainDeal, "locked.yaml": plainDeal, "closed/deal-two.yaml": plainDeal, "listed/deal-three.yaml": plainDeal})
	for p, mode := range map[string]os.FileMode{"locked.yaml": 0, "closed": 0, "listed": 0o644} { // listed: readable, not searchable
		if err := os.Chmod(filepath.Join(dir, p), mode); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, p), 0o755) })
	}
	if f, err := os.Open(filepath.Join(dir, "locked.yaml")); err == nil {
		f.Close()
		t.Skip("permissions do not stop this user (root?) from reading; TestDeniedByTheFS covers the same path")
	}
	set := loadDir(t, dir)
	problemFor(t, set, "deals/locked.yaml", "cannot read: permission denied")
	problemFor(t, set, "deals/closed", "cannot read: permission denied")
	problemFor(t, set, "deals/listed", "cannot read: permission denied")
	wantIDs(t, set, "deal-one")
	if n := len(set.Problems); n != 3 {
		t.Errorf("%d problems, want 3: %v", n, set.Problems)
	}
}

// trickFS is a MapFS whose files can be denied, vanish between the
// listing and the reading, panic when read, or never end.
type trickFS struct {
	fstest.MapFS
	denied, gone, panicky map[string]bool
	endless               map[string]*int64 // bytes read so far
}

func (f trickFS) Open(name string) (fs.File, error) {
	switch {
	case f.denied[name]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	case f.gone[name]:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	file, err := f.MapFS.Open(name)
	switch {
	case err != nil:
		return nil, err
	case f.panicky[name]:
		return panicFile{file}, nil
	case f.endless[name] != nil:
		return endlessFile{file, f.endless[name]}, nil
	}
	return file, nil
}

func (f trickFS) Stat(name string) (fs.FileInfo, error) {
	if f.gone[name] {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return f.MapFS.Stat(name)
}

type panicFile struct{ fs.File }

func (panicFile) Read([]byte) (int, error) { panic("boom") }

// endlessFile claims to be an empty plain file and reads as endless 'a's,
// like /dev/zero behind a name.
type endlessFile struct {
	fs.File
	n *int64
}

func (e endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	*e.n += int64(len(p))
	return len(p), nil
}

func TestDeniedByTheFS(t *testing.T) {
	fsys := trickFS{MapFS: fstest.MapFS{"deal-one.yaml": {Data: []byte(plainDeal)}, "locked.yaml": {Data: []byte(plainDeal)}}, denied: map[string]bool{"locked.yaml": true}}
	set := Load(fsys, "deals")
	problemFor(t, set, "deals/locked.yaml", "cannot read: permission denied")
	wantIDs(t, set, "deal-one")
}

func TestFileGoneDuringTheWalk(t *testing.T) {
	fsys := trickFS{MapFS: fstest.MapFS{"deal-one.yaml": {Data: []byte(plainDeal)}, "gone.yaml": {Data: []byte(plainDeal)}}, gone: map[string]bool{"gone.yaml": true}}
	set := Load(fsys, "deals")
	if p := problemFor(t, set, "deals/gone.yaml", "cannot read: file does not exist"); p.Error() != "deals/gone.yaml:1:1: error: cannot read: file does not exist" {
		t.Errorf("got %q", p.Error())
	}
	wantIDs(t, set, "deal-one")
}

// TestPanicGuard proves the guard at the loader's boundary: a panic while
// reading a file (here from the fs.FS, standing for any library) becomes
// an error naming that file, and the other files load.
func TestPanicGuard(t *testing.T) {
	fsys := trickFS{
		MapFS: fstest.MapFS{
			RegistryFile:    {Data: []byte(fuzzRegistry)},
			"deal-one.yaml": {Data: []byte(plainDeal)},
			"sub/bad.yaml":  {Data: []byte(plainDeal)},
		},
		panicky: map[string]bool{"sub/bad.yaml": true},
	}
	set := Load(fsys, "deals")
	p := problemFor(t, set, "deals/sub/bad.yaml", "internal error while reading this file (please report it): boom")
	if p.Severity != Error {
		t.Errorf("severity %v", p.Severity)
	}
	wantIDs(t, set, "deal-one")

	fsys.panicky = map[string]bool{RegistryFile: true}
	set = Load(fsys, "deals")
	problemFor(t, set, "deals/parties.yaml", "internal error while reading this file (please report it): boom")
	if set.Registry != nil {
		t.Error("kept a registry that panicked")
	}
}

// TestSizeCap: a file over folder.MaxFileSize is refused by its size without
// being read, and one that lies about its size is read no further than
// the cap.
func TestSizeCap(t *testing.T) {
	read := new(int64)
	big := strings.Repeat("# padding\n", folder.MaxFileSize/10+1)
	fsys := trickFS{
		MapFS: fstest.MapFS{
			"deal-one.yaml": {Data: []byte(plainDeal)},
			"at-cap.yaml":   {Data: []byte(plainDeal + strings.Repeat("#", folder.MaxFileSize-len(plainDeal)))},
			"big.yaml":      {Data: []byte(big)},
			"zero.yaml":     {},
			RegistryFile:    {Data: []byte(big)},
		},
		endless: map[string]*int64{"zero.yaml": read},
	}
	set := Load(fsys, "deals")
	for _, name := range []string{"big.yaml", "zero.yaml", RegistryFile} {
		problemFor(t, set, "deals/"+name, "file is larger than 1024 KiB; a deal file is small")
	}
	if *read > folder.MaxFileSize+1 {
		t.Errorf("read %d bytes of an endless file, want at most %d", *read, folder.MaxFileSize+1)
	}
	wantIDs(t, set, "at-cap", "deal-one")
}

func TestProblemPathCannotForgeLines(t *testing.T) {
	p := Problem{Path: "deals/x.yaml\ndeals/y.yaml:1:1: error: forged", Line: 1, Col: 1, Msg: "m"}
	if got := p.Error(); strings.Contains(got, "\n") {
		t.Errorf("a line break in a path reached the output: %q", got)
	}
}

// TestFolderDepth: folders are read down to folder.MaxDepth; deeper ones are an
// error naming the folder, and not walked, so that no nesting makes the
// walk slow.
func TestFolderDepth(t *testing.T) {
	deep := strings.Repeat("d/", folder.MaxDepth+1)
	dir := foldertest.Make(t, map[string]string{
		strings.Repeat("d/", folder.MaxDepth) + "deep-deal.yaml": plainDeal,
		deep + "too-deep.yaml": plainDeal,
	})
	set := loadDir(t, dir)
	wantIDs(t, set, "deep-deal")
	problemFor(t, set, "deals/"+strings.TrimSuffix(deep, "/"), "folders nested more than 16 deep are not read; move its deal files up")
}
