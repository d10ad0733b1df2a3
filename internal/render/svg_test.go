package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// wellFormed parses an SVG document to its end.
func wellFormed(t *testing.T, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML (%v):\n%s", err, doc)
		}
	}
}

func TestGraphSVG(t *testing.T) {
	g := Graph{
		Title:   "Circles <of> money & more",
		Caption: "dealtrack graph --cycles · bound: headline\nthe second line",
		Nodes:   []Node{{Name: "NVIDIA", Label: "NVIDIA\npays $100B"}, {Name: "OpenAI", Label: "OpenAI"}, {Name: "A&B", Label: "A&B \"co\""}},
		Arcs: []Arc{
			{From: "NVIDIA", To: "OpenAI", Label: "≤$100B", Weight: 100e9, Highlight: true},
			{From: "OpenAI", To: "NVIDIA", Label: "undisclosed"},
			{From: "OpenAI", To: "A&B", Label: "$5B", Weight: 5e9},
		},
	}
	var b bytes.Buffer
	if err := GraphSVG(&b, g); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	wellFormed(t, out)
	for _, want := range []string{"≤$100B", "A&amp;B &quot;co&quot;", "Circles &lt;of&gt; money &amp; more", `stroke-dasharray="6 4"`, svgAccent, "the second line", `fill="#ffffff"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the picture lacks %q", want)
		}
	}
	if n := strings.Count(out, " Q"); n != 3 {
		t.Errorf("%d arcs drawn, want 3", n)
	}
}

func TestBarsSVG(t *testing.T) {
	c := Bars{Title: "Dollars by year", Caption: "dealtrack timeline", LineLabel: "running",
		Items:     []Bar{{Label: "2024", Value: 10, Text: "$10B"}, {Label: "2025", Value: 0, Text: "–"}, {Label: "2026 <Q>", Value: 30, Text: "≤$30B"}},
		Line:      []float64{10, 10, 40},
		LineTexts: []string{"$10B", "$10B", "$40B"}}
	var b bytes.Buffer
	if err := BarsSVG(&b, c); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	wellFormed(t, out)
	if n := strings.Count(out, `rx="2"`); n != 2 {
		t.Errorf("%d bars, want 2 (no bar for 0)", n)
	}
	for _, want := range []string{"≤$30B   running $40B", "2026 &lt;Q&gt;", "<polyline"} {
		if !strings.Contains(out, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
}

func TestCircleOrderPutsPartnersSideBySide(t *testing.T) {
	g := Graph{Nodes: []Node{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}},
		Arcs: []Arc{{From: "A", To: "C"}, {From: "C", To: "A"}, {From: "B", To: "D"}}}
	var names []string
	for _, n := range circleOrder(g) {
		names = append(names, n.Name)
	}
	if got := strings.Join(names, ""); got != "ACBD" {
		t.Errorf("order %s, want ACBD", got)
	}
}
