package report

import (
	"cmp"
	"math"
	"slices"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Graph is the money flowing between parties: the flows of a set of deals
// summed per ordered pair of parties.
type Graph struct {
	Bound deal.Bound // which end of each figure the sums take
	Edges []Edge     // sorted by From, then To
}

// Edge is every flow from one party to another, summed.
type Edge struct {
	From, To    string
	USD         int64       // the sum of the flows that have a figure, at the graph's bound
	Known       bool        // whether any flow on the edge has a figure; USD means nothing without one
	Sum         deal.Amount // the same sum as one figure, for people (see sumFlowAmounts)
	Flows       int         // how many flows the edge sums
	Undisclosed int         // how many of them have no figure
	Deals       []string    // the ids of the deals behind the edge, sorted
}

// Human is the edge's dollars for people: "≤$100B", "$22.4B", or
// "undisclosed" when no flow on it has a figure.
func (e Edge) Human() string {
	if !e.Known {
		return "undisclosed"
	}
	return e.Sum.Human()
}

// NewGraph sums the flows of ds per ordered pair of parties, at bound b.
// A flow from a party to itself moves no money between parties and is
// left out.
func NewGraph(ds []*deal.Deal, b deal.Bound) *Graph {
	type pair struct{ from, to string }
	amounts := map[pair][]deal.Amount{}
	edges := map[pair]*Edge{}
	for _, d := range ds {
		for _, f := range d.Flows {
			if f.From == f.To {
				continue
			}
			k := pair{f.From, f.To}
			e := edges[k]
			if e == nil {
				e = &Edge{From: f.From, To: f.To}
				edges[k] = e
			}
			e.add(d.ID, f.Dollars, b)
			if f.Dollars.Known() {
				amounts[k] = append(amounts[k], f.Dollars)
			}
		}
	}
	g := &Graph{Bound: b, Edges: make([]Edge, 0, len(edges))}
	for k, e := range edges {
		e.Sum = sumFlowAmounts(amounts[k], b)
		slices.Sort(e.Deals)
		e.Deals = slices.Compact(e.Deals)
		g.Edges = append(g.Edges, *e)
	}
	slices.SortFunc(g.Edges, compareEdges)
	return g
}

func (e *Edge) add(id string, a deal.Amount, b deal.Bound) {
	e.Flows++
	e.Deals = append(e.Deals, id)
	v, ok := a.Value(b)
	if !ok {
		e.Undisclosed++
		return
	}
	e.USD = addFlowUSD(e.USD, v)
	e.Known = true
}

func compareEdges(a, b Edge) int {
	return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

// sumFlowAmounts writes known amounts as one figure. At the headline bound it
// keeps what they share: the sum of ceilings is a ceiling ("≤"), of floors
// a floor, of approximate figures approximate, of exact figures and ranges
// a range of the sums of their ends; amounts stated in other ways sum to
// an approximate figure. At the low or high bound it is the plain sum.
func sumFlowAmounts(as []deal.Amount, b deal.Bound) deal.Amount {
	var atBound, lo, hi int64
	q := deal.Exact
	for i, a := range as {
		v, _ := a.Value(b)
		atBound, lo, hi = addFlowUSD(atBound, v), addFlowUSD(lo, a.Lo), addFlowUSD(hi, a.Hi)
		switch {
		case i == 0:
			q = a.Q
		case q == a.Q:
		case isExactOrRangeQ(q) && isExactOrRangeQ(a.Q):
			q = deal.Range
		default:
			q = deal.About
		}
	}
	switch {
	case b != deal.Headline:
		return deal.Dollars(atBound)
	case q == deal.About:
		return deal.NewAmount(deal.About, atBound, atBound)
	}
	return deal.NewAmount(q, lo, hi)
}

func isExactOrRangeQ(q deal.Qualifier) bool { return q == deal.Exact || q == deal.Range }

// addFlowUSD adds dollars, stopping at the largest int64 rather than wrapping
// round to a negative sum.
func addFlowUSD(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// FlowSum is money on one side of a party's edges.
type FlowSum struct {
	USD         int64 // the sum of the flows that have a figure
	Known       bool  // whether any flow has a figure
	Undisclosed int   // how many flows have none
	// Sum is USD with the wording its figures share (≤ when all are "up
	// to"), summed as an edge's flows are.
	Sum deal.Amount
}

func (s *FlowSum) add(e Edge, b deal.Bound) {
	switch {
	case e.Known && s.Known:
		s.Sum = sumFlowAmounts([]deal.Amount{s.Sum, e.Sum}, b)
	case e.Known:
		s.Sum = e.Sum
	}
	s.USD, s.Known, s.Undisclosed = addFlowUSD(s.USD, e.USD), s.Known || e.Known, s.Undisclosed+e.Undisclosed
}

// Human is the sum for people, with its wording: "undisclosed" when no
// flow has a figure.
func (s FlowSum) Human() string {
	if !s.Known {
		return "undisclosed"
	}
	return s.Sum.Human()
}

// PartyFlows is what one party pays to and receives from the others on a
// graph.
type PartyFlows struct {
	Name     string
	PaidOut  FlowSum
	Received FlowSum
	// Back is the part of Received that comes from parties this one pays:
	// money that goes round (Amazon invests in Anthropic, which buys AWS
	// compute).
	Back FlowSum
}

// Parties totals every party on g's edges, sorted by name.
func (g *Graph) Parties() []PartyFlows {
	byName := map[string]*PartyFlows{}
	party := func(name string) *PartyFlows {
		p := byName[name]
		if p == nil {
			p = &PartyFlows{Name: name}
			byName[name] = p
		}
		return p
	}
	type pair struct{ from, to string }
	pays := make(map[pair]bool, len(g.Edges))
	for _, e := range g.Edges {
		pays[pair{e.From, e.To}] = true
	}
	for _, e := range g.Edges {
		party(e.From).PaidOut.add(e, g.Bound)
		party(e.To).Received.add(e, g.Bound)
		if pays[pair{e.To, e.From}] {
			party(e.To).Back.add(e, g.Bound)
		}
	}
	out := make([]PartyFlows, 0, len(byName))
	for _, p := range byName {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(a, b PartyFlows) int { return cmp.Compare(a.Name, b.Name) })
	return out
}
