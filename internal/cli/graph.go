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
	"github.com/dealtrack/dealtrack/internal/view"
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
	selected := ds
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
	pic := view.Picture{Title: "Money flows between the parties", Caption: caption(cmd, bound, filter.AsOf)}
	if !opts.cycles {
		return app.writeGraph(opts.output, g, g.Edges, pic)
	}
	search := report.FindCycles(g, bounds)
	app.warnCut(search, bounds)
	if len(retired) > 0 && opts.output.format == "table" {
		app.noteRetiredCircles(selected, ds, bound)
	}
	if isDrawing(opts.output.format) {
		pic.Title, pic.Cycles = "Circles of money: each party pays the next", true
		return app.writeGraph(opts.output, g, report.CycleEdges(search.Cycles), pic)
	}
	return render.Render(app.Out, opts.output.options(), view.Cycles(search.Cycles))
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
			len(retired), view.Plural(len(retired), "deal", "deals"), strings.Join(retired, ", "))
	}
	if len(flowless) > 0 {
		ids := strings.Join(flowless, ", ")
		if len(flowless) > maxNamed {
			ids = strings.Join(flowless[:maxNamed], ", ") + fmt.Sprintf(" and %d more (list them with dealtrack list --where 'flows == 0' and the same filters)", len(flowless)-maxNamed)
		}
		fmt.Fprintf(app.Err, "dealtrack: note: %d selected %s no flows, so %s not drawn: %s\n",
			len(flowless), view.Plural(len(flowless), "deal has", "deals have"), view.Plural(len(flowless), "it is", "they are"), ids)
	}
}

// noteRetiredCircles names the circles of two parties that close only
// through deals left out as cancelled or superseded, with those deals: a
// reader looks for NVIDIA ↔ OpenAI, whose letter of intent was replaced.
func (app *App) noteRetiredCircles(all, live []*deal.Deal, bound deal.Bound) {
	pairs := func(ds []*deal.Deal) []report.Cycle {
		return report.FindCycles(report.NewGraph(ds, bound), report.CycleBounds{MaxLength: 2}).Cycles
	}
	closed := map[string]bool{}
	for _, c := range pairs(live) {
		closed[strings.Join(c.Parties, "\x00")] = true
	}
	retired := map[string]bool{}
	for _, d := range all {
		retired[d.ID] = d.Retired()
	}
	var names []string
	for _, c := range pairs(all) {
		if closed[strings.Join(c.Parties, "\x00")] {
			continue
		}
		var through []string
		for _, e := range c.Edges {
			for _, id := range e.Deals {
				if retired[id] && !slices.Contains(through, id) {
					through = append(through, id)
				}
			}
		}
		names = append(names, fmt.Sprintf("%s ↔ %s (through %s)", c.Parties[0], c.Parties[1], strings.Join(through, ", ")))
	}
	if len(names) > 0 {
		fmt.Fprintf(app.Err, "dealtrack: note: %d %s of two parties %s only through the deals left out: %s; --include-cancelled lists %s\n",
			len(names), view.Plural(len(names), "circle", "circles"), view.Plural(len(names), "closes", "close"), strings.Join(names, "; "), view.Plural(len(names), "it", "them"))
	}
}

func (app *App) warnf(format string, args ...any) {
	fmt.Fprintf(app.Err, "dealtrack: warning: "+format+"\n", args...)
}

func isDrawing(format string) bool { return slices.Contains(render.GraphFormats, format) }

// writeGraph prints edges of g: drawn, or as a table of edges.
func (app *App) writeGraph(out outputFlags, g *report.Graph, edges []report.Edge, pic view.Picture) error {
	if isDrawing(out.format) {
		return render.Draw(app.Out, out.format, view.Drawing(g, edges, pic))
	}
	return render.Render(app.Out, out.options(), view.Edges(edges))
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
