package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/synth"
)

// BenchmarkCommands runs whole commands, flags to output, over a folder
// of generated deal files (bench/gen.py's shape). A command or flag that
// is not on this build is skipped, so the table can name commands before
// they land.
func BenchmarkCommands(b *testing.B) {
	commands := []struct {
		name string
		args []string
	}{
		{"list", []string{"list", "-o", "tsv"}},
		{"list-party", []string{"list", "--party", "OpenAI", "--min-dollars", "$10B", "-o", "tsv"}},
		{"list-where", []string{"list", "--where", `dollars >= 10e9 and "OpenAI" in parties and year >= 2025`, "-o", "tsv"}},
		{"check", []string{"check"}},
		{"total-party", []string{"total", "--by", "party", "-o", "tsv"}},
		{"graph-cycles", []string{"graph", "--cycles", "-o", "tsv"}},
	}
	for _, n := range []int{1_000, 10_000} {
		dir := b.TempDir()
		if err := synth.Write(dir, n); err != nil {
			b.Fatal(err)
		}
		for _, c := range commands {
			args := append([]string{"--data", dir}, c.args...)
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				var stderr bytes.Buffer
				if code := Main(args, strings.NewReader(""), io.Discard, &stderr); code != ExitOK {
					if code == ExitUsage && strings.Contains(stderr.String(), "unknown") {
						b.Skipf("not on this build: %s", strings.TrimSpace(stderr.String()))
					}
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				b.ReportAllocs()
				for b.Loop() {
					Main(args, strings.NewReader(""), io.Discard, io.Discard)
				}
			})
		}
	}
}

// BenchmarkBundled runs the read commands people type most, as tables,
// on the built-in data set (the README's 20 ms target is for the whole
// process; this is the part after start-up).
func BenchmarkBundled(b *testing.B) {
	for _, args := range [][]string{
		{"list"},
		{"total", "--by", "party"},
		{"list", "-o", "tsv"},
		{"changes"},
		{"report"},
	} {
		b.Run(strings.Join(args, " "), func(b *testing.B) {
			var stderr bytes.Buffer
			if code := Main(args, strings.NewReader(""), io.Discard, &stderr); code != ExitOK {
				b.Fatalf("exit %d: %s", code, stderr.String())
			}
			b.ReportAllocs()
			for b.Loop() {
				Main(args, strings.NewReader(""), io.Discard, io.Discard)
			}
		})
	}
}
