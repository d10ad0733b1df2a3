package view

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// Total is total's report: a row per group and, when grouped, a footer
// with the grand total; the record also names the deals behind each
// figure and what the sum left out, and says what the data was read as of.
func Total(r report.Report, asOf deal.Date) render.Report { return total{r, asOf} }

type total struct {
	r    report.Report
	asOf deal.Date
}

func (t total) Table() *render.Table { return totalTable(t.r) }

func (t total) Record() any {
	rec := newTotalRecord(t.r)
	rec.AsOf = optString(t.asOf.String())
	return rec
}

// TotalChart draws a total's groups as bars of dollars: the twenty largest,
// or the periods in order.
func TotalChart(r report.Report, caption string) render.Bars {
	groups := r.Groups
	title := "Dollars by " + string(r.By)
	if r.By == report.ByNone {
		title = "Dollars"
	}
	if !r.By.Chronological() && len(groups) > 20 {
		groups = groups[:20]
		title += ", the twenty largest"
	}
	c := render.Bars{Title: title, Caption: caption + fmt.Sprintf("\ntotal %s over %d deals, each once; undisclosed figures are not counted", deal.FormatDollars(r.Total.Dollars.Total, false), r.Total.Deals)}
	for _, g := range groups {
		text := deal.FormatDollars(g.Dollars.Total, false)
		if g.Dollars.Counted == 0 {
			text = "–"
		}
		if g.Dollars.Undisclosed > 0 {
			text += fmt.Sprintf(" + %d undisclosed", g.Dollars.Undisclosed)
		}
		c.Items = append(c.Items, render.Bar{Label: g.Key, Value: float64(g.Dollars.Total), Text: text})
	}
	return c
}

// totalTable is total's table: a row per group and, when grouped, a footer
// with the grand total.
func totalTable(r report.Report) *render.Table {
	first := string(r.By)
	if r.By == report.ByNone {
		first = "group"
	}
	t := &render.Table{Columns: []render.Column{{Key: first}, {Key: "deals", Right: true}}}
	t.Columns = append(t.Columns, sumColumns...)
	for _, g := range r.Groups {
		t.Rows = append(t.Rows, append([]render.Cell{render.Str(g.Key)}, sumCells(g.Sum)...))
	}
	if r.By != report.ByNone {
		t.Footer = append([]render.Cell{render.Str("total")}, sumCells(r.Total)...)
	}
	return t
}

var sumColumns = []render.Column{
	{Key: "usd", Right: true}, {Key: "gw", Right: true},
	{Key: "undisclosed_usd", Right: true}, {Key: "undisclosed_gw", Right: true},
	{Key: "overlap_usd", Right: true}, {Key: "overlap_gw", Right: true},
}

// sumCells are a sum's deal count and figures, in the order of
// sumColumns after "deals".
func sumCells(s report.Sum) []render.Cell {
	return append([]render.Cell{
		count(s.Deals),
		dollarsCell(s.Dollars.Total, s.Dollars.Counted > 0),
		wattsCell(s.Power.Total, s.Power.Counted > 0),
		dealCount(s.Dollars.Undisclosed),
		dealCount(s.Power.Undisclosed),
	}, overlapCells(s)...)
}

func count(n int) render.Cell { return render.Str(strconv.Itoa(n)) }

// dealCount is a number of deals that reads as one for people: "4 deals",
// or a dash for none.
func dealCount(n int) render.Cell {
	c := count(n)
	switch n {
	case 0:
		c.Text = "–"
	case 1:
		c.Text = "1 deal"
	default:
		c.Text += " deals"
	}
	return c
}

// dollarsCell is a sum of dollars: "–" for people and empty in csv and
// tsv when no figure went into it, never 0.
func dollarsCell(v int64, known bool) render.Cell {
	if !known {
		return render.Cell{Text: "–"}
	}
	return render.Cell{Text: deal.FormatDollars(v, false), Plain: strconv.FormatInt(v, 10)}
}

