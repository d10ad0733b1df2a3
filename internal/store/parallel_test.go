package store

import (
	"sync/atomic"
	"testing"
)

// TestParallel: every index runs exactly once, whatever the count.
func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 1000} {
		runs := make([]atomic.Int32, n)
		parallel(n, func(i int) { runs[i].Add(1) })
		for i := range runs {
			if got := runs[i].Load(); got != 1 {
				t.Errorf("n=%d: index %d ran %d times", n, i, got)
			}
		}
	}
}
