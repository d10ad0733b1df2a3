package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

type graphOptions struct {
	filter    filterFlags
	output    outputFlags
	bound     string
	cycles    bool
	maxLength int
	limit     int
	retired   bool // --include-cancelled
}

func newGraphCmd(app *App) *cobra.Command {
	var opts graphOptions
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "the money flows between parties, and the circular chains in them",
		Long: `Sum the money flows of the selected deals per ordered pair of parties: one edge
from payer to payee, with the dollars of the flows that have a figure (usd),
how many have none (undisclosed) and the deals behind it.

With --cycles, list every circular chain of flows — A pays B pays … pays A —
each once, starting at its first party in name order, with the deals on each
edge and usd_min, the smallest edge: the money that can go round the circle
(unknown when an edge on it has no figure). Largest first, unknown last.
--max-length and --limit bound the search; when one cuts it short, a warning
says so on stderr.

-o dot writes Graphviz, -o mermaid a flowchart that GitHub renders; with
--cycles they draw only the edges on a cycle. Node labels carry each party's
totals over all the selected flows.

Cancelled and superseded deals are left out, as sums leave them out
(--include-cancelled draws them). With a table or a picture, a note on stderr
names them, and the selected deals that have no flows and so are not drawn.`,
		Example: `  dealtrack graph
  dealtrack graph --party OpenAI -o json
  dealtrack graph --cycles
  dealtrack graph --cycles -o mermaid
  dealtrack graph -o dot | dot -Tsvg > flows.svg`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runGraph(app, cmd, &opts) },
	}
	opts.filter.bind(cmd)
	opts.output.bind(cmd, render.GraphFormats...)
	fl := cmd.Flags()
	bindBound(cmd, &opts.bound)
	fl.BoolVar(&opts.cycles, "cycles", false, "list the circular chains of flows instead of the edges")
	fl.IntVar(&opts.maxLength, "max-length", 6, "with --cycles: the most parties on a cycle")
	fl.IntVar(&opts.limit, "limit", 1000, "with --cycles: the most cycles to find, up to 100000 (0: 100000)")
	bindIncludeCancelled(cmd, &opts.retired)
	return cmd
}

func runGraph(app *App, cmd *cobra.Command, opts *graphOptions) error {
	filter, err := opts.filter.parse(cmd)
	if err != nil {
		return err
	}
	bound, err := parseBound(cmd, opts.bound)
	if err != nil {
		return err
	}
	bounds, err := opts.cycleBounds(cmd)
	if err != nil {
		return err
	}
	if err := opts.output.check(cmd, render.GraphFormats...); err != nil {
		return err
	}
	_, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	var retired []string
	if !opts.retired {
		ds = slices.DeleteFunc(slices.Clone(ds), func(d *deal.Deal) bool {
			if d.Retired() {
				retired = append(retired, d.ID)
			}
			return d.Retired()
		})
	}
	if f := opts.output.format; f == "table" || isDrawing(f) {
		app.noteLeftOut(retired, withoutFlows(ds))
	}
	g := report.NewGraph(ds, bound)
	pic := picture{title: "Money flows between the parties", caption: caption(cmd, bound, filter.AsOf)}
	if !opts.cycles {
		return app.writeGraph(opts.output, g, g.Edges, pic)
	}
	search := report.FindCycles(g, bounds)
	app.warnCut(search, bounds)
	if isDrawing(opts.output.format) {
		pic.title, pic.cycles = "Circles of money: each party pays the next", true
		return app.writeGraph(opts.output, g, report.CycleEdges(search.Cycles), pic)
	}
	return render.Render(app.Out, opts.output.options(), tableRecord{cycleTable(search.Cycles), cycleRecords(search.Cycles)})
}

// The bounds of the search for cycles: on a dense graph the number of
// circles grows past any memory with their length.
const (
	maxCycleLength = 8
	maxCycles      = 100_000
)

// cycleBounds reads --max-length and --limit, which only --cycles takes.
func (opts *graphOptions) cycleBounds(cmd *cobra.Command) (report.CycleBounds, error) {
	for _, name := range []string{"max-length", "limit"} {
		if cmd.Flags().Changed(name) && !opts.cycles {
			return report.CycleBounds{}, usageErrorf(cmd, "--%s goes with --cycles", name)
		}
	}
	if opts.maxLength < 2 {
		return report.CycleBounds{}, flagValueError(cmd, "max-length", strconv.Itoa(opts.maxLength), errors.New("a cycle has at least 2 parties"))
	}
	if opts.maxLength > maxCycleLength {
		return report.CycleBounds{}, flagValueError(cmd, "max-length", strconv.Itoa(opts.maxLength), fmt.Errorf("at most %d: longer circles multiply past what can be searched", maxCycleLength))
	}
	if opts.limit < 0 || opts.limit > maxCycles {
		return report.CycleBounds{}, flagValueError(cmd, "limit", strconv.Itoa(opts.limit), fmt.Errorf("use a number of cycles up to %d, or 0 for that many", maxCycles))
	}
	limit := opts.limit
	if limit == 0 {
		limit = maxCycles
	}
	return report.CycleBounds{MaxLength: opts.maxLength, Limit: limit}, nil
}

