package view

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// Overview is what the report page shows of the selected deals.
type Overview struct {
	Caption        string // the command line, the bound and the date of the data
	Bound          deal.Bound
	Sum, Low, High report.Sum      // the total at Bound, and at both ends
	Quarters       []report.Period // the dollars per quarter, each counted once
	Graph          *report.Graph   // the flows between parties
	Circles        []report.Edge   // the edges on two-party circles of Graph
	Deals          []*deal.Deal
}

// Page is the report page of o: the headline totals, the dollars per
// quarter, the parties that pay and receive the most, the two-party
// circles of money, and every deal.
func Page(o Overview) (render.Page, error) {
	sum, low, high, bound, capt := o.Sum, o.Low, o.High, o.Bound, o.Caption
	page := render.Page{Title: "AI-infrastructure deals", Caption: capt}
	page.Figures = []render.Figure{
		{Label: "deals", Value: fmt.Sprint(sum.Deals), Note: fmt.Sprintf("%d left out as cancelled or superseded", len(sum.Retired))},
		{Label: "dollars, " + bound.String(), Value: deal.FormatDollars(sum.Dollars.Total, false),
			Note: fmt.Sprintf("low %s, high %s; %d undisclosed", deal.FormatDollars(low.Dollars.Total, false), deal.FormatDollars(high.Dollars.Total, false), sum.Dollars.Undisclosed)},
		{Label: "power", Value: deal.FormatWatts(sum.Power.Total, false), Note: fmt.Sprintf("%.0f TWh a year at full load", deal.TWhPerYear(sum.Power.Total))},
		{Label: "in other currencies only", Value: fmt.Sprint(len(sum.Dollars.OtherCurrency)), Note: "not converted, not added"},
	}
	var chart bytes.Buffer
	if len(o.Quarters) > 0 {
		if err := render.BarsSVG(&chart, TimelineChart(report.ByQuarter, report.Once, o.Quarters, capt)); err != nil {
			return render.Page{}, err
		}
		page.Sections = append(page.Sections, render.Section{Heading: "Dollars per quarter", Picture: template.HTML(chart.String()),
			Note: "Each bar is what the quarter's deals add to the running total, the line: each dollar counts once, so a part inside an umbrella of an earlier quarter adds nothing again."})
	}
	g := o.Graph
	page.Sections = append(page.Sections, topParties(g, "Who pays the most", func(p report.PartyFlows) int64 { return p.PaidOut.USD }),
		topParties(g, "Who receives the most", func(p report.PartyFlows) int64 { return p.Received.USD }))
	if edges := o.Circles; len(edges) > 0 {
		d := drawing(g, edges, true)
		d.Title, d.Caption = "Circles of money", capt
		var pic bytes.Buffer
		if err := render.GraphSVG(&pic, d); err != nil {
			return render.Page{}, err
		}
		page.Sections = append(page.Sections, render.Section{Heading: "Two-party circles of money", Picture: template.HTML(pic.String()),
			Note: "Each party pays the other: an investment one way, a purchase the other. Dashed: no amount given."})
	}
	page.Sections = append(page.Sections, dealsSection(o.Deals))
	return page, nil
}

// dealsSection is every deal, sortable, with its best source as a link.
func dealsSection(ds []*deal.Deal) render.Section {
	fields, _ := query.ParseFields(DefaultColumns + ",title")
	t := fieldTable(ds, fields)
	t.Columns = append(t.Columns, render.Column{Key: "source"})
	links := map[string]string{}
	for i, d := range ds {
		cell := render.Cell{}
		for _, s := range d.Sources {
			if s.URL == "" {
				continue
			}
			name := s.Title
			if name == "" {
				name = "[" + s.Description + "]"
			}
			cell.Text = s.Publisher + ": " + name
			links[cell.Text] = s.URL
			break
		}
		t.Rows[i] = append(t.Rows[i], cell)
	}
	return render.Section{Heading: fmt.Sprintf("Every deal (%d)", len(ds)), Table: t, Sortable: true, Links: links,
		Note: "Click a heading to sort by it. Figures as reported: ≤ up to, ≥ at least, > over, ~ about, ≲ nearly."}
}

// topParties is a table of the ten parties of g with the most of what by
// measures.
func topParties(g *report.Graph, heading string, by func(report.PartyFlows) int64) render.Section {
	rows := g.Parties()
	slices.SortStableFunc(rows, func(a, b report.PartyFlows) int { return int(min(max(by(b)-by(a), -1), 1)) })
	if len(rows) > 10 {
		rows = rows[:10]
	}
	return render.Section{Heading: heading, Table: flowsTable(rows),
		Note: "From the deals' flows: back is what a party receives from parties it pays."}
}
