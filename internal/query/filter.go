// Package query selects and orders deals: the filters every read command
// shares, and sorting by any field.
package query

import (
	"slices"
	"strings"

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
	// Search keeps deals whose title, notes, party names or source
	// publishers hold it, in any case ("" for no search); SearchParties
	// adds the parties one of whose aliases holds it (see SearchAliases).
	Search        string
	SearchParties map[string]bool
}

// SearchAliases finds the parties of reg one of whose names or aliases
// holds f.Search, in any case, for a search to match their deals too.
func (f *Filter) SearchAliases(reg *deal.Registry) {
	if f.Search == "" || reg == nil {
		return
	}
	f.SearchParties = map[string]bool{}
	for _, p := range reg.Parties {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if containsFold(n, f.Search) {
				f.SearchParties[p.Name] = true
			}
		}
	}
}

// found reports whether d holds f.Search where a search looks.
func (f *Filter) found(d *deal.Deal) bool {
	if containsFold(d.Title, f.Search) || containsFold(d.Notes, f.Search) {
		return true
	}
	for _, p := range d.Parties {
		if f.SearchParties[p] || containsFold(p, f.Search) {
			return true
		}
	}
	return slices.ContainsFunc(d.Sources, func(s deal.Source) bool { return containsFold(s.Publisher, f.Search) })
}

// containsFold reports whether s holds sub, in any case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
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
		f.Match != nil && !f.Match(d),
		f.Search != "" && !f.found(d):
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
