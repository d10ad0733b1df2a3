package cli

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
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
	return render.Render(app.Out, opts.output.options(), tableRecord{flowsTable(rows), directionRecords(rows, bound)})
}

func flowsTable(rows []report.PartyFlows) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "party"}, {Key: "pays", Right: true}, {Key: "receives", Right: true},
		{Key: "net", Right: true}, {Key: "back", Right: true}, {Key: "undisclosed_paid", Right: true}, {Key: "undisclosed_received", Right: true}}}
	for _, p := range rows {
		t.Rows = append(t.Rows, []render.Cell{render.Str(p.Name), flowCell(p.PaidOut), flowCell(p.Received),
			netCell(p), flowCell(p.Back), dealCount(p.PaidOut.Undisclosed), dealCount(p.Received.Undisclosed)})
	}
	return t
}

// flowCell is a sum of flows; when no flow has a figure, "undisclosed" or
// "–" (no flow) for people and empty for scripts, never 0.
func flowCell(s report.FlowSum) render.Cell {
	switch {
	case !s.Known && s.Undisclosed > 0:
		return render.Cell{Text: "undisclosed"}
	case !s.Known:
		return render.Cell{Text: "–"}
	}
	return render.Cell{Text: s.Human(), Plain: fmt.Sprint(s.USD)}
}

func netCell(p report.PartyFlows) render.Cell {
	v, ok := net(p)
	if !ok {
		return render.Cell{Text: "–"}
	}
	text := deal.FormatDollars(max(v, -v), false)
	if v < 0 {
		text = "−" + text
	}
	return render.Cell{Text: text, Plain: fmt.Sprint(v)}
}

// net is what p receives minus what it pays, over the flows with figures.
func net(p report.PartyFlows) (int64, bool) {
	return p.Received.USD - p.PaidOut.USD, p.Received.Known || p.PaidOut.Known
}

// directionRecord is a party's money by direction in json and yaml. Keys are a
// contract: never rename one; add new ones.
type directionRecord struct {
	Party               string `json:"party" yaml:"party"`
	Bound               string `json:"bound" yaml:"bound"`
	PaidUSD             *int64 `json:"paid_usd" yaml:"paid_usd"`
	ReceivedUSD         *int64 `json:"received_usd" yaml:"received_usd"`
	NetUSD              *int64 `json:"net_usd" yaml:"net_usd"`
	BackUSD             *int64 `json:"back_usd" yaml:"back_usd"`
	UndisclosedPaid     int    `json:"undisclosed_paid" yaml:"undisclosed_paid"`
	UndisclosedReceived int    `json:"undisclosed_received" yaml:"undisclosed_received"`
}

func directionRecords(rows []report.PartyFlows, b deal.Bound) []directionRecord {
	out := make([]directionRecord, len(rows))
	for i, p := range rows {
		n, ok := net(p)
		out[i] = directionRecord{Party: p.Name, Bound: b.String(),
			PaidUSD: optInt(p.PaidOut.USD, p.PaidOut.Known), ReceivedUSD: optInt(p.Received.USD, p.Received.Known),
			NetUSD: optInt(n, ok), BackUSD: optInt(p.Back.USD, p.Back.Known),
			UndisclosedPaid: p.PaidOut.Undisclosed, UndisclosedReceived: p.Received.Undisclosed}
	}
	return out
}
