package cli

import "github.com/dealtrack/dealtrack/internal/render"

// tableRecord is a report as a table and a record made beforehand, both,
// whichever the format prints.
type tableRecord struct {
	table  *render.Table
	record any
}

func (r tableRecord) Table() *render.Table { return r.table }
func (r tableRecord) Record() any          { return r.record }
