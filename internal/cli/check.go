package cli

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

type checkOptions struct {
	strict bool
	output string
}

func newCheckCmd(app *App) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [FILE...]",
		Short: "validate every deal file and report every problem",
		Long: `Validate every file of the data folder: schema, figures and units, dates, ids,
party names, flows, duplicate ids and part_of targets.

Every problem goes to stderr as path:line:col: error: message (or warning:),
all of them, sorted by file and position; a one-line summary goes to stdout.
Exit status 1 when there is an error (with --strict, also a warning).
--strict also warns about a source without a url, which a reader cannot
follow.

Name files to report only theirs (the registry's problems too): they are
still checked against the whole folder, its registry and its other deals,
so a pre-commit hook can pass the staged files. A file outside the data
folder is a usage error.

-o json prints every problem as an object (file, line, column, severity,
message, hint) on stdout, and nothing else; -o github prints GitHub Actions
annotations (::error file=…,line=…,col=…::message) on stdout.`,
		Example: `  dealtrack check
  dealtrack check --data ./deals --strict
  dealtrack check deals/stargate.yaml deals/parties.yaml
  dealtrack check -o json | jq '.[] | select(.severity == "error") | .file'
  dealtrack check --strict -o github`,
		Args: args(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, files []string) error { return runCheck(app, cmd, &opts, files) },
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "fail on warnings too")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "text", "text (path:line:col lines on stderr), json or github (annotations)")
	cmd.RegisterFlagCompletionFunc("output", fixedCompletion([]string{"text", "json", "github"}))
	return cmd
}

func runCheck(app *App, cmd *cobra.Command, opts *checkOptions, files []string) error {
	if !slices.Contains([]string{"text", "json", "github"}, opts.output) {
		return flagValueError(cmd, "output", opts.output, errors.New("use text, json or github"))
	}
	src, err := app.source()
	if err != nil {
		return err
	}
	load := store.Load
	if opts.strict {
		load = store.LoadStrict
	}
	set := load(src.fsys, src.name)
	probs, err := problemsOf(cmd, set, src, files)
	if err != nil {
		return err
	}
	errs, warns := 0, 0
	for _, p := range probs {
		if p.Severity == store.Error {
			errs++
		} else {
			warns++
		}
	}
	failed := errs > 0 || opts.strict && warns > 0
	switch opts.output {
	case "json":
		if err := render.JSON(app.Out, problemRecords(probs)); err != nil {
			return err
		}
		if failed {
			return errReported
		}
		return nil
	case "github":
		for _, p := range probs {
			level := map[store.Severity]string{store.Error: "error", store.Warning: "warning"}[p.Severity]
			fmt.Fprintf(app.Out, "::%s file=%s,line=%d,col=%d::%s\n", level, githubProperty.Replace(p.Path), max(p.Line, 1), max(p.Col, 1), githubData.Replace(p.Msg))
		}
		if failed {
			return errReported
		}
		return nil
	}
	for _, p := range probs {
		fmt.Fprintln(app.Err, p.Error())
	}
	fmt.Fprintf(app.Out, "%s: %d %s, %d %s, %d %s\n", src.name,
		len(set.Deals), view.Plural(len(set.Deals), "deal", "deals"),
		errs, view.Plural(errs, "error", "errors"),
		warns, view.Plural(warns, "warning", "warnings"))
	if failed {
		return errReported
	}
	return nil
}

// problemsOf keeps the problems of the named files, and the registry's;
// every problem when none is named. A name outside the data folder is a
// usage error.
func problemsOf(cmd *cobra.Command, set *store.Set, src dataSource, files []string) ([]store.Problem, error) {
	if len(files) == 0 {
		return set.Problems, nil
	}
	want := map[string]bool{path.Join(src.name, store.RegistryFile): true}
	for _, f := range files {
		rel, err := filepath.Rel(src.dir, f)
		if src.dir == "" || err != nil || strings.HasPrefix(rel, "..") {
			return nil, usageErrorf(cmd, "%s is not in the data folder %s (name files inside it, or pass --data)", f, src.name)
		}
		want[path.Join(src.name, filepath.ToSlash(rel))] = true
	}
	var out []store.Problem
	for _, p := range set.Problems {
		if want[p.Path] {
			out = append(out, p)
		}
	}
	return out, nil
}

// The escapes of a GitHub Actions workflow command: of its message, and
// of a property (file=…) as well.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// problemRecords is check's json: each problem with its position and
// severity.
func problemRecords(ps []store.Problem) any {
	out := make([]view.Problem, len(ps))
	for i, p := range ps {
		out[i] = view.Problem{Path: p.Path, Line: p.Line, Col: p.Col, Severity: p.Severity.String(), Msg: p.Msg}
	}
	return view.ProblemRecords(out)
}
