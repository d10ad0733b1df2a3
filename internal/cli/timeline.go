package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type timelineOptions struct {
	reportFlags
	by      string
	bar     string
	periods string
}

func newTimelineCmd(app *App) *cobra.Command {
	var opts timelineOptions
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "deals per month, quarter or year, with running totals and a bar chart",
		Long: `Count and sum the deals announced in each month (--by quarter, year), from the
first period with a deal to the last, empty ones included, with running totals
and, in the terminal, a bar per period drawn with block characters.

The running totals are the grand total of every deal announced up to the end
of the period, so the last one equals dealtrack total's. Each dollar counts
once: a period counts what its deals add to the running total, so the periods
add up to it, and a part whose umbrella came in an earlier period adds only
what exceeds the umbrella. --periods full sums each period's deals among
themselves instead, as dealtrack total does for any group: a part then counts
again in its own period. json and yaml say which in "periods" and give what
each period left out as held_usd and held_gw. csv, tsv, json and yaml carry
plain numbers and no bar.`,
		Example: `  dealtrack timeline
  dealtrack timeline --by quarter --party OpenAI
  dealtrack timeline --by year --bar gw
  dealtrack timeline --by quarter --periods full
  dealtrack timeline --since 2025 -o tsv | cut -f1,3`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runTimeline(app, cmd, &opts) },
	}
	opts.reportFlags.bind(cmd, "svg")
	cmd.Flags().StringVar(&opts.by, "by", "month", "one row per month, quarter or year")
	cmd.Flags().StringVar(&opts.bar, "bar", "usd", "what the bar shows: usd, gw or deals")
	cmd.RegisterFlagCompletionFunc("by", fixedCompletion([]string{"month", "quarter", "year"}))
	cmd.RegisterFlagCompletionFunc("bar", fixedCompletion(view.BarMeasures))
	bindPeriods(cmd, &opts.periods)
	return cmd
}

func runTimeline(app *App, cmd *cobra.Command, opts *timelineOptions) error {
	filter, bound, err := opts.reportFlags.parse(cmd)
	if err != nil {
		return err
	}
	by, err := report.ParsePer(opts.by)
	if err != nil {
		return flagValueError(cmd, "by", opts.by, err)
	}
	if !slices.Contains(view.BarMeasures, opts.bar) {
		return flagValueError(cmd, "bar", opts.bar, fmt.Errorf("not a measure (use %s)", strings.Join(view.BarMeasures, ", ")))
	}
	counted, err := parsePeriods(cmd, opts.periods)
	if err != nil {
		return err
	}
	set, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	periods := report.Timeline(ds, opts.umbrellas(set.Deals), by, bound, counted)
	for _, p := range periods {
		if err := report.Exact(p.Sum, p.Running); err != nil {
			return err
		}
	}
	o := opts.output.options()
	if o.Format == "svg" {
		return render.BarsSVG(app.Out, view.TimelineChart(by, counted, periods, caption(cmd, bound, filter.AsOf)))
	}
	bar := "" // the bar is for people: tables and markdown
	if o.Format == "table" || o.Format == "markdown" {
		bar = opts.bar
	}
	if err := render.Render(app.Out, o, view.Timeline(periods, by, bound, counted, filter.AsOf, bar)); err != nil {
		return err
	}
	if o.Format == "table" {
		view.ExplainTimeline(app.Out, periods, counted)
	}
	return nil
}
