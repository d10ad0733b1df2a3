package report

import "github.com/dealtrack/dealtrack/internal/deal"

// Maybe is a number that may be unknown.
type Maybe struct {
	V  float64
	OK bool
}

// Side is one column of a comparison: one deal, or one party's total.
type Side struct {
	Name string     // the deal's id, or the party's name
	Deal *deal.Deal // nil for a party's total
	Sum  Sum        // the deal alone, or the party's deals
	// USD and Watts are the side's figures at the bound: a deal's own (not
	// known when undisclosed or not given), a party's total (not known
	// when none of its deals gives one).
	USD, Watts Maybe
	// USDPerGW divides dollars by gigawatts over the side's deals that
	// give both figures, with the umbrella rule.
	USDPerGW Maybe
	TWh      Maybe // energy in a year at full load
	// USDRatio and GWRatio are the side's figures over the first side's.
	USDRatio, GWRatio Maybe
	// Flows is a party's money by direction over its deals (cancelled and
	// superseded ones left out unless they count); zero for a deal.
	Flows PartyFlows
}

// CompareDeals lays ds side by side at bound b.
func CompareDeals(ds []*deal.Deal, b deal.Bound) []Side {
	sides := make([]Side, len(ds))
	for i, d := range ds {
		sides[i] = newSide(d.ID, d, []*deal.Deal{d}, Umbrellas{CountRetired: true}, b)
	}
	return withRatios(sides)
}

// CompareParties lays the totals of the named parties side by side: each
// party's total is over the deals of ds it takes part in, with the
// umbrellas u, at bound b.
func CompareParties(parties []string, ds []*deal.Deal, u Umbrellas, b deal.Bound) []Side {
	sides := make([]Side, len(parties))
	for i, p := range parties {
		var theirs, live []*deal.Deal
		for _, d := range ds {
			if d.HasParty(p) {
				theirs = append(theirs, d)
				if u.counts(d) {
					live = append(live, d)
				}
			}
		}
		sides[i] = newSide(p, nil, theirs, u, b)
		for _, f := range NewGraph(live, b).Parties() {
			if f.Name == p {
				sides[i].Flows = f
			}
		}
	}
	return withRatios(sides)
}

func newSide(name string, d *deal.Deal, ds []*deal.Deal, u Umbrellas, b deal.Bound) Side {
	s := Side{Name: name, Deal: d, Sum: Total(ds, u, b)}
	s.USD = Maybe{float64(s.Sum.Dollars.Total), s.Sum.Dollars.Counted > 0}
	s.Watts = Maybe{float64(s.Sum.Power.Total), s.Sum.Power.Counted > 0}
	if s.Watts.OK {
		s.TWh = Maybe{deal.TWhPerYear(s.Sum.Power.Total), true}
	}
	both := Total(givingBoth(ds, b), u, b)
	if both.Power.Total > 0 {
		s.USDPerGW = Maybe{float64(both.Dollars.Total) / deal.GW(both.Power.Total), true}
	}
	return s
}

// givingBoth keeps the deals that give both dollars and power at bound b.
func givingBoth(ds []*deal.Deal, b deal.Bound) []*deal.Deal {
	var out []*deal.Deal
	for _, d := range ds {
		if dollarsOf(d, b).known && powerOf(d, b).known {
			out = append(out, d)
		}
	}
	return out
}

func withRatios(sides []Side) []Side {
	for i := range sides {
		sides[i].USDRatio = ratio(sides[i].USD, sides[0].USD)
		sides[i].GWRatio = ratio(sides[i].Watts, sides[0].Watts)
	}
	return sides
}

func ratio(x, of Maybe) Maybe {
	if !x.OK || !of.OK || of.V == 0 {
		return Maybe{}
	}
	return Maybe{x.V / of.V, true}
}
