// Package deals carries the bundled data set, so the dealtrack binary
// answers questions without a data folder.
package deals

import "embed"

// FS holds every deal file and parties.yaml of this folder.
//
//go:embed *.yaml
var FS embed.FS
