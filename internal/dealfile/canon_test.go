package dealfile_test

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/store"
)

// bundled returns the built-in data set and the content of each deal file.
func bundled(t *testing.T) (*store.Set, map[string][]byte) {
	t.Helper()
	set := store.Load(deals.FS, "deals")
	if errs := set.Errors(); len(errs) > 0 {
		t.Fatalf("the bundled data has errors: %v", errs)
	}
	files := map[string][]byte{}
	for _, name := range set.Files() {
		data, err := fs.ReadFile(deals.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	if len(files) < 30 {
		t.Fatalf("only %d bundled deal files", len(files))
	}
	return set, files
}

// decode reads data as file name of set, failing on any error.
func decode(t *testing.T, set *store.Set, name string, data []byte) *deal.Deal {
	t.Helper()
	d, probs := set.Decode(name, data)
	for _, p := range probs {
		if p.Severity == store.Error {
			t.Errorf("%v\nin:\n%s", p, data)
		}
	}
	if d == nil {
		t.Fatalf("%s: no deal in:\n%s", name, data)
	}
	return d
}

// TestFileKeepsEveryValue formats every bundled deal: the parsed deal is
// the same before and after, and formatting again changes nothing.
func TestFileKeepsEveryValue(t *testing.T) {
	set, files := bundled(t)
	for name, data := range files {
		out, err := dealfile.Canonical(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		before, after := decode(t, set, name, data), decode(t, set, name, out)
		if !reflect.DeepEqual(before, after) {
			t.Errorf("%s: formatting changed the deal\nbefore: %+v\n after: %+v", name, before, after)
		}
		again, err := dealfile.Canonical(out)
		if err != nil || string(again) != string(out) {
			t.Errorf("%s: a second format changed it (%v):\n%s\n---\n%s", name, err, out, again)
		}
	}
}

// TestDealWritesWhatFileReads writes every bundled deal from its parsed
// value: the file reads back as the same deal and is already canonical.
func TestDealWritesWhatFileReads(t *testing.T) {
	set, files := bundled(t)
	for name := range files {
		want := decode(t, set, name, files[name])
		out, err := dealfile.Encode(want)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := decode(t, set, name, out); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: written and read back\n got %+v\nwant %+v", name, got, want)
		}
		if canon, _ := dealfile.Canonical(out); string(canon) != string(out) {
			t.Errorf("%s: Deal's output is not canonical:\n%s\n---\n%s", name, out, canon)
		}
	}
}

func TestFile(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"key order", "parties: [A]\ntitle: T\nannounced: 2025-09-22\n", "title: T\nannounced: 2025-09-22\nparties: [A]\n"},
		{"figures", "dollars: 100000000000\ngigawatts: 1.5\nvaluation: more than 2 trillion\n",
			"dollars: $100B\ngigawatts: 1.5 GW\nvaluation: over $2T\n"},
		{"figure qualifiers and ranges", "dollars: ~$40B\ngigawatts: 500-750 megawatts\n",
			"dollars: about $40B\ngigawatts: 500 MW-750 MW\n"},
		{"names on one line", "parties:\n  - NVIDIA\n  - OpenAI\ntags:\n- gpu\n", "parties: [NVIDIA, OpenAI]\ntags: [gpu]\n"},
		{"a name that needs quotes", "parties:\n  - Foo, Inc\n  - Bar\n", "parties: [\"Foo, Inc\", Bar]\n"},
		{"quotes only where needed", "title: 'Plain'\nhorizon: \"AI: colon\"\npart_of: '2025'\n",
			"title: Plain\nhorizon: \"AI: colon\"\npart_of: \"2025\"\n"},
		{"dates plain", "announced: \"2025-09\"\n", "announced: 2025-09\n"},
		{"flows on one line", "flows:\n  - for: chips\n    to: B\n    from: A\n", "flows:\n  - {from: A, to: B, for: chips}\n"},
		{"sources too long for a line",
			"sources:\n  - {url: https://example.com/a, title: T}\n  - {title: " + strings.Repeat("x", 90) + ", publisher: P}\n",
			"sources:\n  - title: T\n    url: https://example.com/a\n  - publisher: P\n    title: " + strings.Repeat("x", 90) + "\n"},
		{"an item with a comma stays a block", "sources:\n  - {publisher: P, title: \"a, b\"}\n", "sources:\n  - publisher: P\n    title: a, b\n"},
		{"update keys", "updates:\n  - {note: n, status: signed, date: 2025-10-01}\n", "updates:\n  - {date: 2025-10-01, status: signed, note: n}\n"},
		{"multi-line notes as a block", "notes: \"one\\ntwo\\n\"\n", "notes: |\n  one\n  two\n"},
		{"folded notes as a literal block", "notes: >\n  folded\n", "notes: |\n  folded\n"},
		{"one-line notes plain", "notes: \"just one line\"\n", "notes: just one line\n"},
		{"comments kept", "# head\n\nstatus: signed # why\n# about the title\ntitle: T\ntags:\n  - a # first\n  - b\n# foot\n",
			"# head\n\n# about the title\ntitle: T\nstatus: signed # why\ntags:\n  - a # first\n  - b\n# foot\n"},
		{"comments beside items keep the layout",
			"flows:\n  # head\n  - {to: B, from: A} # line\n  # foot\nsources:\n  - title: T # the title\n    publisher: P\n",
			"# foot\nflows:\n  # head\n  - {from: A, to: B} # line\nsources:\n  - publisher: P\n    title: T # the title\n"},
		{"a comment below the last one-line item goes to the end of its line",
			"title: T\nflows:\n  - {from: A, to: B}\n  # between\n  - {from: B, to: A}\n  # below\n",
			"title: T\nflows:\n  - {from: A, to: B}\n  # between\n  - {from: B, to: A} # below\n"},
		// Each comment stays with its key: none is lost, none moves to another key.
		{"a comment on a list's key, last key", "tags: # C1\n  - a\n  - b\n", "tags: [a, b] # C1\n"},
		{"a comment on a list's key, before another key", "tags: # C1\n  - a\n  - b\nnotes: x\n", "tags: [a, b] # C1\nnotes: x\n"},
		{"a comment on parties over a block list", "parties: # C1\n  - NVIDIA\n  - OpenAI\ntitle: T\n", "title: T\nparties: [NVIDIA, OpenAI] # C1\n"},
		{"a comment above a value", "horizon:\n  # C1\n  2026\nsources: []\n", "# C1\nhorizon: 2026\nsources: []\n"},
		{"comments in and after a flow list", "tags: [a, # C1\n  b] # C2\n", "# C2\ntags:\n  - a # C1\n  - b\n"},
		{"comments on a complex key and its value", "? notes # C1\n: x # C2\n", "# C1\nnotes: x # C2\n"},
		{"a comment under the last source", "sources:\n  - {publisher: P, title: T}\n  # C1\n", "sources:\n  - {publisher: P, title: T} # C1\n"},
		{"notes that start with a blank line", "notes: |\n\n  text\n", "notes: \"\\ntext\\n\"\n"},
		{"notes kept with trailing lines", "notes: |+\n  kept\n\n", "notes: \"kept\\n\\n\"\n"},
		{"notes of line breaks only", "notes: \"\\n\\n\"\n", "notes: \"\\n\\n\"\n"},
		{"a merge-key lookalike stays text", "tags: ['<<']\ntitle: '<<'\n", "title: \"<<\"\ntags: [\"<<\"]\n"},
		{"an empty tag item", "tags:\n  - gpu\n  -\n", "tags: [gpu]\n"},
	} {
		got, err := dealfile.Canonical([]byte(c.in))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		if again, _ := dealfile.Canonical(got); string(again) != string(got) {
			t.Errorf("%s: not idempotent:\n%s\n---\n%s", c.name, got, again)
		}
	}
}

