package render

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The pictures are drawn by hand, in plain SVG: a graph laid out on a
// circle (as the press draws the circles of the deal wave) and bar charts.
// Every picture carries its own light background, so it reads the same on
// a light or a dark page and in print, uses no script and no font but the
// reader's sans-serif, and says under it what it shows.

const (
	svgFont   = `font-family="Helvetica, Arial, sans-serif"`
	svgInk    = "#1f2933"
	svgMuted  = "#616e7c"
	svgAccent = "#c2410c" // an arc on a circle
	svgArc    = "#3e4c59"
)

// xmlText escapes s for SVG text and attributes.
func xmlText(s string) string { return xmlEscaper.Replace(s) }

// xmlEscaper is made once: building a Replacer costs far more than using
// one, and a chart escapes every label.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// svgHeader starts a picture of w × h with its background.
func svgHeader(b *strings.Builder, w, h float64, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" %s font-size="12">`+"\n", w, h, w, h, svgFont)
	fmt.Fprintf(b, "<title>%s</title>\n", xmlText(title))
	fmt.Fprintf(b, `<rect width="%.0f" height="%.0f" rx="8" fill="#ffffff"/>`+"\n", w, h)
}

// svgCaption writes the caption's lines from y down, and returns the y
// below them.
func svgCaption(b *strings.Builder, x, y float64, caption string) float64 {
	for _, line := range strings.Split(caption, "\n") {
		if line == "" {
			continue
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" fill="%s" font-size="11">%s</text>`+"\n", x, y, svgMuted, xmlText(line))
		y += 15
	}
	return y
}

// GraphSVG draws g: the nodes on a circle, in their order; each arc a
// curved arrow whose width grows with its weight (the square root of its
// share of the heaviest), dashed when its weight is not known, in the
// accent colour when it is highlighted, with its label at its middle.
func GraphSVG(w io.Writer, g Graph) error {
	g.Nodes = circleOrder(g)
	n := len(g.Nodes)
	boxW := 120.0
	for _, node := range g.Nodes {
		for _, line := range strings.Split(node.Label, "\n") {
			boxW = math.Max(boxW, 12+6.6*float64(len([]rune(line))))
		}
	}
	radius := math.Max(180, float64(n)*(boxW+70)/(2*math.Pi))
	margin := boxW/2 + 40
	width := 2*radius + 2*margin
	height := width + 20 + 15*float64(strings.Count(g.Caption, "\n")+1)
	cx, cy := width/2, radius+margin
	at := map[string][2]float64{}
	half := map[string][2]float64{} // half the width and height of each node's box
	for _, node := range g.Nodes {
		half[node.Name] = [2]float64{boxW / 2, (8 + 15*float64(strings.Count(node.Label, "\n")+1)) / 2}
	}
	for i, node := range g.Nodes {
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(max(n, 1))
		at[node.Name] = [2]float64{cx + radius*math.Cos(angle), cy + radius*math.Sin(angle)}
	}
	heaviest := 0.0
	for _, a := range g.Arcs {
		heaviest = math.Max(heaviest, a.Weight)
	}
	var b strings.Builder
	svgHeader(&b, width, height, g.Title)
	b.WriteString(`<defs>`)
	for _, m := range []struct{ id, colour string }{{"arrow", svgArc}, {"arrow-hot", svgAccent}} {
		fmt.Fprintf(&b, `<marker id="%s" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`, m.id, m.colour)
	}
	b.WriteString("</defs>\n")
	for _, a := range g.Arcs {
		from, to := at[a.From], at[a.To]
		stroke, marker := svgArc, "arrow"
		if a.Highlight {
			stroke, marker = svgAccent, "arrow-hot"
		}
		width, dash := 1.5, ` stroke-dasharray="6 4"`
		if a.Weight > 0 && heaviest > 0 {
			width, dash = 1.5+8*math.Sqrt(a.Weight/heaviest), ""
		}
		// Bend each arc to its left, so that A→B and B→A do not cover each other;
		// stop short of the node boxes.
		dx, dy := to[0]-from[0], to[1]-from[1]
		length := math.Hypot(dx, dy)
		if length == 0 {
			continue
		}
		ux, uy := dx/length, dy/length
		out, in := edgeOfBox(ux, uy, half[a.From])+4, edgeOfBox(ux, uy, half[a.To])+6
		x1, y1 := from[0]+ux*out, from[1]+uy*out
		x2, y2 := to[0]-ux*in, to[1]-uy*in
		mx, my := (x1+x2)/2-uy*length*0.12, (y1+y2)/2+ux*length*0.12
		fmt.Fprintf(&b, `<path d="M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f" fill="none" stroke="%s" stroke-width="%.1f" stroke-opacity="0.85"%s marker-end="url(#%s)"/>`+"\n",
			x1, y1, mx, my, x2, y2, stroke, width, dash, marker)
		lx, ly := (x1+2*mx+x2)/4, (y1+2*my+y2)/4
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s" stroke="#ffffff" stroke-width="4" paint-order="stroke" font-weight="bold">%s</text>`+"\n",
			lx, ly, stroke, xmlText(a.Label))
	}
	for _, node := range g.Nodes {
		p := at[node.Name]
		lines := strings.Split(node.Label, "\n")
		h := 8 + 15*float64(len(lines))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.0f" height="%.0f" rx="6" fill="#f5f7fa" stroke="%s"/>`+"\n", p[0]-boxW/2, p[1]-h/2, boxW, h, svgInk)
		for i, line := range lines {
			weight := ""
			if i == 0 {
				weight = ` font-weight="bold"`
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s"%s>%s</text>`+"\n", p[0], p[1]-h/2+17+15*float64(i), svgInk, weight, xmlText(line))
		}
	}
	svgCaption(&b, 16, width+10, g.Caption)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// edgeOfBox is how far from a box's centre a line in direction (ux, uy)
// leaves the box of half sizes h.
func edgeOfBox(ux, uy float64, h [2]float64) float64 {
	t := math.Inf(1)
	if ux != 0 {
		t = h[0] / math.Abs(ux)
	}
	if uy != 0 {
		t = math.Min(t, h[1]/math.Abs(uy))
	}
	return t
}

// circleOrder orders the nodes around the circle so that parties that pay
// each other sit side by side: from the most connected, each next node is
// the one with the most arcs to the one placed before it (ties to the
// most connected, then by name).
func circleOrder(g Graph) []Node {
	links := map[[2]string]int{}
	degree := map[string]int{}
	for _, a := range g.Arcs {
		links[[2]string{a.From, a.To}]++
		links[[2]string{a.To, a.From}]++
		degree[a.From]++
		degree[a.To]++
	}
	left := slices.Clone(g.Nodes)
	var out []Node
	last := ""
	for len(left) > 0 {
		best := 0
		for i, n := range left {
			b := left[best]
			if c := cmp.Or(cmp.Compare(links[[2]string{last, n.Name}], links[[2]string{last, b.Name}]), cmp.Compare(degree[n.Name], degree[b.Name]), cmp.Compare(b.Name, n.Name)); c > 0 {
				best = i
			}
		}
		out = append(out, left[best])
		last = left[best].Name
		left = slices.Delete(left, best, best+1)
	}
	return out
}

// Bars is a bar chart: one bar per item, in order, with its value and the
// text to print beside it; Line, when set, draws a second series as a line
// over the bars (a running total), on its own scale.
type Bars struct {
	Title, Caption string
	Items          []Bar
	Line           []float64 // one value per item, or none
	LineTexts      []string  // the line's values for people
	LineLabel      string
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64 // 0 or less draws no bar
	Text  string  // the value for people ("$1.4T", "≤$100B"), printed by the bar
}

// BarsSVG draws c as horizontal bars, the longest the largest value.
func BarsSVG(w io.Writer, c Bars) error {
	const barW, rowH, top = 420.0, 22.0, 44.0
	labelW, valueW := 60.0, 60.0
	for i, it := range c.Items {
		labelW = math.Max(labelW, 16+6.6*float64(len([]rune(it.Label))))
		text := len([]rune(it.Text))
		if i < len(c.LineTexts) {
			text += 12 + len([]rune(c.LineTexts[i]))
		}
		valueW = math.Max(valueW, 16+6.6*float64(text))
	}
	width := labelW + barW + valueW + 32
	height := top + rowH*float64(len(c.Items)) + 24 + 15*float64(strings.Count(c.Caption, "\n")+1)
	most := 0.0
	for _, it := range c.Items {
		most = math.Max(most, it.Value)
	}
	lineMost := 0.0
	for _, v := range c.Line {
		lineMost = math.Max(lineMost, v)
	}
	var b strings.Builder
	svgHeader(&b, width, height, c.Title)
	fmt.Fprintf(&b, `<text x="16" y="26" fill="%s" font-size="15" font-weight="bold">%s</text>`+"\n", svgInk, xmlText(c.Title))
	var line []string
	for i, it := range c.Items {
		y := top + rowH*float64(i)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="%s">%s</text>`+"\n", labelW, y+15, svgInk, xmlText(it.Label))
		if it.Value > 0 && most > 0 {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.0f" rx="2" fill="%s"/>`+"\n", labelW+8, y+4, math.Max(1, barW*it.Value/most), rowH-8, svgArc)
		}
		text := it.Text
		if i < len(c.Line) && c.LineLabel != "" {
			text += "   " + c.LineLabel + " " + c.lineText(i)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s">%s</text>`+"\n", labelW+barW+16, y+15, svgInk, xmlText(text))
		if i < len(c.Line) && lineMost > 0 {
			line = append(line, fmt.Sprintf("%.1f,%.1f", labelW+8+barW*c.Line[i]/lineMost, y+rowH/2))
		}
	}
	if len(line) > 1 {
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(line, " "), svgAccent)
	}
	svgCaption(&b, 16, top+rowH*float64(len(c.Items))+20, c.Caption)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// lineText is the running value of item i, as its bar's text is written.
func (c Bars) lineText(i int) string {
	if i < len(c.LineTexts) {
		return c.LineTexts[i]
	}
	return ""
}
