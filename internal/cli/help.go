package cli

import (
	"github.com/spf13/cobra"
)

const exitCodesHelp = `dealtrack exits with:

  0  success, also when a filter matches nothing
  1  failure: bad data (with file:line:col on stderr), a failed check, an
     unknown deal id, a write refused
  2  wrong usage: an unknown command or flag, a wrong number of arguments,
     a bad flag value (--since yesterday, -o xml)

Errors go to stderr as "dealtrack: error: ..."; problems in data files as
"path:line:col: error: message". Output for scripts goes to stdout only.`

// addHelpTopics adds the help pages that are not commands, and cobra's
// help command now rather than when it runs, so that it has examples and
// a manual.
func addHelpTopics(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Example = "  dealtrack help list\n  dealtrack help where\n  dealtrack help exit-codes"
		}
	}
	root.AddCommand(&cobra.Command{
		Use:   "exit-codes",
		Short: "what dealtrack's exit codes mean",
		Long:  exitCodesHelp,
	}, newWhereTopic())
}
