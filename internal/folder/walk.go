package folder

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxDepth caps how deep folders in a data folder are read: each level
// makes every open below it longer, so thousands of nested folders would
// make a walk quadratic.
const MaxDepth = 16

// File is a deal file the walk found.
type File struct {
	Name    string // relative to the folder
	Regular bool   // listed as a regular file (not a link, pipe or device)
}

// Skip is an entry of the folder the walk did not read, or read but
// warns about, and why.
type Skip struct {
	Path    string // relative to the folder
	Msg     string
	Warning bool // else an error
}

// Walk lists the files named *.yaml under fsys in lexical order, skipping
// hidden entries. It never follows a link to a folder, so a walk cannot
// loop or leave fsys.
func Walk(fsys fs.FS) ([]File, []Skip) {
	var files []File
	var skips []Skip
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			skips = append(skips, Skip{Path: p, Msg: "cannot read: " + Clean(err)})
			return nil
		}
		name := d.Name()
		isDeal := strings.HasSuffix(name, ".yaml")
		if !utf8.ValidString(name) && !strings.HasPrefix(name, ".") {
			skips = append(skips, Skip{Path: strings.ToValidUTF8(p, "\uFFFD"), Msg: "the name is not valid UTF-8 (shown with \uFFFD); rename it: a deal file is named by its id"})
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case p != "." && strings.HasPrefix(name, "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case d.IsDir() && strings.Count(p, "/")+1 > MaxDepth:
			skips = append(skips, Skip{Path: p, Msg: fmt.Sprintf("folders nested more than %d deep are not read; move its deal files up", MaxDepth)})
			return fs.SkipDir
		case d.IsDir():
			if isDeal {
				skips = append(skips, Skip{Path: p, Msg: "a folder named like a deal file; rename it (the files in it are read all the same)"})
			}
		case strings.HasSuffix(name, ".yml"):
			skips = append(skips, Skip{Path: p, Warning: true, Msg: "not read: deal files end in .yaml"})
		case d.Type()&fs.ModeSymlink != 0:
			if msg, warn := linkProblem(fsys, p, isDeal); msg != "" {
				skips = append(skips, Skip{Path: p, Warning: warn, Msg: msg})
			} else if isDeal {
				files = append(files, File{Name: p})
			}
		case isDeal:
			files = append(files, File{Name: p, Regular: d.Type().IsRegular()})
		}
		return nil
	})
	if err != nil {
		skips = append(skips, Skip{Path: ".", Msg: "cannot read: " + Clean(err)})
	}
	return files, skips
}

// linkProblem decides about the symbolic link at p. A link to a file
// inside fsys is read like that file, under the link's name. A link to a
// folder, or to outside fsys, is never followed: an error when it is named
// like a deal file, else a warning, so nothing goes unread unnoticed.
func linkProblem(fsys fs.FS, p string, isDeal bool) (msg string, warning bool) {
	warn := !isDeal
	info, err := fs.Stat(fsys, p)
	switch {
	case err != nil && LeavesFolder(fsys, p):
		return "not read: a link to outside the data folder; dealtrack reads only inside it", warn
	case err != nil && isDeal:
		return "cannot read: " + Clean(err), warn
	case err != nil:
		return "", warn
	case info.IsDir():
		return "not read: a link to a folder (dealtrack does not follow them; move the deals in)", warn
	}
	return "", warn
}

// LeavesFolder reports whether the link at p points outside fsys, as far
// as its own text says.
func LeavesFolder(fsys fs.FS, p string) bool {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return false
	}
	target = filepath.ToSlash(target)
	if path.IsAbs(target) || filepath.IsAbs(target) {
		return true
	}
	rel := path.Join(path.Dir(p), target)
	return rel == ".." || strings.HasPrefix(rel, "../")
}
