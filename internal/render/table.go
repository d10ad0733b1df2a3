package render

import (
	"bytes"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// drawer makes the renderer that draws a table; tests swap in
// tablewriter's own to check that ruled draws the same.
var drawer = func(r tw.Rendition) tw.Renderer { return newRuled(r) }

// renderTable draws t for a terminal. It is the only place that knows
// tablewriter.
func renderTable(w io.Writer, t *Table, opts Options) error {
	if !opts.Wide {
		t = fit(t, widthOf(w), !opts.NoHeaders)
	}
	aligns := make([]tw.Align, len(t.Columns))
	for i, c := range t.Columns {
		aligns[i] = tw.AlignLeft
		if c.Right {
			aligns[i] = tw.AlignRight
		}
	}
	cfg := tablewriter.Config{
		Header: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.On, AutoWrap: tw.WrapNone},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft, PerColumn: aligns},
		},
		Row: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft, PerColumn: aligns},
		},
		Footer: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
			Alignment:  tw.CellAlignment{Global: tw.AlignLeft, PerColumn: aligns},
		},
	}
	if t.Literal {
		cfg.Header.Formatting.AutoFormat = tw.Off
	}
	rendition := tw.Rendition{
		Borders:  tw.BorderNone,
		Symbols:  tw.NewSymbols(tw.StyleLight),
		Settings: tw.Settings{Separators: tw.Separators{BetweenColumns: tw.Off}, Lines: tw.Lines{ShowHeaderLine: tw.On, ShowFooterLine: tw.On}},
	}
	var buf bytes.Buffer
	buf.Grow(drawnSize(t))
	table := tablewriter.NewTable(&buf,
		tablewriter.WithConfig(cfg),
		tablewriter.WithRenderer(drawer(rendition)),
	)
	if !opts.NoHeaders {
		table.Header(header(t))
	}
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = c.Text
		}
		if err := table.Append(cells); err != nil {
			return err
		}
	}
	if t.Footer != nil {
		cells := make([]string, len(t.Footer))
		for i, c := range t.Footer {
			cells[i] = c.Text
		}
		table.Footer(cells)
	}
	if err := table.Render(); err != nil {
		return err
	}
	return writeTrimmed(w, buf.Bytes())
}

// drawnSize guesses the bytes t takes drawn, a little over, so that the
// buffer it is drawn into is allocated once.
func drawnSize(t *Table) int {
	widths := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		widths[i] = len(c.Key)
	}
	widen := func(r []Cell) {
		for i, c := range r {
			if i < len(widths) {
				widths[i] = max(widths[i], len(c.Text))
			}
		}
	}
	for _, r := range t.Rows {
		widen(r)
	}
	widen(t.Footer)
	line := 1
	for _, w := range widths {
		line += w + 2
	}
	return line * (len(t.Rows) + 6) // rows, header, footer and rules (3 bytes a column)
}

// writeTrimmed writes out without the padding tablewriter leaves at the
// end of each line, trimming in place.
func writeTrimmed(w io.Writer, out []byte) error {
	n := 0
	for line := range bytes.Lines(out) {
		n += copy(out[n:], bytes.TrimRight(line, " \n"))
		if n < len(out) {
			out[n] = '\n'
		} else {
			out = append(out, '\n') // a last line without one
		}
		n++
	}
	_, err := w.Write(out[:n])
	return err
}