// overlapCells are what a sum left out as overlap, which may truly be 0
// (shown "–" to people, 0 in csv and tsv).
func overlapCells(s report.Sum) []render.Cell {
	usd, w := dollarsCell(s.Dollars.Overlap, true), wattsCell(s.Power.Overlap, true)
	if s.Dollars.Overlap == 0 {
		usd.Text = "–"
	}
	if s.Power.Overlap == 0 {
		w.Text = "–"
	}
	return []render.Cell{usd, w}
}

// wattsCell is a sum of power, read like dollarsCell.
func wattsCell(w int64, known bool) render.Cell {
	if !known {
		return render.Cell{Text: "–"}
	}
	return render.Cell{Text: deal.FormatWatts(w, false), Plain: deal.DecimalGW(w)}
}

// ExplainTotal says, under total's table, how a deal counts in several groups,
// and what the grand total left out: the parts inside a counted umbrella,
// and the deals with undisclosed figures.
func ExplainTotal(w io.Writer, r report.Report, opts render.Options) error {
	if r.By == report.ByParty || r.By == report.ByTag {
		fmt.Fprintf(w, "\nA deal counts in full under each of its %s; the total counts it once.\n", map[report.By]string{report.ByParty: "parties", report.ByTag: "tags"}[r.By])
	}
	if r.Omitted > 0 {
		fmt.Fprintf(w, "\n%d more %s not shown (--limit); the total counts every deal.\n", r.Omitted, Plural(r.Omitted, "group", "groups"))
	}
	explainPeriods(w, r.View, r.Groups, r.Total)
	s := r.Total
	if len(s.Overlaps) > 0 {
		fmt.Fprintln(w)
		t := &render.Table{Columns: []render.Column{{Key: "left_out_as_overlap"}, {Key: "usd", Right: true}, {Key: "gw", Right: true}, {Key: "inside"}}}
		for _, o := range s.Overlaps {
			t.Rows = append(t.Rows, []render.Cell{render.Str(o.ID), dollarsCell(o.USD, o.USD > 0), wattsCell(o.Watts, o.Watts > 0), render.Str(o.Inside)})
		}
		if err := render.Render(w, opts, render.TableOnly(t)); err != nil {
			return err
		}
	}
	if len(s.Dollars.UndisclosedIDs)+len(s.Power.UndisclosedIDs)+len(s.Dollars.OtherCurrency)+len(s.Retired)+len(s.Exceeds) > 0 {
		fmt.Fprintln(w)
	}
	explainExceeds(w, s.Exceeds)
	for _, u := range []struct {
		what string
		ids  []string
	}{{"dollars", s.Dollars.UndisclosedIDs}, {"power", s.Power.UndisclosedIDs}} {
		if len(u.ids) > 0 {
			fmt.Fprintf(w, "Undisclosed %s, not added (%d): %s\n", u.what, len(u.ids), strings.Join(u.ids, ", "))
		}
	}
	if ids := s.Dollars.OtherCurrency; len(ids) > 0 {
		fmt.Fprintf(w, "Stated in another currency only, not added to dollars (%d): %s\n", len(ids), strings.Join(ids, ", "))
	}
	explainRetired(w, s.Retired)
	return nil
}

// explainPeriods says how the periods of a total or a timeline counted,
// and what counting each dollar once left out of them.
func explainPeriods(w io.Writer, counted report.Periods, groups []report.Group, total report.Sum) {
	var usd, watts, all, allWatts int64
	for _, g := range groups {
		usd, watts = usd+g.Dollars.Held, watts+g.Power.Held
		all, allWatts = all+g.Dollars.Total, allWatts+g.Power.Total
	}
	switch {
	case counted == report.Once && (usd > 0 || watts > 0):
		fmt.Fprintf(w, "\nEach dollar counts once, so the periods add up to the total: a period adds what its deals add\nto the running total, and parts held by an umbrella of an earlier period (%s, %s) add\nnothing again. --periods full counts each period's deals in full.\n",
			deal.FormatDollars(usd, false), deal.FormatWatts(watts, false))
	case counted == report.Once:
		fmt.Fprintln(w, "\nEach dollar counts once, so the periods add up to the total. --periods full counts each\nperiod's deals in full.")
	case counted == report.Full && (all > total.Dollars.Total || allWatts > total.Power.Total):
		fmt.Fprintf(w, "\nEach period's deals count in full (--periods full): a part whose umbrella came earlier counts\nagain in its own period, so the periods add up to %s and %s more than the total.\n",
			deal.FormatDollars(all-total.Dollars.Total, false), deal.FormatWatts(allWatts-total.Power.Total, false))
	case counted == report.Full:
		fmt.Fprintln(w, "\nEach period's deals count in full (--periods full); here they add up to the total.")
	}
}

