package view

import (
	"fmt"
	"slices"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// DealsSection is every deal, sortable, with its best source as a link.
func DealsSection(ds []*deal.Deal) render.Section {
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

// TopParties is a table of the ten parties of g with the most of what by
// measures.
func TopParties(g *report.Graph, heading string, by func(report.PartyFlows) int64) render.Section {
	rows := g.Parties()
	slices.SortStableFunc(rows, func(a, b report.PartyFlows) int { return int(min(max(by(b)-by(a), -1), 1)) })
	if len(rows) > 10 {
		rows = rows[:10]
	}
	return render.Section{Heading: heading, Table: flowsTable(rows),
		Note: "From the deals' flows: back is what a party receives from parties it pays."}
}
