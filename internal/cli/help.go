package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/suggest"
	"github.com/dealtrack/dealtrack/internal/view"
)

const exitCodesHelp = `dealtrack exits with:

  0  success, also when a filter matches nothing
  1  failure: bad data (with file:line:col on stderr), a failed check, an
     unknown deal id, a write refused
  2  wrong usage: an unknown command or flag, a wrong number of arguments,
     a bad flag value (--since yesterday, -o xml)
  130, 143  interrupted (Ctrl-C) or terminated: the temporary file of a write
     in progress is removed first

Errors go to stderr as "dealtrack: error: ..."; problems in data files as
"path:line:col: error: message". Output for scripts goes to stdout only.`

// addHelpTopics adds the help pages that are not commands, and cobra's
// help command now rather than when it runs, so that it has examples and
// a manual.
func addHelpTopics(root *cobra.Command, app *App) {
	root.SetHelpCommand(&cobra.Command{
		Use:     "help [command or topic]",
		Short:   "help about any command or topic",
		Long:    "Help about any command or topic: dealtrack help COMMAND prints what dealtrack COMMAND --help prints.",
		Example: "  dealtrack help list\n  dealtrack help where\n  dealtrack help data\n  dealtrack help exit-codes",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				var names []string
				for _, sub := range root.Commands() {
					names = append(names, sub.Name())
				}
				return usageErrorf(c, "no help topic %q%s", strings.Join(args, " "), suggest.Hint(args[len(args)-1], names))
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []string
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand() {
					names = append(names, c.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
	})
	data := &cobra.Command{
		Use:   "data",
		Short: "where the deals come from, and where they come from right now",
		Long:  dataHelp,
	}
	data.SetHelpFunc(func(c *cobra.Command, _ []string) {
		fmt.Fprintf(c.OutOrStdout(), "%s\n\nRight now: %s\n", dataHelp, app.describeData())
	})
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "what dealtrack's exit codes mean",
		Long:  exitCodesHelp,
	}, newWhereTopic(), data)
}

const dataHelp = `dealtrack reads its deals from, in this order:

  --data DIR           a data folder named on the command line
  $DEALTRACK_DATA      a data folder named in the environment
  ./deals              when it holds deal files
  the built-in data    the data set compiled into this binary, read-only

A data folder holds one YAML file per deal and parties.yaml, the party
registry (dealtrack init DIR makes one; --bundled copies the built-in deals).`

// describeData says which data the rule picks now, and how many deals
// it holds.
func (app *App) describeData() string {
	src, err := app.source()
	if err != nil {
		return err.Error()
	}
	why := "the built-in data set"
	switch {
	case app.dataFlag != "":
		why = "the folder " + src.name + " (--data)"
	case app.Getenv("DEALTRACK_DATA") != "":
		why = "the folder " + src.name + " ($DEALTRACK_DATA)"
	case src.dir != "":
		why = "the folder " + src.name + " (./deals holds deal files)"
	}
	set := app.read(src)
	n, errs := len(set.Deals), len(set.Errors())
	what := fmt.Sprintf("%s, %d %s", why, n, view.Plural(n, "deal", "deals"))
	if errs > 0 {
		what += fmt.Sprintf(", %d %s (dealtrack check lists them)", errs, view.Plural(errs, "error", "errors"))
	}
	return what + "."
}
