package report

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// cycleLine writes a cycle as "A→B→C→A $5B" ("?" when USDMin is unknown).
func cycleLine(c Cycle) string {
	usd := "?"
	if v, ok := c.USDMin(); ok {
		usd = deal.FormatDollars(v, true)
	}
	return strings.Join(append(slices.Clone(c.Parties), c.Parties[0]), "→") + " " + usd
}

func cycleLines(cs []Cycle) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, cycleLine(c))
	}
	return out
}

var defaultBounds = CycleBounds{MaxLength: 6, Limit: 1000}

func TestFindCycles(t *testing.T) {
	tests := []struct {
		name  string
		specs []string
		want  []string
	}{
		{"no flows", nil, []string{}},
		{"a chain is not a cycle", []string{"d: A -> B $1B", "d: B -> C $1B"}, []string{}},
		{"self-loops are ignored", []string{"d: A -> A $1B", "e: B -> B undisclosed"}, []string{}},
		{"two parties paying each other",
			[]string{"d: NVIDIA -> OpenAI up to $100B", "e: OpenAI -> NVIDIA $3B"},
			[]string{"NVIDIA→OpenAI→NVIDIA $3B"}},
		{"three parties, written from the smallest name",
			[]string{"a: OpenAI -> Oracle $300B", "b: Oracle -> NVIDIA about $40B", "c: NVIDIA -> OpenAI up to $100B"},
			[]string{"NVIDIA→OpenAI→Oracle→NVIDIA $40B"}},
		{"the same three parties the other way round are another cycle",
			[]string{"a: A -> B $1B", "a: B -> C $2B", "a: C -> A $3B", "b: A -> C $4B", "b: C -> B $5B", "b: B -> A $6B"},
			[]string{
				"A→C→B→A $4B",
				"A→C→A $3B",
				"B→C→B $2B",
				"A→B→A $1B",
				"A→B→C→A $1B",
			}},
		{"several cycles through one party",
			[]string{"a: Hub -> X $10B", "a: X -> Hub $1B", "b: Hub -> Y $20B", "b: Y -> Hub $2B", "c: Y -> X $30B"},
			[]string{"Hub→Y→Hub $2B", "Hub→X→Hub $1B", "Hub→Y→X→Hub $1B"}},
		{"disconnected parts each have their cycles",
			[]string{"a: A -> B $1B", "a: B -> A $1B", "b: P -> Q $2B", "b: Q -> R $2B", "b: R -> P $2B", "c: B -> P $9B"},
			[]string{"P→Q→R→P $2B", "A→B→A $1B"}},
		{"an undisclosed edge makes the cycle's minimum unknown; it ranks by its largest known edge",
			[]string{"a: A -> B undisclosed", "a: B -> A $1B", "b: C -> D $1M", "b: D -> C $1M", "c: E -> F $5B", "c: F -> E $5B"},
			[]string{"E→F→E $5B", "A→B→A ?", "C→D→C $1M"}},
		{"at a tie, a known round trip before an unknown one",
			[]string{"a: A -> B undisclosed", "a: B -> A $1B", "b: C -> D $1B", "b: D -> C $1B"},
			[]string{"C→D→C $1B", "A→B→A ?"}},
		{"no edge known: last",
			[]string{"a: A -> B undisclosed", "a: B -> A undisclosed", "b: C -> D $1M", "b: D -> C $1M"},
			[]string{"C→D→C $1M", "A→B→A ?"}},
		{"an edge with some known flows counts its known sum",
			[]string{"a: A -> B undisclosed", "b: A -> B $2B", "c: B -> A $5B"},
			[]string{"A→B→A $2B"}},
		{"equal minimums: shorter first, then by parties",
			[]string{"a: A -> B $1B", "a: B -> C $1B", "a: C -> A $1B", "b: X -> Y $1B", "b: Y -> X $1B", "c: D -> E $1B", "c: E -> D $1B"},
			[]string{"D→E→D $1B", "X→Y→X $1B", "A→B→C→A $1B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := FindCycles(NewGraph(dealsOf(t, tt.specs...), deal.Headline), defaultBounds)
			if got := cycleLines(s.Cycles); !slices.Equal(got, tt.want) {
				t.Errorf("cycles:\n got %q\nwant %q", got, tt.want)
			}
			if s.Limited {
				t.Error("Limited set, but the search was not cut")
			}
		})
	}
}

