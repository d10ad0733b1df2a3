package report

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

func TestParsePer(t *testing.T) {
	for _, s := range []string{"month", "quarter", "year"} {
		if by, err := ParsePer(s); err != nil || string(by) != s {
			t.Errorf("ParsePer(%q) = %q, %v", s, by, err)
		}
	}
	for _, s := range []string{"", "party", "week", "Month"} {
		if _, err := ParsePer(s); err == nil {
			t.Errorf("ParsePer(%q): no error", s)
		}
	}
}

func TestPeriodKeys(t *testing.T) {
	for _, tt := range []struct {
		by   By
		date string
		want string
	}{
		{ByMonth, "2025-09-22", "2025-09"},
		{ByMonth, "2025-09", "2025-09"},
		{ByMonth, "2025-12-31", "2025-12"},
		{ByMonth, "2026-01-01", "2026-01"},
		{ByQuarter, "2025-03-31", "2025-Q1"},
		{ByQuarter, "2025-04", "2025-Q2"},
		{ByQuarter, "2025-12", "2025-Q4"},
		{ByYear, "2024-11-22", "2024"},
	} {
		d, err := deal.ParseDate(tt.date)
		if err != nil {
			t.Fatal(err)
		}
		if got := tt.by.periodKey(tt.by.period(d)); got != tt.want {
			t.Errorf("%s of %s = %s, want %s", tt.by, tt.date, got, tt.want)
		}
	}
}

// periodLine is a period as "key: deals $usd/B running: deals $usd/B gw".
func periodLine(p Period) string {
	return fmt.Sprintf("%s: %d $%dB | %d $%dB %gGW", p.Key, p.Deals, p.Dollars.Total/B, p.Running.Deals, p.Running.Dollars.Total/B, deal.GW(p.Running.Power.Total))
}

func TestTimeline(t *testing.T) {
	umbrella := mk(t, "umbrella", "$500B", "10 GW", announced("2025-01-21"))
	later := mk(t, "later-part", "$300B", "4.5 GW", partOf("umbrella"), announced("2025-03"))
	early := mk(t, "early-part", "$50B", "", partOf("umbrella"), announced("2024-12-01"))
	other := mk(t, "other", "undisclosed", "2 GW", announced("2025-03-15"))
	all := []*deal.Deal{umbrella, later, early, other}
	u := NewUmbrellas(all)
	tests := []struct {
		name string
		ds   []*deal.Deal
		by   By
		view Periods
		want []string
	}{
		{"no deals, no periods", nil, ByMonth, Once, nil},
		{
			// A part announced after its umbrella adds to its month, not to
			// the running total; one announced before adds until the
			// umbrella arrives, which then adds only the rest.
			name: "months in full, empty ones included",
			ds:   all,
			by:   ByMonth,
			view: Full,
			want: []string{
				"2024-12: 1 $50B | 1 $50B 0GW",
				"2025-01: 1 $500B | 2 $500B 10GW",
				"2025-02: 0 $0B | 2 $500B 10GW",
				"2025-03: 2 $300B | 4 $500B 12GW",
			},
		},
		{
			name: "quarters: a part in the umbrella's quarter adds nothing there either",
			ds:   all,
			by:   ByQuarter,
			view: Full,
			want: []string{"2024-Q4: 1 $50B | 1 $50B 0GW", "2025-Q1: 3 $500B | 4 $500B 12GW"},
		},
		{
			name: "years, with the umbrella filtered out every part counts",
			ds:   []*deal.Deal{later, early, other},
			by:   ByYear,
			view: Full,
			want: []string{"2024: 1 $50B | 1 $50B 0GW", "2025: 2 $300B | 3 $350B 6.5GW"},
		},
	}
	tests = append(tests, []struct {
		name string
		ds   []*deal.Deal
		by   By
		view Periods
		want []string
	}{
		{
			// Each dollar once: the umbrella adds what the early part does
			// not already carry, the later part nothing: the periods add up
			// to the running total.
			name: "months, each dollar once",
			ds:   all,
			by:   ByMonth,
			view: Once,
			want: []string{
				"2024-12: 1 $50B | 1 $50B 0GW",
				"2025-01: 1 $450B | 2 $500B 10GW",
				"2025-02: 0 $0B | 2 $500B 10GW",
				"2025-03: 2 $0B | 4 $500B 12GW",
			},
		},
		{
			name: "years, each dollar once, the umbrella filtered out",
			ds:   []*deal.Deal{later, early, other},
			by:   ByYear,
			view: Once,
			want: []string{"2024: 1 $50B | 1 $50B 0GW", "2025: 2 $300B | 3 $350B 6.5GW"},
		},
	}...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Timeline(tt.ds, u, tt.by, deal.Headline, tt.view) {
				got = append(got, periodLine(p))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("timeline:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTimelineEndsAtTheGrandTotal(t *testing.T) {
	all := []*deal.Deal{
		mk(t, "u", "up to $500B", "10 GW", announced("2025-01-21")),
		mk(t, "p", "over $400B", "about 7 GW", partOf("u"), announced("2025-09-23")),
		mk(t, "q", "$1B", "1.2 GW", partOf("p"), announced("2026-01-09")),
		mk(t, "r", "undisclosed", "6 GW", announced("2025-10-06")),
	}
	u := NewUmbrellas(all)
	for _, by := range []By{ByMonth, ByQuarter, ByYear} {
		for _, b := range []deal.Bound{deal.Low, deal.Headline, deal.High} {
			ps := Timeline(all, u, by, b, Once)
			last := ps[len(ps)-1].Running
			if want := Total(all, u, b); fmt.Sprint(briefOf(last)) != fmt.Sprint(briefOf(want)) {
				t.Errorf("%s %s: last running total %+v, want the grand total %+v", by, b, briefOf(last), briefOf(want))
			}
		}
	}
}
