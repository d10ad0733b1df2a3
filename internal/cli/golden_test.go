package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden with the current output")

// TestGolden renders reports of the frozen April 2026 data set
// (testdata/april-2026) and compares them with testdata/golden; review the
// diff of `go test ./internal/cli -update`.
func TestGolden(t *testing.T) {
	t.Setenv("DEALTRACK_DATA", filepath.Join("testdata", "april-2026"))
	for _, tt := range []struct {
		file string
		args string
	}{
		{"total.txt", "total"},
		{"total-by-party.txt", "total --by party"},
		{"total-by-quarter-low.txt", "total --by quarter --bound low"},
		{"total-by-kind.json", "total --by kind -o json"},
		{"total-by-status.yaml", "total --by status -o yaml"},
		{"total-by-month.csv", "total --by month -o csv"},
		{"total-by-tag.md", "total --by tag -o markdown"},
		{"compare-energy.txt", "compare nvidia-openai-10gw stargate --energy"},
		{"compare-three.csv", "compare nvidia-openai-10gw amd-openai-6gw broadcom-openai-10gw --energy -o csv"},
		{"compare-parties.txt", "compare --party OpenAI --party Anthropic --party Meta"},
		{"compare-parties.json", "compare --party OpenAI --party NVIDIA --since 2025-09 -o json"},
		{"timeline.txt", "timeline"},
		{"timeline-quarter-gw.md", "timeline --by quarter --bar gw -o markdown"},
		{"timeline-year.json", "timeline --by year -o json"},
		{"timeline-month.tsv", "timeline --party Anthropic -o tsv"},
		{"show-equivalents.txt", "show nvidia-openai-10gw stargate-norway"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := Main(strings.Fields(tt.args), strings.NewReader(""), &out, &errs); code != 0 || errs.Len() > 0 {
				t.Fatalf("dealtrack %s: exit %d, stderr:\n%s", tt.args, code, errs.String())
			}
			golden := filepath.Join("testdata", "golden", tt.file)
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./internal/cli -update writes it)", err)
			}
			if got := out.String(); got != string(want) {
				t.Errorf("dealtrack %s differs from %s (go test ./internal/cli -update rewrites it):\n%s", tt.args, golden, firstDifference(got, string(want)))
			}
		})
	}
}

// firstDifference shows the first line where got and want part.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
