package cli

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// notReadCommands are the runnable commands that do not read deals
// through the shared filters, and why. Every other runnable command is a
// read command: it must take every filter flag and the output flags.
var notReadCommands = map[string]string{
	"dealtrack show":         "takes deal ids, not filters",
	"dealtrack check":        "validates files",
	"dealtrack version":      "prints the version",
	"dealtrack help":         "prints help",
	"dealtrack completion":   "prints a completion script",
	"dealtrack add":          "writes a deal",
	"dealtrack update":       "rewrites one deal",
	"dealtrack report":       "takes the filters, but writes one HTML page, in no other format",
	"dealtrack fmt":          "rewrites files",
	"dealtrack init":         "makes a data folder",
	"dealtrack party":        "holds the registry's commands",
	"dealtrack party rename": "rewrites files",
}

// filterFlagNames are the flags filterFlags binds; outputFlagNames those
// outputFlags binds.
var (
	filterFlagNames = []string{"party", "kind", "status", "tag", "since", "until", "min-dollars", "min-gw", "where"}
	outputFlagNames = []string{"output", "no-headers"}
)

func testTree() *cobra.Command {
	app := &App{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Getenv: func(string) string { return "" }, Builtin: fstestEmpty{}}
	return newRootCmd(app)
}

// fstestEmpty is a data set with no files: the tree is only looked at.
type fstestEmpty struct{}

func (fstestEmpty) Open(string) (fs.File, error) { return nil, fs.ErrNotExist }

func walk(c *cobra.Command, f func(*cobra.Command)) {
	f(c)
	for _, sub := range c.Commands() {
		walk(sub, f)
	}
}

func isReadCommand(c *cobra.Command) bool {
	for c := c; c != nil; c = c.Parent() {
		if _, ok := notReadCommands[c.CommandPath()]; ok {
			return false
		}
	}
	return c.Runnable() && c.HasParent()
}

func TestEveryCommandHasExamples(t *testing.T) {
	walk(testTree(), func(c *cobra.Command) {
		if !c.Runnable() && !c.HasAvailableSubCommands() {
			return // a help topic
		}
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no Example", c.CommandPath())
		}
		for _, line := range strings.Split(c.Example, "\n") {
			if !strings.HasPrefix(line, "  dealtrack") {
				t.Errorf("%s: example %q does not start with two spaces and dealtrack", c.CommandPath(), line)
			}
		}
	})
}

// TestWhereFailuresFailEveryReadCommand runs each read command with a
// --where that fails on every deal of the built-in data (no deal has ten
// parties): the output is written, then the command exits 1 and says so.
func TestWhereFailuresFailEveryReadCommand(t *testing.T) {
	t.Setenv("DEALTRACK_DATA", "")
	runs := 0
	walk(testTree(), func(c *cobra.Command) {
		if !isReadCommand(c) || c.Flags().Lookup("where") == nil {
			return
		}
		runs++
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "dealtrack ")), "--where", `parties[9] == "x"`, "-o", "tsv")
		if c.Name() == "compare" {
			args = append(args, "--party", "OpenAI,Anthropic")
		}
		var stderr bytes.Buffer
		code := Main(args, strings.NewReader(""), io.Discard, &stderr)
		if code != ExitFailure || !strings.Contains(stderr.String(), "dealtrack: error: --where: failed on") {
			t.Errorf("dealtrack %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr.String())
		}
	})
	if runs < 7 {
		t.Errorf("only %d read commands take --where", runs)
	}
}

func TestReadCommandsShareFiltersAndOutput(t *testing.T) {
	reads := 0
	walk(testTree(), func(c *cobra.Command) {
		if !isReadCommand(c) {
			return
		}
		reads++
		for _, name := range append(filterFlagNames, outputFlagNames...) {
			if c.Flags().Lookup(name) == nil {
				t.Errorf("read command %s lacks --%s (bind filterFlags and outputFlags, or add it to notReadCommands with a reason)", c.CommandPath(), name)
			}
		}
	})
	if reads == 0 {
		t.Error("no read command found")
	}
}

