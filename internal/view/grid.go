package view

import (
	"fmt"
	"io"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// cellMeasures are what the cells of a grid can show, and how each reads
// a sum.
var cellMeasures = map[string]func(report.Sum) render.Cell{
	"usd":   func(s report.Sum) render.Cell { return dollarsCell(s.Dollars.Total, s.Dollars.Counted > 0) },
	"gw":    func(s report.Sum) render.Cell { return wattsCell(s.Power.Total, s.Power.Counted > 0) },
	"deals": func(s report.Sum) render.Cell { return count(s.Deals) },
}

// GridCells are the names of what a grid's cells can show, as --cells
// takes them.
var GridCells = []string{"usd", "gw", "deals"}

// Grid is total's report with two groupings: a row per group of the
// first, a column per group of the second, and in each cell the sum
// cells (one of GridCells) names; the record holds every figure of each
// cell, and says what the data was read as of.
func Grid(g report.Grid, cells string, asOf deal.Date) render.Report {
	return grid{g, cells, asOf}
}

type grid struct {
	g     report.Grid
	cells string
	asOf  deal.Date
}

func (v grid) Table() *render.Table { return gridTable(v.g, cellMeasures[v.cells]) }
func (v grid) Record() any          { return newGridRecord(v.g, v.asOf) }

// gridTable draws g with one measure in each cell, a total column, and a
// footer of column totals.
func gridTable(g report.Grid, measure func(report.Sum) render.Cell) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: string(g.Rows.By)}}, Literal: true}
	for _, c := range g.Cols.Groups {
		t.Columns = append(t.Columns, render.Column{Key: c.Key, Right: true})
	}
	t.Columns = append(t.Columns, render.Column{Key: "total", Right: true})
	for _, r := range g.Rows.Groups {
		row := []render.Cell{render.Str(r.Key)}
		for _, c := range g.Cols.Groups {
			row = append(row, measure(g.Cell(r.Key, c.Key)))
		}
		t.Rows = append(t.Rows, append(row, measure(r.Sum)))
	}
	t.Footer = []render.Cell{render.Str("total")}
	for _, c := range g.Cols.Groups {
		t.Footer = append(t.Footer, measure(c.Sum))
	}
	t.Footer = append(t.Footer, measure(g.Rows.Total))
	return t
}

// The json and yaml form of a grid. Keys are a contract: never rename one;
// add new ones.

type gridRecord struct {
	By           []string        `json:"by" yaml:"by"`
	Bound        string          `json:"bound" yaml:"bound"`
	View         *string         `json:"view" yaml:"view"`
	AsOf         *string         `json:"as_of" yaml:"as_of"`
	Columns      []string        `json:"columns" yaml:"columns"`
	Rows         []gridRowRecord `json:"rows" yaml:"rows"`
	RowsNotShown int             `json:"rows_not_shown" yaml:"rows_not_shown"`
	ColumnTotals []cellRecord    `json:"column_totals" yaml:"column_totals"`
	Total        cellRecord      `json:"total" yaml:"total"`
}

type gridRowRecord struct {
	Key   string       `json:"key" yaml:"key"`
	Cells []cellRecord `json:"cells" yaml:"cells"`
	Total cellRecord   `json:"total" yaml:"total"`
}

// cellRecord is one cell of a grid: usd and gw null when no figure went
// into them.
type cellRecord struct {
	Deals int      `json:"deals" yaml:"deals"`
	USD   *int64   `json:"usd" yaml:"usd"`
	GW    *float64 `json:"gw" yaml:"gw"`
}

func newCellRecord(s report.Sum) cellRecord {
	return cellRecord{s.Deals, optInt(s.Dollars.Total, s.Dollars.Counted > 0), optGW(s.Power.Total, s.Power.Counted > 0)}
}

func newGridRecord(g report.Grid, asOf deal.Date) gridRecord {
	rec := gridRecord{
		By:           []string{string(g.Rows.By), string(g.Cols.By)},
		Bound:        g.Rows.Bound.String(),
		View:         optString(string(gridPeriods(g))),
		AsOf:         optString(asOf.String()),
		Columns:      []string{},
		Rows:         make([]gridRowRecord, len(g.Rows.Groups)),
		RowsNotShown: g.Rows.Omitted,
		ColumnTotals: make([]cellRecord, len(g.Cols.Groups)),
		Total:        newCellRecord(g.Rows.Total),
	}
	for j, c := range g.Cols.Groups {
		rec.Columns = append(rec.Columns, c.Key)
		rec.ColumnTotals[j] = newCellRecord(c.Sum)
	}
	for i, r := range g.Rows.Groups {
		row := gridRowRecord{Key: r.Key, Cells: make([]cellRecord, len(g.Cols.Groups)), Total: newCellRecord(r.Sum)}
		for j, c := range g.Cols.Groups {
			row.Cells[j] = newCellRecord(g.Cell(r.Key, c.Key))
		}
		rec.Rows[i] = row
	}
	return rec
}

// gridPeriods is how the grid's periods count, whichever side they are on.
func gridPeriods(g report.Grid) report.Periods {
	if g.Cols.View != "" {
		return g.Cols.View
	}
	return g.Rows.View
}

// ExplainGrid says, under a grid, how its cells and totals count.
func ExplainGrid(w io.Writer, g report.Grid) {
	fmt.Fprintln(w, "\nEach cell sums the deals of its row and column as a total does; the totals count each deal once.")
	if g.Rows.Omitted > 0 {
		fmt.Fprintf(w, "%d more %s not shown (--limit); the totals count every deal.\n", g.Rows.Omitted, Plural(g.Rows.Omitted, "row", "rows"))
	}
	switch gridPeriods(g) {
	case report.Once:
		fmt.Fprintln(w, "Periods count each dollar once, so a row's periods add up to its total (--periods full: each in full).")
	case report.Full:
		fmt.Fprintln(w, "Periods count their deals in full (--periods full), so a row's periods may add up to more than its total.")
	}
}
