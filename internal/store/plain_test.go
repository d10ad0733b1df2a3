package store

import (
	"io/fs"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/yamlfast"
)

// TestSurelyPlain: whenever surelyPlain lets a fast-path tree skip the
// walk, the walk would have found nothing. Over the bundled files and
// thousands of copies edited with the characters plain looks for.
func TestSurelyPlain(t *testing.T) {
	names, _ := fs.Glob(deals.FS, "*.yaml")
	var seeds [][]byte
	for _, n := range names {
		data, err := fs.ReadFile(deals.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	const alphabet = "&*!<|>'\"%@`#:-[]{},? \n\t~x"
	rng := rand.New(rand.NewPCG(7, 8))
	skipped := 0
	for n := range 20_000 {
		data := slices.Clone(seeds[n%len(seeds)])
		for range rng.IntN(4) {
			i := rng.IntN(len(data))
			data = slices.Insert(data, i, alphabet[rng.IntN(len(alphabet))])
		}
		text, ascii, bad := checkText(data)
		if bad != nil || !surelyPlain(ascii, text) {
			continue
		}
		root, p, ok := yamlfast.Document(text)
		if !ok {
			continue
		}
		fd := &fileDecoder{path: "x.yaml"}
		if !fd.plain(root, 0) {
			t.Fatalf("surelyPlain skipped a tree plain refuses (%v):\n%s", fd.probs, text)
		}
		p.Release()
		skipped++
	}
	if skipped < 1000 {
		t.Errorf("only %d trees skipped the walk: the test checks little", skipped)
	}
	if _, ascii, _ := checkText([]byte("title: a\u202eb\n")); ascii {
		t.Error("a bidirectional control passed for ASCII")
	}
}
