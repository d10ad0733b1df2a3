package render

import (
	"fmt"
	"io"
)

// GraphFormats are the formats that draw a Graph instead of printing a
// table.
var GraphFormats = []string{"dot", "mermaid"}

// Graph is a directed graph to draw: named nodes and the arcs between
// them, each with a label. A label may hold line breaks.
type Graph struct {
	Nodes []Node
	Arcs  []Arc
}

// Node is one node of a Graph.
type Node struct {
	Name  string // identifies the node; arcs refer to it
	Label string
}

// Arc is an arrow from one node to another.
type Arc struct {
	From, To string // node names
	Label    string
}

// Draw writes g in format, one of GraphFormats.
func Draw(w io.Writer, format string, g Graph) error {
	switch format {
	case "dot":
		return Dot(w, g)
	case "mermaid":
		return Mermaid(w, g)
	}
	return fmt.Errorf("unknown graph format %q (use dot or mermaid)", format)
}
