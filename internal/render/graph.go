package render

import (
	"fmt"
	"io"
)

// GraphFormats are the formats that draw a Graph instead of printing a
// table.
var GraphFormats = []string{"dot", "mermaid", "svg"}

// Graph is a directed graph to draw: named nodes and the arcs between
// them, each with a label. A label may hold line breaks.
type Graph struct {
	Nodes          []Node
	Arcs           []Arc
	Title, Caption string // for a picture (svg): what it shows, and from what
}

// Node is one node of a Graph.
type Node struct {
	Name  string // identifies the node; arcs refer to it
	Label string
}

// Arc is an arrow from one node to another.
type Arc struct {
	From, To  string // node names
	Label     string
	Weight    float64 // how much the arc carries, for its width in a picture; 0 when not known
	Highlight bool    // drawn in the accent colour (an arc on a circle)
}

// Draw writes g in format, one of GraphFormats.
func Draw(w io.Writer, format string, g Graph) error {
	switch format {
	case "dot":
		return Dot(w, g)
	case "mermaid":
		return Mermaid(w, g)
	case "svg":
		return GraphSVG(w, g)
	}
	return fmt.Errorf("unknown graph format %q (use dot, mermaid or svg)", format)
}
