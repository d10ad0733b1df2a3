package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the output of the README's console examples")

// TestReadmeExamples runs every `$ dealtrack ...` line of the README's
// console blocks and checks that what follows it is what the command
// prints today (stderr, then stdout, as a terminal shows it). The commands
// run in a folder holding a copy of deals/ and of testdata/readme.
func TestReadmeExamples(t *testing.T) {
	readmePath, err := filepath.Abs("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyDeals(t, "../../deals", filepath.Join(dir, "deals"))
	copyDeals(t, "testdata/readme", dir)
	t.Chdir(dir)
	t.Setenv("DEALTRACK_DATA", "")
	t.Setenv("NO_COLOR", "1")

	var out strings.Builder
	lines := strings.SplitAfter(string(readme), "\n")
	for i := 0; i < len(lines); i++ {
		out.WriteString(lines[i])
		if lines[i] != "```console\n" {
			continue
		}
		for i+1 < len(lines) && lines[i+1] != "```\n" {
			i++
			cmd := strings.TrimSuffix(lines[i], "\n")
			out.WriteString(lines[i])
			var want strings.Builder
			for i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "$ ") && lines[i+1] != "```\n" {
				i++
				want.WriteString(lines[i])
			}
			got, ok := runExample(cmd)
			if !ok {
				out.WriteString(want.String())
				continue
			}
			out.WriteString(got)
			if got != want.String() && !*updateReadme {
				t.Errorf("README: the output of %q is out of date (go test ./internal/cli -run TestReadmeExamples -update-readme rewrites it)\ngot:\n%s\nwant:\n%s", cmd, got, want.String())
			}
		}
	}
	if *updateReadme {
		if err := os.WriteFile(readmePath, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runExample runs one "$ dealtrack ..." line; ok is false for lines it
// does not run (pipes, redirections, other programs).
func runExample(line string) (out string, ok bool) {
	cmd, isDealtrack := strings.CutPrefix(line, "$ dealtrack ")
	if !isDealtrack || strings.ContainsAny(cmd, "|><;&") {
		return "", false
	}
	var stdout, stderr bytes.Buffer
	Main(shellWords(cmd), strings.NewReader(""), &stdout, &stderr)
	return stderr.String() + stdout.String(), true
}
