// Package deal is dealtrack's model: deals, amounts of money, power, dates,
// statuses and kinds, how they are written and the rules a deal obeys. It
// knows nothing of files or flags.
package deal

import (
	"math"
	"slices"
)

// Deal is one announced AI-infrastructure deal, as it stands after its
// last update.
type Deal struct {
	ID           string
	Title        string
	Announced    Date
	Status       Status
	Kind         Kind
	Parties      []string
	Dollars      Amount // US dollars, only as a source states them
	Amount       Money  // a figure in another currency, as stated
	Power        Power
	Valuation    Amount
	Horizon      string
	Locations    []Location
	PartOf       string
	SupersededBy string   // the id of the deal that replaced this one
	Reported     []string // figures (of Figures) that rest on press reports only
	Flows        []Flow
	Sources      []Source
	Tags         []string
	Notes        string
	Updates      []Update

	// Sectors are the sectors of the deal's parties, each once: not part
	// of the file, but looked up in the registry when the deal is loaded.
	Sectors []string
}

// Flow is money going from one party of a deal to another.
type Flow struct {
	From, To string
	Dollars  Amount
	Amount   Money
	For      string
}

// Source is a report a deal comes from. It has a Title (the headline as
// published) or a Description (when no headline is known), never both.
type Source struct {
	Publisher   string // the original outlet or party
	Title       string
	Description string
	URL         string
	Via         string // the host of a copy, when URL is a repost
	Kind        SourceKind
	Date        Date
}

// Update is a dated change of a deal: the fields it sets are the deal's
// from that date on. The fields an update leaves empty did not change.
type Update struct {
	Date         Date
	Status       Status
	Dollars      Amount
	Amount       Money
	Power        Power
	SupersededBy string
	Note         string
	Sources      []Source
}

// Retired reports whether d no longer counts in sums: cancelled, or
// replaced by another deal.
func (d *Deal) Retired() bool { return d.Status == "cancelled" || d.SupersededBy != "" }

// Confirmed reports whether a party stated d: a source of the deal or of
// one of its updates is a statement or a filing.
func (d *Deal) Confirmed() bool {
	for _, s := range d.AllSources() {
		if s.Kind.Confirms() {
			return true
		}
	}
	return false
}

// AllSources lists the deal's sources, then its updates'.
func (d *Deal) AllSources() []Source {
	out := d.Sources
	for _, u := range d.Updates {
		if len(u.Sources) > 0 {
			out = append(slices.Clip(out), u.Sources...)
		}
	}
	return out
}

// IsReported reports whether figure ("dollars", "gigawatts", "amount")
// rests on press reports only.
func (d *Deal) IsReported(figure string) bool { return slices.Contains(d.Reported, figure) }

// Countries lists the countries of d's locations, each once, in order.
func (d *Deal) Countries() []string {
	var out []string
	for _, l := range d.Locations {
		if l.Country != "" && !slices.Contains(out, l.Country) {
			out = append(out, l.Country)
		}
	}
	return out
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
