//go:build !unix

package render

import "io"

// TerminalWidth is 0 where dealtrack cannot ask the terminal: tables are
// printed whole.
func TerminalWidth(w io.Writer) int {
	if t, ok := w.(Terminal); ok {
		return t.TerminalWidth()
	}
	return 0
}
