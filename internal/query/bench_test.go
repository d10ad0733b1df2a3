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

// BenchmarkSelect filters and sorts 10,000 deals the way list does, with
// the flag filters and with a Match condition (what --where compiles to).
// TODO(speed): when --where lands, bench its compiled expression here too.
func BenchmarkSelect(b *testing.B) {
	ds := generated(b, 10_000)
	order, err := ParseOrder("-usd,announced")
	if err != nil {
		b.Fatal(err)
	}
	filters := map[string]*Filter{
		"flags": {Parties: []string{"OpenAI"}, MinDollars: 10e9, Since: deal.Date{Year: 2025}},
		"match": {Match: func(d *deal.Deal) bool {
			v, ok := d.Dollars.Value(deal.Headline)
			return ok && v >= 10e9 && d.HasParty("OpenAI") && d.Announced.Year >= 2025
		}},
	}
	for name, f := range filters {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				kept := Select(ds, f)
				Sort(kept, order)
				if len(kept) == 0 {
					b.Fatal("the filter kept nothing")
				}
			}
		})
	}
}
