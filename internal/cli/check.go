package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/store"
)

type checkOptions struct {
	strict bool
}

func newCheckCmd(app *App) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check",
		Short: "validate every deal file and report every problem",
		Long: `Validate every file of the data folder: schema, figures and units, dates, ids,
party names, flows, duplicate ids and part_of targets.

Every problem goes to stderr as path:line:col: error: message (or warning:),
all of them, sorted by file and position; a one-line summary goes to stdout.
Exit status 1 when there is an error (with --strict, also a warning).
--strict also warns about a source without a url, which a reader cannot
follow.`,
		Example: `  dealtrack check
  dealtrack check --data ./deals --strict
  dealtrack check 2>&1 | grep warning`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runCheck(app, &opts) },
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "fail on warnings too")
	return cmd
}

func runCheck(app *App, opts *checkOptions) error {
	src, err := app.source()
	if err != nil {
		return err
	}
	load := store.Load
	if opts.strict {
		load = store.LoadStrict
	}
	set := load(src.fsys, src.name)
	for _, p := range set.Problems {
		fmt.Fprintln(app.Err, p.Error())
	}
	errs, warns := set.Count(store.Error), set.Count(store.Warning)
	fmt.Fprintf(app.Out, "%s: %d %s, %d %s, %d %s\n", src.name,
		len(set.Deals), plural(len(set.Deals), "deal", "deals"),
		errs, plural(errs, "error", "errors"),
		warns, plural(warns, "warning", "warnings"))
	if errs > 0 || opts.strict && warns > 0 {
		return errReported
	}
	return nil
}
