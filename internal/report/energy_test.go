package report

import (
	"math"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

func reference(t *testing.T, key string) Reference {
	t.Helper()
	for _, r := range References {
		if r.Key == key {
			return r
		}
	}
	t.Fatalf("no reference %q", key)
	return Reference{}
}

func equivalent(t *testing.T, twh float64, key string) Equivalent {
	t.Helper()
	for _, e := range Equivalents(twh) {
		if e.Key == key {
			return e
		}
	}
	t.Fatalf("no equivalent %q", key)
	return Equivalent{}
}

// The energy checks a newsletter writer makes: 10 GW for a year is
// 87.6 TWh, about 1.7 times Portugal, about 8.2 million US homes; a true
// "twice" needs about 11.7 GW.
func TestEnergyChecks(t *testing.T) {
	twh := deal.TWhPerYear(10 * GW)
	if twh != 87.6 {
		t.Fatalf("10 GW = %v TWh/yr, want 87.6", twh)
	}
	if got := equivalent(t, twh, "portugal").Amount(); got != "1.7×" {
		t.Errorf("Portugal: %s, want 1.7×", got)
	}
	if got := equivalent(t, twh, "us-household").Amount(); got != "8.2 million US homes" {
		t.Errorf("homes: %s, want 8.2 million US homes", got)
	}
	twice := 2 * reference(t, "portugal").TWh / 8.76
	if math.Abs(twice-11.7) > 0.05 {
		t.Errorf("twice Portugal needs %.2f GW, want about 11.7", twice)
	}
}

func TestReferences(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range References {
		if seen[r.Key] || r.Key == "" {
			t.Errorf("reference key %q is empty or repeated", r.Key)
		}
		seen[r.Key] = true
		if r.Name == "" || r.Measure == "" || r.Year == "" || r.Source == "" || r.TWh <= 0 {
			t.Errorf("%s: every reference needs a name, a measure, a year, a source and a figure: %+v", r.Key, r)
		}
	}
	if len(References) != 13 {
		t.Errorf("%d references, want 13", len(References))
	}
}

func TestReferenceLabel(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"portugal", "Portugal, electricity consumption: 51.4 TWh (2024, REN)"},
		{"united-kingdom", "United Kingdom, demand: about 310 TWh (2023, DESNZ)"},
		{"united-states", "United States, retail sales: 3,861 TWh (2023, EIA)"},
		{"japan", "Japan, demand (forecast): about 831 TWh (FY2023, OCCTO)"},
		{"us-household", "average US household, electricity consumption: 10,715 kWh a year (2020, EIA)"},
	} {
		if got := reference(t, tt.key).Label(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.key, got, tt.want)
		}
	}
}

func TestEquivalentAmount(t *testing.T) {
	for _, tt := range []struct {
		gw   float64
		key  string
		want string
	}{
		{10, "united-kingdom", "~0.28×"}, // an approximate reference
		{10, "netherlands", "0.78×"},
		{10, "united-states", "0.023×"},
		{100, "ireland", "27×"},
		{0.23, "us-household", "190,000 US homes"},
		{0.001, "us-household", "820 US homes"},
		{1000, "us-household", "820 million US homes"},
	} {
		twh := deal.TWhPerYear(int64(tt.gw * 1e9))
		if got := equivalent(t, twh, tt.key).Amount(); got != tt.want {
			t.Errorf("%g GW against %s: %s, want %s", tt.gw, tt.key, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	keys := func(es []Equivalent) string {
		var ks []string
		for _, e := range es {
			ks = append(ks, e.Key)
		}
		return strings.Join(ks, " ")
	}
	for _, tt := range []struct {
		gw   float64
		want string
	}{
		{10, "switzerland netherlands us-household"}, // 87.6 TWh: between 56.1 and 112.4
		{6, "portugal switzerland us-household"},     // 52.6 TWh: just over Portugal
		{5.8, "ireland portugal us-household"},       // 50.8 TWh: just under it
		{1.2, "ireland us-household"},                // 10.5 TWh: smaller than every country
		{500, "united-states us-household"},          // 4,380 TWh: larger than every reference
		{0, ""},
	} {
		got := keys(Nearest(deal.TWhPerYear(int64(tt.gw * 1e9))))
		if got != tt.want {
			t.Errorf("%g GW: nearest %q, want %q", tt.gw, got, tt.want)
		}
	}
}

func TestFormatRatio(t *testing.T) {
	for _, tt := range []struct {
		r    float64
		want string
	}{
		{1, "1×"}, {1.704, "1.7×"}, {5, "5×"}, {0.78, "0.78×"}, {0.0227, "0.023×"},
		{9.96, "10×"}, {12.4, "12×"}, {1234.5, "1,200×"}, {0.995, "1×"}, {0, "0×"}, {0.00001, "<0.0001×"},
		{0.1, "0.1×"},
	} {
		if got := FormatRatio(tt.r); got != tt.want {
			t.Errorf("FormatRatio(%v) = %s, want %s", tt.r, got, tt.want)
		}
	}
}

func TestFormatCount(t *testing.T) {
	for _, tt := range []struct {
		n    float64
		want string
	}{
		{8_175_454, "8.2 million"}, {12_345_678, "12 million"}, {188_000, "190,000"},
		{1_000, "1,000"}, {999_999.6, "1 million"}, {42.4, "42"}, {7.44, "7.4"}, {3.2e9, "3.2 billion"}, {0, "0"},
	} {
		if got := FormatCount(tt.n); got != tt.want {
			t.Errorf("FormatCount(%v) = %s, want %s", tt.n, got, tt.want)
		}
	}
}
