package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/report"
)

// byFlag is total's --by: one grouping, or two for a grid of rows and
// columns, as --by party,quarter or --by party --by quarter. A third is an
// error, never silently dropped.
type byFlag struct{ names []string }

func (f *byFlag) String() string { return strings.Join(f.names, ",") }

func (f *byFlag) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		f.names = append(f.names, strings.TrimSpace(name))
	}
	if len(f.names) > 2 {
		return errors.New("at most two groupings: the rows, then the columns")
	}
	return nil
}

func (f *byFlag) Type() string { return "string" }

// parseBys reads --by: none, one or two groupings, all different; a bad
// one is a usage error.
func parseBys(cmd *cobra.Command, names []string) ([]report.By, error) {
	var bys []report.By
	for _, n := range names {
		by, err := report.ParseBy(n)
		switch {
		case err != nil:
			return nil, flagValueError(cmd, "by", n, err)
		case by == report.ByNone:
			return nil, flagValueError(cmd, "by", n, errors.New("an empty grouping"))
		case slices.Contains(bys, by):
			return nil, flagValueError(cmd, "by", n, fmt.Errorf("given twice: a grid needs two different groupings"))
		}
		bys = append(bys, by)
	}
	return bys, nil
}
