// Package report aggregates deals: totals, comparisons, energy equivalents,
// timelines, and the money-flow graph. It works on plain deals and knows
// nothing of files, flags or output formats.
package report
