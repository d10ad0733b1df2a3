package folder

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

// LeftBehind is Create's error when the file was written but its
// temporary file could not be removed (a folder where files can be added
// but not removed): the deal is in place; the hidden file is litter the
// loader skips.
type LeftBehind struct {
	Temp string // the temporary file's name
	Err  error
}

func (e *LeftBehind) Error() string {
	return fmt.Sprintf("its temporary file %s could not be removed (%v); remove it by hand", e.Temp, e.Err)
}

func (e *LeftBehind) Unwrap() error { return e.Err }

// ErrChanged is returned by Replace when the file changed on disk since it
// was read.
var ErrChanged = errors.New("the file changed while it was being rewritten; run again")

// Create writes data as the new file name (a slash path inside root). The
// file appears complete or not at all: data goes to a temporary file in the
// same folder, is synced, then hard-linked to name, which never replaces an
// existing file; the folder is synced last. When name exists, the error
// wraps fs.ErrExist and nothing is written. No temporary file is left
// behind, whatever fails.
//
// On a file system without hard links, name is created exclusively and
// written in place instead: still never replacing a file, and removed
// again if writing fails, but a concurrent reader may see it half-written.
func Create(root *os.Root, name string, data []byte) error {
	return create(root, name, data, root.Link)
}

func create(root *os.Root, name string, data []byte, link func(oldname, newname string) error) error {
	tmp, err := writeTemp(root, name, data, 0o644, false)
	if err != nil {
		return err
	}
	err = link(tmp, name)
	rmErr := root.Remove(tmp)
	forget(root, tmp)
	if rmErr != nil && err == nil {
		if err := syncDir(root, path.Dir(name)); err != nil {
			return err
		}
		return &LeftBehind{Temp: path.Join(path.Dir(name), tmp), Err: rmErr}
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return &fs.PathError{Op: "create", Path: name, Err: fs.ErrExist}
	case noHardLinks(err):
		err = writeExclusive(root, name, data)
	}
	if err != nil {
		return err
	}
	return syncDir(root, path.Dir(name))
}

// noHardLinks reports whether err says the file system cannot link.
func noHardLinks(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EXDEV)
}

// writeExclusive creates name, failing if it exists, and writes data to it;
// if writing fails, name is removed again.
func writeExclusive(root *os.Root, name string, data []byte) error {
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if err := writeSync(f, data); err != nil {
		root.Remove(name)
		return err
	}
	return nil
}

// Replace rewrites the existing regular file name with data, atomically:
// data goes to a temporary file in the same folder, is synced, then renamed
// over name, and the folder is synced. old is the content name was read
// with; when the file no longer holds it, nothing is replaced and the error
// is ErrChanged. The file keeps its permissions.
func Replace(root *os.Root, name string, old, data []byte) error {
	info, err := root.Lstat(name)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return &fs.PathError{Op: "replace", Path: name, Err: errors.New("not a regular file (a symbolic link?); not rewritten")}
	}
	tmp, err := writeTemp(root, name, data, info.Mode().Perm(), true)
	if err != nil {
		return err
	}
	defer forget(root, tmp)
	if cur, err := ReadFile(root, name); err != nil || !bytes.Equal(cur, old) {
		root.Remove(tmp)
		return &fs.PathError{Op: "replace", Path: name, Err: ErrChanged}
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return err
	}
	return syncDir(root, path.Dir(name))
}

// writeTemp writes data to a new hidden file next to name and syncs it,
// returning its name. The loader skips hidden files, so a reader never
// takes it for a deal. The file gets perm as the umask leaves it, or
// exactly when exact is set.
func writeTemp(root *os.Root, name string, data []byte, perm fs.FileMode, exact bool) (string, error) {
	dir, base := path.Split(name)
	removeStale(root, path.Clean(dir), time.Now())
	for range 100 {
		tmp := dir + "." + base + ".tmp-" + strconv.FormatUint(rand.Uint64(), 36)
		f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		track(root, tmp)
		if err := chmod(f, perm, exact); err != nil {
			f.Close()
			root.Remove(tmp)
			forget(root, tmp)
			return "", err
		}
		if err := writeSync(f, data); err != nil {
			root.Remove(tmp)
			forget(root, tmp)
			return "", err
		}
		return tmp, nil
	}
	return "", fmt.Errorf("%s: could not find a free temporary name", name)
}

func chmod(f *os.File, perm fs.FileMode, exact bool) error {
	if !exact || runtime.GOOS == "windows" {
		return nil
	}
	return f.Chmod(perm)
}

// writeSync writes data to f, syncs and closes it.
func writeSync(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a new or renamed entry of dir durable. Windows cannot sync
// a folder, and some file systems refuse to (EINVAL); their entries are as
// durable as they get.
func syncDir(root *os.Root, dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := root.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("written, but syncing the folder %s failed: %w", dir, err)
	}
	return nil
}

// LockFile is the file Lock locks in a data folder.
const LockFile = ".dealtrack.lock"
