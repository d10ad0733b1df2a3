package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/store"
)

// dataFolder makes a data folder with a registry and one deal.
func dataFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"parties.yaml": "NVIDIA: {aliases: [Nvidia]}\nOpenAI: {aliases: [Open AI]}\n",
		"umbrella.yaml": "title: Umbrella\nannounced: 2025-01-21\nstatus: announced\nkind: joint-venture\n" +
			"parties: [NVIDIA, OpenAI]\nsources:\n  - publisher: Someone\n    title: A report\n    url: https://example.com/r\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run calls Main with its own streams and no terminal.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errs)
	return code, out.String(), errs.String()
}

func addArgs(dir, id string, extra ...string) []string {
	return append([]string{"--data", dir, "add", "--id", id, "--title", "Deal " + id,
		"--announced", "2025-09-22", "--kind", "compute", "--status", "signed",
		"--party", "Nvidia", "--party", "open ai", "--dollars", "$1B",
		"--source", "https://example.com/" + id, "--source-title", "Report on " + id, "--part-of", "umbrella"}, extra...)
}

// TestConcurrentAdds starts twenty adds at once, each with its own id: all
// land, the folder checks clean, and no temporary file is left.
func TestConcurrentAdds(t *testing.T) {
	const n = 20
	dir := dataFolder(t)
	type result struct {
		code     int
		out, err string
	}
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			code, out, errs := run(addArgs(dir, fmt.Sprintf("concurrent-%02d", i))...)
			results[i] = result{code, out, errs}
		})
	}
	wg.Wait()
	for i, r := range results {
		want := filepath.Join(dir, fmt.Sprintf("concurrent-%02d.yaml", i)) + "\n"
		if r.code != ExitOK || r.out != want || r.err != "" {
			t.Errorf("add %d: exit %d, stdout %q, stderr %q; want 0 and %q", i, r.code, r.out, r.err, want)
		}
	}
	set := store.Load(os.DirFS(dir), dir)
	if len(set.Deals) != n+1 || len(set.Problems) != 0 {
		t.Errorf("after %d adds: %d deals, problems %v; want %d deals and none", n, len(set.Deals), set.Problems, n+1)
	}
	if code, _, errs := run("--data", dir, "check", "--strict"); code != ExitOK {
		t.Errorf("check after the adds: exit %d, %s", code, errs)
	}
	wantOnlyDeals(t, dir, n+2)
}

// TestConcurrentAddsOfOneID starts ten adds of the same id at once:
// exactly one lands, whole; the others are refused with exit 1.
func TestConcurrentAddsOfOneID(t *testing.T) {
	const n = 10
	dir := dataFolder(t)
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			codes[i], _, _ = run(addArgs(dir, "same", "--notes", fmt.Sprintf("writer %d", i))...)
		})
	}
	wg.Wait()
	slices.Sort(codes)
	if codes[0] != ExitOK || codes[1] != ExitFailure || codes[n-1] != ExitFailure {
		t.Errorf("exit codes %v, want one 0 and the rest 1", codes)
	}
	if code, _, errs := run("--data", dir, "check", "--strict"); code != ExitOK {
		t.Errorf("check after the adds: exit %d, %s", code, errs)
	}
	wantOnlyDeals(t, dir, 3)
}

// wantOnlyDeals checks that dir holds n entries, none of them hidden (a
// temporary file).
func wantOnlyDeals(t *testing.T, dir string, n int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".yaml") {
			t.Errorf("%s left in the folder", e.Name())
		}
	}
	if len(names) != n {
		t.Errorf("folder holds %d entries, want %d: %q", len(names), n, names)
	}
}

func TestAddExitCodes(t *testing.T) {
	dir := dataFolder(t)
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"a new deal", addArgs(dir, "fresh"), ExitOK},
		{"the same id again", addArgs(dir, "fresh"), ExitFailure},
		{"an unknown part_of", addArgs(dir, "orphan", "--part-of", "nowhere"), ExitFailure},
		{"a party twice", addArgs(dir, "twice", "--party", "NVIDIA"), ExitFailure},
		{"a file over 1 MiB", addArgs(dir, "huge", "--notes", strings.Repeat("a", 1<<20)), ExitFailure},
		{"a warning with --strict", addArgs(dir, "strict", "--party", "Acme", "--strict"), ExitFailure},
		{"id ../x", addArgs(dir, "../x"), ExitUsage},
		{"id /abs", addArgs(dir, "/abs"), ExitUsage},
		{"id a/b", addArgs(dir, "a/b"), ExitUsage},
		{"id UPPER", addArgs(dir, "UPPER"), ExitUsage},
		{"id with a space", addArgs(dir, "has space"), ExitUsage},
		{"id of 81 characters", addArgs(dir, strings.Repeat("a", 81)), ExitUsage},
		{"bad dollars", addArgs(dir, "bad-dollars", "--dollars", "10Q"), ExitUsage},
		{"bad gigawatts", addArgs(dir, "bad-power", "--gigawatts", "$5B"), ExitUsage},
		{"bad source date", addArgs(dir, "bad-date", "--source-date", "yesterday"), ExitUsage},
		{"a title not in UTF-8", addArgs(dir, "bad-utf8", "--title", "bad\xff"), ExitUsage},
		{"a source without a title", addArgs(dir, "no-title", "--source", "https://example.com/2"), ExitUsage},
		{"missing fields", []string{"--data", dir, "add", "--title", "Only a title"}, ExitUsage},
		{"no folder", []string{"--data", filepath.Join(dir, "missing"), "add", "--id", "x-y-z"}, ExitFailure},
	} {
		if code, _, errs := run(c.args...); code != c.want {
			t.Errorf("%s: exit %d, want %d\n%s", c.name, code, c.want, errs)
		}
	}
	wantOnlyDeals(t, dir, 3)
}

