package cli

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/spf13/cobra"
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
			return &usageError{cmd, err}
		}
		return nil
	}
}

// flagValueError reports a bad flag value as `--flag: "value": problem`,
// the form problems in files take too.
func flagValueError(cmd *cobra.Command, flag, value string, err error) error {
	return usageErrorf(cmd, "--%s: %q: %v", flag, value, err)
}