func TestCycleEdgesCarryDeals(t *testing.T) {
	g := NewGraph(dealsOf(t,
		"oracle-openai-cloud: OpenAI -> Oracle $300B",
		"oracle-nvidia-abilene-chips: Oracle -> NVIDIA about $40B",
		"nvidia-openai-10gw: NVIDIA -> OpenAI up to $100B",
		"nvidia-openai-10gw: OpenAI -> NVIDIA undisclosed",
	), deal.Headline)
	s := FindCycles(g, defaultBounds)
	if len(s.Cycles) != 2 {
		t.Fatalf("got %q, want two cycles", cycleLines(s.Cycles))
	}
	var got []string
	for _, e := range s.Cycles[1].Edges { // NVIDIA ↔ OpenAI ranks first, by its $100B edge
		got = append(got, e.From+">"+e.To+":"+strings.Join(e.Deals, ","))
	}
	want := []string{"NVIDIA>OpenAI:nvidia-openai-10gw", "OpenAI>Oracle:oracle-openai-cloud", "Oracle>NVIDIA:oracle-nvidia-abilene-chips"}
	if !slices.Equal(got, want) {
		t.Errorf("edges of %s:\n got %q\nwant %q", cycleLine(s.Cycles[1]), got, want)
	}
	var drawn []string
	for _, e := range CycleEdges(s.Cycles) {
		drawn = append(drawn, e.From+">"+e.To)
	}
	if want := []string{"NVIDIA>OpenAI", "OpenAI>NVIDIA", "OpenAI>Oracle", "Oracle>NVIDIA"}; !slices.Equal(drawn, want) {
		t.Errorf("CycleEdges: got %q, want %q", drawn, want)
	}
}

// complete is the flows of a complete directed graph on n parties.
func complete(n int) []*deal.Deal {
	d := &deal.Deal{ID: "all"}
	for i := range n {
		for j := range n {
			if i != j {
				d.Flows = append(d.Flows, deal.Flow{From: fmt.Sprintf("P%02d", i), To: fmt.Sprintf("P%02d", j), Dollars: deal.Dollars(int64(1 + i + j))})
			}
		}
	}
	return []*deal.Deal{d}
}

func TestFindCyclesBounds(t *testing.T) {
	// A complete directed graph on 5 parties has C(5,k)·(k-1)! cycles of k
	// parties: 10 of 2, 20 of 3, 30 of 4 and 24 of 5.
	g := NewGraph(complete(5), deal.Headline)
	tests := []struct {
		name         string
		bounds       CycleBounds
		count        int
		longest      int
		limited, cut bool
	}{
		{"everything", CycleBounds{MaxLength: 6}, 84, 5, false, false},
		{"the length bound", CycleBounds{MaxLength: 3}, 30, 3, false, true},
		{"a limit that is not reached", CycleBounds{MaxLength: 6, Limit: 84}, 84, 5, false, false},
		{"a limit keeps the shortest cycles", CycleBounds{MaxLength: 6, Limit: 35}, 35, 4, true, false},
		{"a limit inside the shortest", CycleBounds{MaxLength: 6, Limit: 4}, 4, 2, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := FindCycles(g, tt.bounds)
			longest, twos := 0, 0
			for _, c := range s.Cycles {
				longest = max(longest, len(c.Parties))
				if len(c.Parties) == 2 {
					twos++
				}
			}
			if len(s.Cycles) != tt.count || longest != tt.longest || s.Limited != tt.limited {
				t.Errorf("got %d cycles, longest %d, Limited %v; want %d, %d, %v", len(s.Cycles), longest, s.Limited, tt.count, tt.longest, tt.limited)
			}
			if tt.count >= 10 && twos != 10 {
				t.Errorf("%d cycles of two parties kept, want all 10", twos)
			}
			if cut := s.LargestGroup > tt.bounds.MaxLength; cut != tt.cut || s.LargestGroup != 5 {
				t.Errorf("LargestGroup %d, want 5 (longer cycles possible: %v)", s.LargestGroup, tt.cut)
			}
		})
	}
}