func TestFileRefusesWhatIsNotADealFile(t *testing.T) {
	for _, in := range []string{"", "- a\n", "title: [\n", "a: 1\n---\nb: 2\n", "dollars: $5Q\n", "gigawatts: 10 GWh\n"} {
		if out, err := dealfile.Canonical([]byte(in)); err == nil {
			t.Errorf("File(%q) = %q, want an error", in, out)
		}
	}
}

// TestFileWithACommentAnywhere puts a comment on every line of a few
// bundled deals, at three indentations: wherever YAML still reads the same
// deal, formatting keeps the deal and the comment, and is idempotent.
func TestFileWithACommentAnywhere(t *testing.T) {
	set, files := bundled(t)
	tried := 0
	for _, name := range []string{"nvidia-openai-10gw.yaml", "oracle-openai-cloud.yaml", "stargate.yaml", "amd-openai-6gw.yaml"} {
		lines := strings.Split(string(files[name]), "\n")
		for i := range lines {
			for _, indent := range []string{"", "  ", "    "} {
				in := []byte(strings.Join(slices.Insert(slices.Clone(lines), i, indent+"# a comment"), "\n"))
				want, probs := set.Decode(name, in)
				if want == nil || len(probs) > 0 {
					continue // the comment broke the YAML or landed in a value
				}
				tried++
				out, err := dealfile.Canonical(in)
				if err != nil {
					t.Fatalf("%s with a comment at line %d: %v", name, i+1, err)
				}
				again, _ := dealfile.Canonical(out)
				got, _ := set.Decode(name, out)
				if !reflect.DeepEqual(got, want) || string(again) != string(out) || strings.Count(string(out), "#") != strings.Count(string(in), "#") {
					t.Errorf("%s with a comment at line %d, indented %d:\n%s\n--- formatted:\n%s\n--- again:\n%s", name, i+1, len(indent), in, out, again)
				}
			}
		}
	}
	if tried < 100 {
		t.Errorf("only %d variants tried", tried)
	}
}
