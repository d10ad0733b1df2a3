package report

import "github.com/dealtrack/dealtrack/internal/deal"

// Grid is a total by two groupings, as hledger's balance report by period
// is: a row per group of the first (Rows.Groups, with the row totals), a
// column per group of the second (Cols.Groups, with the column totals),
// and in each cell the deals of both. Each cell is summed as a group of a
// total is, so a deal counts in every cell its keys name, and a row by
// periods adds up to its row total when periods count each dollar once.
type Grid struct {
	Rows, Cols Report
	cells      map[string]map[string]Sum // row key, column key
}

// CrossTab sums ds by rows and by cols at bound b.
func CrossTab(ds []*deal.Deal, u Umbrellas, rows, cols By, b deal.Bound, view Periods) Grid {
	g := Grid{
		Rows:  TotalBy(ds, u, rows, b, view),
		Cols:  TotalBy(ds, u, cols, b, view),
		cells: map[string]map[string]Sum{},
	}
	members := map[string][]*deal.Deal{}
	for _, d := range ds {
		for _, k := range rows.Keys(d) {
			members[k] = append(members[k], d)
		}
	}
	for _, row := range g.Rows.Groups {
		line := map[string]Sum{}
		for _, c := range TotalBy(members[row.Key], u, cols, b, view).Groups {
			line[c.Key] = c.Sum
		}
		g.cells[row.Key] = line
	}
	return g
}

// Cell is the sum of the deals of row and column; a zero Sum when none.
func (g Grid) Cell(row, col string) Sum { return g.cells[row][col] }
