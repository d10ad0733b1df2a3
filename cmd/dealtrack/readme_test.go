package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/cli"
)

// readmePicture is the command that draws the README's picture.
var readmePicture = []string{"graph", "--cycles", "--max-length", "2", "--min-dollars", "$10B", "-o", "mermaid"}

// TestReadmePicture checks that the mermaid picture in the README is what
// dealtrack draws from the bundled data today.
func TestReadmePicture(t *testing.T) {
	t.Setenv("DEALTRACK_DATA", "")
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "```mermaid\n")
	block, _, closed := strings.Cut(block, "```")
	if !ok || !closed {
		t.Fatal("README.md has no ```mermaid block")
	}
	var out, errs bytes.Buffer
	if code := cli.Main(readmePicture, nil, &out, &errs); code != 0 {
		t.Fatalf("dealtrack %s: exit %d: %s", strings.Join(readmePicture, " "), code, errs.String())
	}
	if out.String() != block {
		t.Errorf("the README's mermaid picture is out of date; replace it with the output of\n  go run ./cmd/dealtrack %s\ngot:\n%s", strings.Join(readmePicture, " "), out.String())
	}
}
