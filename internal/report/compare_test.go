package report

import (
	"fmt"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// sideLine is a side as "name usd gw $/GW twh ×usd ×gw" to four digits, "-" for unknown.
func sideLine(s Side) string {
	m := func(v Maybe, scale float64) string {
		if !v.OK {
			return "-"
		}
		return fmt.Sprintf("%.4g", v.V/scale)
	}
	return fmt.Sprintf("%s %s %s %s %s %s %s", s.Name, m(s.USD, 1e9), m(s.Watts, 1e9), m(s.USDPerGW, 1e9), m(s.TWh, 1), m(s.USDRatio, 1), m(s.GWRatio, 1))
}

func TestCompareDeals(t *testing.T) {
	nvidia := mk(t, "nvidia", "up to $100B", "10 GW")
	stargate := mk(t, "stargate", "up to $500B", "10 GW")
	amd := mk(t, "amd", "undisclosed", "6 GW")
	funding := mk(t, "funding", "$40B", "")
	tests := []struct {
		name  string
		ds    []*deal.Deal
		bound deal.Bound
		want  []string
	}{
		{"ratios to the first", []*deal.Deal{nvidia, stargate}, deal.Headline, []string{
			"nvidia 100 10 10 87.6 1 1",
			"stargate 500 10 50 87.6 5 1",
		}},
		{"unknown figures have no ratio", []*deal.Deal{nvidia, amd, funding}, deal.Headline, []string{
			"nvidia 100 10 10 87.6 1 1",
			"amd - 6 - 52.56 - 0.6",
			"funding 40 - - - 0.4 -",
		}},
		{"a first column without the figure gives no ratios for it", []*deal.Deal{amd, nvidia}, deal.Headline, []string{
			"amd - 6 - 52.56 - 1",
			"nvidia 100 10 10 87.6 - 1.667",
		}},
		{"low bound: up to is 0, so no ratio to it", []*deal.Deal{nvidia, funding}, deal.Low, []string{
			"nvidia 0 10 0 87.6 - 1",
			"funding 40 - - - - -",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sides := CompareDeals(tt.ds, tt.bound)
			for i, s := range sides {
				if got := sideLine(s); got != tt.want[i] {
					t.Errorf("side %d: %s, want %s", i, got, tt.want[i])
				}
				if s.Deal != tt.ds[i] || s.Sum.Deals != 1 {
					t.Errorf("side %d holds %v (%d deals), want the deal alone", i, s.Deal, s.Sum.Deals)
				}
			}
		})
	}
}

func TestCompareParties(t *testing.T) {
	all := []*deal.Deal{
		mk(t, "stargate", "up to $500B", "10 GW", parties("OpenAI", "Oracle")),
		mk(t, "oracle-cloud", "$300B", "4.5 GW", parties("OpenAI", "Oracle"), partOf("stargate")),
		mk(t, "nvidia", "up to $100B", "10 GW", parties("OpenAI", "NVIDIA")),
		mk(t, "recap", "$250B", "", parties("OpenAI", "Microsoft")),
		mk(t, "tpu", "undisclosed", "over 1 GW", parties("Anthropic", "Google")),
		mk(t, "fluidstack", "$50B", "", parties("Anthropic")),
		mk(t, "memory", "undisclosed", "", parties("Samsung")),
	}
	u := NewUmbrellas(all)
	tests := []struct {
		name    string
		parties []string
		ds      []*deal.Deal
		want    []string
	}{
		{
			// OpenAI: $500B + $100B + $250B, the cloud deal inside
			// Stargate; $/GW over the deals giving both: $600B / 20 GW.
			name:    "totals with the umbrella rule",
			parties: []string{"OpenAI", "Anthropic"},
			ds:      all,
			want:    []string{"OpenAI 850 20 30 175.2 1 1", "Anthropic 50 1 - 8.76 0.05882 0.05"},
		},
		{
			name:    "an umbrella filtered out leaves its part counted",
			parties: []string{"Oracle", "NVIDIA"},
			ds:      pick(t, all, "oracle-cloud", "nvidia"),
			want:    []string{"Oracle 300 4.5 66.67 39.42 1 1", "NVIDIA 100 10 10 87.6 0.3333 2.222"},
		},
		{
			name:    "a party with no known figure has none, and no ratio",
			parties: []string{"Samsung", "Anthropic"},
			ds:      all,
			want:    []string{"Samsung - - - - - -", "Anthropic 50 1 - 8.76 - -"},
		},
		{
			name:    "a party without deals",
			parties: []string{"Anthropic", "Nobody"},
			ds:      all,
			want:    []string{"Anthropic 50 1 - 8.76 1 1", "Nobody - - - - - -"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sides := CompareParties(tt.parties, tt.ds, u, deal.Headline)
			for i, s := range sides {
				if got := sideLine(s); got != tt.want[i] {
					t.Errorf("side %d: %s\n                want %s", i, got, tt.want[i])
				}
			}
			if s := sides[0]; tt.parties[0] == "OpenAI" && (s.Sum.Deals != 4 || s.Sum.Dollars.Overlap != 300*B) {
				t.Errorf("OpenAI: %d deals, overlap %d; want 4 deals and the $300B cloud deal as overlap", s.Sum.Deals, s.Sum.Dollars.Overlap)
			}
		})
	}
}
