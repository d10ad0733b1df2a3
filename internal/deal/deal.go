// Package deal is dealtrack's model: deals, amounts of money, power, dates,
// statuses and kinds, how they are written and the rules a deal obeys. It
// knows nothing of files or flags.
package deal

import (
	"math"
	"slices"
)

// Deal is one announced AI-infrastructure deal.
type Deal struct {
	ID        string
	Title     string
	Announced Date
	Status    Status
	Kind      Kind
	Parties   []string
	Dollars   Amount
	Power     Power
	Valuation Amount
	Horizon   string
	PartOf    string
	Flows     []Flow
	Sources   []Source
	Tags      []string
	Notes     string
	Updates   []Update
}

// Flow is money going from one party of a deal to another.
type Flow struct {
	From, To string
	Dollars  Amount
	For      string
}

// Source is a report a deal comes from.
type Source struct {
	Publisher string
	Title     string
	URL       string
	Date      Date
}

// Update is a dated change of a deal's status or figures.
type Update struct {
	Date    Date
	Status  Status
	Dollars Amount
	Power   Power
	Note    string
}

// HasParty reports whether name (canonical) takes part in d.
func (d *Deal) HasParty(name string) bool { return slices.Contains(d.Parties, name) }

// HasTag reports whether d carries tag.
func (d *Deal) HasTag(tag string) bool { return slices.Contains(d.Tags, tag) }

// TWhPerYear is the energy d's power draws in a year at full load
// (GW × 8.76), at bound b.
func (d *Deal) TWhPerYear(b Bound) (float64, bool) {
	w, ok := d.Power.Value(b)
	return TWhPerYear(w), ok
}

// TWhPerYear converts watts drawn all year to terawatt-hours.
// The product is exact below a million gigawatts, so 1.2 GW gives 10.512.
func TWhPerYear(w int64) float64 {
	const hours = 8760
	if w < math.MaxInt64/hours {
		return float64(w*hours) / 1e12
	}
	return GW(w) * 8.76
}

// USDPerGW is d's dollars divided by its gigawatts, at the headline
// figures, rounded to whole dollars.
func (d *Deal) USDPerGW() (float64, bool) {
	usd, ok1 := d.Dollars.Value(Headline)
	w, ok2 := d.Power.Value(Headline)
	if !ok1 || !ok2 || w == 0 {
		return 0, false
	}
	return math.Round(float64(usd) / GW(w)), true
}
