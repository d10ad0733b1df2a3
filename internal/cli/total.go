package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type totalOptions struct {
	reportFlags
	by      byFlag
	cells   string
	periods string
	sort    string
	limit   int
}

func newTotalCmd(app *App) *cobra.Command {
	var opts totalOptions
	cmd := &cobra.Command{
		Use:   "total",
		Short: "sum dollars and gigawatts, with deal and undisclosed counts",
		Long: `Sum the dollars and gigawatts of the deals the filters keep, with the number
of deals and of undisclosed figures, in one row or in groups (--by).

Counting rules: a sum adds each deal's headline figure (--bound low|high sums
the other ends). An undisclosed figure adds nothing and is counted apart
(undisclosed_usd, undisclosed_gw); a figure a deal does not give at all (a
funding round's gigawatts) is neither. A deal with several parties or tags
counts fully under each; the grand total counts every deal once. A deal that
is part_of an umbrella (directly or up a chain) counted in the same sum adds
nothing: its figure is inside the umbrella's and is shown as overlap. When
the umbrella is filtered out, or its own figure is not known, the part counts.
An umbrella counts at least what its parts in the sum add up to, at every
bound, so a sum is never below a deal in it and low <= headline <= high; the
footer names umbrellas whose parts exceed them (json: total.exceeds).

Cancelled deals and deals superseded by another are left out, and named with
what they would have added; --include-cancelled counts them. A deal whose
money is stated only in another currency (amount: EUR 5.5B) adds nothing to
the dollars and is named: figures are never converted.

By year, quarter or month, each dollar counts once, as in the grand total: a
period counts what its deals add to the running total, so a part whose
umbrella came in an earlier period adds only what exceeds the umbrella, and
the periods add up to the total. --periods full sums each period's deals in
full instead. json and yaml say which in "periods".`,
		Example: `  dealtrack total
  dealtrack total --by party --since 2025
  dealtrack total --by quarter --party OpenAI
  dealtrack total --by year --periods full
  dealtrack total --by party --sort -usd --limit 5
  dealtrack total --by party,year --sort -usd --limit 10
  dealtrack total --by kind --bound low
  dealtrack total --by party -o json | jq '.groups[] | select(.key == "OpenAI") | .usd'`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runTotal(app, cmd, &opts) },
	}
	opts.reportFlags.bind(cmd, "svg")
	cmd.Flags().Var(&opts.by, "by", "group by "+joinEnum(report.Bys)+"; two (--by party,quarter) make a grid of rows and columns (default: one row for all)")
	cmd.Flags().StringVar(&opts.cells, "cells", "usd", "with two groupings: what each cell of the grid shows, "+strings.Join(view.GridCells, ", "))
	cmd.RegisterFlagCompletionFunc("cells", fixedCompletion(view.GridCells))
	bys := make([][2]string, len(report.Bys))
	for i, b := range report.Bys {
		bys[i] = [2]string{string(b), "a row (or column) per " + string(b)}
	}
	cmd.RegisterFlagCompletionFunc("by", completeCommaList(bys, false))
	bindPeriods(cmd, &opts.periods)
	cmd.Flags().StringVar(&opts.sort, "sort", "", "sort the groups by "+strings.Join(report.GroupKeyNames, ", ")+", comma-separated, - in front for descending (default: periods in order, other groups by dollars, largest first)")
	cmd.RegisterFlagCompletionFunc("sort", completeCommaList([][2]string{
		{"key", "the group: party, period, kind..."}, {"deals", "deals in the group"},
		{"usd", "dollars"}, {"gw", "gigawatts"},
	}, true))
	cmd.Flags().IntVar(&opts.limit, "limit", 0, "show at most N groups (0: all); the total still counts every deal")
	return cmd
}