// warnCut says on stderr when a bound cut the search for cycles short.
func (app *App) warnCut(s report.CycleSearch, b report.CycleBounds) {
	switch {
	case s.Limited:
		app.warnf("stopped at --limit %d cycles; more exist (the shortest are listed: raise --limit or select fewer deals)", b.Limit)
	case s.LargestGroup > b.MaxLength:
		app.warnf("cycles of more than %d parties were not searched (--max-length), and %d parties all reach one another, so longer cycles may exist", b.MaxLength, s.LargestGroup)
	}
}

// withoutFlows lists the deals of ds that have no flow between two parties.
func withoutFlows(ds []*deal.Deal) []string {
	var ids []string
	for _, d := range ds {
		if !slices.ContainsFunc(d.Flows, func(f deal.Flow) bool { return f.From != f.To }) {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

// maxNamed is how many deals a note names before it counts the rest.
const maxNamed = 10

// noteLeftOut says on stderr which selected deals a graph does not draw.
func (app *App) noteLeftOut(retired, flowless []string) {
	if len(retired) > 0 {
		fmt.Fprintf(app.Err, "dealtrack: note: %d cancelled or superseded %s left out (--include-cancelled draws them): %s\n",
			len(retired), plural(len(retired), "deal", "deals"), strings.Join(retired, ", "))
	}
	if len(flowless) > 0 {
		ids := strings.Join(flowless, ", ")
		if len(flowless) > maxNamed {
			ids = strings.Join(flowless[:maxNamed], ", ") + fmt.Sprintf(" and %d more (list them with dealtrack list --where 'flows == 0' and the same filters)", len(flowless)-maxNamed)
		}
		fmt.Fprintf(app.Err, "dealtrack: note: %d selected %s no flows, so %s not drawn: %s\n",
			len(flowless), plural(len(flowless), "deal has", "deals have"), plural(len(flowless), "it is", "they are"), ids)
	}
}

func (app *App) warnf(format string, args ...any) {
	fmt.Fprintf(app.Err, "dealtrack: warning: "+format+"\n", args...)
}

func isDrawing(format string) bool { return slices.Contains(render.GraphFormats, format) }

// picture is what a drawing says about itself: its title, and a caption
// with the command line, the bound and the date of the data.
type picture struct {
	title, caption string
	cycles         bool // the edges are on circles: highlight them
}

// writeGraph prints edges of g: drawn, or as a table of edges.
func (app *App) writeGraph(out outputFlags, g *report.Graph, edges []report.Edge, pic picture) error {
	if isDrawing(out.format) {
		d := drawing(g, edges, pic.cycles)
		d.Title = pic.title
		d.Caption = pic.caption + fmt.Sprintf("\n%d %s between %d parties, from %d %s; dashed: no amount given", len(edges), plural(len(edges), "edge", "edges"), len(d.Nodes), dealsOn(edges), plural(dealsOn(edges), "deal", "deals"))
		return render.Draw(app.Out, out.format, d)
	}
	if o := out.options(); o.Records() {
		return render.Render(app.Out, o, tableRecord{nil, edgeRecords(edges)})
	}
	return render.Render(app.Out, out.options(), tableRecord{edgeTable(edges), nil})
}

// drawing lays out edges for dot and mermaid: a node per party on them,
// labelled with its totals over all of g, and an arrow per edge labelled
// with its dollars.
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

// caption says what a picture shows: the command line's filters, the
// bound, and the date of the data.
func caption(cmd *cobra.Command, b deal.Bound, asOf deal.Date) string {
	var flags []string
	cmd.Flags().Visit(func(f *pflag.Flag) {
		switch {
		case f.Name == "output":
		case f.Value.Type() == "bool" && f.Value.String() == "true":
			flags = append(flags, "--"+f.Name)
		default:
			flags = append(flags, "--"+f.Name+"="+f.Value.String())
		}
	})
	when := "the data as it stands"
	if !asOf.IsZero() {
		when = "the data as of " + asOf.String()
	}
	line := cmd.CommandPath()
	if len(flags) > 0 {
		line += " " + strings.Join(flags, " ")
	}
	return fmt.Sprintf("%s · bound: %s · %s", line, b, when)
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
