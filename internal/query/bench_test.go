package query

import (
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/synth"
)

// generated loads n deals of bench/gen.py's shape.
func generated(b *testing.B, n int) []*deal.Deal {
	b.Helper()
	fsys := fstest.MapFS{}
	for name, body := range synth.Files(n) {
		fsys[name] = &fstest.MapFile{Data: body}
	}
	set := store.Load(fsys, "deals")
	if len(set.Deals) != n {
		b.Fatalf("loaded %d of %d deals: %v", len(set.Deals), n, set.Problems)
	}
	return set.Deals
}

// BenchmarkSelect filters and sorts 10,000 deals the way list does: with
// the flag filters, with a compiled --where, and all of them in list's
// default order.
func BenchmarkSelect(b *testing.B) {
	ds := generated(b, 10_000)
	where, err := CompileWhere(`usd >= 10e9 and "OpenAI" in parties and year >= 2025`)
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name   string
		filter *Filter
		order  string
	}{
		{"flags", &Filter{Parties: []string{"OpenAI"}, MinDollars: 10e9, Since: deal.Date{Year: 2025}}, "-usd,announced"},
		{"where", &Filter{Match: where.Match}, "-usd,announced"},
		{"all", &Filter{}, "announced"},
	}
	for _, c := range cases {
		order, err := ParseOrder(c.order)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				kept := Select(ds, c.filter)
				Sort(kept, order)
				if len(kept) == 0 {
					b.Fatal("the filter kept nothing")
				}
			}
		})
	}
}
