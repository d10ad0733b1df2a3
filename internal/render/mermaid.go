package render

import (
	"io"
	"strconv"
	"strings"
)

// Mermaid writes g as a Mermaid flowchart, left to right, as GitHub renders
// it in markdown. Node ids are the names' ASCII letters and digits, made
// unique by a number; labels are quoted.
func Mermaid(w io.Writer, g Graph) error {
	nodes := declared(g)
	ids := mermaidIDs(nodes)
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, n := range nodes {
		b.WriteString("  " + ids[n.Name] + "[" + mermaidQuote(n.Label) + "]\n")
	}
	for _, a := range g.Arcs {
		b.WriteString("  " + ids[a.From] + " -->|" + mermaidQuote(a.Label) + "| " + ids[a.To] + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// declared is g's nodes and, after them, any node an arc names that g
// does not list, labelled with its name: Mermaid wants every node declared.
func declared(g Graph) []Node {
	nodes := g.Nodes
	seen := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		seen[n.Name] = true
	}
	for _, a := range g.Arcs {
		for _, name := range []string{a.From, a.To} {
			if !seen[name] {
				seen[name] = true
				nodes = append(nodes[:len(nodes):len(nodes)], Node{Name: name, Label: name})
			}
		}
	}
	return nodes
}

// mermaidKeywords are words Mermaid reads as syntax, compared in lower
// case; an id that is one of them gets a prefix.
var mermaidKeywords = map[string]bool{
	"end": true, "graph": true, "flowchart": true, "subgraph": true, "direction": true,
	"style": true, "class": true, "classdef": true, "click": true, "linkstyle": true,
	"call": true, "href": true, "default": true,
}

// mermaidIDs gives each node an id of ASCII letters and digits, in the
// nodes' order, so the same graph always gets the same ids.
func mermaidIDs(nodes []Node) map[string]string {
	ids := make(map[string]string, len(nodes))
	taken := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		if _, ok := ids[n.Name]; ok {
			continue
		}
		base := mermaidID(n.Name)
		id := base
		for i := 2; taken[id]; i++ {
			id = base + strconv.Itoa(i)
		}
		ids[n.Name], taken[id] = id, true
	}
	return ids
}

func mermaidID(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	id := b.String()
	if id == "" || id[0] >= '0' && id[0] <= '9' || mermaidKeywords[strings.ToLower(id)] {
		id = "n" + id
	}
	return id
}

// mermaidEscape writes the characters that would end or change a quoted
// label as Mermaid's entity codes; a line break becomes <br/>.
var mermaidEscape = strings.NewReplacer(
	"#", "#35;", `"`, "#quot;", "<", "#lt;", ">", "#gt;", "|", "#124;",
	"\r\n", "<br/>", "\n", "<br/>", "\r", "<br/>",
)

func mermaidQuote(s string) string { return `"` + mermaidEscape.Replace(s) + `"` }
