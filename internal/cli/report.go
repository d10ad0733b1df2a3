package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type reportOptions struct {
	filter  filterFlags
	bound   string
	retired bool
}

func newReportCmd(app *App) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report",
		Short: "write one self-contained HTML page: totals, charts, money by party, circles, every deal",
		Long: `Write one HTML page for the deals the filters keep: the headline totals, the
dollars per quarter with the running total, the parties that pay and receive
the most, the two-party circles of money, and every deal in a table that sorts
by any column (click a heading), with its best source as a link.

The page is self-contained: its pictures are inline SVG, its style and its few
lines of script are in the page, nothing is fetched from elsewhere, and it
prints cleanly. It goes to standard output.`,
		Example: `  dealtrack report > deals.html
  dealtrack report --party OpenAI --since 2025 > openai.html
  dealtrack report --as-of 2025-10-01 > october-2025.html`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runReport(app, cmd, &opts) },
	}
	opts.filter.bind(cmd)
	bindBound(cmd, &opts.bound)
	bindIncludeCancelled(cmd, &opts.retired)
	return cmd
}

func runReport(app *App, cmd *cobra.Command, opts *reportOptions) error {
	filter, err := opts.filter.parse(cmd)
	if err != nil {
		return err
	}
	bound, err := parseBound(cmd, opts.bound)
	if err != nil {
		return err
	}
	set, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	u := report.NewUmbrellas(set.Deals)
	u.CountRetired = opts.retired
	sum := report.Total(ds, u, bound)
	low, high := report.Total(ds, u, deal.Low), report.Total(ds, u, deal.High)
	periods := report.Timeline(ds, u, report.ByQuarter, bound, report.Once)
	if err := report.Exact(sum, low, high); err != nil {
		return err
	}
	live := ds
	if !opts.retired {
		live = slices.DeleteFunc(slices.Clone(ds), (*deal.Deal).Retired)
	}
	g := report.NewGraph(live, bound)
	circles := report.CycleEdges(report.FindCycles(g, report.CycleBounds{MaxLength: 2, Limit: maxCycles}).Cycles)
	page, err := view.Page(view.Overview{
		Caption: caption(cmd, bound, filter.AsOf), Bound: bound,
		Sum: sum, Low: low, High: high, Quarters: periods,
		Graph: g, Circles: circles, Deals: ds,
	})
	if err != nil {
		return err
	}
	return render.PageHTML(app.Out, page)
}
