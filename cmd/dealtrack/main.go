// Command dealtrack tracks announced AI-infrastructure deals.
package main

import (
	"os"

	"github.com/dealtrack/dealtrack/internal/cli"
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
