package cli

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/deals"
)

// NewRootCommand builds dealtrack's command tree without running it, for
// tools that document it (cmd/dealtrack-docs). Its commands would read the
// built-in data set and the process's streams.
func NewRootCommand() *cobra.Command {
	return newRootCmd(&App{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv, Builtin: deals.FS})
}
