// Package query selects and orders deals: the filters every read command
// shares, and sorting by any field.
package query

import (
	"slices"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Filter keeps the deals that match every condition set in it.
type Filter struct {
	Parties    []string      // canonical names; every one must take part
	Kinds      []deal.Kind   // any of
	Statuses   []deal.Status // any of
	Tags       []string      // every one must be present
	Countries  []string      // ISO codes; any of them, where the deal is
	Sectors    []string      // any of them, among the parties' sectors
	Since      deal.Date     // announced on or after (zero: no bound)
	Until      deal.Date     // announced on or before (zero: no bound)
	MinDollars int64         // headline dollars at least (0: no bound)
	MinWatts   int64         // headline power at least (0: no bound)
	Where      *Where        // a --where expression (nil: none)
	AsOf       deal.Date     // read the data as it stood on this date (zero: as it stands)
	Match      func(*deal.Deal) bool
}

// Keep reports whether d passes f.
func (f *Filter) Keep(d *deal.Deal) bool {
	for _, p := range f.Parties {
		if !d.HasParty(p) {
			return false
		}
	}
	for _, t := range f.Tags {
		if !d.HasTag(t) {
			return false
		}
	}
	switch {
	case len(f.Countries) > 0 && !anyOf(d.Countries(), f.Countries),
		len(f.Sectors) > 0 && !anyOf(d.Sectors, f.Sectors),
		len(f.Kinds) > 0 && !slices.Contains(f.Kinds, d.Kind),
		len(f.Statuses) > 0 && !slices.Contains(f.Statuses, d.Status),
		!f.Since.IsZero() && d.Announced.First() < f.Since.First(),
		!f.Until.IsZero() && d.Announced.First() > f.Until.Last(),
		!atLeast(d.Dollars.Value(deal.Headline))(f.MinDollars),
		!atLeast(d.Power.Value(deal.Headline))(f.MinWatts),
		f.Where != nil && !f.Where.Match(d),
		f.Match != nil && !f.Match(d):
		return false
	}
	return true
}

// anyOf reports whether have holds any of want.
func anyOf(have, want []string) bool {
	return slices.ContainsFunc(want, func(w string) bool { return slices.Contains(have, w) })
}

// atLeast returns a test of a known value against a minimum; with no
// minimum (0) everything passes, with one an unknown value fails.
func atLeast(v int64, known bool) func(min int64) bool {
	return func(min int64) bool { return min == 0 || known && v >= min }
}

// Select returns the deals that pass f, in their order.
func Select(ds []*deal.Deal, f *Filter) []*deal.Deal {
	out := make([]*deal.Deal, 0, len(ds))
	for _, d := range ds {
		if f.Keep(d) {
			out = append(out, d)
		}
	}
	return out
}
