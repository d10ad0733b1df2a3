package render

import (
	"io"
	"strings"

	"github.com/olekukonko/ll"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
)

// ruled is a tablewriter renderer for the one style dealtrack draws:
// no borders, no column separators, a cell's padding on each side, and a
// rule under the header and over the footer. It writes what tablewriter's
// Blueprint writes for that style (TestRuledIsBlueprint holds it to
// that), without the per-cell bookkeeping that made Blueprint half the
// time of `dealtrack list`.
type ruled struct {
	w      io.Writer
	config tw.Rendition
	line   []byte
}

func newRuled(r tw.Rendition) *ruled { return &ruled{config: r} }

func (p *ruled) Start(w io.Writer) error                { p.w = w; return nil }
func (p *ruled) Close() error                           { return nil }
func (p *ruled) Config() tw.Rendition                   { return p.config }
func (p *ruled) Logger(*ll.Logger)                      {}
func (p *ruled) Header(_ [][]string, ctx tw.Formatting) { p.cells(ctx) }
func (p *ruled) Row(_ []string, ctx tw.Formatting)      { p.cells(ctx) }
func (p *ruled) Footer(_ [][]string, ctx tw.Formatting) { p.cells(ctx) }

// Line draws a rule as wide as the columns.
func (p *ruled) Line(ctx tw.Formatting) {
	n := 0
	for i := range columns(ctx) {
		n += ctx.Row.Widths.Get(i)
	}
	p.line = append(p.line[:0], strings.Repeat(p.config.Symbols.Row(), n)...)
	p.flush()
}

// cells draws one line of cells, each padded to its column's width but
// the last: the spaces at the end of a line are trimmed (writeTrimmed), so
// they are not written in the first place.
func (p *ruled) cells(ctx tw.Formatting) {
	p.line = p.line[:0]
	n := columns(ctx)
	last := n - 1
	for last >= 0 && ctx.Row.Widths.Get(last) <= 0 {
		last--
	}
	for i := range n {
		width := ctx.Row.Widths.Get(i)
		if width <= 0 {
			continue
		}
		c, ok := ctx.Row.Current[i]
		if !ok {
			p.pad(width)
			continue
		}
		p.cell(c, width, i == last)
	}
	p.flush()
}

// cell draws c in width columns, its padding included; the last cell of
// a line, left-aligned, without the spaces after it.
func (p *ruled) cell(c tw.CellContext, width int, last bool) {
	left, right := c.Padding.Left, c.Padding.Right
	room := max(width-textWidth(left)-textWidth(right), 0)
	text := c.Data
	w := textWidth(text)
	if w > room {
		text = twwidth.Truncate(text, room)
		w = twwidth.Width(text)
	}
	fill := max(width-w-textWidth(left)-textWidth(right), 0)
	if c.Align == tw.AlignRight {
		p.pad(fill)
		p.line = append(p.line, left...)
		p.line = append(p.line, text...)
		p.line = append(p.line, right...)
		return
	}
	p.line = append(p.line, left...)
	p.line = append(p.line, text...)
	if !last {
		p.line = append(p.line, right...)
		p.pad(fill)
	}
}

// spaces is what pad copies from.
var spaces = []byte(strings.Repeat(" ", 256))

func (p *ruled) pad(n int) {
	for n > 0 {
		k := min(n, len(spaces))
		p.line = append(p.line, spaces[:k]...)
		n -= k
	}
}

func (p *ruled) flush() {
	p.line = append(p.line, '\n')
	p.w.Write(p.line)
}

// columns counts ctx's columns: one past the highest index with a width.
func columns(ctx tw.Formatting) int {
	n := 0
	for i := range ctx.Row.Widths {
		n = max(n, i+1)
	}
	return n
}

// textWidth is s's width on a terminal; printable ASCII is one column a
// byte, and anything else is tablewriter's to measure.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return twwidth.Width(s)
		}
	}
	return len(s)
}
