package view

import (
	"fmt"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
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
