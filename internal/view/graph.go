package view

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// Picture is what a drawing says about itself: its title, and a caption
// with the command line, the bound and the date of the data.
type Picture struct {
	Title, Caption string
	Cycles         bool // the edges are on circles: highlight them
}

// Drawing is graph's drawing of edges of g (dot, mermaid, svg), with
// pic's title, and its caption followed by how many edges, parties and
// deals the drawing shows.
func Drawing(g *report.Graph, edges []report.Edge, pic Picture) render.Graph {
	d := drawing(g, edges, pic.Cycles)
	d.Title = pic.Title
	d.Caption = pic.Caption + fmt.Sprintf("\n%d %s between %d parties, from %d %s; dashed: no amount given", len(edges), Plural(len(edges), "edge", "edges"), len(d.Nodes), dealsOn(edges), Plural(dealsOn(edges), "deal", "deals"))
	return d
}

// dealsOn counts the deals behind edges.
func dealsOn(edges []report.Edge) int {
	ids := map[string]bool{}
	for _, e := range edges {
		for _, id := range e.Deals {
			ids[id] = true
		}
	}
	return len(ids)
}

// drawing lays out edges for dot, mermaid and svg: a node per party on
// them, labelled with its totals over all of g, and an arrow per edge
// labelled with its dollars, highlighted when the edges are on cycles.
func drawing(g *report.Graph, edges []report.Edge, cycles bool) render.Graph {
	onEdges := map[string]bool{}
	var d render.Graph
	for _, e := range edges {
		onEdges[e.From], onEdges[e.To] = true, true
		a := render.Arc{From: e.From, To: e.To, Label: edgeLabel(e), Highlight: cycles}
		if e.Known {
			a.Weight = float64(e.USD)
		}
		d.Arcs = append(d.Arcs, a)
	}
	for _, p := range g.Parties() {
		if onEdges[p.Name] {
			label := strings.Join(nonEmpty(p.Name, flowLine("pays", p.PaidOut), flowLine("receives", p.Received)), "\n")
			d.Nodes = append(d.Nodes, render.Node{Name: p.Name, Label: label})
		}
	}
	return d
}

func edgeLabel(e report.Edge) string {
	return dollarsWithUndisclosed(e.Human(), e.Known, e.Undisclosed)
}

// flowLine is one line of a party's label: "pays $338B + 4 undisclosed".
func flowLine(verb string, s report.FlowSum) string {
	if !s.Known && s.Undisclosed == 0 {
		return ""
	}
	return verb + " " + dollarsWithUndisclosed(s.Human(), s.Known, s.Undisclosed)
}

func dollarsWithUndisclosed(dollars string, known bool, undisclosed int) string {
	switch {
	case !known:
		return "undisclosed"
	case undisclosed > 0:
		return fmt.Sprintf("%s + %d undisclosed", dollars, undisclosed)
	}
	return dollars
}