func TestLargestGroup(t *testing.T) {
	tests := []struct {
		specs []string
		want  int
	}{
		{nil, 0},
		{[]string{"a: A -> B $1B", "a: B -> C $1B"}, 1},
		{[]string{"a: A -> B $1B", "a: B -> A $1B", "a: B -> C $1B", "a: C -> D $1B", "a: D -> E $1B", "a: E -> C $1B"}, 3},
	}
	for _, tt := range tests {
		if got := FindCycles(NewGraph(dealsOf(t, tt.specs...), deal.Headline), defaultBounds).LargestGroup; got != tt.want {
			t.Errorf("%q: LargestGroup %d, want %d", tt.specs, got, tt.want)
		}
	}
}

// TestFindCyclesAgainstBruteForce compares the search with every
// permutation of every subset of parties, on random graphs.
func TestFindCyclesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 40 {
		n := 3 + rng.IntN(4)
		var ds []*deal.Deal
		for i := range n {
			for j := range n {
				if i != j && rng.IntN(100) < 45 {
					ds = append(ds, &deal.Deal{ID: fmt.Sprintf("d%d-%d", i, j), Flows: []deal.Flow{{From: string(rune('A' + i)), To: string(rune('A' + j)), Dollars: deal.Dollars(int64(rng.IntN(5)))}}})
				}
			}
		}
		g := NewGraph(ds, deal.Headline)
		for _, maxLen := range []int{2, 3, n} {
			got := cycleLines(FindCycles(g, CycleBounds{MaxLength: maxLen}).Cycles)
			want := bruteForceCycles(g, n, maxLen)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, max length %d:\n got %q\nwant %q", round, maxLen, got, want)
			}
		}
	}
}

// bruteForceCycles tries every sequence of distinct parties that starts at
// its smallest one.
func bruteForceCycles(g *Graph, n, maxLen int) []string {
	has := map[string]Edge{}
	for _, e := range g.Edges {
		has[e.From+e.To] = e
	}
	out := []string{}
	var walk func(path []string)
	walk = func(path []string) {
		if len(path) >= 2 {
			c := Cycle{Parties: path}
			for i, p := range path {
				e, ok := has[p+path[(i+1)%len(path)]]
				if !ok {
					c.Edges = nil
					break
				}
				c.Edges = append(c.Edges, e)
			}
			if c.Edges != nil {
				out = append(out, cycleLine(c))
			}
		}
		if len(path) == maxLen {
			return
		}
		for i := range n {
			p := string(rune('A' + i))
			if p > path[0] && !slices.Contains(path, p) {
				walk(append(slices.Clone(path), p))
			}
		}
	}
	for i := range n {
		walk([]string{string(rune('A' + i))})
	}
	slices.Sort(out)
	return out
}

func TestFindCyclesIsDeterministic(t *testing.T) {
	ds := complete(6)
	flows := ds[0].Flows
	want := FindCycles(NewGraph(ds, deal.Headline), CycleBounds{MaxLength: 4, Limit: 50})
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5 {
		rng.Shuffle(len(flows), func(i, j int) { flows[i], flows[j] = flows[j], flows[i] })
		got := FindCycles(NewGraph(ds, deal.Headline), CycleBounds{MaxLength: 4, Limit: 50})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the same flows in another order found other cycles:\n got %q\nwant %q", cycleLines(got.Cycles), cycleLines(want.Cycles))
		}
	}
}

// BenchmarkFindCycles runs the search on a graph shaped like the synthetic
// data of bench/gen.py: 306 parties, 2,000 pairs paying each other.
func BenchmarkFindCycles(b *testing.B) {
	rng := rand.New(rand.NewPCG(42, 42))
	var ds []*deal.Deal
	for i := range 2000 {
		from, to := fmt.Sprintf("Party %03d", rng.IntN(306)), fmt.Sprintf("Party %03d", rng.IntN(306))
		ds = append(ds, &deal.Deal{ID: fmt.Sprintf("deal-%06d", i), Flows: []deal.Flow{
			{From: from, To: to, Dollars: deal.Dollars(1e9)},
			{From: to, To: from, Dollars: deal.Amount{}},
		}})
	}
	g := NewGraph(ds, deal.Headline)
	for _, bounds := range []CycleBounds{defaultBounds, {MaxLength: 6, Limit: 100_000}, {MaxLength: 4}} {
		b.Run(fmt.Sprintf("max-length=%d,limit=%d", bounds.MaxLength, bounds.Limit), func(b *testing.B) {
			for b.Loop() {
				FindCycles(g, bounds)
			}
		})
	}
}
