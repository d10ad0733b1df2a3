package view

import (
	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
)

// List is list's report: a row per deal and a column per field; in json
// and yaml whole deals, or only the fields when they were chosen
// (--columns).
func List(ds []*deal.Deal, fields []query.Field, chosen bool) render.Report {
	return list{ds, fields, chosen}
}

type list struct {
	ds     []*deal.Deal
	fields []query.Field
	chosen bool
}

func (l list) Table() *render.Table { return fieldTable(l.ds, l.fields) }

func (l list) Record() any {
	if l.chosen {
		return fieldRecords(l.ds, l.fields)
	}
	records := make([]dealRecord, len(l.ds))
	for i, d := range l.ds {
		records[i] = newDealRecord(d)
	}
	return records
}
