// Command dealtrack tracks announced AI-infrastructure deals.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/dealtrack/dealtrack/internal/cli"
	"github.com/dealtrack/dealtrack/internal/folder"
)

func main() {
	tuneGC(os.Getenv)
	removeTemporaryOnSignal()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// removeTemporaryOnSignal makes an interrupt (Ctrl-C) or a termination
// remove the temporary file of a write in progress before the program
// exits as the signal would have made it: 130 or 143.
func removeTemporaryOnSignal() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		folder.RemoveTemporary()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
}
