package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// dealsOf builds deals from flow specs "id: From -> To amount", where the
// amount is as in a deal file ("$10B", "up to $5B", "undisclosed"). Specs
// with the same id are flows of one deal.
func dealsOf(t *testing.T, specs ...string) []*deal.Deal {
	t.Helper()
	var ds []*deal.Deal
	byID := map[string]*deal.Deal{}
	for _, s := range specs {
		id, rest, _ := strings.Cut(s, ": ")
		from, rest, _ := strings.Cut(rest, " -> ")
		to, amount, _ := strings.Cut(rest, " ")
		a, err := deal.ParseAmount(amount)
		if err != nil {
			t.Fatalf("spec %q: %v", s, err)
		}
		d := byID[id]
		if d == nil {
			d = &deal.Deal{ID: id}
			byID[id] = d
			ds = append(ds, d)
		}
		d.Flows = append(d.Flows, deal.Flow{From: from, To: to, Dollars: a})
	}
	return ds
}

// edgeLine writes an edge as "From->To usd|? undisclosed=N deals=a,b human".
func edgeLine(e Edge) string {
	usd := "?"
	if e.Known {
		usd = deal.FormatDollars(e.USD, true)
	}
	return e.From + "->" + e.To + " " + usd + " flows=" + strconv.Itoa(e.Flows) + " undisclosed=" + strconv.Itoa(e.Undisclosed) +
		" deals=" + strings.Join(e.Deals, ",") + " " + e.Human()
}

func TestNewGraph(t *testing.T) {
	tests := []struct {
		name  string
		bound deal.Bound
		specs []string
		want  []string
	}{
		{"nothing", deal.Headline, nil, nil},
		{"a self-loop moves no money", deal.Headline,
			[]string{"d1: A -> A $5B", "d1: A -> B $1B"},
			[]string{"A->B $1B flows=1 undisclosed=0 deals=d1 $1B"}},
		{"one edge per ordered pair, sorted by from then to", deal.Headline,
			[]string{"d1: B -> A $2B", "d2: A -> C $3B", "d3: A -> B $1B"},
			[]string{
				"A->B $1B flows=1 undisclosed=0 deals=d3 $1B",
				"A->C $3B flows=1 undisclosed=0 deals=d2 $3B",
				"B->A $2B flows=1 undisclosed=0 deals=d1 $2B",
			}},
		{"flows on one pair add up; deals sorted, each once", deal.Headline,
			[]string{"d2: A -> B $1B", "d1: A -> B $2.5B", "d2: A -> B $500M"},
			[]string{"A->B $4B flows=3 undisclosed=0 deals=d1,d2 $4B"}},
		{"an edge of undisclosed flows has no figure", deal.Headline,
			[]string{"d1: A -> B undisclosed", "d2: A -> B undisclosed"},
			[]string{"A->B ? flows=2 undisclosed=2 deals=d1,d2 undisclosed"}},
		{"undisclosed flows are counted apart from the known sum", deal.Headline,
			[]string{"d1: A -> B undisclosed", "d2: A -> B $7B"},
			[]string{"A->B $7B flows=2 undisclosed=1 deals=d1,d2 $7B"}},
		{"ceilings sum to a ceiling", deal.Headline,
			[]string{"d1: A -> B up to $10B", "d2: A -> B up to $5B"},
			[]string{"A->B $15B flows=2 undisclosed=0 deals=d1,d2 ≤$15B"}},
		{"floors sum to a floor, approximations to an approximation", deal.Headline,
			[]string{"d1: A -> B over $1B", "d2: A -> B over $2B", "d3: B -> A about $1B", "d4: B -> A ~$1B"},
			[]string{
				"A->B $3B flows=2 undisclosed=0 deals=d1,d2 >$3B",
				"B->A $2B flows=2 undisclosed=0 deals=d3,d4 ~$2B",
			}},
		{"exact figures and ranges sum to a range", deal.Headline,
			[]string{"d1: A -> B $17.4B-$19.4B", "d2: A -> B $1B"},
			[]string{"A->B $19.4B flows=2 undisclosed=0 deals=d1,d2 $18.4B–$20.4B"}},
		{"other mixtures are approximate", deal.Headline,
			[]string{"d1: A -> B up to $10B", "d2: A -> B $1B"},
			[]string{"A->B $11B flows=2 undisclosed=0 deals=d1,d2 ~$11B"}},
		{"the low bound of a ceiling is nothing", deal.Low,
			[]string{"d1: A -> B up to $10B", "d2: A -> B $17.4B-$19.4B"},
			[]string{"A->B $17.4B flows=2 undisclosed=0 deals=d1,d2 $17.4B"}},
		{"the high bound takes the top of ranges", deal.High,
			[]string{"d1: A -> B up to $10B", "d2: A -> B $17.4B-$19.4B"},
			[]string{"A->B $29.4B flows=2 undisclosed=0 deals=d1,d2 $29.4B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGraph(dealsOf(t, tt.specs...), tt.bound)
			var got []string
			for _, e := range g.Edges {
				got = append(got, edgeLine(e))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("edges:\n got %q\nwant %q", got, tt.want)
			}
			if g.Edges == nil {
				t.Error("Edges is nil; json would print null for an empty graph")
			}
		})
	}
}

