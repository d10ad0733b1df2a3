// Package synth writes synthetic deal files shaped like the ones
// bench/gen.py writes, for benchmarks: the same keys, value styles and
// proportions (a flow list on every fifth deal, two to four parties drawn
// from 306 names), from a fixed seed, so runs are comparable.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

var (
	kinds    = []string{"investment", "compute", "cloud", "chips", "energy", "funding", "joint-venture", "lease"}
	statuses = []string{"rumored", "in-talks", "announced", "signed", "completed"}
	sizes    = []float64{5e8, 1e9, 2.5e9, 1e10, 2e10, 1e11, 3e11}
	teams    = []int{2, 2, 2, 3, 4}
)

// Parties returns the 306 party names deals are drawn from.
func Parties() []string {
	ps := make([]string, 0, 306)
	for i := range 300 {
		ps = append(ps, fmt.Sprintf("Party %03d", i))
	}
	return append(ps, "OpenAI", "NVIDIA", "Oracle", "SoftBank", "AMD", "Microsoft")
}

// Files returns n deal files, keyed by name (deal-000000.yaml, ...).
func Files(n int) map[string][]byte {
	rnd := rand.New(rand.NewPCG(42, 0))
	parties := Parties()
	files := make(map[string][]byte, n)
	for i := range n {
		files[fmt.Sprintf("deal-%06d.yaml", i)] = Deal(rnd, parties, i)
	}
	return files
}

// Write writes n deal files into dir, creating it.
func Write(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, body := range Files(n) {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Deal returns deal number i as gen.py writes it.
func Deal(rnd *rand.Rand, parties []string, i int) []byte {
	ps := sample(rnd, parties, teams[rnd.IntN(len(teams))])
	usd := int64(sizes[rnd.IntN(len(sizes))] * (0.5 + rnd.Float64()))
	gw := math.Round((0.05+rnd.Float64()*9.95)*100) / 100
	y, m, d := 2019+rnd.IntN(8), 1+rnd.IntN(12), 1+rnd.IntN(28)
	var b strings.Builder
	fmt.Fprintf(&b, "title: Synthetic deal %d between %s\n", i, strings.Join(ps, " and "))
	fmt.Fprintf(&b, "announced: %d-%02d-%02d\n", y, m, d)
	fmt.Fprintf(&b, "status: %s\n", statuses[rnd.IntN(len(statuses))])
	fmt.Fprintf(&b, "kind: %s\n", kinds[rnd.IntN(len(kinds))])
	fmt.Fprintf(&b, "parties: [%s]\n", strings.Join(ps, ", "))
	fmt.Fprintf(&b, "dollars: %d\n", usd)
	fmt.Fprintf(&b, "gigawatts: %s\n", pyFloat(gw))
	fmt.Fprintf(&b, "sources:\n  - url: https://example.com/news/%d\n    title: Report %d\n", i, i)
	if i%5 == 0 {
		fmt.Fprintf(&b, "flows:\n  - {from: %s, to: %s, dollars: %d, for: equity}\n", ps[0], ps[1], usd)
		fmt.Fprintf(&b, "  - {from: %s, to: %s, dollars: undisclosed, for: compute}\n", ps[1], ps[0])
	}
	fmt.Fprintf(&b, "tags: [synthetic, t%d]\n", i%17)
	fmt.Fprintf(&b, "notes: |\n  Generated record %d for load tests; the numbers mean nothing.\n", i)
	return []byte(b.String())
}

// sample picks k distinct names, in draw order.
func sample(rnd *rand.Rand, from []string, k int) []string {
	idx := rnd.Perm(len(from))[:k]
	out := make([]string, k)
	for j, i := range idx {
		out[j] = from[i]
	}
	return out
}

// pyFloat formats like Python's repr of a float: 7.38, 10.0.
func pyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
