package deals_test

import (
	"testing"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/store"
)

// BenchmarkLoadSnapshot is the start of every command on the built-in
// data: the snapshot checked against the files and decoded.
func BenchmarkLoadSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := store.LoadSnapshot(deals.FS, "deals", deals.Snapshot); !ok {
			b.Fatal("the snapshot does not load")
		}
	}
}
