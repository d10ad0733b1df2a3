package report

import (
	"cmp"
	"slices"
)

// Cycle is a circular chain of flows: Parties[0] pays Parties[1], which
// pays the next, and the last pays Parties[0] again. It starts at its
// smallest party name, so each circle has one way of being written.
type Cycle struct {
	Parties []string
	Edges   []Edge // Edges[i] runs from Parties[i] to the party after it
}

// USDMin is the smallest edge on c: the money that can go round the
// circle. It is not known when an edge on c has no figure.
func (c Cycle) USDMin() (int64, bool) {
	var least int64
	for i, e := range c.Edges {
		if !e.Known {
			return 0, false
		}
		if i == 0 || e.USD < least {
			least = e.USD
		}
	}
	return least, len(c.Edges) > 0
}

// LargestKnown is the largest edge on c that has a figure: what is known
// of a circle whose round trip is not. It is not known when no edge has a
// figure.
func (c Cycle) LargestKnown() (int64, bool) {
	var most int64
	known := false
	for _, e := range c.Edges {
		if e.Known && (!known || e.USD > most) {
			most, known = e.USD, true
		}
	}
	return most, known
}

// rank is what orders cycles: the money that goes round, or for a circle
// with an edge of unknown size what is known of it, its largest known edge.
func (c Cycle) rank() int64 {
	if v, ok := c.USDMin(); ok {
		return v
	}
	v, _ := c.LargestKnown()
	return v
}

// CycleBounds keep the search for cycles finite: on a dense graph the
// number of circles explodes with their length.
type CycleBounds struct {
	MaxLength int // the most parties on a cycle; 2 or more
	Limit     int // the most cycles to find; 0 for no limit
}

// CycleSearch is what a search found, and whether a bound cut it short.
type CycleSearch struct {
	// Cycles are sorted largest first by USDMin or, when that is unknown,
	// by LargestKnown, so that a circle with one undisclosed edge is not
	// buried under small ones; at a tie a known USDMin first; then by
	// length, shortest first; then by their parties.
	Cycles []Cycle
	// Limited is set when more cycles exist than Limit. The search goes
	// by length, so those it keeps are the shortest.
	Limited bool
	// LargestGroup is the size of the largest group of parties that all
	// reach one another. Cycles longer than MaxLength may exist only when
	// it is larger than MaxLength.
	LargestGroup int
}

// FindCycles lists the elementary cycles of g (no party twice), each
// once, up to the bounds. Self-loops are not edges of a graph, so every
// cycle has at least two parties. The result depends only on g and the
// bounds.
func FindCycles(g *Graph, b CycleBounds) CycleSearch {
	x := newAdjacency(g)
	s := &cycleSearch{adj: x, limit: b.Limit, dist: make([]int, len(x.names)), onPath: make([]bool, len(x.names))}
	for i := range s.dist {
		s.dist[i] = farAway
	}
	for length := 2; length <= b.MaxLength && !s.limited; length++ {
		for start := range x.names {
			if s.limited {
				break
			}
			s.from(start, length)
		}
	}
	found := make([]Cycle, len(s.found))
	for i, path := range s.found {
		found[i] = x.cycle(g, path)
	}
	slices.SortFunc(found, compareCycles)
	return CycleSearch{Cycles: found, Limited: s.limited, LargestGroup: x.largestComponent()}
}

// compareCycles orders cycles as CycleSearch.Cycles says.
func compareCycles(a, b Cycle) int {
	_, ka := a.USDMin()
	_, kb := b.USDMin()
	known := 0
	switch {
	case ka && !kb:
		known = -1
	case kb && !ka:
		known = 1
	}
	return cmp.Or(cmp.Compare(b.rank(), a.rank()), known, cmp.Compare(len(a.Parties), len(b.Parties)), slices.Compare(a.Parties, b.Parties))
}

// adjacency is g with parties numbered in name order.
type adjacency struct {
	names   []string
	out, in [][]int // neighbours in ascending order
	edge    map[[2]int]int
}

