package yamlfast

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/synth"
)

// yamlDocument is what the loader falls back to: yaml.v3's tree of data's
// only document, or an error when data is not one mapping. (What the
// loader refuses in a tree, plain refuses in either tree alike.)
func yamlDocument(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, next yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("not one document: %v", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("document node %v with %d children", doc.Kind, len(doc.Content))
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("a %v, not a mapping", root.Kind)
	}
	return root, nil
}

// sameNode returns where want and got differ, field by field, or "". It
// leaves out comments: the fast path drops them, since the loader reads
// none (fmt reads every file with yaml.v3).
func sameNode(at string, want, got *yaml.Node) string {
	switch {
	case want == nil || got == nil:
		if want != got {
			return fmt.Sprintf("%s: yaml.v3 %v, fast path %v", at, want, got)
		}
		return ""
	case want.Kind != got.Kind:
		return fmt.Sprintf("%s: kind %v, fast path %v", at, want.Kind, got.Kind)
	case want.Style != got.Style:
		return fmt.Sprintf("%s: style %v, fast path %v", at, want.Style, got.Style)
	case want.Tag != got.Tag:
		return fmt.Sprintf("%s: tag %q, fast path %q", at, want.Tag, got.Tag)
	case want.Value != got.Value:
		return fmt.Sprintf("%s: value %q, fast path %q", at, want.Value, got.Value)
	case want.Anchor != got.Anchor || want.Alias != got.Alias:
		return fmt.Sprintf("%s: anchor %q alias %v, fast path %q %v", at, want.Anchor, want.Alias, got.Anchor, got.Alias)
	case want.Line != got.Line || want.Column != got.Column:
		return fmt.Sprintf("%s: at %d:%d, fast path %d:%d", at, want.Line, want.Column, got.Line, got.Column)
	case len(want.Content) != len(got.Content):
		return fmt.Sprintf("%s: %d children, fast path %d", at, len(want.Content), len(got.Content))
	}
	for i := range want.Content {
		if d := sameNode(fmt.Sprintf("%s/%d", at, i), want.Content[i], got.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkFast holds the fast path to yaml.v3 on data: when it accepts,
// yaml.v3 must accept too and build the same tree. It releases the parser,
// so the next call builds its tree in the nodes of this one's, as the
// loader does.
func checkFast(t *testing.T, data []byte) (accepted bool) {
	t.Helper()
	got, p, ok := Document(data)
	if !ok {
		return false
	}
	defer p.Release()
	want, err := yamlDocument(data)
	if err != nil {
		t.Fatalf("fast path accepted what yaml.v3 refuses (%v):\n%q", err, data)
	}
	if d := sameNode("root", want, got); d != "" {
		t.Fatalf("%s\ninput: %q", d, data)
	}
	return true
}

// fastSeeds are the files the fuzzer starts from: every bundled file,
// gen.py's shapes, and the edges of the fast path.
func fastSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	names, err := fs.Glob(deals.FS, "*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no bundled files: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(deals.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		seeds["deals/"+name] = data
	}
	for name, data := range synth.Files(6) {
		seeds["synth/"+name] = data
	}
	for name, body := range fastCases {
		seeds["case/"+name] = []byte(body.in)
	}
	return seeds
}

var fastCases = map[string]struct {
	in   string
	fast bool // the fast path takes it
}{
	"gen.py":             {synthDeal, true},
	"crlf":               {strings.ReplaceAll(synthDeal, "\n", "\r\n"), true},
	"largest sure float": {"a: " + strings.Repeat("9", 308) + ".5\n", true},
	"float overflowing":  {"a: " + strings.Repeat("9", 309) + ".5\n", true}, // a string to yaml.v3
	"bom":                {"\ufeff" + synthDeal, true},
	"no final newline":   {"a: b\nnotes: |\n  x", true},
	"literal strip":      {"notes: |-\n  one\n\n  two\n\n\nk: v\n", true},
	"literal more":       {"notes: |\n  one\n    two\n  three\n", true},
	"literal crlf":       {"notes: |\r\n  one\r\n\r\n  two\r\nk: v\r\n", true},
	"indentless list":    {"sources:\n- url: x\n  title: y\n- {a: b}\n", true},
	"nested":             {"a:\n  b:\n    - c: d\n      e: [f]\n  g: h\n", true},
	"quotes":             {"a: 'it''s'\nb: \"x # y\"\nc: ['q', \"r\", s]\nd: {k: 'v', l: \"w\"}\n", true},
	"empty flow":         {"a: []\nb: {}\nc: [ ]\n", true},
	"tags resolved":      {"a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2025-09-22\ng: 0x1F\nh: .5\ni: -3\nj: 1_000\nk: 0o17\nl: +.inf\n", true},
	"wide characters":    {"title: Café — über [x]\nparties: [Société Générale, 日本, \"ü\"]\n", true},
	"spaces":             {"a:   b   \n\n   \nc:    [ x ,  y ]   \n", true},
	"url in flow":        {"s: [{url: https://x.com/a#b, title: t}]\n", false},
	"url in flow map":    {"s:\n  - {url: https://x.com/a#b, title: t}\n", true},
	"comment":            {"a: b # c\n", true},
	"comment line":       {"# c\na: b\n", true},
	"comment after key":  {"a: # c\n  - b\n", true},
	"comments in a list": {"a:\n  # c\n  - b # d\n  # e\n  - [c, d] # f\n", true},
	"comment in flow":    {"a: [b, # c\n  d]\n", false},
	"comment after dash": {"a:\n  - # c\n    b\n", false},
	"hash in a word":     {"a: b#c\n", true},
	"comment after |":    {"a: | # c\n  x\n", false},
	"hash in a literal":  {"notes: |\n  # kept\n  x\n# a comment\nk: v\n", true},
	"anchor":             {"a: &x b\nc: *x\n", false},
	"tag":                {"a: !!str 1\n", false},
	"document marker":    {"---\na: b\n", false},
	"two documents":      {"a: b\n---\nc: d\n", false},
	"folded":             {"a: >\n  b\n", false},
	"keep":               {"a: |+\n  b\n", false},
	"indent indicator":   {"a: |2\n  b\n", false},
	"multi-line plain":   {"a: b\n  c\n", false},
	"multi-line quoted":  {"a: \"b\n  c\"\n", false},
	"escape":             {"a: \"b\\n\"\n", false},
	"nested flow":        {"a: [[b]]\n", false},
	"tab":                {"a:\tb\n", false},
	"empty value":        {"a:\nb: c\n", false},
	"odd indentation":    {"a:\n  b: c\n   d: e\n", false},
	"key in value":       {"a: b: c\n", false},
	"merge":              {"a: <<\n", false},
	"complex key":        {"? a\n: b\n", false},
	"trailing comma":     {"a: [b, c,]\n", false},
	"list at top":        {"- a\n", false},
	"scalar at top":      {"a\n", false},
	"empty":              {"", false},
	"control character":  {"a: b\x01\n", false},
	"lone carriage":      {"a: b\rc: d\n", false},
	"quoted key":         {"\"a\": b\n", false},
	"single-quoted key":  {"'a': b\n", false},
	"apostrophe in key":  {"Ontario Teachers' Pension Plan: {aliases: [Ontario Teachers']}\nit's: x\n", true},
	"registry":           {"# names\n1789 Capital: {kind: fund, country: \"US\"}\nAmazon.com Inc: {aliases: [AWS, \"A&B\"], kind: company}\nWeights & Biases: {aliases: []}\n", true},
	"list in flow map":   {"a: {b: [c, d], e: f}\n", true},
	"map in flow map":    {"a: {b: {c: d}}\n", false},
	"key with spaces":    {"new york: x\nnew  york 2: y\n", true},
	"wide key":           {"Crédit Agricole: {kind: company}\nÎle-de-France: x\n日本: y\nnbsp\u00a0: z\n", true},
	"key before colon":   {"a : b\n", false},
	"question in key":    {"a?b: c\n", false},
	"number key":         {"1.5: a\n0x1F: b\n.inf: c\n", true},
	"too deep":           {"a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n        i: j\n", false},
}

const synthDeal = `title: Synthetic deal 0 between Party 012 and Party 140
announced: 2020-10-14
status: rumored
kind: investment
parties: [Party 012, Party 140]
dollars: 723210738
gigawatts: 7.38
sources:
  - url: https://example.com/news/0
    title: Report 0
flows:
  - {from: Party 012, to: Party 140, dollars: 723210738, for: equity}
  - {from: Party 140, to: Party 012, dollars: undisclosed, for: compute}
tags: [synthetic, t0]
notes: |
  Generated record 0 for load tests; the numbers mean nothing.
`

// TestFastYAMLCases pins which shapes the fast path takes — a regression
// there is silent but slow — and holds every one it takes to yaml.v3.
func TestFastYAMLCases(t *testing.T) {
	for name, c := range fastCases {
		t.Run(name, func(t *testing.T) {
			if got := checkFast(t, []byte(c.in)); got != c.fast {
				t.Errorf("fast path took it: %v, want %v", got, c.fast)
			}
		})
	}
}

// TestFastYAMLCoversDealFiles: every bundled deal file, the registry and
// every file of gen.py's shape go through the fast path, to the same tree.
func TestFastYAMLCoversDealFiles(t *testing.T) {
	for name, data := range fastSeeds(t) {
		if strings.HasPrefix(name, "case/") {
			continue
		}
		if !checkFast(t, data) {
			t.Errorf("%s: the fast path declined it", name)
		}
	}
}

// FuzzFastYAML: for any input the fast path accepts, yaml.v3 builds the
// same tree, position by position. Run it for minutes:
//
//	go test -run '^$' -fuzz FuzzFastYAML -fuzztime 10m ./internal/yamlfast
func FuzzFastYAML(f *testing.F) {
	for _, data := range fastSeeds(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
	})
}

// TestFastYAMLMutations is a quick, deterministic cousin of FuzzFastYAML:
// seeds edited with the characters YAML cares about, where the fast path's
// choices are closest to yaml.v3's.
func TestFastYAMLMutations(t *testing.T) {
	const alphabet = " \n:-|[]{},'\"#?&*!>\r\t.0aZ~é"
	rnd := rand.New(rand.NewPCG(1, 2))
	seeds := slices.Collect(maps.Values(fastSeeds(t)))
	slices.SortFunc(seeds, bytes.Compare)
	n := 20_000
	if testing.Short() {
		n = 2_000
	}
	accepted := 0
	for range n {
		data := slices.Clone(seeds[rnd.IntN(len(seeds))])
		for range 1 + rnd.IntN(3) {
			i := rnd.IntN(len(data) + 1)
			c := string([]rune(alphabet)[rnd.IntN(len([]rune(alphabet)))])
			switch rnd.IntN(3) {
			case 0: // insert
				data = slices.Insert(data, i, []byte(c)...)
			case 1: // replace
				if i < len(data) {
					data = slices.Replace(data, i, i+1, []byte(c)...)
				}
			case 2: // delete
				if i < len(data) {
					data = slices.Delete(data, i, i+1)
				}
			}
		}
		if checkFast(t, data) {
			accepted++
		}
	}
	t.Logf("the fast path took %d of %d edited files", accepted, n)
}
