package cli

import (
	"bytes"
	"fmt"
	"html/template"
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
	capt := caption(cmd, bound, filter.AsOf)
	page := render.Page{Title: "AI-infrastructure deals", Caption: capt}
	page.Figures = []render.Figure{
		{Label: "deals", Value: fmt.Sprint(sum.Deals), Note: fmt.Sprintf("%d left out as cancelled or superseded", len(sum.Retired))},
		{Label: "dollars, " + bound.String(), Value: deal.FormatDollars(sum.Dollars.Total, false),
			Note: fmt.Sprintf("low %s, high %s; %d undisclosed", deal.FormatDollars(low.Dollars.Total, false), deal.FormatDollars(high.Dollars.Total, false), sum.Dollars.Undisclosed)},
		{Label: "power", Value: deal.FormatWatts(sum.Power.Total, false), Note: fmt.Sprintf("%.0f TWh a year at full load", deal.TWhPerYear(sum.Power.Total))},
		{Label: "in other currencies only", Value: fmt.Sprint(len(sum.Dollars.OtherCurrency)), Note: "not converted, not added"},
	}
	var chart bytes.Buffer
	if len(periods) > 0 {
		if err := render.BarsSVG(&chart, view.TimelineChart(report.ByQuarter, report.Once, periods, capt)); err != nil {
			return err
		}
		page.Sections = append(page.Sections, render.Section{Heading: "Dollars per quarter", Picture: template.HTML(chart.String()),
			Note: "Each bar is what the quarter's deals add to the running total, the line: each dollar counts once, so a part inside an umbrella of an earlier quarter adds nothing again."})
	}
	g := report.NewGraph(live, bound)
	page.Sections = append(page.Sections, view.TopParties(g, "Who pays the most", func(p report.PartyFlows) int64 { return p.PaidOut.USD }),
		view.TopParties(g, "Who receives the most", func(p report.PartyFlows) int64 { return p.Received.USD }))
	if edges := report.CycleEdges(report.FindCycles(g, report.CycleBounds{MaxLength: 2, Limit: maxCycles}).Cycles); len(edges) > 0 {
		d := view.Drawing(g, edges, true)
		d.Title, d.Caption = "Circles of money", capt
		var pic bytes.Buffer
		if err := render.GraphSVG(&pic, d); err != nil {
			return err
		}
		page.Sections = append(page.Sections, render.Section{Heading: "Two-party circles of money", Picture: template.HTML(pic.String()),
			Note: "Each party pays the other: an investment one way, a purchase the other. Dashed: no amount given."})
	}
	page.Sections = append(page.Sections, view.DealsSection(ds))
	return render.PageHTML(app.Out, page)
}