func runTotal(app *App, cmd *cobra.Command, opts *totalOptions) error {
	filter, bound, err := opts.reportFlags.parse(cmd)
	if err != nil {
		return err
	}
	bys, err := parseBys(cmd, opts.by.names)
	if err != nil {
		return err
	}
	counted, err := parsePeriods(cmd, opts.periods)
	if err != nil {
		return err
	}
	if cmd.Flags().Changed("periods") && !slices.ContainsFunc(bys, report.By.Chronological) {
		return usageErrorf(cmd, "--periods applies to --by year, quarter or month")
	}
	switch {
	case !slices.Contains(view.GridCells, opts.cells):
		return flagValueError(cmd, "cells", opts.cells, fmt.Errorf("use %s", strings.Join(view.GridCells, ", ")))
	case cmd.Flags().Changed("cells") && len(bys) != 2:
		return usageErrorf(cmd, "--cells goes with two groupings (--by ROWS,COLUMNS)")
	case len(bys) == 2 && opts.output.format == "svg":
		return usageErrorf(cmd, "-o svg draws one grouping; a grid is a table (-o table, markdown, csv, tsv, json or yaml)")
	}
	var order []report.GroupKey
	if opts.sort != "" {
		if order, err = report.ParseGroupOrder(opts.sort); err != nil {
			return flagValueError(cmd, "sort", opts.sort, err)
		}
	}
	if opts.limit < 0 {
		return flagValueError(cmd, "limit", strconv.Itoa(opts.limit), errors.New("use 0 (all groups) or more"))
	}
	set, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	if len(bys) == 2 {
		g := report.CrossTab(ds, opts.umbrellas(set.Deals), bys[0], bys[1], bound, counted)
		opts.arrange(&g.Rows, order)
		if err := report.Exact(g.Rows.Total); err != nil {
			return err
		}
		if err := render.Render(app.Out, opts.output.options(), view.Grid(g, opts.cells, filter.AsOf)); err != nil {
			return err
		}
		if opts.output.format == "table" {
			view.ExplainGrid(app.Out, g)
		}
		return nil
	}
	by := report.ByNone
	if len(bys) == 1 {
		by = bys[0]
	}
	r := report.TotalBy(ds, opts.umbrellas(set.Deals), by, bound, counted)
	opts.arrange(&r, order)
	sums := []report.Sum{r.Total}
	for _, g := range r.Groups {
		sums = append(sums, g.Sum)
	}
	if err := report.Exact(sums...); err != nil {
		return err
	}
	if opts.output.format == "svg" {
		return render.BarsSVG(app.Out, view.TotalChart(r, caption(cmd, bound, filter.AsOf)))
	}
	if err := render.Render(app.Out, opts.output.options(), view.Total(r, filter.AsOf)); err != nil {
		return err
	}
	if opts.output.format == "table" {
		return view.ExplainTotal(app.Out, r, opts.output.options())
	}
	return nil
}

// arrange sorts r's groups as --sort says and keeps the first --limit.
func (opts *totalOptions) arrange(r *report.Report, order []report.GroupKey) {
	r.SortGroups(order)
	if shown := len(r.Groups); opts.limit > 0 && shown > opts.limit {
		r.Groups, r.Omitted = r.Groups[:opts.limit], shown-opts.limit
	}
}

// reportFlags are the flags total, compare and timeline share: the
// filters, the output format, and the bound that sums take.
type reportFlags struct {
	filter   filterFlags
	output   outputFlags
	bound    string
	retired  bool     // --include-cancelled
	pictures []string // the picture formats the command draws besides the tables (svg)
}

// umbrellas is how the command's sums see the whole data set.
func (r *reportFlags) umbrellas(all []*deal.Deal) report.Umbrellas {
	u := report.NewUmbrellas(all)
	u.CountRetired = r.retired
	return u
}

// bind adds the flags of a report to cmd.
func (r *reportFlags) bind(cmd *cobra.Command, pictures ...string) {
	r.pictures = pictures
	r.filter.bind(cmd)
	r.output.bind(cmd, pictures...)
	bindBound(cmd, &r.bound)
	bindIncludeCancelled(cmd, &r.retired)
}

// parse checks the flag values that need no data; a bad one is a usage
// error.
func (r *reportFlags) parse(cmd *cobra.Command) (*query.Filter, deal.Bound, error) {
	filter, err := r.filter.parse(cmd)
	if err != nil {
		return nil, 0, err
	}
	bound, err := parseBound(cmd, r.bound)
	if err != nil {
		return nil, 0, err
	}
	return filter, bound, r.output.check(cmd, r.pictures...)
}
