package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// terminal is a fake terminal of a given width: what Main writes to it is
// cut to fit as on a real one.
type terminal struct {
	bytes.Buffer
	width int
}

func (t *terminal) TerminalWidth() int { return t.width }

// TestEveryReadCommandEveryFormat runs every read command in every format,
// with and without --no-headers, at 80 and 200 columns, on the built-in
// data: it exits 0; a table fits the terminal as far as its columns can be
// cut (at 200 columns, wholly); headers are there exactly when asked for;
// json, yaml, csv and tsv parse.
func TestEveryReadCommandEveryFormat(t *testing.T) {
	t.Setenv("DEALTRACK_DATA", "")
	commands := [][]string{
		{"list", "--since", "2026-04"},
		{"show", "stargate"},
		{"total", "--by", "party", "--limit", "8"},
		{"total", "--by", "party,year", "--limit", "5"},
		{"compare", "stargate", "nvidia-openai-10gw"},
		{"timeline", "--by", "year"},
		{"graph", "--party", "CoreWeave"},
		{"graph", "--cycles", "--max-length", "3"},
		{"changes", "--since", "2026-04"},
		{"flows", "--party", "OpenAI"},
	}
	for _, args := range commands {
		for _, format := range []string{"table", "csv", "tsv", "json", "yaml", "markdown"} {
			for _, width := range []int{80, 200} {
				line := append(append([]string{}, args...), "-o", format)
				t.Run(fmt.Sprintf("%s/%d", strings.Join(line, " "), width), func(t *testing.T) {
					with, without := runAt(t, line, width), runAt(t, append(line, "--no-headers"), width)
					for _, out := range []string{with, without} {
						checkOutput(t, format, width, args[0] == "show", out)
					}
					// headers are there exactly when asked for: a header line
					// (and for markdown and tables the line under it) more
					extra := map[string]int{"csv": 1, "tsv": 1, "markdown": 2}[format]
					if n := lines(with) - lines(without); extra > 0 && n != extra || format == "table" && n < 1 {
						t.Errorf("with headers %d lines, without %d", lines(with), lines(without))
					}
				})
			}
		}
	}
}

// runAt runs dealtrack on a fake terminal of the given width.
func runAt(t *testing.T, args []string, width int) string {
	t.Helper()
	out := &terminal{width: width}
	var errs bytes.Buffer
	if code := Main(args, strings.NewReader(""), out, &errs); code != ExitOK {
		t.Fatalf("dealtrack %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
	return out.String()
}

func lines(s string) int { return strings.Count(s, "\n") }

func checkOutput(t *testing.T, format string, width int, whole bool, out string) {
	t.Helper()
	if strings.TrimSpace(out) == "" {
		t.Fatal("no output")
	}
	switch format {
	case "json":
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("json does not parse: %v", err)
		}
	case "yaml":
		var v any
		if err := yaml.Unmarshal([]byte(out), &v); err != nil {
			t.Errorf("yaml does not parse: %v", err)
		}
	case "csv", "tsv":
		r := csv.NewReader(strings.NewReader(out))
		if format == "tsv" {
			r.Comma, r.LazyQuotes = '\t', true
		}
		if _, err := r.ReadAll(); err != nil {
			t.Errorf("%s does not parse: %v", format, err)
		}
	case "table":
		// the table, up to the prose under it, which the terminal wraps
		table, _, _ := strings.Cut(out, "\n\n")
		widest := 0
		for _, l := range strings.Split(table, "\n") {
			widest = max(widest, utf8.RuneCountInString(l))
		}
		if width == 200 && !whole && widest > 200 {
			t.Errorf("a line of %d columns on a 200-column terminal:\n%s", widest, out)
		}
	}
}

// TestEmptyResultsSaySo: at a terminal, a command that found nothing says
// so on stderr; piped, it says nothing.
func TestEmptyResultsSaySo(t *testing.T) {
	t.Setenv("DEALTRACK_DATA", "")
	for _, tt := range []struct {
		args []string
		note string
	}{
		{[]string{"list", "--since", "2030"}, "dealtrack: no deal matches these filters\n"},
		{[]string{"changes", "--since", "2030"}, "dealtrack: nothing changed in that span\n"},
	} {
		for _, atTerminal := range []bool{true, false} {
			var errs bytes.Buffer
			var out interface {
				Write([]byte) (int, error)
			} = &bytes.Buffer{}
			if atTerminal {
				out = &terminal{width: 100}
			}
			if code := Main(tt.args, strings.NewReader(""), out, &errs); code != ExitOK {
				t.Fatalf("%v: exit %d: %s", tt.args, code, errs.String())
			}
			want := ""
			if atTerminal {
				want = tt.note
			}
			if errs.String() != want {
				t.Errorf("%v at a terminal %v: stderr %q, want %q", tt.args, atTerminal, errs.String(), want)
			}
		}
	}
}
