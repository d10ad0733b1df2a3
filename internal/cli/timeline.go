package cli

import (
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

type timelineOptions struct {
	reportFlags
	by      string
	bar     string
	periods string
}

// barMeasures are what timeline's bar can draw.
var barMeasures = []string{"usd", "gw", "deals"}

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
	cmd.RegisterFlagCompletionFunc("bar", fixedCompletion(barMeasures))
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
	measure := barMeasure(opts.bar)
	if measure == nil {
		return flagValueError(cmd, "bar", opts.bar, fmt.Errorf("not a measure (use %s)", strings.Join(barMeasures, ", ")))
	}
	view, err := parsePeriods(cmd, opts.periods)
	if err != nil {
		return err
	}
	set, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	periods := report.Timeline(ds, opts.umbrellas(set.Deals), by, bound, view)
	for _, p := range periods {
		if err := report.Exact(p.Sum, p.Running); err != nil {
			return err
		}
	}
	o := opts.output.options()
	if o.Format == "svg" {
		return render.BarsSVG(app.Out, timelineChart(by, view, periods, caption(cmd, bound, filter.AsOf)))
	}
	t := timelineTable(by, periods)
	if o.Format == "table" || o.Format == "markdown" {
		addBars(t, periods, opts.bar, measure)
	}
	rec := newTimelineRecord(by, bound, view, periods)
	rec.AsOf = optString(filter.AsOf.String())
	if err := render.Render(app.Out, o, tableRecord{t, rec}); err != nil {
		return err
	}
	if o.Format == "table" {
		groups := make([]report.Group, len(periods))
		for i, p := range periods {
			groups[i] = report.Group{Key: p.Key, Sum: p.Sum}
		}
		if len(periods) > 0 {
			explainPeriods(app.Out, view, groups, periods[len(periods)-1].Running)
		}
	}
	return nil
}

// timelineChart draws the dollars of each period as bars, with the running
// total as a line.
func timelineChart(by report.By, view report.Periods, periods []report.Period, caption string) render.Bars {
	how := "\nEach dollar counts once: a bar is what its period adds to the running total."
	if view == report.Full {
		how = "\nEach period's deals count in full: a part counts in its own period; the running total holds it once."
	}
	c := render.Bars{Title: "Dollars announced by " + string(by) + ", with the running total", Caption: caption + how, LineLabel: "running"}
	for _, p := range periods {
		text := "–"
		if p.Dollars.Counted > 0 {
			text = deal.FormatDollars(p.Dollars.Total, false)
		}
		c.Items = append(c.Items, render.Bar{Label: p.Key, Value: float64(p.Dollars.Total), Text: text})
		c.Line = append(c.Line, float64(p.Running.Dollars.Total))
		c.LineTexts = append(c.LineTexts, deal.FormatDollars(p.Running.Dollars.Total, false))
	}
	return c
}

// barMeasure returns what the bar of a period measures, or nil.
func barMeasure(name string) func(report.Period) float64 {
	switch name {
	case "usd":
		return func(p report.Period) float64 { return float64(p.Dollars.Total) }
	case "gw":
		return func(p report.Period) float64 { return float64(p.Power.Total) }
	case "deals":
		return func(p report.Period) float64 { return float64(p.Deals) }
	}
	return nil
}

func timelineTable(by report.By, periods []report.Period) *render.Table {
	t := &render.Table{Columns: []render.Column{
		{Key: string(by)}, {Key: "deals", Right: true}, {Key: "usd", Right: true}, {Key: "gw", Right: true},
		{Key: "running_deals", Right: true}, {Key: "running_usd", Right: true}, {Key: "running_gw", Right: true},
	}}
	for _, p := range periods {
		t.Rows = append(t.Rows, []render.Cell{
			render.Str(p.Key),
			count(p.Deals),
			dollarsCell(p.Dollars.Total, p.Dollars.Counted > 0),
			wattsCell(p.Power.Total, p.Power.Counted > 0),
			count(p.Running.Deals),
			dollarsCell(p.Running.Dollars.Total, p.Running.Dollars.Counted > 0),
			wattsCell(p.Running.Power.Total, p.Running.Power.Counted > 0),
		})
	}
	return t
}

// barWidth is the longest bar, in character cells.
const barWidth = 24

// addBars adds a bar column for people: each period's measure against
// the largest.
func addBars(t *render.Table, periods []report.Period, name string, measure func(report.Period) float64) {
	largest := 0.0
	for _, p := range periods {
		largest = max(largest, measure(p))
	}
	t.Columns = append(t.Columns, render.Column{Key: name + "_bar"})
	for i, p := range periods {
		t.Rows[i] = append(t.Rows[i], render.Str(bar(measure(p), largest, barWidth)))
	}
}

// eighths are the partial blocks, from one eighth of a cell to seven.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// bar draws v as a share of largest in up to width cells, in eighths of a
// cell. Anything above nothing shows at least one eighth.
func bar(v, largest float64, width int) string {
	if v <= 0 || largest <= 0 {
		return ""
	}
	n := max(int(math.Round(v/largest*float64(width*8))), 1)
	return strings.Repeat("█", n/8) + eighths[n%8]
}

// The json and yaml form of timeline, as the README documents it. Keys
// are a contract: never rename one; add new ones.

type timelineRecord struct {
	By      string         `json:"by" yaml:"by"`
	Bound   string         `json:"bound" yaml:"bound"`
	View    string         `json:"view" yaml:"view"`
	AsOf    *string        `json:"as_of" yaml:"as_of"`
	Periods []periodRecord `json:"periods" yaml:"periods"`
}

type periodRecord struct {
	Period       string `json:"period" yaml:"period"`
	sumRecord    `yaml:",inline"`
	heldRecord   `yaml:",inline"`
	RunningDeals int      `json:"running_deals" yaml:"running_deals"`
	RunningUSD   *int64   `json:"running_usd" yaml:"running_usd"`
	RunningGW    *float64 `json:"running_gw" yaml:"running_gw"`
}

func newTimelineRecord(by report.By, b deal.Bound, view report.Periods, periods []report.Period) timelineRecord {
	rec := timelineRecord{By: string(by), Bound: b.String(), View: string(view), Periods: make([]periodRecord, len(periods))}
	for i, p := range periods {
		rec.Periods[i] = periodRecord{
			Period:       p.Key,
			sumRecord:    newSumRecord(p.Sum),
			heldRecord:   newHeldRecord(p.Sum),
			RunningDeals: p.Running.Deals,
			RunningUSD:   optInt(p.Running.Dollars.Total, p.Running.Dollars.Counted > 0),
			RunningGW:    optGW(p.Running.Power.Total, p.Running.Power.Counted > 0),
		}
	}
	return rec
}
