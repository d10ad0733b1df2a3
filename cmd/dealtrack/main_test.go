package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/dealtrack/dealtrack/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dealtrack": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line contract in testdata/script: flags,
// output, errors and exit codes, end to end.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: false,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Cmds:                scriptCmds,
		Setup: func(env *testscript.Env) error {
			// $APRIL2026 is the frozen data set of April 2026: scripts that
			// check figures of sums and graphs read it, so that the bundled
			// data set can grow without changing them.
			abs, err := filepath.Abs(filepath.Join("..", "..", "internal", "cli", "testdata", "april-2026"))
			env.Setenv("APRIL2026", abs)
			return err
		},
	})
}
