//go:build unix

package render

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// TerminalWidth is the width in columns of the terminal w writes to, or 0
// when w is not a terminal.
func TerminalWidth(w io.Writer) int {
	if t, ok := w.(Terminal); ok {
		return t.TerminalWidth()
	}
	f, ok := w.(*os.File)
	if !ok {
		return 0
	}
	ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
	if err != nil {
		return 0
	}
	return int(ws.Col)
}
