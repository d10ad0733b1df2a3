package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dealtrack/dealtrack/internal/cli"
)

// TestReportInABrowser opens the page dealtrack report writes in headless
// Chromium and checks what a reader sees: the headline figures, the
// charts, the deals table, sorting by clicking a heading, the source
// links. It saves a screenshot (report.png) among the test's artifacts (go test
// -artifacts). Without Chromium it skips, unless DEALTRACK_BROWSER_TEST=1,
// which .ci/run sets so that CI never skips it.
func TestReportInABrowser(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		if os.Getenv("DEALTRACK_BROWSER_TEST") == "1" {
			t.Fatal("no Chromium on PATH, and DEALTRACK_BROWSER_TEST=1 says this test must run")
		}
		t.Skip("no Chromium on PATH (apt-get install chromium); .ci/run installs it")
	}
	t.Setenv("DEALTRACK_DATA", "")
	var out, errs strings.Builder
	if code := cli.Main([]string{"report", "--since", "2026"}, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("dealtrack report: exit %d: %s", code, errs.String())
	}
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.WindowSize(1200, 900))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	first := `document.querySelector("table.sortable tbody tr td").textContent`
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("in the browser: %v", err)
		}
	}
	must(chromedp.Do(ctx, chromedp.Navigate("file://"+page)))
	must(chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table.sortable"))))
	title, err := chromedp.Run(ctx, chromedp.Title())
	must(err)
	figures := evaluate[string](t, ctx, `document.body.innerText`)
	charts := evaluate[int](t, ctx, `document.querySelectorAll("svg").length`)
	tables := evaluate[int](t, ctx, `document.querySelectorAll("table").length`)
	links := evaluate[int](t, ctx, `document.querySelectorAll("table.sortable a[href^='http']").length`)
	firstBefore := evaluate[string](t, ctx, first)
	must(chromedp.Do(ctx, chromedp.Click(chromedp.CSS("table.sortable th:nth-child(1)"))))
	firstAfter := evaluate[string](t, ctx, first)
	must(chromedp.Do(ctx, chromedp.Click(chromedp.CSS("table.sortable th:nth-child(1)"))))
	firstAgain := evaluate[string](t, ctx, first)
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	must(err)
	if title == "" || !strings.Contains(figures, "dollars") {
		t.Errorf("title %q; the page shows no headline figures:\n%.300s", title, figures)
	}
	if charts < 2 {
		t.Errorf("%d charts (svg), want the timeline and the flows at least", charts)
	}
	if tables < 2 || links == 0 {
		t.Errorf("%d tables and %d source links in the deals table, want tables and links", tables, links)
	}
	if firstAfter == firstAgain {
		t.Errorf("clicking the first heading twice left %q first both times: it does not sort", firstAfter)
	}
	t.Logf("first row: %q, sorted %q, reversed %q", firstBefore, firstAfter, firstAgain)
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), "report.png"), shot, 0o644); err != nil {
		t.Error(err)
	}
}

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("in the browser, %s: %v", expr, err)
	}
	return v
}
