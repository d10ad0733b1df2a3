package cli

import (
	"cmp"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type flowsOptions struct {
	reportFlags
}

func newFlowsCmd(app *App) *cobra.Command {
	var opts flowsOptions
	cmd := &cobra.Command{
		Use:   "flows [PARTY...]",
		Short: "money by direction: what each party pays, receives, and gets back from those it pays",
		Long: `Money by direction, from the deals' flows: for each party, what it pays, what
it receives, the net (received minus paid), the flows whose amount is not
given (counted apart, never as zero), and how much of what it receives comes
back from parties it pays (the circular part: Amazon invests in Anthropic,
which buys AWS compute).

Name parties to see only their rows; the filters choose the deals. Like the
sums, flows leave out cancelled and superseded deals unless
--include-cancelled. --bound takes the low or high end of every figure
("up to $100B" is 0 at the low end).`,
		Example: `  dealtrack flows OpenAI
  dealtrack flows NVIDIA --since 2025
  dealtrack flows --bound low -o json | jq '.[] | select(.party == "OpenAI")'
  dealtrack flows -o csv > flows.csv`,
		RunE: func(cmd *cobra.Command, parties []string) error { return runFlows(app, cmd, &opts, parties) },
	}
	opts.reportFlags.bind(cmd)
	cmd.ValidArgsFunction = app.completeParties
	return cmd
}

func runFlows(app *App, cmd *cobra.Command, opts *flowsOptions, names []string) error {
	filter, bound, err := opts.reportFlags.parse(cmd)
	if err != nil {
		return err
	}
	set, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	for i, n := range names {
		c, err := canonicalParty(set.Registry, n)
		if err != nil && set.Registry != nil {
			return usageErrorf(cmd, "%v", err)
		}
		if err == nil {
			names[i] = c
		}
	}
	if !opts.retired {
		ds = slices.DeleteFunc(slices.Clone(ds), (*deal.Deal).Retired)
	}
	rows := report.NewGraph(ds, bound).Parties()
	if len(names) > 0 {
		rows = slices.DeleteFunc(rows, func(p report.PartyFlows) bool { return !slices.Contains(names, p.Name) })
	}
	slices.SortStableFunc(rows, func(a, b report.PartyFlows) int {
		return cmp.Or(cmp.Compare(b.PaidOut.USD+b.Received.USD, a.PaidOut.USD+a.Received.USD), cmp.Compare(a.Name, b.Name))
	})
	return render.Render(app.Out, opts.output.options(), view.Flows(rows, bound))
}
