package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/synth"
)

func TestFilesAreDeterministicAndLoad(t *testing.T) {
	a, b := synth.Files(60), synth.Files(60)
	fsys := fstest.MapFS{}
	for name, body := range a {
		if !bytes.Equal(body, b[name]) {
			t.Fatalf("%s differs between two calls", name)
		}
		fsys[name] = &fstest.MapFile{Data: body}
	}
	set := store.Load(fsys, "deals")
	if len(set.Deals) != 60 || len(set.Problems) != 0 {
		t.Fatalf("loaded %d of 60 deals; problems: %v", len(set.Deals), set.Problems)
	}
	for i, d := range set.Deals {
		if n := len(d.Parties); n < 2 || n > 4 {
			t.Errorf("%s: %d parties, want 2 to 4", d.ID, n)
		}
		if want := map[bool]int{true: 2, false: 0}[i%5 == 0]; len(d.Flows) != want {
			t.Errorf("%s: %d flows, want %d", d.ID, len(d.Flows), want)
		}
	}
}

// TestShapeMatchesGenPy: the same keys in the same order, with values of
// the same kinds, styles and tags as bench/gen.py writes (the figures
// differ: the two use different random generators).
func TestShapeMatchesGenPy(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command(python, "../../bench/gen.py", "10", dir).CombinedOutput(); err != nil {
		t.Fatalf("gen.py: %v\n%s", err, out)
	}
	ours := synth.Files(10)
	for i := range 10 {
		name := fmt.Sprintf("deal-%06d.yaml", i)
		theirs, err := os.ReadFile(filepath.Join(dir, "deals", name))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := shape(t, ours[name]), shape(t, theirs); got != want {
			t.Errorf("%s: shape\n%s\nwant (gen.py)\n%s", name, got, want)
		}
	}
}

// shape describes a file's keys and their values' kinds, styles and tags,
// and those of the first item of each list.
func shape(t *testing.T, data []byte) string {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		v := root.Content[i+1]
		fmt.Fprintf(&b, "%s: %v %v %s", root.Content[i].Value, v.Kind, v.Style, v.Tag)
		if len(v.Content) > 0 {
			c := v.Content[0]
			fmt.Fprintf(&b, " [%v %v %s %d]", c.Kind, c.Style, c.Tag, len(c.Content))
		}
		b.WriteString("\n")
	}
	return b.String()
}
