package view

import (
	"io"
	"math"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// BarMeasures are what timeline's bar can draw.
var BarMeasures = []string{"usd", "gw", "deals"}

// Timeline is timeline's report: a row per period (of by) with its sums and
// the running totals, counted as counted says, at bound. bar, one of
// BarMeasures, adds a column that draws it as a bar for people; "" adds
// none. The record says what the data was read as of.
func Timeline(periods []report.Period, by report.By, bound deal.Bound, counted report.Periods, asOf deal.Date, bar string) render.Report {
	return timeline{periods, by, bound, counted, asOf, bar}
}

type timeline struct {
	periods []report.Period
	by      report.By
	bound   deal.Bound
	counted report.Periods
	asOf    deal.Date
	bar     string
}

func (tl timeline) Table() *render.Table {
	t := timelineTable(tl.by, tl.periods)
	if tl.bar != "" {
		addBars(t, tl.periods, tl.bar, barMeasure(tl.bar))
	}
	return t
}

func (tl timeline) Record() any {
	rec := newTimelineRecord(tl.by, tl.bound, tl.counted, tl.periods)
	rec.AsOf = optString(tl.asOf.String())
	return rec
}

// ExplainTimeline says, under timeline's table, how its periods counted.
func ExplainTimeline(w io.Writer, periods []report.Period, counted report.Periods) {
	groups := make([]report.Group, len(periods))
	for i, p := range periods {
		groups[i] = report.Group{Key: p.Key, Sum: p.Sum}
	}
	if len(periods) > 0 {
		explainPeriods(w, counted, groups, periods[len(periods)-1].Running)
	}
}

// TimelineChart draws the dollars of each period as bars, with the running
// total as a line.
func TimelineChart(by report.By, counted report.Periods, periods []report.Period, caption string) render.Bars {
	how := "\nEach dollar counts once: a bar is what its period adds to the running total."
	if counted == report.Full {
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

// barMeasure returns how the bar name (one of BarMeasures) measures a
// period, or nil for another name.
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

func newTimelineRecord(by report.By, b deal.Bound, counted report.Periods, periods []report.Period) timelineRecord {
	rec := timelineRecord{By: string(by), Bound: b.String(), View: string(counted), Periods: make([]periodRecord, len(periods))}
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
