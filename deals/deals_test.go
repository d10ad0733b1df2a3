package deals_test

import (
	"testing"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/store"
)

func TestBundledDataIsClean(t *testing.T) {
	set := store.Load(deals.FS, "deals")
	for _, p := range set.Problems {
		t.Errorf("%s", p.Error())
	}
	for _, d := range set.Deals {
		if len(d.Sources) == 0 {
			t.Errorf("%s has no source", d.ID)
		}
	}
}

// TestSeedFigures pins the figures the seed articles report, so an edit
// that breaks one fails.
func TestSeedFigures(t *testing.T) {
	set := store.Load(deals.FS, "deals")
	amount := func(s string) deal.Amount {
		a, err := deal.ParseAmount(s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	power := func(s string) deal.Power {
		if s == "" {
			return deal.Power{}
		}
		p, err := deal.ParsePower(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		id             string
		dollars, power string
		valuation      string
		status         deal.Status
	}{
		{"nvidia-openai-10gw", "up to $100B", "at least 10 GW", "", "announced"},
		{"stargate", "up to $500B", "10 GW", "", "announced"},
		{"openai-cerebras-750mw", "over $10B", "up to 750 MW", "", "signed"},
		{"sb-energy-milam-county", "$1B", "1.2 GW", "", "announced"},
		{"xai-funding-2025-09", "$10B", "", "$200B", "rumored"},
		{"oracle-meta-cloud-talks", "about $20B", "", "", "in-talks"},
		{"oracle-openai-cloud", "$300B", "4.5 GW", "", "signed"},
	}
	for _, tt := range tests {
		d, ok := set.Deal(tt.id)
		if !ok {
			t.Errorf("no deal %s", tt.id)
			continue
		}
		if d.Dollars != amount(tt.dollars) {
			t.Errorf("%s dollars = %s, want %s", tt.id, d.Dollars, tt.dollars)
		}
		if d.Power != power(tt.power) {
			t.Errorf("%s gigawatts = %s, want %s", tt.id, d.Power, tt.power)
		}
		if tt.valuation != "" && d.Valuation != amount(tt.valuation) {
			t.Errorf("%s valuation = %s, want %s", tt.id, d.Valuation, tt.valuation)
		}
		if d.Status != tt.status {
			t.Errorf("%s status = %s, want %s", tt.id, d.Status, tt.status)
		}
	}
	for id, umbrella := range map[string]string{
		"oracle-openai-cloud":    "stargate",
		"stargate-five-sites":    "stargate",
		"sb-energy-milam-county": "stargate-five-sites",
		"stargate-uae":           "",
		"stargate-norway":        "",
	} {
		d, ok := set.Deal(id)
		if !ok {
			t.Errorf("no deal %s", id)
		} else if d.PartOf != umbrella {
			t.Errorf("%s part_of = %q, want %q", id, d.PartOf, umbrella)
		}
	}
}