func nonEmpty(ss ...string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// The json and yaml forms of the graph, documented in the README. Keys are
// a contract: never rename one once released.

type edgeRecord struct {
	From         string   `json:"from" yaml:"from"`
	To           string   `json:"to" yaml:"to"`
	USD          *int64   `json:"usd" yaml:"usd"`
	Flows        int      `json:"flows" yaml:"flows"`
	Undisclosed  int      `json:"undisclosed" yaml:"undisclosed"`
	Deals        []string `json:"deals" yaml:"deals"`
	USDLow       *int64   `json:"usd_low" yaml:"usd_low"`
	USDHigh      *int64   `json:"usd_high" yaml:"usd_high"`
	USDQualifier *string  `json:"usd_qualifier" yaml:"usd_qualifier"`
}

type cycleRecord struct {
	Parties         []string          `json:"parties" yaml:"parties"`
	Edges           []cycleEdgeRecord `json:"edges" yaml:"edges"`
	USDMin          *int64            `json:"usd_min" yaml:"usd_min"`
	USDLargestKnown *int64            `json:"usd_largest_known" yaml:"usd_largest_known"`
}

type cycleEdgeRecord struct {
	From         string   `json:"from" yaml:"from"`
	To           string   `json:"to" yaml:"to"`
	USD          *int64   `json:"usd" yaml:"usd"`
	Deals        []string `json:"deals" yaml:"deals"`
	USDQualifier *string  `json:"usd_qualifier" yaml:"usd_qualifier"`
}

// Edges is graph's report: a row per edge, from payer to payee, with its
// dollars and the deals behind it.
func Edges(edges []report.Edge) render.Report { return edgeList(edges) }

type edgeList []report.Edge

func (es edgeList) Table() *render.Table { return edgeTable(es) }
func (es edgeList) Record() any          { return edgeRecords(es) }

// Cycles is graph --cycles' report: a row per circular chain of flows,
// with the money that can go round it and the deals on each edge.
func Cycles(cs []report.Cycle) render.Report { return cycleList(cs) }

type cycleList []report.Cycle

func (cs cycleList) Table() *render.Table { return cycleTable(cs) }
func (cs cycleList) Record() any          { return cycleRecords(cs) }

func edgeRecords(edges []report.Edge) []edgeRecord {
	out := make([]edgeRecord, len(edges))
	for i, e := range edges {
		_, low, high, q := dollarFields(e.Sum)
		out[i] = edgeRecord{e.From, e.To, optInt(e.USD, e.Known), e.Flows, e.Undisclosed, e.Deals, low, high, q}
	}
	return out
}

func cycleRecords(cs []report.Cycle) []cycleRecord {
	out := make([]cycleRecord, len(cs))
	for i, c := range cs {
		r := cycleRecord{Parties: c.Parties, Edges: make([]cycleEdgeRecord, len(c.Edges)), USDMin: optInt(c.USDMin()), USDLargestKnown: optInt(c.LargestKnown())}
		for j, e := range c.Edges {
			_, _, _, q := dollarFields(e.Sum)
			r.Edges[j] = cycleEdgeRecord{e.From, e.To, optInt(e.USD, e.Known), e.Deals, q}
		}
		out[i] = r
	}
	return out
}

// edgeTable is graph's table: one row per edge.
func edgeTable(edges []report.Edge) *render.Table {
	t := &render.Table{Columns: []render.Column{
		{Key: "from"}, {Key: "to"}, {Key: "usd", Right: true}, {Key: "undisclosed", Right: true}, {Key: "deals"},
	}}
	for _, e := range edges {
		usd := render.Cell{Text: e.Human()}
		if e.Known {
			usd.Plain = strconv.FormatInt(e.USD, 10)
		}
		t.Rows = append(t.Rows, []render.Cell{
			render.Str(e.From), render.Str(e.To), usd,
			render.Str(strconv.Itoa(e.Undisclosed)),
			{Text: strings.Join(e.Deals, ", "), Plain: strings.Join(e.Deals, ";")},
		})
	}
	return t
}

// minEdge is the edge of c with the least money, whose figure, with its
// wording ("≤$5B"), is what can go round the circle.
func minEdge(c report.Cycle) report.Edge {
	least := c.Edges[0]
	for _, e := range c.Edges[1:] {
		if e.USD < least.USD {
			least = e
		}
	}
	return least
}

// largestKnownEdge is the edge of c with the most money among those with a
// figure: what is known of a circle whose round trip is not.
func largestKnownEdge(c report.Cycle) (report.Edge, bool) {
	var most report.Edge
	found := false
	for _, e := range c.Edges {
		if e.Known && (!found || e.USD > most.USD) {
			most, found = e, true
		}
	}
	return most, found
}

// cycleTable is graph --cycles' table: one row per cycle, with the deals
// of each edge in the chain's order.
func cycleTable(cs []report.Cycle) *render.Table {
	t := &render.Table{Columns: []render.Column{
		{Key: "chain"}, {Key: "length", Right: true}, {Key: "usd_min", Right: true}, {Key: "deals"},
	}}
	for _, c := range cs {
		chain := append(append([]string{}, c.Parties...), c.Parties[0])
		usdMin := render.Cell{Text: "undisclosed"}
		if e, ok := largestKnownEdge(c); ok {
			usdMin.Text = "undisclosed; an edge " + e.Human()
		}
		if v, ok := c.USDMin(); ok {
			usdMin = render.Cell{Text: minEdge(c).Human(), Plain: strconv.FormatInt(v, 10)}
		}
		edgeDeals := make([]string, len(c.Edges))
		for i, e := range c.Edges {
			edgeDeals[i] = strings.Join(e.Deals, "+")
		}
		t.Rows = append(t.Rows, []render.Cell{
			{Text: strings.Join(chain, " → "), Plain: strings.Join(c.Parties, ";")},
			render.Str(strconv.Itoa(len(c.Parties))),
			usdMin,
			{Text: strings.Join(edgeDeals, " | "), Plain: strings.Join(edgeDeals, ";")},
		})
	}
	return t
}
