package dealfile_test

import (
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/store"
)

// FuzzCanonical: for any file fmt would format (one that loads without a
// problem), the canonical form holds the same deal, keeps every comment
// (Canonical refuses a form that would lose or move one), loads without a
// problem, and is written again unchanged.
func FuzzCanonical(f *testing.F) {
	files, _ := fs.Glob(deals.FS, "*.yaml")
	for i, name := range files {
		if i%20 == 0 && name != "parties.yaml" {
			data, _ := fs.ReadFile(deals.FS, name)
			f.Add(data)
		}
	}
	H := "title: T\nannounced: 2025-09-22\nstatus: announced\nkind: investment\nparties: [NVIDIA, OpenAI]\nsources:\n  - {publisher: OpenAI, title: A title}\n"
	for _, s := range []string{
		"tags: # C1\n  - a\n  - b\n", "horizon:\n  # C1\n  2026\n", "tags: [a, # C1\n  b] # C2\n",
		"? notes # C1\n: x # C2\n", "flows:\n  - {from: NVIDIA, to: OpenAI}\n  # under\n", "notes: |\n\n  text\n",
		"tags: ['<<']\n", "notes: |+\n  kept\n\n", "tags:\n  - gpu\n  -\n", "# head\ndollars: 1e10 # figure\n",
		"location: {site: X, country: united kingdom} # where\n", "updates:\n  - date: 2026-01-01 # d\n    note: n\n    sources: [{publisher: P, title: T}] # s\n",
	} {
		f.Add([]byte(H + s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz-deal.yaml"
		set := store.Load(fstest.MapFS{name: {Data: data}}, "f")
		if len(set.Problems) > 0 {
			return // fmt formats only a folder without problems
		}
		out, err := dealfile.Canonical(data)
		if err != nil {
			return // refused, with a reason: nothing written
		}
		again, err := dealfile.Canonical(out)
		if err != nil || string(again) != string(out) {
			t.Fatalf("a second format changes the file (%v):\n%s\n---\n%s", err, out, again)
		}
		before, _ := set.Decode(name, data)
		after, probs := set.Decode(name, out)
		if len(probs) > 0 || !reflect.DeepEqual(before, after) {
			t.Fatalf("formatting changed the deal (%v):\n%s\n---\n%s", probs, data, out)
		}
	})
}
