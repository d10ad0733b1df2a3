package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/suggest"
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
func addHelpTopics(root *cobra.Command) {
	root.SetHelpCommand(&cobra.Command{
		Use:     "help [command or topic]",
		Short:   "help about any command or topic",
		Long:    "Help about any command or topic: dealtrack help COMMAND prints what dealtrack COMMAND --help prints.",
		Example: "  dealtrack help list\n  dealtrack help where\n  dealtrack help exit-codes",
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
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "what dealtrack's exit codes mean",
		Long:  exitCodesHelp,
	}, newWhereTopic())
}
