package render

import (
	"bufio"
	"io"
	"slices"
	"unicode/utf8"
)

// SizedWriter is a buffered writer that knows the width of the terminal
// behind it (0: not a terminal), since the buffer hides the terminal.
type SizedWriter struct {
	*bufio.Writer
	Width int
}

// Sized gives w the terminal width width.
func Sized(w *bufio.Writer, width int) *SizedWriter { return &SizedWriter{w, width} }

// widthOf is the terminal width behind w, or 0.
func widthOf(w io.Writer) int {
	if s, ok := w.(*SizedWriter); ok {
		return s.Width
	}
	return TerminalWidth(w)
}

// A Terminal is an output that says its width itself, as a test's fake
// terminal does; TerminalWidth asks it before it asks the system.
type Terminal interface {
	io.Writer
	TerminalWidth() int
}

// minShrunk is the narrowest a column is cut to, "…" included.
const minShrunk = 12

// fit cuts the widest text columns of t, with "…", so that the table is
// at most width columns wide. Figures (right-aligned columns) and the
// first column (the id or key people copy) are never cut. It returns t
// itself when it fits or nothing can be cut.
func fit(t *Table, width int, headers bool) *Table {
	n := len(t.Columns)
	if width <= 0 || n == 0 {
		return t
	}
	widths := make([]int, n)
	measure := func(cells []Cell) {
		for i, c := range cells {
			if i < n {
				widths[i] = max(widths[i], utf8.RuneCountInString(c.Text))
			}
		}
	}
	if headers {
		for i, c := range t.Columns {
			widths[i] = max(widths[i], utf8.RuneCountInString(c.Key))
		}
	}
	for _, r := range t.Rows {
		measure(r)
	}
	measure(t.Footer)
	total := 2 * n // a space before and after each column
	for _, w := range widths {
		total += w
	}
	cut := slices.Clone(widths)
	for total > width {
		widest := -1
		for i := 1; i < n; i++ {
			if !t.Columns[i].Right && cut[i] > minShrunk && (widest < 0 || cut[i] > cut[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		by := min(total-width, cut[widest]-minShrunk)
		cut[widest] -= by
		total -= by
	}
	if slices.Equal(cut, widths) {
		return t
	}
	out := *t
	shorten := func(cells []Cell) []Cell {
		if cells == nil {
			return nil
		}
		c := slices.Clone(cells)
		for i := range c {
			if i < n && utf8.RuneCountInString(c[i].Text) > cut[i] {
				c[i].Text = string([]rune(c[i].Text)[:cut[i]-1]) + "…"
			}
		}
		return c
	}
	out.Rows = make([][]Cell, len(t.Rows))
	for i, r := range t.Rows {
		out.Rows[i] = shorten(r)
	}
	out.Footer = shorten(t.Footer)
	return &out
}