func TestNewGraphSaturates(t *testing.T) {
	big := deal.Dollars(math.MaxInt64 - 1)
	ds := []*deal.Deal{
		{ID: "a", Flows: []deal.Flow{{From: "A", To: "B", Dollars: big}}},
		{ID: "b", Flows: []deal.Flow{{From: "A", To: "B", Dollars: big}}},
	}
	if got := NewGraph(ds, deal.Headline).Edges[0].USD; got != math.MaxInt64 {
		t.Errorf("sum of two huge flows = %d, want the largest int64, not a wrapped sum", got)
	}
}

func TestFlowWithoutDollarsIsUndisclosed(t *testing.T) {
	ds := []*deal.Deal{{ID: "a", Flows: []deal.Flow{{From: "A", To: "B"}}}}
	e := NewGraph(ds, deal.Headline).Edges[0]
	if e.Known || e.Undisclosed != 1 {
		t.Errorf("a flow with no dollars key: Known=%v Undisclosed=%d, want false and 1", e.Known, e.Undisclosed)
	}
}

func TestParties(t *testing.T) {
	g := NewGraph(dealsOf(t,
		"d1: OpenAI -> Oracle $300B",
		"d2: NVIDIA -> OpenAI up to $100B",
		"d2: OpenAI -> NVIDIA undisclosed",
		"d3: Oracle -> NVIDIA about $40B",
		"d4: OpenAI -> Broadcom undisclosed",
		"d5: Broadcom -> Oracle up to $10B",
		"d6: NVIDIA -> Oracle up to $5B",
	), deal.Headline)
	// Back: NVIDIA gets back from OpenAI and Oracle, which it pays, ~$40B and
	// an undisclosed sum; OpenAI gets back the $100B of NVIDIA, which it
	// pays. A sum keeps the wording its figures share: ≤ for two ceilings,
	// ~ for mixed ones.
	want := []string{
		"Broadcom: pays ≤$10B+0 receives undisclosed+1 back undisclosed+0",
		"NVIDIA: pays ≤$105B+0 receives ~$40B+1 back ~$40B+1",
		"OpenAI: pays $300B+2 receives ≤$100B+0 back ≤$100B+0",
		"Oracle: pays ~$40B+0 receives ~$315B+0 back ≤$5B+0",
	}
	var got []string
	for _, p := range g.Parties() {
		line := func(s FlowSum) string { return fmt.Sprintf("%s+%d", s.Human(), s.Undisclosed) }
		got = append(got, fmt.Sprintf("%s: pays %s receives %s back %s", p.Name, line(p.PaidOut), line(p.Received), line(p.Back)))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Parties:\n got %q\nwant %q", got, want)
	}
	if o := g.Parties()[3]; o.Received.USD != 315e9 || !o.Received.Known {
		t.Errorf("Oracle receives $%d (known %v), want $315B", o.Received.USD, o.Received.Known)
	}
}