func TestAddWritesMultiLineNotesAsABlock(t *testing.T) {
	dir := dataFolder(t)
	if code, _, errs := run(addArgs(dir, "noted", "--notes", "  First line.\nSecond line.  \n\n")...); code != ExitOK {
		t.Fatalf("add: exit %d\n%s", code, errs)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "noted.yaml"))
	if !strings.HasSuffix(string(data), "notes: |\n  First line.\n  Second line.\n") {
		t.Errorf("noted.yaml:\n%s\nwant the notes as a literal block", data)
	}
	if code, out, _ := run("--data", dir, "fmt", "--check"); code != ExitOK {
		t.Errorf("fmt --check after add: exit %d, %s", code, out)
	}
}

func TestInterview(t *testing.T) {
	answers := strings.Join([]string{
		"", // title required: asked again
		"NVIDIA to invest in OpenAI",
		"2025-13-01", // not a date: asked again
		"2025-09-22",
		"Investment", // any case
		"In talks",   // as people write it
		" , ",        // no party: asked again
		"Nvidia, Open AI",
		"$100Q", // bad scale: asked again
		"up to $100B",
		"", // gigawatts left out
		"The report",
		"Example News",
		"https://example.com/r",
		"gpu, custom",             // tags
		"Abilene, Texas, Nowhere", // not a country: asked again
		"Abilene, Texas, US",
		"", // part of: left out
		"", // notes: left out
	}, "\n") + "\n"
	var shown bytes.Buffer
	opts := &addOptions{}
	if err := opts.interview(newPrompter(strings.NewReader(answers), &shown), nil); err != nil {
		t.Fatalf("interview: %v\n%s", err, shown.String())
	}
	want := addOptions{
		title: "NVIDIA to invest in OpenAI", announced: "2025-09-22", kind: "investment", status: "in-talks",
		parties: []string{"Nvidia", "Open AI"}, dollars: "up to $100B",
		src:       sourceFlags{urls: []string{"https://example.com/r"}, titles: []string{"The report"}, publishers: []string{"Example News"}},
		locations: []string{"Abilene, Texas, US"}, tags: []string{"gpu", "custom"},
	}
	if fmt.Sprint(*opts) != fmt.Sprint(want) {
		t.Errorf("interview filled\n%+v\nwant\n%+v", *opts, want)
	}
	for _, hint := range []string{"(required)", "not a date", "name at least one party", `unknown scale "Q"`, "up to $10B", "750 MW"} {
		if !strings.Contains(shown.String(), hint) {
			t.Errorf("the questions do not show %q:\n%s", hint, shown.String())
		}
	}
}

// TestInterviewOffersTheNearestParty: a party not in the registry but near
// one is offered it, yes by default; no keeps the name as typed.
func TestInterviewOffersTheNearestParty(t *testing.T) {
	var reg deal.Registry
	for _, name := range []string{"Anthropic", "NVIDIA"} {
		if err := reg.Add(deal.Party{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	var shown bytes.Buffer
	opts := &addOptions{title: "T", announced: "2025-09", kind: "chips", status: "rumored",
		dollars: "undisclosed", gigawatts: "1 GW", src: sourceFlags{urls: []string{"u"}, titles: []string{"t"}}}
	answers := "Antropic, Nvdia, Someone New\nmaybe\n\nn\n\n\n\n\n"
	if err := opts.interview(newPrompter(strings.NewReader(answers), &shown), &reg); err != nil {
		t.Fatalf("interview: %v\n%s", err, shown.String())
	}
	if want := []string{"Anthropic", "Nvdia", "Someone New"}; !slices.Equal(opts.parties, want) {
		t.Errorf("parties %q, want %q", opts.parties, want)
	}
	for _, q := range []string{"Antropic is not in parties.yaml: did you mean Anthropic? [Y/n]", "(y or n)", "Nvdia is not in parties.yaml: did you mean NVIDIA? [Y/n]"} {
		if !strings.Contains(shown.String(), q) {
			t.Errorf("the questions do not show %q:\n%s", q, shown.String())
		}
	}
}

func TestInterviewAsksOnlyForWhatIsMissing(t *testing.T) {
	var shown bytes.Buffer
	opts := &addOptions{title: "T", announced: "2025-09", kind: "chips", status: "rumored", parties: []string{"A"},
		dollars: "undisclosed", gigawatts: "1 GW", src: sourceFlags{urls: []string{"u"}, titles: []string{"t"}}}
	if err := opts.interview(newPrompter(strings.NewReader(""), &shown), nil); err != nil || shown.Len() > 0 {
		t.Errorf("interview with every field given: %v, asked %q", err, shown.String())
	}
}

func TestInterviewEndsAtTheEndOfInput(t *testing.T) {
	var shown bytes.Buffer
	opts := &addOptions{}
	err := opts.interview(newPrompter(strings.NewReader("A title\n"), &shown), nil)
	if err == nil || !strings.Contains(err.Error(), "no answer") {
		t.Errorf("interview cut short: %v, want a no-answer error", err)
	}
}

func TestInteractive(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	for _, in := range []io.Reader{strings.NewReader("x"), null} {
		if isTerminal(in) {
			t.Errorf("isTerminal(%T) = true, want false", in)
		}
	}
}
