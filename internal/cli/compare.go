package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type compareOptions struct {
	reportFlags // its --party names the parties to compare
	energy      bool
}

func newCompareCmd(app *App) *cobra.Command {
	var opts compareOptions
	cmd := &cobra.Command{
		Use:   "compare <id> <id>... | compare --party NAME --party NAME...",
		Short: "lay deals, or parties' totals, side by side with ratios to the first",
		Long: `Lay two or more deals side by side, one column each: date, parties, kind,
status, dollars, power, dollars per gigawatt and energy in a year at full load
(GW × 8.76 = TWh), with the dollars and power of each as a ratio to the first.

With --party instead of ids, compare the totals of two or more parties, counted
as dealtrack total counts them (a deal that is part of an umbrella in the same
total adds nothing). Here --party names a party to compare, not a filter that
every deal must pass: "compare --party OpenAI --party Anthropic" puts OpenAI's
deals beside Anthropic's. The other filters (--kind, --since, ...) choose the
deals that go into the parties' totals; with deal ids they are refused, since
the deals given are compared as they are.

--energy adds what each column's yearly energy equals: countries' electricity
use, the Bitcoin network, data centres, US homes. Each reference is shown with
its year and source; a ratio against an approximate figure is marked ~.`,
		Example: `  dealtrack compare nvidia-openai-10gw stargate
  dealtrack compare nvidia-openai-10gw amd-openai-6gw broadcom-openai-10gw --energy
  dealtrack compare --party OpenAI --party Anthropic
  dealtrack compare --party OpenAI --party Meta --since 2025-07 --bound low
  dealtrack compare stargate nvidia-openai-10gw -o json | jq '.columns[] | {id, usd_ratio}'`,
		Args:              args(cobra.ArbitraryArgs),
		ValidArgsFunction: app.completeIDs,
		RunE:              func(cmd *cobra.Command, ids []string) error { return runCompare(app, cmd, &opts, ids) },
	}
	opts.reportFlags.bind(cmd)
	cmd.Flags().Lookup("party").Usage = "compare this party's total (repeatable, two or more; instead of deal ids)"
	cmd.Flags().BoolVar(&opts.energy, "energy", false, "add energy equivalents: countries' yearly electricity use, US homes, Bitcoin, data centres")
	return cmd
}

func runCompare(app *App, cmd *cobra.Command, opts *compareOptions, ids []string) error {
	filter, bound, err := opts.reportFlags.parse(cmd)
	if err != nil {
		return err
	}
	if err := checkCompared(cmd, ids, filter.Parties, opts.filter.names); err != nil {
		return err
	}
	set, err := app.load()
	if err != nil {
		return err
	}
	set = asOf(set, filter.AsOf)
	var sides []report.Side
	if len(ids) > 0 {
		ds, err := lookup(set, ids)
		if err != nil {
			return err
		}
		sides = report.CompareDeals(ds, bound)
	} else {
		if err := resolveParties(cmd, filter, set.Registry); err != nil {
			return err
		}
		deals := *filter
		deals.Parties = nil // --party names the parties compared, not the deals
		sides = report.CompareParties(filter.Parties, app.choose(set.Deals, &deals), opts.umbrellas(set.Deals), bound)
	}
	for _, s := range sides {
		if err := report.Exact(s.Sum); err != nil {
			return err
		}
	}
	o := opts.output.options()
	if o.Format == "table" && opts.energy { // the terminal shows the energy equivalents in a table of their own
		if err := render.Render(app.Out, o, view.Compare(sides, bound, filter.AsOf, view.CompareOptions{})); err != nil {
			return err
		}
		fmt.Fprintln(app.Out)
		return render.Render(app.Out, o, view.Energy(sides))
	}
	with := view.CompareOptions{Energy: opts.energy, Wording: o.Format == "csv" || o.Format == "tsv"}
	return render.Render(app.Out, o, view.Compare(sides, bound, filter.AsOf, with))
}

// checkCompared refuses what cannot be compared: fewer than two deals or
// parties, ids and parties mixed, filters beside deal ids.
func checkCompared(cmd *cobra.Command, ids, parties, filters []string) error {
	switch {
	case len(ids) > 0 && len(parties) > 0:
		return usageErrorf(cmd, "compare takes deal ids or --party names, not both")
	case len(parties) == 1:
		return usageErrorf(cmd, "--party: compare needs two or more parties (dealtrack total --party %q sums one)", parties[0])
	case len(parties) == 0 && len(ids) < 2:
		return usageErrorf(cmd, "compare needs two or more deal ids, or two or more --party names (dealtrack show ID describes one deal)")
	}
	if len(ids) > 0 {
		for _, name := range filters {
			if cmd.Flags().Changed(name) {
				return usageErrorf(cmd, "--%s: filters choose the deals in parties' totals (compare --party ...); deal ids are compared as given", name)
			}
		}
	}
	return nil
}
