package folder

import (
	"bytes"
	"errors"
	"os"
)

// Change is the new content of one file of a folder, and the content it
// was made from.
type Change struct {
	Name     string // relative to the folder
	Old, New []byte
}

// Rewrite rewrites files of a folder in two steps, so that every new
// content is made and checked before any file is written: Plan reads
// each file and makes and checks its new content, Apply replaces the
// files. fmt, party rename and update are each one Rewrite.
type Rewrite struct {
	// Edit makes the new content of name from its content now; it returns
	// old when nothing changes.
	Edit func(name string, old []byte) ([]byte, error)
	// Verify, if set, checks a change before anything is written.
	Verify func(Change) error
	// Refuse decides what a file that cannot be read, edited or verified
	// does to the rest: Plan stops with the error Refuse returns, or, when
	// it returns nil, leaves that file as it is and goes on. Without a
	// Refuse, Plan stops with the file's error.
	Refuse func(name string, err error) error
}

// Plan reads each of names in root (as ReadFile does) and returns the
// changes Edit makes, each accepted by Verify.
func (r Rewrite) Plan(root *os.Root, names []string) ([]Change, error) {
	var changes []Change
	for _, name := range names {
		c, err := r.plan(root, name)
		if err != nil {
			if r.Refuse == nil {
				return nil, &FileError{name, err}
			}
			if err := r.Refuse(name, err); err != nil {
				return nil, err
			}
			continue
		}
		if !bytes.Equal(c.Old, c.New) {
			changes = append(changes, c)
		}
	}
	return changes, nil
}

func (r Rewrite) plan(root *os.Root, name string) (Change, error) {
	old, err := ReadFile(root, name)
	if err != nil {
		return Change{}, err
	}
	c := Change{Name: name, Old: old}
	if c.New, err = r.Edit(name, old); err != nil {
		return Change{}, err
	}
	if r.Verify != nil && !bytes.Equal(c.Old, c.New) {
		err = r.Verify(c)
	}
	return c, err
}

// ErrNotRegular is Apply's refusal to replace what is not a regular file:
// replacing a symbolic link would cut it.
var ErrNotRegular = errors.New("not a regular file (a symbolic link?)")

// FileError is an error of Apply, and the file it is about.
type FileError struct {
	Name string
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Apply replaces the file of each change. First it makes sure each is a
// regular file; when one is not, it writes nothing (ErrNotRegular). Then
// it replaces each as Replace does (atomically, and only while the file
// still holds Old), calling done after each, and stops at the first it
// cannot replace. Its errors are *FileError.
func Apply(root *os.Root, changes []Change, done func(Change)) error {
	for _, c := range changes {
		if info, err := root.Lstat(c.Name); err != nil || !info.Mode().IsRegular() {
			return &FileError{c.Name, ErrNotRegular}
		}
	}
	for _, c := range changes {
		if err := Replace(root, c.Name, c.Old, c.New); err != nil {
			return &FileError{c.Name, err}
		}
		done(c)
	}
	return nil
}
