package cli

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/view"
)

// usageError is a mistake in how dealtrack was called: exit code 2.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd, fmt.Errorf(format, args...)}
}

// errReported is returned when the problems were already printed, so Main
// only sets the exit code.
var errReported = errors.New("reported")

var errBrokenPipe = syscall.EPIPE

// args wraps a cobra argument check so its failure is a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return &usageError{cmd, argsError(cmd, a, err)}
		}
		return nil
	}
}

// argsError says in dealtrack's words what is wrong with the arguments:
// cobra's "unknown command" for a stray word, "requires at least 1
// arg(s)" for a missing one.
func argsError(cmd *cobra.Command, a []string, err error) error {
	use := strings.TrimSpace(strings.TrimPrefix(cmd.Use, cmd.Name()))
	switch {
	case use == "" && len(a) > 0 && cmd.Flags().Lookup("party") != nil:
		return fmt.Errorf("%s takes no arguments, only flags (got %q): to choose deals by a party, write --party %q", cmd.Name(), a[0], a[0])
	case use == "" && len(a) > 0:
		return fmt.Errorf("%s takes no arguments (got %q)", cmd.Name(), a[0])
	case len(a) == 0:
		return fmt.Errorf("%s needs %s", cmd.Name(), use)
	}
	return fmt.Errorf("%s takes %s (got %d %s)", cmd.Name(), use, len(a), view.Plural(len(a), "argument", "arguments"))
}

// flagValueError reports a bad flag value as `--flag: "value": problem`,
// the form problems in files take too.
func flagValueError(cmd *cobra.Command, flag, value string, err error) error {
	return usageErrorf(cmd, "--%s: %q: %v", flag, value, err)
}