// ownMeaning lists the flags whose help may differ on one read command,
// each with the reason; everything else must read the same everywhere.
var ownMeaning = map[string]string{
	"dealtrack compare --party":   "compare --party A --party B compares parties' totals rather than filtering",
	"dealtrack timeline --by":     "the same grouping as total --by, limited to periods (month, quarter, year)",
	"dealtrack graph --output":    "the same formats, and the drawings of a graph (dot, mermaid, svg)",
	"dealtrack timeline --output": "the same formats, and a chart (svg)",
	"dealtrack total --output":    "the same formats, and a chart (svg)",
	"dealtrack graph --limit":     "graph --cycles --limit N bounds the cycle search, as list --limit bounds rows",
	"dealtrack total --limit":     "total --limit N shows N groups, as list --limit shows N deals",
	"dealtrack total --sort":      "the same syntax as list --sort, over a total's columns",
}

// oneValue lists the flags that take one value on a command that records a
// single deal, where read commands take several: the same meaning, one deal.
var oneValue = map[string]bool{
	"dealtrack add --kind":      true,
	"dealtrack add --status":    true,
	"dealtrack update --status": true,
}

// TestSameFlagSameMeaning checks that a flag name means one thing: the
// same type and shorthand everywhere, and in read commands the same help.
func TestSameFlagSameMeaning(t *testing.T) {
	type seen struct {
		cmd  string
		flag *pflag.Flag
	}
	any, read := map[string]seen{}, map[string]seen{}
	walk(testTree(), func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			if first, ok := any[f.Name]; ok {
				sameType := first.flag.Value.Type() == f.Value.Type() || oneValue[c.CommandPath()+" --"+f.Name] || oneValue[first.cmd+" --"+f.Name]
				if !sameType || first.flag.Shorthand != f.Shorthand {
					t.Errorf("--%s is a %s -%s in %s but a %s -%s in %s", f.Name,
						first.flag.Value.Type(), first.flag.Shorthand, first.cmd, f.Value.Type(), f.Shorthand, c.CommandPath())
				}
			} else {
				any[f.Name] = seen{c.CommandPath(), f}
			}
			if !isReadCommand(c) || ownMeaning[c.CommandPath()+" --"+f.Name] != "" {
				return
			}
			if first, ok := read[f.Name]; ok && first.flag.Usage != f.Usage {
				t.Errorf("--%s: %s says %q, %s says %q", f.Name, first.cmd, first.flag.Usage, c.CommandPath(), f.Usage)
			} else if !ok {
				read[f.Name] = seen{c.CommandPath(), f}
			}
		})
	})
}

// TestExamplesRun runs every example, up to its first pipe or redirection,
// on a copy of the bundled data: examples are real commands that work.
func TestExamplesRun(t *testing.T) {
	tmp := t.TempDir()
	copyDeals(t, filepath.Join("..", "..", "deals"), filepath.Join(tmp, "deals"))
	t.Chdir(tmp)
	t.Setenv("DEALTRACK_DATA", "")
	walk(testTree(), func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			words := shellWords(strings.TrimSpace(line))
			if len(words) < 2 || words[0] != "dealtrack" {
				continue
			}
			var out, errOut bytes.Buffer
			if code := Main(words[1:], strings.NewReader(""), &out, &errOut); code != ExitOK {
				t.Errorf("%s: example %q exits with %d:\n%s", c.CommandPath(), line, code, errOut.String())
			}
		}
	})
}

// shellWords splits a command line as sh would, up to the first unquoted
// |, >, <, ;, & or #, with single and double quotes and no expansion.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case strings.ContainsRune("|><;&#", r):
			if inWord && !isFD(w.String(), r) {
				words = append(words, w.String())
			}
			return words
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// isFD reports whether word is the file descriptor of a redirection, as
// 2 in 2>&1.
func isFD(word string, next rune) bool {
	return (next == '>' || next == '<') && strings.Trim(word, "0123456789") == ""
}

func TestShellWords(t *testing.T) {
	tests := map[string]string{
		`dealtrack list --party OpenAI -o tsv | cut -f1,6`:         "dealtrack|list|--party|OpenAI|-o|tsv",
		`dealtrack list --min-dollars '$10B' --where 'a == "b c"'`: `dealtrack|list|--min-dollars|$10B|--where|a == "b c"`,
		`dealtrack check 2>&1 | grep warning`:                      "dealtrack|check",
		`dealtrack list --where 'x > 1' > out.txt`:                 "dealtrack|list|--where|x > 1",
		`dealtrack completion zsh > "${fpath[1]}/_dealtrack"`:      "dealtrack|completion|zsh",
		`dealtrack show ""`:                                        "dealtrack|show|",
	}
	for line, want := range tests {
		if got := strings.Join(shellWords(line), "|"); got != want {
			t.Errorf("shellWords(%q) = %q, want %q", line, got, want)
		}
	}
}

func copyDeals(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".yaml" {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
