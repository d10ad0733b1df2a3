package render

import (
	"io"
	"strings"
)

// Dot writes g in Graphviz's dot language, left to right, every id quoted.
func Dot(w io.Writer, g Graph) error {
	var b strings.Builder
	b.WriteString("digraph dealtrack {\n")
	b.WriteString("  rankdir=LR;\n")
	b.WriteString("  node [shape=box, fontname=\"Helvetica\"];\n")
	b.WriteString("  edge [fontname=\"Helvetica\"];\n")
	for _, n := range g.Nodes {
		b.WriteString("  " + dotQuote(n.Name) + " [label=" + dotQuote(n.Label) + "];\n")
	}
	for _, a := range g.Arcs {
		b.WriteString("  " + dotQuote(a.From) + " -> " + dotQuote(a.To) + " [label=" + dotQuote(a.Label) + "];\n")
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// dotEscape keeps a string inside its quotes: backslashes and quotes are
// escaped, and a line break becomes dot's centred line break \n.
var dotEscape = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func dotQuote(s string) string { return `"` + dotEscape.Replace(s) + `"` }
