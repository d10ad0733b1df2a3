package cli

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
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
		parties := filter.Parties
		filter.Parties = nil // the parties compared, not a filter
		sides = report.CompareParties(parties, query.Select(set.Deals, filter), opts.umbrellas(set.Deals), bound)
	}
	for _, s := range sides {
		if err := report.Exact(s.Sum); err != nil {
			return err
		}
	}
	o, rec := opts.output.options(), newCompareRecord(sides, bound, opts.energy)
	rec.AsOf = optString(filter.AsOf.String())
	plain := o.Format == "csv" || o.Format == "tsv"
	if o.Format != "table" || !opts.energy {
		return render.Render(app.Out, o, tableRecord{compareTable(sides, opts.energy, plain), rec})
	}
	if err := render.Render(app.Out, o, tableRecord{compareTable(sides, false, false), rec}); err != nil {
		return err
	}
	fmt.Fprintln(app.Out)
	return render.Render(app.Out, o, tableRecord{energyTable(sides), nil})
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

// compareTable has a row per field and a column per side; csv and tsv name
// each row by its json key, an energy equivalent by its reference's key.
// With plain (csv, tsv), a deal's figures also get rows for their wording
// and ends, which the table's cells show as ≤, ≥, ~ and ranges.
func compareTable(sides []report.Side, energy, plain bool) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "field"}}, Literal: true}
	for _, s := range sides {
		t.Columns = append(t.Columns, render.Column{Key: s.Name, Right: true})
	}
	row := func(label, key string, cell func(report.Side) render.Cell) {
		r := []render.Cell{{Text: label, Plain: key}}
		for _, s := range sides {
			r = append(r, cell(s))
		}
		t.Rows = append(t.Rows, r)
	}
	perGW := "$ per GW"
	if sides[0].Deal != nil {
		dealRows(row)
		if plain {
			wordingRows(row)
		}
	} else {
		partyRows(row)
		perGW = "$ per GW (deals giving both)"
	}
	row(perGW, "usd_per_gw", func(s report.Side) render.Cell { return perGWCell(s.USDPerGW) })
	row("TWh a year at full load", "twh_per_year", func(s report.Side) render.Cell { return twhCell(s.TWh) })
	if energy {
		for i, ref := range report.References {
			row(ref.Label(), ref.Key, func(s report.Side) render.Cell { return equivalentCell(s, i) })
		}
	}
	return t
}

// energyTable is the terminal's layout of the energy equivalents: the
// figures first, then the long reference they are measured against.
func energyTable(sides []report.Side) *render.Table {
	t := &render.Table{Literal: true}
	for _, s := range sides {
		t.Columns = append(t.Columns, render.Column{Key: s.Name, Right: true})
	}
	t.Columns = append(t.Columns, render.Column{Key: "equals, in a year at full load"})
	for i, ref := range report.References {
		var r []render.Cell
		for _, s := range sides {
			r = append(r, equivalentCell(s, i))
		}
		t.Rows = append(t.Rows, append(r, render.Str(ref.Label())))
	}
	return t
}

type rowFunc func(label, key string, cell func(report.Side) render.Cell)

func dealRows(row rowFunc) {
	row("announced", "announced", func(s report.Side) render.Cell { return render.Str(s.Deal.Announced.String()) })
	row("parties", "parties", func(s report.Side) render.Cell {
		return render.Cell{Text: strings.Join(s.Deal.Parties, ", "), Plain: strings.Join(s.Deal.Parties, ";")}
	})
	row("kind", "kind", func(s report.Side) render.Cell { return render.Str(string(s.Deal.Kind)) })
	row("status", "status", func(s report.Side) render.Cell { return render.Str(string(s.Deal.Status)) })
	row("dollars", "usd", func(s report.Side) render.Cell {
		return render.Cell{Text: s.Deal.Dollars.Human(), Plain: plainDollars(s.USD)}
	})
	row("dollars vs first", "usd_ratio", func(s report.Side) render.Cell { return ratioCell(s.USDRatio) })
	row("power", "gw", func(s report.Side) render.Cell {
		return render.Cell{Text: s.Deal.Power.Human(), Plain: plainGW(s.Watts)}
	})
	row("power vs first", "gw_ratio", func(s report.Side) render.Cell { return ratioCell(s.GWRatio) })
}

