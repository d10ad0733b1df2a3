package render

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// TestRuledIsBlueprint draws random tables with ruled and with
// tablewriter's Blueprint, and wants the same bytes.
func TestRuledIsBlueprint(t *testing.T) {
	words := []string{"", "x", "OpenAI", "$1.5T", "≥10 GW", "–", "東京", "naïve café", "a\tb",
		"Stargate UK (paused)", "🙂", "1", "über-long-party-name-that-goes-on"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return words[rng.IntN(len(words))] }
	for n := range 300 {
		cols := 1 + rng.IntN(6)
		tab := &Table{}
		for i := range cols {
			tab.Columns = append(tab.Columns, Column{Key: "col " + pick(), Right: rng.IntN(2) == 0})
			_ = i
		}
		for range rng.IntN(5) {
			row := make([]Cell, cols)
			for i := range row {
				row[i] = Str(pick())
			}
			tab.Rows = append(tab.Rows, row)
		}
		if rng.IntN(2) == 0 {
			tab.Footer = make([]Cell, cols)
			for i := range tab.Footer {
				tab.Footer[i] = Str(pick())
			}
		}
		opts := Options{Wide: true, NoHeaders: rng.IntN(4) == 0}
		tab.Literal = rng.IntN(3) == 0
		got, want := draw(t, tab, opts, newRuledRenderer), draw(t, tab, opts, blueprint)
		if got != want {
			t.Fatalf("table %d: ruled drew\n%s\nBlueprint drew\n%s", n, got, want)
		}
	}
}

func newRuledRenderer(r tw.Rendition) tw.Renderer { return newRuled(r) }
func blueprint(r tw.Rendition) tw.Renderer        { return renderer.NewBlueprint(r) }

func draw(t *testing.T, tab *Table, opts Options, with func(tw.Rendition) tw.Renderer) string {
	t.Helper()
	saved := drawer
	defer func() { drawer = saved }()
	drawer = with
	var b bytes.Buffer
	if err := renderTable(&b, tab, opts); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(b.String(), " ", "·")
}
