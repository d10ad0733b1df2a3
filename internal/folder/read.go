package folder

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxFileSize caps a deal file; a real one is a few kilobytes.
const MaxFileSize = 1 << 20

// Why ReadCapped and ReadFile refuse a file.
var (
	ErrTooLarge  = fmt.Errorf("file is larger than %d KiB; a deal file is small", MaxFileSize>>10)
	ErrFolder    = errors.New("a folder, not a deal file")
	errIrregular = errors.New("not a regular file (a pipe, socket or device); a deal file is a plain file")
)

// Read reads a deal file the walk found: the faster way a Dir has
// when the listing showed a regular file, else as ReadCapped does.
func Read(fsys fs.FS, f File) ([]byte, error) {
	if d, ok := fsys.(*Dir); ok && f.Regular {
		if data, err, ok := d.readRegular(f.Name); ok {
			return data, err
		}
	}
	return ReadCapped(fsys, f.Name)
}

// ReadCapped reads a plain file of at most MaxFileSize bytes. It looks
// before it opens, so a pipe named like a deal cannot block the walk, and
// reads no more than the cap whatever the file claims, so /dev/zero behind
// a name costs a mebibyte, not the machine.
func ReadCapped(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	switch {
	case info.IsDir():
		return nil, ErrFolder
	case !info.Mode().IsRegular():
		return nil, errIrregular
	case info.Size() > MaxFileSize:
		return nil, ErrTooLarge
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > 0 {
		// One read of the size Stat gave. Files are replaced whole, never
		// grown in place (see Create and Replace); one that shrank since is
		// read as it is now.
		data := make([]byte, info.Size())
		n, err := io.ReadFull(f, data)
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, err
		}
		return data[:n], nil
	}
	// Size unknown (a virtual file): read up to the cap.
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

// ReadFile reads name in root as the loader reads a deal: a plain file of
// at most MaxFileSize bytes. It opens without blocking and then looks at
// what it opened, so a file swapped for a pipe or a huge file since it was
// listed is refused, never waited on or read whole.
func ReadFile(root *os.Root, name string) ([]byte, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	refuse := func(err error) ([]byte, error) { return nil, &fs.PathError{Op: "read", Path: name, Err: err} }
	switch {
	case info.IsDir():
		return refuse(ErrFolder)
	case !info.Mode().IsRegular():
		return refuse(errIrregular)
	case info.Size() > MaxFileSize:
		return refuse(ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return refuse(ErrTooLarge)
	}
	return data, nil
}

// Reason words an error of Read for a problem about the file.
func Reason(err error) string {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, errIrregular) {
		return err.Error()
	}
	return "cannot read: " + Clean(err)
}

// Clean drops the Go operation and path from fs errors: the problem
// already names the file.
func Clean(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