// explainExceeds names the umbrellas whose parts add up to more than
// their own figure, which the sum counts instead.
func explainExceeds(w io.Writer, es []report.Exceed) {
	if len(es) == 0 {
		return
	}
	var names []string
	for _, e := range es {
		var by []string
		if e.USD > 0 {
			by = append(by, deal.FormatDollars(e.USD, false))
		}
		if e.Watts > 0 {
			by = append(by, deal.FormatWatts(e.Watts, false))
		}
		names = append(names, e.ID+" by "+strings.Join(by, " and "))
	}
	fmt.Fprintf(w, "Parts exceed their umbrella, which counts them instead (%d): %s.\n", len(es), strings.Join(names, ", "))
}

// explainRetired names the cancelled and superseded deals a sum left out,
// and what they would have added.
func explainRetired(w io.Writer, rs []report.Retired) {
	if len(rs) == 0 {
		return
	}
	var names []string
	var usd, watts int64
	for _, r := range rs {
		why := "cancelled"
		if r.SupersededBy != "" {
			why = "superseded by " + r.SupersededBy
		}
		names = append(names, r.ID+" ("+why+")")
		v, _ := r.USD.Value()
		p, _ := r.Watts.Value()
		usd, watts = usd+v, watts+p
	}
	fmt.Fprintf(w, "Left out, cancelled or superseded (%d): %s. They would add %s and %s; --include-cancelled counts them.\n",
		len(rs), strings.Join(names, ", "), deal.FormatDollars(usd, false), deal.FormatWatts(watts, false))
}

// The json and yaml form of total, as the README documents it. Keys are a
// contract: never rename one; add new ones.

type totalRecord struct {
	By      *string       `json:"by" yaml:"by"`
	Bound   string        `json:"bound" yaml:"bound"`
	View    *string       `json:"view" yaml:"view"`
	AsOf    *string       `json:"as_of" yaml:"as_of"`
	Groups  []groupRecord `json:"groups" yaml:"groups"`
	Omitted int           `json:"groups_not_shown" yaml:"groups_not_shown"`
	Total   grandRecord   `json:"total" yaml:"total"`
}

type groupRecord struct {
	Key        string `json:"key" yaml:"key"`
	sumRecord  `yaml:",inline"`
	heldRecord `yaml:",inline"`
}

// heldRecord is what a period, counting each dollar once, left out because
// umbrellas of earlier periods hold it; 0 for other groups.
type heldRecord struct {
	HeldUSD int64   `json:"held_usd" yaml:"held_usd"`
	HeldGW  float64 `json:"held_gw" yaml:"held_gw"`
}

func newHeldRecord(s report.Sum) heldRecord {
	return heldRecord{s.Dollars.Held, deal.GW(s.Power.Held)}
}

// sumRecord is a sum's figures: usd in dollars, gw in gigawatts (null
// when no figure went into them, never 0), undisclosed_* counts of deals.
type sumRecord struct {
	Deals          int      `json:"deals" yaml:"deals"`
	USD            *int64   `json:"usd" yaml:"usd"`
	GW             *float64 `json:"gw" yaml:"gw"`
	UndisclosedUSD int      `json:"undisclosed_usd" yaml:"undisclosed_usd"`
	UndisclosedGW  int      `json:"undisclosed_gw" yaml:"undisclosed_gw"`
	OverlapUSD     int64    `json:"overlap_usd" yaml:"overlap_usd"`
	OverlapGW      float64  `json:"overlap_gw" yaml:"overlap_gw"`
	DealIDs        []string `json:"deal_ids" yaml:"deal_ids"`
}

