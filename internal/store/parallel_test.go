package store

import (
	"reflect"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/internal/synth"
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

// TestLoadEqualsOneByOne: loading many files in parallel, each tree built
// in the nodes of an earlier file's, gives every deal exactly as decoding
// that file alone does. (Run with -race, it also shows no tree is reused
// while its deal is still being decoded.)
func TestLoadEqualsOneByOne(t *testing.T) {
	files := synth.Files(2_000)
	mem := fstest.MapFS{}
	for name, body := range files {
		mem[name] = &fstest.MapFile{Data: body}
	}
	set := Load(mem, "deals")
	if len(set.Deals) != len(files) || len(set.Problems) != 0 {
		t.Fatalf("loaded %d of %d deals, problems %v", len(set.Deals), len(files), set.Problems)
	}
	for _, got := range set.Deals {
		fd := &fileDecoder{path: got.ID}
		want, _ := decodeDeal(fd, got.ID, files[got.ID+".yaml"], nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: loaded\n%+v\nalone\n%+v", got.ID, got, want)
		}
	}
}
