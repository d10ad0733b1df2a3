package report

import (
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

func TestChanges(t *testing.T) {
	date := func(s string) deal.Date { d, _ := deal.ParseDate(s); return d }
	amount := func(s string) deal.Amount { a, _ := deal.ParseAmount(s); return a }
	oracle := &deal.Deal{ID: "oracle", Announced: date("2025-06-30"), Status: "signed", Dollars: amount("$300B"),
		Updates: []deal.Update{
			{Date: date("2025-06-30"), Status: "signed", Note: "filing"},
			{Date: date("2025-07-22"), Note: "confirmed"},
			{Date: date("2025-09-10"), Dollars: amount("$300B")},
		}}
	uk := &deal.Deal{ID: "uk", Announced: date("2025-09"), Status: "paused",
		Updates: []deal.Update{{Date: date("2026-04-09"), Status: "paused"}}}
	tests := []struct {
		since, until string
		want         []string // "date id event field from→to"
	}{
		{"", "", []string{
			"2025-06-30 oracle announced  →", "2025-07-22 oracle note  →", "2025-09 uk announced  →",
			"2025-09-10 oracle revised dollars →$300B", "2026-04-09 uk status status announced→paused",
		}},
		{"2025-09-05", "2025-09-30", []string{"2025-09 uk announced  →", "2025-09-10 oracle revised dollars →$300B"}},
		{"2026", "", []string{"2026-04-09 uk status status announced→paused"}},
	}
	for _, tt := range tests {
		var since, until deal.Date
		if tt.since != "" {
			since, _ = deal.ParseDateBound(tt.since)
		}
		if tt.until != "" {
			until, _ = deal.ParseDateBound(tt.until)
		}
		got := Changes([]*deal.Deal{uk, oracle}, since, until)
		if len(got) != len(tt.want) {
			t.Errorf("%s..%s: %d changes, want %d: %+v", tt.since, tt.until, len(got), len(tt.want), got)
			continue
		}
		for i, c := range got {
			s := c.Date.String() + " " + c.Deal.ID + " " + string(c.Event) + " " + c.Field + " " + c.From + "→" + c.To
			if c.Event == Announced || c.Event == Noted {
				s = c.Date.String() + " " + c.Deal.ID + " " + string(c.Event) + "  →"
			}
			if s != tt.want[i] {
				t.Errorf("%s..%s: change %d = %q, want %q", tt.since, tt.until, i, s, tt.want[i])
			}
		}
	}
}