// wordingRows give a deal's figures as csv and tsv need them: the
// qualifier as written and both ends, empty when not given.
func wordingRows(row rowFunc) {
	text := func(p *string) render.Cell {
		if p == nil {
			return render.Cell{}
		}
		return render.Str(*p)
	}
	usd := func(p *int64) render.Cell {
		if p == nil {
			return render.Cell{}
		}
		return render.Cell{Plain: strconv.FormatInt(*p, 10)}
	}
	gw := func(p *float64) render.Cell {
		if p == nil {
			return render.Cell{}
		}
		return render.Cell{Plain: strconv.FormatFloat(*p, 'f', -1, 64)}
	}
	row("", "usd_qualifier", func(s report.Side) render.Cell { _, _, _, q := dollarFields(s.Deal.Dollars); return text(q) })
	row("", "usd_low", func(s report.Side) render.Cell { _, low, _, _ := dollarFields(s.Deal.Dollars); return usd(low) })
	row("", "usd_high", func(s report.Side) render.Cell { _, _, high, _ := dollarFields(s.Deal.Dollars); return usd(high) })
	row("", "gw_qualifier", func(s report.Side) render.Cell { _, _, _, q := gwFields(s.Deal.Power); return text(q) })
	row("", "gw_low", func(s report.Side) render.Cell { _, low, _, _ := gwFields(s.Deal.Power); return gw(low) })
	row("", "gw_high", func(s report.Side) render.Cell { _, _, high, _ := gwFields(s.Deal.Power); return gw(high) })
}

func partyRows(row rowFunc) {
	row("deals", "deals", func(s report.Side) render.Cell { return count(s.Sum.Deals) })
	row("dollars", "usd", func(s report.Side) render.Cell { return dollarsCell(s.Sum.Dollars.Total, s.USD.OK) })
	row("undisclosed dollars", "undisclosed_usd", func(s report.Side) render.Cell { return dealCount(s.Sum.Dollars.Undisclosed) })
	row("overlap dollars", "overlap_usd", func(s report.Side) render.Cell {
		return overlapCells(s.Sum)[0]
	})
	row("dollars vs first", "usd_ratio", func(s report.Side) render.Cell { return ratioCell(s.USDRatio) })
	row("power", "gw", func(s report.Side) render.Cell { return wattsCell(s.Sum.Power.Total, s.Watts.OK) })
	row("undisclosed power", "undisclosed_gw", func(s report.Side) render.Cell { return dealCount(s.Sum.Power.Undisclosed) })
	row("overlap power", "overlap_gw", func(s report.Side) render.Cell {
		return overlapCells(s.Sum)[1]
	})
	row("power vs first", "gw_ratio", func(s report.Side) render.Cell { return ratioCell(s.GWRatio) })
	row("pays", "paid_usd", func(s report.Side) render.Cell { return flowCell(s.Flows.PaidOut) })
	row("receives", "received_usd", func(s report.Side) render.Cell { return flowCell(s.Flows.Received) })
	row("net, received − paid", "net_usd", func(s report.Side) render.Cell { return netCell(s.Flows) })
	row("comes back from those it pays", "back_usd", func(s report.Side) render.Cell { return flowCell(s.Flows.Back) })
}

func plainDollars(v report.Maybe) string {
	if !v.OK {
		return ""
	}
	return strconv.FormatInt(int64(v.V), 10)
}

func plainGW(w report.Maybe) string {
	if !w.OK {
		return ""
	}
	return deal.DecimalGW(int64(w.V))
}

func plainFloat(v report.Maybe) string {
	if !v.OK {
		return ""
	}
	return strconv.FormatFloat(v.V, 'f', -1, 64)
}

func ratioCell(r report.Maybe) render.Cell {
	c := render.Cell{Text: "–", Plain: plainFloat(r)}
	if r.OK {
		c.Text = report.FormatRatio(r.V)
	}
	return c
}

func perGWCell(v report.Maybe) render.Cell {
	c := render.Cell{Text: "–"}
	if v.OK {
		usd := int64(math.Round(v.V))
		c = render.Cell{Text: deal.FormatDollars(usd, false), Plain: strconv.FormatInt(usd, 10)}
	}
	return c
}

