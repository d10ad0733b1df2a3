package render

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// awkward is a graph whose names and labels hold what breaks naive
// quoting: quotes, backslashes, line breaks, brackets, pipes, keywords,
// names that differ only in punctuation, and no ASCII letters at all.
var awkward = Graph{
	Nodes: []Node{
		{Name: "OpenAI", Label: "OpenAI\npays $338B + 4 undisclosed"},
		{Name: `Say "Hi" \ Co`, Label: `Say "Hi" \ Co`},
		{Name: "SK Hynix", Label: "SK Hynix"},
		{Name: "SK-Hynix", Label: "a <b>bold</b> #1 | pipe"},
		{Name: "end", Label: "end"},
		{Name: "3M", Label: "3M"},
		{Name: "株式会社", Label: "株式会社"},
	},
	Arcs: []Arc{
		{From: "OpenAI", To: `Say "Hi" \ Co`, Label: "≤$100B"},
		{From: "SK Hynix", To: "SK-Hynix", Label: `a "quoted" \ label`},
		{From: "end", To: "3M", Label: "$17.4B–$19.4B"},
		{From: "株式会社", To: "OpenAI", Label: "undisclosed"},
		{From: "OpenAI", To: "Undeclared", Label: "$1B"},
	},
}

func TestDot(t *testing.T) {
	var b bytes.Buffer
	if err := Dot(&b, Graph{
		Nodes: []Node{{Name: "A", Label: "A\npays $1B"}, {Name: `B "2"`, Label: `B \ 2`}},
		Arcs:  []Arc{{From: "A", To: `B "2"`, Label: "≤$1B"}},
	}); err != nil {
		t.Fatal(err)
	}
	want := `digraph dealtrack {
  rankdir=LR;
  node [shape=box, fontname="Helvetica"];
  edge [fontname="Helvetica"];
  "A" [label="A\npays $1B"];
  "B \"2\"" [label="B \\ 2"];
  "A" -> "B \"2\"" [label="≤$1B"];
}
`
	if got := b.String(); got != want {
		t.Errorf("Dot:\n%s\nwant:\n%s", got, want)
	}
}

// TestDotRendersWithGraphviz feeds dot output to Graphviz, when it is
// installed, and checks that it draws every node and arc.
func TestDotRendersWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz's dot is not on PATH: the dot output is not rendered (install graphviz to run this test)")
	}
	var in bytes.Buffer
	if err := Dot(&in, awkward); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, dot, "-Tsvg")
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s\ninput:\n%s", err, stderr.String(), in.String())
	}
	for _, want := range []string{`class="node"`, "SK Hynix", "Say &quot;Hi&quot; \\ Co", "≤$100B", "株式会社"} {
		if !strings.Contains(string(svg), want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	if n, want := strings.Count(string(svg), `class="edge"`), len(awkward.Arcs); n != want {
		t.Errorf("the SVG has %d edges, want %d", n, want)
	}
}

// The shapes of a Mermaid flowchart's lines that Mermaid writes.
var (
	mermaidNode = regexp.MustCompile(`^  ([A-Za-z][A-Za-z0-9]*)\["([^"]*)"\]$`)
	mermaidArc  = regexp.MustCompile(`^  ([A-Za-z][A-Za-z0-9]*) -->\|"([^"]*)"\| ([A-Za-z][A-Za-z0-9]*)$`)
	// mermaidEntities are the escapes a label may hold; with them gone, no
	// character Mermaid reads as syntax may be left.
	mermaidEntities = strings.NewReplacer("<br/>", "", "#quot;", "", "#lt;", "", "#gt;", "", "#35;", "", "#124;", "")
)

// parseMermaid checks every line of a flowchart: a header, then nodes and
// arcs of the shapes above, every arc between declared nodes, no id twice
// or a keyword, and labels with no raw character that Mermaid would read
// as syntax. It returns the labels by id, the arcs as "from>to", and what
// is wrong.
func parseMermaid(text string) (labels map[string]string, arcs []string, problems []string) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		return nil, nil, []string{fmt.Sprintf("first line %q, want the header flowchart LR", lines[0])}
	}
	labels = map[string]string{}
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	checkLabel := func(label string) {
		if strings.ContainsAny(mermaidEntities.Replace(label), `<>#"|`) {
			bad("label %q holds a raw < > # \" or |", label)
		}
	}
	for _, line := range lines[1:] {
		if m := mermaidNode.FindStringSubmatch(line); m != nil {
			if _, dup := labels[m[1]]; dup {
				bad("node id %s declared twice", m[1])
			}
			if strings.EqualFold(m[1], "end") {
				bad("node id %s is a Mermaid keyword", m[1])
			}
			checkLabel(m[2])
			labels[m[1]] = m[2]
		} else if m := mermaidArc.FindStringSubmatch(line); m != nil {
			for _, id := range []string{m[1], m[3]} {
				if _, ok := labels[id]; !ok {
					bad("arc %q: node %s is not declared before it", line, id)
				}
			}
			checkLabel(m[2])
			arcs = append(arcs, m[1]+">"+m[3])
		} else {
			bad("line %q is neither a node nor an arc", line)
		}
	}
	return labels, arcs, problems
}

func TestMermaid(t *testing.T) {
	var b bytes.Buffer
	if err := Mermaid(&b, awkward); err != nil {
		t.Fatal(err)
	}
	labels, arcs, problems := parseMermaid(b.String())
	for _, p := range problems {
		t.Error(p)
	}
	wantLabels := map[string]string{
		"OpenAI":     "OpenAI<br/>pays $338B + 4 undisclosed",
		"SayHiCo":    `Say #quot;Hi#quot; \ Co`,
		"SKHynix":    "SK Hynix",
		"SKHynix2":   "a #lt;b#gt;bold#lt;/b#gt; #35;1 #124; pipe",
		"nend":       "end",
		"n3M":        "3M",
		"n":          "株式会社",
		"Undeclared": "Undeclared",
	}
	for id, want := range wantLabels {
		if got, ok := labels[id]; !ok || got != want {
			t.Errorf("node %s: label %q, want %q", id, got, want)
		}
	}
	if len(labels) != len(wantLabels) {
		t.Errorf("%d nodes, want %d: %q", len(labels), len(wantLabels), labels)
	}
	wantArcs := []string{"OpenAI>SayHiCo", "SKHynix>SKHynix2", "nend>n3M", "n>OpenAI", "OpenAI>Undeclared"}
	if strings.Join(arcs, " ") != strings.Join(wantArcs, " ") {
		t.Errorf("arcs %q, want %q", arcs, wantArcs)
	}
	var again bytes.Buffer
	Mermaid(&again, awkward)
	if again.String() != b.String() {
		t.Error("the same graph drawn twice differs")
	}
}

func TestMermaidParserRefuses(t *testing.T) {
	for _, bad := range []string{
		"graph TD\n",
		"flowchart LR\n  A[\"a\"]\n  A -->|\"x\"| B\n",
		"flowchart LR\n  A[\"a \"quoted\" \"]\n",
		"flowchart LR\n  A[\"a <b>\"]\n",
		"flowchart LR\n  A[\"a\"]\n  A[\"b\"]\n",
		"flowchart LR\n  A[a]\n",
		"flowchart LR\n  end[\"a\"]\n",
	} {
		if _, _, problems := parseMermaid(bad); len(problems) == 0 {
			t.Errorf("parseMermaid accepted %q", bad)
		}
	}
}
