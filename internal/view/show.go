package view

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// Detail is show's report of one deal: for people a row per field it
// gives, with parts, the ids of the deals that are part of it; for scripts
// the deal in full, as Details lists it.
func Detail(d *deal.Deal, parts []string) render.Report { return detail{d, parts} }

type detail struct {
	d     *deal.Deal
	parts []string
}

func (s detail) Table() *render.Table { return detailTable(s.d, s.parts) }
func (s detail) Record() any          { return newShownDeal(s.d) }

// Details is show's json and yaml: every deal of ds in full, in one list.
// It has no table (render refuses the table formats): people read one
// deal at a time (Detail).
func Details(ds []*deal.Deal) render.Report {
	details := make(shownDeals, len(ds))
	for i, d := range ds {
		details[i] = newShownDeal(d)
	}
	return details
}

type shownDeals []shownDeal

func (shownDeals) Table() *render.Table { return nil }
func (s shownDeals) Record() any        { return s }

// detailTable lays out one deal as field/value rows.
func detailTable(d *deal.Deal, parts []string) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "field"}, {Key: "value"}}}
	add := func(field string, c render.Cell) {
		if c.Text != "" || c.Plain != "" {
			t.Rows = append(t.Rows, []render.Cell{render.Str(field), c})
		}
	}
	text := func(field, s string) { add(field, render.Str(s)) }
	text("id", d.ID)
	text("title", d.Title)
	text("announced", d.Announced.String())
	text("status", string(d.Status))
	text("kind", string(d.Kind))
	add("parties", render.Cell{Text: strings.Join(d.Parties, ", "), Plain: strings.Join(d.Parties, ";")})
	add("dollars", reportedCell(usdCell(d.Dollars), d.IsReported("dollars")))
	add("amount", reportedCell(render.Cell{Text: d.Amount.Human(), Plain: d.Amount.String()}, d.IsReported("amount")))
	add("gigawatts", reportedCell(gwCell(d.Power), d.IsReported("gigawatts")))
	add("valuation", usdCell(d.Valuation))
	text("horizon", d.Horizon)
	for _, l := range d.Locations {
		text("location", l.String())
	}
	text("part_of", d.PartOf)
	text("parts", strings.Join(parts, ", "))
	text("superseded_by", d.SupersededBy)
	add("confirmed", render.Cell{Text: confirmedText(d), Plain: strconv.FormatBool(d.Confirmed())})
	if twh, ok := d.TWhPerYear(deal.Headline); ok {
		add("twh_per_year", render.Cell{Text: fmt.Sprintf("%.3g TWh/yr at full load", twh), Plain: strconv.FormatFloat(twh, 'f', -1, 64)})
	}
	if v, ok := d.USDPerGW(); ok {
		add("usd_per_gw", render.Cell{Text: deal.FormatDollars(int64(v), false) + " per GW", Plain: strconv.FormatFloat(v, 'f', 0, 64)})
	}
	if twh, ok := d.TWhPerYear(deal.Headline); ok {
		for _, e := range report.Nearest(twh) {
			text("energy_equivalent", e.Human())
		}
	}
	text("tags", strings.Join(d.Tags, ", "))
	for _, f := range d.Flows {
		money := f.Dollars.Human()
		if f.Amount.Q != deal.None {
			money = strings.TrimSpace(money + " " + f.Amount.Human())
		}
		text("flow", strings.TrimSpace(fmt.Sprintf("%s → %s  %s  %s", f.From, f.To, money, f.For)))
	}
	for _, s := range d.Sources {
		text("source", sourceLine(s))
	}
	for _, u := range d.Updates {
		text("update", updateLine(u))
		for _, s := range u.Sources {
			text("  its source", sourceLine(s))
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(d.Notes), "\n") {
		text("notes", line)
	}
	return t
}

// sourceLine is a source for people: the headline as published, or the
// description in brackets, which is never passed off as a headline.
func sourceLine(s deal.Source) string {
	parts := []string{}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher+":")
	}
	if s.Title != "" {
		parts = append(parts, s.Title)
	} else {
		parts = append(parts, "["+s.Description+"]")
	}
	if !s.Date.IsZero() {
		parts = append(parts, "("+s.Date.String()+")")
	}
	if s.Kind != "" {
		parts = append(parts, string(s.Kind))
	}
	if s.Via != "" {
		parts = append(parts, "via "+s.Via)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, " ")
}

// reportedCell marks a figure that rests on press reports only.
func reportedCell(c render.Cell, reported bool) render.Cell {
	if reported && c.Text != "" {
		c.Text += " (press reports only)"
	}
	return c
}

func confirmedText(d *deal.Deal) string {
	if d.Confirmed() {
		return "yes: a party's statement or a filing"
	}
	return "no: press reports and copies only"
}

func updateLine(u deal.Update) string {
	parts := []string{u.Date.String()}
	if u.Status != "" {
		parts = append(parts, string(u.Status))
	}
	if u.Dollars.Q != deal.None {
		parts = append(parts, u.Dollars.Human())
	}
	if u.Amount.Q != deal.None {
		parts = append(parts, u.Amount.Human())
	}
	if u.Power.Q != deal.None {
		parts = append(parts, u.Power.Human())
	}
	if u.SupersededBy != "" {
		parts = append(parts, "superseded by "+u.SupersededBy)
	}
	if u.Note != "" {
		parts = append(parts, "— "+u.Note)
	}
	return strings.Join(parts, " ")
}

// shownDeal is show's json and yaml form: the deal's detail and the
// references nearest to its yearly energy.
type shownDeal struct {
	dealDetail        `yaml:",inline"`
	EnergyEquivalents []equivalentRecord `json:"energy_equivalents" yaml:"energy_equivalents"`
}

func newShownDeal(d *deal.Deal) shownDeal { return shownDeal{newDealDetail(d), nearestRecords(d)} }

// nearestRecords measures d's energy in a year against the nearest
// references; none when d gives no power.
func nearestRecords(d *deal.Deal) []equivalentRecord {
	out := []equivalentRecord{}
	if twh, ok := d.TWhPerYear(deal.Headline); ok {
		for _, e := range report.Nearest(twh) {
			out = append(out, newEquivalentRecord(e))
		}
	}
	return out
}