type grandRecord struct {
	sumRecord         `yaml:",inline"`
	UndisclosedUSDIDs []string        `json:"undisclosed_usd_ids" yaml:"undisclosed_usd_ids"`
	UndisclosedGWIDs  []string        `json:"undisclosed_gw_ids" yaml:"undisclosed_gw_ids"`
	Overlaps          []overlapRecord `json:"overlaps" yaml:"overlaps"`
	OtherCurrencyIDs  []string        `json:"other_currency_ids" yaml:"other_currency_ids"`
	Retired           []retiredRecord `json:"retired" yaml:"retired"`
	Exceeds           []exceedRecord  `json:"exceeds" yaml:"exceeds"`
}

// exceedRecord is an umbrella whose parts in the sum add up to more than
// its own figure, and by how much (0 where they do not).
type exceedRecord struct {
	ID  string  `json:"id" yaml:"id"`
	USD int64   `json:"usd" yaml:"usd"`
	GW  float64 `json:"gw" yaml:"gw"`
}

// retiredRecord is a cancelled or superseded deal a sum left out, with the
// figures it would have added at the sum's bound.
type retiredRecord struct {
	ID           string   `json:"id" yaml:"id"`
	Status       string   `json:"status" yaml:"status"`
	SupersededBy *string  `json:"superseded_by" yaml:"superseded_by"`
	USD          *int64   `json:"usd" yaml:"usd"`
	GW           *float64 `json:"gw" yaml:"gw"`
}

type overlapRecord struct {
	ID     string  `json:"id" yaml:"id"`
	Inside string  `json:"inside" yaml:"inside"`
	USD    int64   `json:"usd" yaml:"usd"`
	GW     float64 `json:"gw" yaml:"gw"`
}

func newTotalRecord(r report.Report) totalRecord {
	rec := totalRecord{
		By:      optString(string(r.By)),
		Bound:   r.Bound.String(),
		View:    optString(string(r.View)),
		Omitted: r.Omitted,
		Groups:  make([]groupRecord, len(r.Groups)),
		Total: grandRecord{
			sumRecord:         newSumRecord(r.Total),
			UndisclosedUSDIDs: nonNil(r.Total.Dollars.UndisclosedIDs),
			UndisclosedGWIDs:  nonNil(r.Total.Power.UndisclosedIDs),
			Overlaps:          make([]overlapRecord, len(r.Total.Overlaps)),
			OtherCurrencyIDs:  nonNil(r.Total.Dollars.OtherCurrency),
			Retired:           make([]retiredRecord, len(r.Total.Retired)),
			Exceeds:           make([]exceedRecord, len(r.Total.Exceeds)),
		},
	}
	for i, e := range r.Total.Exceeds {
		rec.Total.Exceeds[i] = exceedRecord{e.ID, e.USD, deal.GW(e.Watts)}
	}
	for i, x := range r.Total.Retired {
		rec.Total.Retired[i] = retiredRecord{x.ID, string(x.Status), optString(x.SupersededBy), optInt(x.USD.Value()), optGW(x.Watts.Value())}
	}
	for i, g := range r.Groups {
		rec.Groups[i] = groupRecord{g.Key, newSumRecord(g.Sum), newHeldRecord(g.Sum)}
	}
	for i, o := range r.Total.Overlaps {
		rec.Total.Overlaps[i] = overlapRecord{o.ID, o.Inside, o.USD, deal.GW(o.Watts)}
	}
	return rec
}

func newSumRecord(s report.Sum) sumRecord {
	return sumRecord{
		Deals:          s.Deals,
		USD:            optInt(s.Dollars.Total, s.Dollars.Counted > 0),
		GW:             optGW(s.Power.Total, s.Power.Counted > 0),
		UndisclosedUSD: s.Dollars.Undisclosed,
		UndisclosedGW:  s.Power.Undisclosed,
		OverlapUSD:     s.Dollars.Overlap,
		OverlapGW:      deal.GW(s.Power.Overlap),
		DealIDs:        nonNil(s.IDs),
	}
}

// Plural is one for 1 and many for any other n: the wording of a count
// that notes and messages share.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