func twhCell(v report.Maybe) render.Cell {
	c := render.Cell{Text: "–", Plain: plainFloat(v)}
	if v.OK {
		c.Text = strconv.FormatFloat(v.V, 'f', 1, 64)
	}
	return c
}

func equivalentCell(s report.Side, ref int) render.Cell {
	if !s.TWh.OK {
		return render.Cell{Text: "–"}
	}
	e := report.Equivalents(s.TWh.V)[ref]
	return render.Cell{Text: e.Amount(), Plain: strconv.FormatFloat(e.Ratio, 'f', -1, 64)}
}

// The json and yaml form of compare, as the README documents it. Keys are
// a contract: never rename one; add new ones.

type compareRecord struct {
	Compare string  `json:"compare" yaml:"compare"` // "deals" or "parties"
	Bound   string  `json:"bound" yaml:"bound"`
	AsOf    *string `json:"as_of" yaml:"as_of"`
	Columns any     `json:"columns" yaml:"columns"`
}

// comparison is what a column adds to a deal or a party's total.
type comparison struct {
	USDPerGW          *float64                 `json:"usd_per_gw" yaml:"usd_per_gw"`
	TWhPerYear        *float64                 `json:"twh_per_year" yaml:"twh_per_year"`
	USDRatio          *float64                 `json:"usd_ratio" yaml:"usd_ratio"`
	GWRatio           *float64                 `json:"gw_ratio" yaml:"gw_ratio"`
	EnergyEquivalents *[]view.EquivalentRecord `json:"energy_equivalents,omitempty" yaml:"energy_equivalents,omitempty"`
}

type dealComparison struct {
	view.DealRecord `yaml:",inline"`
	comparison      `yaml:",inline"`
}

type partyComparison struct {
	Party      string `json:"party" yaml:"party"`
	sumRecord  `yaml:",inline"`
	comparison `yaml:",inline"`
	PaidUSD    *int64 `json:"paid_usd" yaml:"paid_usd"`
	Received   *int64 `json:"received_usd" yaml:"received_usd"`
	NetUSD     *int64 `json:"net_usd" yaml:"net_usd"`
	BackUSD    *int64 `json:"back_usd" yaml:"back_usd"`
}

func newCompareRecord(sides []report.Side, b deal.Bound, energy bool) compareRecord {
	rec := compareRecord{Compare: "deals", Bound: b.String()}
	if sides[0].Deal == nil {
		cols := make([]partyComparison, len(sides))
		for i, s := range sides {
			f := s.Flows
			n, ok := net(f)
			cols[i] = partyComparison{s.Name, newSumRecord(s.Sum), newComparison(s, energy),
				optInt(f.PaidOut.USD, f.PaidOut.Known), optInt(f.Received.USD, f.Received.Known), optInt(n, ok), optInt(f.Back.USD, f.Back.Known)}
		}
		rec.Compare, rec.Columns = "parties", cols
		return rec
	}
	cols := make([]dealComparison, len(sides))
	for i, s := range sides {
		cols[i] = dealComparison{view.NewDealRecord(s.Deal), newComparison(s, energy)}
	}
	rec.Columns = cols
	return rec
}

func newComparison(s report.Side, energy bool) comparison {
	c := comparison{
		USDPerGW:   optFloat(math.Round(s.USDPerGW.V), s.USDPerGW.OK),
		TWhPerYear: optFloat(s.TWh.V, s.TWh.OK),
		USDRatio:   optFloat(s.USDRatio.V, s.USDRatio.OK),
		GWRatio:    optFloat(s.GWRatio.V, s.GWRatio.OK),
	}
	if energy {
		es := equivalentRecords(s.TWh)
		c.EnergyEquivalents = &es
	}
	return c
}

// equivalentRecords measures twh against every reference; none when the
// energy is not known.
func equivalentRecords(twh report.Maybe) []view.EquivalentRecord {
	out := []view.EquivalentRecord{}
	if twh.OK {
		for _, e := range report.Equivalents(twh.V) {
			out = append(out, view.NewEquivalentRecord(e))
		}
	}
	return out
}
