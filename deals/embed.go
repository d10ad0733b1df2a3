// Package deals carries the bundled data set, so the dealtrack binary
// answers questions without a data folder.
package deals

import "embed"

//go:generate go run snapshot.go

// FS holds every deal file and parties.yaml of this folder.
//
//go:embed *.yaml
var FS embed.FS

// Snapshot is the data set of FS decoded ahead of time (go generate
// ./deals writes it), so that commands on the built-in data need not parse
// every file on each run. dealtrack uses it only while its checksum
// matches FS, and go test ./deals fails when it is stale.
//
//go:embed bundled.snapshot
var Snapshot []byte
