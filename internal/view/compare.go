package view

import (
	"math"
	"strconv"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// CompareOptions are what a comparison shows besides the figures.
type CompareOptions struct {
	// Energy adds what each side's yearly energy equals: rows of the table,
	// and a list in each column of the record.
	Energy bool
	// Wording adds rows that give a deal's figures as stated: the qualifier
	// and both ends, which the other rows show as ≤, ≥, ~ and ranges. For
	// csv and tsv.
	Wording bool
}

// Compare is compare's report: a row per field and a column per side,
// with ratios to the first, at bound; the record says what the data was
// read as of.
func Compare(sides []report.Side, bound deal.Bound, asOf deal.Date, with CompareOptions) render.Report {
	return compared{sides, bound, asOf, with}
}

type compared struct {
	sides []report.Side
	bound deal.Bound
	asOf  deal.Date
	with  CompareOptions
}

func (c compared) Table() *render.Table { return compareTable(c.sides, c.with.Energy, c.with.Wording) }

func (c compared) Record() any {
	rec := newCompareRecord(c.sides, c.bound, c.with.Energy)
	rec.AsOf = optString(c.asOf.String())
	return rec
}

// Energy is the terminal's table of the energy equivalents of sides, laid
// out for people: the figures first, then the long reference they are
// measured against. Scripts read them in Compare's record.
func Energy(sides []report.Side) render.Report { return render.TableOnly(energyTable(sides)) }

// compareTable has a row per field and a column per side; csv and tsv name
// each row by its json key, an energy equivalent by its reference's key.
// With wording (csv, tsv), a deal's figures also get rows for their
// wording and ends, which the table's cells show as ≤, ≥, ~ and ranges.
func compareTable(sides []report.Side, energy, wording bool) *render.Table {
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
		if wording {
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
	USDPerGW          *float64            `json:"usd_per_gw" yaml:"usd_per_gw"`
	TWhPerYear        *float64            `json:"twh_per_year" yaml:"twh_per_year"`
	USDRatio          *float64            `json:"usd_ratio" yaml:"usd_ratio"`
	GWRatio           *float64            `json:"gw_ratio" yaml:"gw_ratio"`
	EnergyEquivalents *[]equivalentRecord `json:"energy_equivalents,omitempty" yaml:"energy_equivalents,omitempty"`
}

type dealComparison struct {
	dealRecord `yaml:",inline"`
	comparison `yaml:",inline"`
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
		cols[i] = dealComparison{newDealRecord(s.Deal), newComparison(s, energy)}
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
func equivalentRecords(twh report.Maybe) []equivalentRecord {
	out := []equivalentRecord{}
	if twh.OK {
		for _, e := range report.Equivalents(twh.V) {
			out = append(out, newEquivalentRecord(e))
		}
	}
	return out
}
