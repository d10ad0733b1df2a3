// Package cli is dealtrack's command line: one file per command, flags and
// wiring, exit codes, notes and errors on stderr. The work itself happens
// in the domain packages, and what a command prints is built by view.
package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/suggest"
)

// Exit codes, documented in `dealtrack help exit-codes`.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
)

// App holds what commands share: streams, environment and the built-in
// data set. Tests build one with their own streams.
type App struct {
	In       io.Reader
	Out      io.Writer // buffered; flushed by Main
	Err      io.Writer
	Getenv   func(string) string
	Builtin  fs.FS
	Snapshot []byte // Builtin decoded ahead of time (deals.Snapshot), or nil
	dataFlag string
	errColor bool
	// outTerminal is set when a person reads stdout at a terminal
	outTerminal bool
	src         *dataSource // the data, once a command asked for it
	srcErr      error
	wheres      []*query.Where // the --where expressions the command ran
}

// Main runs dealtrack with args (without the program name) and returns the
// process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := render.Sized(bufio.NewWriterSize(stdout, 64<<10), render.TerminalWidth(stdout))
	app := &App{In: stdin, Out: out, Err: stderr, Getenv: os.Getenv, Builtin: deals.FS, Snapshot: deals.Snapshot}
	app.errColor = isTerminal(stderr) && app.Getenv("NO_COLOR") == ""
	app.outTerminal = isTerminal(stdout) || render.TerminalWidth(stdout) > 0
	root := newRootCmd(app)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		err = app.whereFailed()
	}
	app.closeData()
	if ferr := out.Flush(); ferr != nil && err == nil && !errors.Is(ferr, errBrokenPipe) {
		err = ferr
	}
	if err == nil {
		return ExitOK
	}
	code := exitCode(err)
	if !errors.Is(err, errReported) {
		app.printError(err)
	}
	return code
}

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "dealtrack",
		Short: "Track announced AI-infrastructure deals: query, total, compare and graph them",
		Long: `dealtrack keeps each announced AI-infrastructure deal as a YAML file — parties,
dollars, gigawatts, date, status, sources — and answers questions about them,
in tables for people and in csv, tsv, json or yaml for scripts.

Data comes from --data DIR, else $DEALTRACK_DATA, else ./deals when it holds
deal files, else the data set built into this binary.`,
		Example: `  dealtrack list --party OpenAI --since 2025
  dealtrack show nvidia-openai-10gw
  dealtrack list --kind cloud -o tsv | cut -f1,6
  dealtrack check --data ./deals`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		// A word that is no command reaches the root as an argument: a
		// usage error, typed here where it arises.
		Args:    noSubcommand,
		Version: version(),
		RunE:    func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	root.SetVersionTemplate("dealtrack {{.Version}}\n")
	root.SetOut(app.Out)
	root.SetErr(app.Err)
	root.SetIn(app.In)
	root.PersistentFlags().StringVar(&app.dataFlag, "data", "", "data folder (default: $DEALTRACK_DATA, ./deals, or the built-in data set)")
	root.MarkPersistentFlagDirname("data")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErrorf(c, "%v%s", err, flagHint(c, err))
	})
	root.AddCommand(
		newListCmd(app),
		newShowCmd(app),
		newCheckCmd(app),
		newTotalCmd(app),
		newCompareCmd(app),
		newTimelineCmd(app),
		newAddCmd(app),
		newFmtCmd(app),
		newInitCmd(app),
		newGraphCmd(app),
		newChangesCmd(app),
		newFlowsCmd(app),
		newUpdateCmd(app),
		newPartyCmd(app),
		newReportCmd(app),
		newVersionCmd(app),
	)
	addHelpTopics(root, app)
	addCompletion(root, app)
	return root
}

// noSubcommand refuses an argument to a command that has subcommands: it
// names no subcommand, so it is a usage error with the nearest one.
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
		names = append(names, c.Aliases...)
	}
	return usageErrorf(cmd, "unknown command %q for %q%s", args[0], cmd.CommandPath(), suggest.Hint(args[0], names))
}

func (app *App) printError(err error) {
	label := "error"
	if app.errColor {
		label = "\x1b[31merror\x1b[0m"
	}
	fmt.Fprintf(app.Err, "dealtrack: %s: %v\n", label, err)
	var u *usageError
	if errors.As(err, &u) && u.cmd != nil {
		fmt.Fprintf(app.Err, "Run '%s --help' for usage.\n", u.cmd.CommandPath())
	}
}

// isTerminal reports whether v is a terminal: a character device other
// than /dev/null, which cron jobs and scripts hand out as stdin.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

// exitCode maps an error to the process exit code; the one place that
// does, from the error's type alone: a usageError is typed where the
// mistake is found (flag parsing, argument checks, flag values, an unknown
// command).
func exitCode(err error) int {
	var u *usageError
	if errors.As(err, &u) {
		return ExitUsage
	}
	return ExitFailure
}

// flagHint suggests, for an unknown flag, the one meant: a format given
// as a flag (--json) is -o json; --format is -o; else the nearest flag of
// the command.
func flagHint(c *cobra.Command, err error) string {
	if strings.HasPrefix(err.Error(), "unknown shorthand flag: 'O'") && c.Flags().Lookup("output") != nil {
		return " (did you mean -o?)"
	}
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return ""
	}
	name, _, _ = strings.Cut(name, "=")
	var flags []string
	c.Flags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f.Name) })
	switch {
	case slices.Contains(render.Formats, name) && c.Flags().Lookup("output") != nil:
		return " (did you mean -o " + name + "?)"
	case name == "format" && c.Flags().Lookup("output") != nil:
		return " (did you mean -o, --output?)"
	case strings.HasPrefix(name, "sort") && c.Flags().Lookup("sort") != nil:
		return " (did you mean --sort?)"
	}
	if near := suggest.Nearest(name, flags); near != "" {
		return " (did you mean --" + near + "?)"
	}
	return ""
}

// noteEmpty says on stderr, when a person reads the output at a terminal,
// that a command found nothing (n == 0): an empty table is easy to take
// for a failure. Scripts, which read a pipe, get no note.
func (app *App) noteEmpty(n int, what string) {
	if app.outTerminal && n == 0 {
		fmt.Fprintf(app.Err, "dealtrack: %s\n", what)
	}
}
