// Package store reads a data set: every deal file and the registry of a
// folder (or any fs.FS, or the built-in snapshot) decoded into deals, with
// the position of every problem, and the checks that span files (one file
// per id, part_of and superseded_by). Reaching the files is package
// folder's job; the file format is package dealfile's.
package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Severity says whether a problem fails a check.
type Severity uint8

const (
	// Error is a broken rule: the data cannot be trusted until it is fixed.
	Error Severity = iota
	// Warning is something to look at, such as a party name not in the
	// registry.
	Warning
)

func (s Severity) String() string { return [...]string{"error", "warning"}[s] }

// Problem is one thing wrong in one file, at a line and column (1-based;
// 0 when the problem concerns the whole file).
type Problem struct {
	Path      string
	Line, Col int
	Severity  Severity
	Msg       string
}

// Error formats p as "path:line:col: error: message". A path holding
// control characters (a file named with a line break) is quoted, so it
// cannot forge lines of output.
func (p Problem) Error() string {
	shown := p.Path
	if strings.ContainsFunc(shown, unicode.IsControl) {
		shown = strconv.Quote(shown)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", shown, max(p.Line, 1), max(p.Col, 1), p.Severity, p.Msg)
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}