func newAdjacency(g *Graph) *adjacency {
	x := &adjacency{edge: make(map[[2]int]int, len(g.Edges))}
	for _, e := range g.Edges {
		x.names = append(x.names, e.From, e.To)
	}
	slices.Sort(x.names)
	x.names = slices.Compact(x.names)
	x.out, x.in = make([][]int, len(x.names)), make([][]int, len(x.names))
	for i, e := range g.Edges {
		from, _ := slices.BinarySearch(x.names, e.From)
		to, _ := slices.BinarySearch(x.names, e.To)
		x.out[from] = append(x.out[from], to)
		x.in[to] = append(x.in[to], from)
		x.edge[[2]int{from, to}] = i
	}
	for i := range x.names {
		slices.Sort(x.out[i])
		slices.Sort(x.in[i])
	}
	return x
}

// cycle turns a path of party numbers into a Cycle with g's edges.
func (x *adjacency) cycle(g *Graph, path []int) Cycle {
	c := Cycle{Parties: make([]string, len(path)), Edges: make([]Edge, len(path))}
	for i, p := range path {
		next := path[(i+1)%len(path)]
		c.Parties[i] = x.names[p]
		c.Edges[i] = g.Edges[x.edge[[2]int{p, next}]]
	}
	return c
}

const farAway = 1 << 30

// cycleSearch finds the cycles of one length that start at one party and
// otherwise pass only parties after it in name order: each cycle is found
// once, from its smallest party. A depth-first search extends a path only
// to parties from which the start can still be reached within the length,
// so it does not wander down paths that cannot close in time.
type cycleSearch struct {
	adj     *adjacency
	limit   int
	found   [][]int
	limited bool

	start, length int
	dist          []int // edges from a party back to start; farAway when too far
	touched       []int
	onPath        []bool
	path          []int
}

func (s *cycleSearch) from(start, length int) {
	s.start, s.length = start, length
	s.distancesTo(start, length-1)
	s.path = append(s.path[:0], start)
	s.onPath[start] = true
	s.extend(start)
	s.onPath[start] = false
	for _, v := range s.touched {
		s.dist[v] = farAway
	}
	s.touched = s.touched[:0]
}

// distancesTo walks the edges backwards from start, over parties after it,
// up to depth edges.
func (s *cycleSearch) distancesTo(start, depth int) {
	s.dist[start] = 0
	s.touched = append(s.touched, start)
	for i := 0; i < len(s.touched); i++ {
		v := s.touched[i]
		if s.dist[v] == depth {
			continue
		}
		for _, u := range s.adj.in[v] {
			if u > start && s.dist[u] == farAway {
				s.dist[u] = s.dist[v] + 1
				s.touched = append(s.touched, u)
			}
		}
	}
}

func (s *cycleSearch) extend(u int) {
	for _, v := range s.adj.out[u] {
		if s.limited {
			return
		}
		switch {
		case v == s.start:
			if len(s.path) == s.length {
				s.add()
			}
		case v > s.start && !s.onPath[v] && len(s.path)+s.dist[v] <= s.length:
			s.path = append(s.path, v)
			s.onPath[v] = true
			s.extend(v)
			s.onPath[v] = false
			s.path = s.path[:len(s.path)-1]
		}
	}
}

func (s *cycleSearch) add() {
	if s.limit > 0 && len(s.found) == s.limit {
		s.limited = true
		return
	}
	s.found = append(s.found, slices.Clone(s.path))
}

// largestComponent is the size of the largest strongly connected component
// (Tarjan's algorithm).
func (x *adjacency) largestComponent() int {
	n := len(x.names)
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	next, largest := 1, 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range x.out[v] {
			if index[w] == 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		size := 0
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			size++
			if w == v {
				break
			}
		}
		largest = max(largest, size)
	}
	for v := range n {
		if index[v] == 0 {
			visit(v)
		}
	}
	return largest
}

// CycleEdges lists the edges on any of cs, once each, in the order of a
// Graph's edges.
func CycleEdges(cs []Cycle) []Edge {
	var out []Edge
	for _, c := range cs {
		out = append(out, c.Edges...)
	}
	slices.SortFunc(out, compareEdges)
	return slices.CompactFunc(out, func(a, b Edge) bool { return compareEdges(a, b) == 0 })
}
