package main

import "runtime/debug"

// gcPercent and gcLimit are dealtrack's garbage collector settings.
const (
	gcPercent = 400
	gcLimit   = 768 << 20
)

// tuneGC sets the garbage collector for what dealtrack does: a short run
// that keeps most of what it reads (every deal, to the end). Go's default
// collects each time the heap doubles, which at ten thousand files is a
// sixth of the run and frees little. Unless GOGC or GOMEMLIMIT say
// otherwise, dealtrack lets the heap grow to five times what it keeps,
// within a soft limit of 768 MiB.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcLimit)
	}
}
