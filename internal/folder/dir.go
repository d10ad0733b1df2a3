package folder

import (
	"io"
	"io/fs"
	"os"
)

// Dir is a data folder opened for reading: the file system of an
// os.Root, so nothing read through it can be outside the folder, with a
// faster way to list folders and read deal files where the system has one
// (see dir_linux.go). Everything it reads is the same either way.
type Dir struct {
	fsys fs.FS   // the root's
	fast fastDir // nil where there is no faster way
}

// NewDir reads the folder of root. Close releases what NewDir opened;
// root stays the caller's to close.
func NewDir(root *os.Root) *Dir {
	return &Dir{fsys: root.FS(), fast: newFastDir(root)}
}

// Close releases what NewDir opened.
func (d *Dir) Close() error {
	if d.fast == nil {
		return nil
	}
	return d.fast.Close()
}

// The fs interfaces the loader uses, all by way of the root.
var (
	_ fs.ReadDirFS  = (*Dir)(nil)
	_ fs.StatFS     = (*Dir)(nil)
	_ fs.ReadLinkFS = (*Dir)(nil)
)

func (d *Dir) Open(name string) (fs.File, error)      { return d.fsys.Open(name) }
func (d *Dir) Stat(name string) (fs.FileInfo, error)  { return fs.Stat(d.fsys, name) }
func (d *Dir) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.fsys, name) }
func (d *Dir) ReadLink(name string) (string, error)   { return fs.ReadLink(d.fsys, name) }
func (d *Dir) ReadDir(name string) ([]fs.DirEntry, error) {
	if d.fast != nil {
		if entries, err, ok := d.fast.readDir(name); ok {
			return entries, err
		}
	}
	return fs.ReadDir(d.fsys, name)
}

// readRegular reads name, which the folder's listing showed as a regular
// file (not a link), the way ReadCapped does. ok is false when it cannot
// say and ReadCapped should take the portable way.
func (d *Dir) readRegular(name string) (data []byte, err error, ok bool) {
	if d.fast == nil {
		return nil, nil, false
	}
	return d.fast.read(name)
}

// fastDir is a system's faster way of doing two things a Dir does. Each
// method answers ok == false when it cannot say for name, and the Dir
// falls back to the root's portable way.
type fastDir interface {
	io.Closer
	readDir(name string) (entries []fs.DirEntry, err error, ok bool)
	read(name string) (data []byte, err error, ok bool)
}
