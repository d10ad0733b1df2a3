//go:build ignore

// snapshot.go writes bundled.snapshot, the deal files of this folder
// decoded ahead of time. Run it with go generate ./deals after changing a
// deal file; go test ./deals says when it is due.
package main

import (
	"fmt"
	"os"

	"github.com/dealtrack/dealtrack/internal/store"
)

func main() {
	fsys := os.DirFS(".")
	set := store.Load(fsys, "deals")
	for _, p := range set.Problems {
		fmt.Fprintln(os.Stderr, p.Error())
	}
	data, err := store.Snapshot(fsys, set)
	if err == nil {
		err = os.WriteFile("bundled.snapshot", data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "snapshot:", err)
		os.Exit(1)
	}
}
