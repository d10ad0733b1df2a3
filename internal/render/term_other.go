//go:build !unix

package render

import "io"

// TerminalWidth is 0 where dealtrack cannot ask the terminal: tables are
// printed whole.
func TerminalWidth(io.Writer) int { return 0 }
