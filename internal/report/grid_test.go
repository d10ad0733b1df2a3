package report

import (
	"fmt"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

func TestCrossTab(t *testing.T) {
	all := []*deal.Deal{
		mk(t, "u", "$100B", "", parties("Alpha", "Beta"), announced("2025-01-10")),
		mk(t, "p", "$30B", "", parties("Alpha"), partOf("u"), announced("2026-07-01")),
		mk(t, "q", "$5B", "1 GW", parties("Beta"), announced("2026-02-01")),
		mk(t, "r", "undisclosed", "", parties("Gamma"), announced("2026-03-01")),
	}
	u := NewUmbrellas(all)
	cell := func(s Sum) string {
		if s.Dollars.Counted == 0 {
			return fmt.Sprintf("%d:–", s.Deals)
		}
		return fmt.Sprintf("%d:$%dB", s.Deals, s.Dollars.Total/B)
	}
	for _, tt := range []struct {
		name string
		view Periods
		want map[string]string // "row/col": cell
	}{
		{"each dollar once: Alpha's 2026 part adds nothing again, and its row adds up to its total", Once, map[string]string{
			"Alpha/2025": "1:$100B", "Alpha/2026": "1:$0B", "Alpha/total": "2:$100B",
			"Beta/2025": "1:$100B", "Beta/2026": "1:$5B", "Beta/total": "2:$105B",
			"Gamma/2026": "1:–", "total/2025": "1:$100B", "total/2026": "3:$5B", "total/total": "4:$105B",
		}},
		{"full periods: the part counts again in its own year", Full, map[string]string{
			"Alpha/2025": "1:$100B", "Alpha/2026": "1:$30B", "Alpha/total": "2:$100B", "total/2026": "3:$35B", "total/total": "4:$105B",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := CrossTab(all, u, ByParty, ByYear, deal.Headline, tt.view)
			got := map[string]string{"total/total": cell(g.Rows.Total)}
			for _, r := range g.Rows.Groups {
				got[r.Key+"/total"] = cell(r.Sum)
				for _, c := range g.Cols.Groups {
					got[r.Key+"/"+c.Key] = cell(g.Cell(r.Key, c.Key))
				}
			}
			for _, c := range g.Cols.Groups {
				got["total/"+c.Key] = cell(c.Sum)
			}
			for k, want := range tt.want {
				if got[k] != want {
					t.Errorf("%s = %s, want %s", k, got[k], want)
				}
			}
		})
	}
}
