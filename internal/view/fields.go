package view

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
)

// DefaultColumns are list's columns when --columns is not given.
const DefaultColumns = "id,announced,status,kind,parties,usd,gw"

// fieldCells print the fields whose value alone does not read well: figures
// for people (≤$100B) and plain for scripts, lists joined.
var fieldCells = map[string]func(*deal.Deal) render.Cell{
	"announced":     func(d *deal.Deal) render.Cell { return render.Str(d.Announced.String()) },
	"parties":       func(d *deal.Deal) render.Cell { return listCell(d.Parties) },
	"tags":          func(d *deal.Deal) render.Cell { return listCell(d.Tags) },
	"usd":           dealUSDCell,
	"usd_low":       func(d *deal.Deal) render.Cell { return usdBoundCell(d.Dollars.Value(deal.Low)) },
	"usd_high":      func(d *deal.Deal) render.Cell { return usdBoundCell(d.Dollars.Value(deal.High)) },
	"gw":            func(d *deal.Deal) render.Cell { return gwCell(d.Power) },
	"gw_low":        func(d *deal.Deal) render.Cell { return gwBoundCell(d.Power.Value(deal.Low)) },
	"gw_high":       func(d *deal.Deal) render.Cell { return gwBoundCell(d.Power.Value(deal.High)) },
	"valuation_usd": func(d *deal.Deal) render.Cell { return usdCell(d.Valuation) },
	"amount":        func(d *deal.Deal) render.Cell { return render.Cell{Text: d.Amount.Human(), Plain: d.Amount.String()} },
	"status":        statusCell,
}

// statusCell is a deal's status; for people, a replaced deal says so
// beside it ("announced, superseded"), since its status is where it stood
// when it was replaced. Scripts get the status alone (superseded_by says
// the rest).
func statusCell(d *deal.Deal) render.Cell {
	c := render.Str(string(d.Status))
	if d.SupersededBy != "" {
		c.Text += ", superseded"
	}
	return c
}

// fieldTable is one row per deal, one column per field.
func fieldTable(ds []*deal.Deal, fields []query.Field) *render.Table {
	t := &render.Table{}
	for _, f := range fields {
		t.Columns = append(t.Columns, render.Column{Key: f.Name, Right: isNumber(f.Type)})
	}
	for _, d := range ds {
		row := make([]render.Cell, len(fields))
		for i, f := range fields {
			row[i] = fieldCell(f, d)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func isNumber(t query.Type) bool {
	return t == query.Integer || t == query.Dollars || t == query.Gigawatts
}

func fieldCell(f query.Field, d *deal.Deal) render.Cell {
	if cell, ok := fieldCells[f.Name]; ok {
		return cell(d)
	}
	switch v := f.Value(d).(type) {
	case string:
		return render.Str(v)
	case int:
		return render.Str(strconv.Itoa(v))
	case []string:
		return listCell(v)
	case bool:
		return render.Str(strconv.FormatBool(v))
	}
	return render.Cell{}
}

func listCell(items []string) render.Cell {
	return render.Cell{Text: strings.Join(items, ", "), Plain: strings.Join(items, ";")}
}

func usdBoundCell(v int64, ok bool) render.Cell {
	if !ok {
		return render.Cell{}
	}
	return render.Cell{Text: deal.FormatDollars(v, false), Plain: strconv.FormatInt(v, 10)}
}

func gwBoundCell(w int64, ok bool) render.Cell {
	if !ok {
		return render.Cell{}
	}
	return render.Cell{Text: deal.FormatWatts(w, false), Plain: deal.DecimalGW(w)}
}

func usdCell(a deal.Amount) render.Cell {
	c := render.Cell{Text: a.Human()}
	if v, ok := a.Value(deal.Headline); ok {
		c.Plain = strconv.FormatInt(v, 10)
	}
	return c
}

// dealUSDCell is a deal's dollars; for people, a deal whose money is
// stated only in another currency shows that figure, as stated (£5B),
// while scripts read no dollars.
func dealUSDCell(d *deal.Deal) render.Cell {
	c := usdCell(d.Dollars)
	if c.Text == "" {
		c.Text = d.Amount.Human()
	}
	return c
}

func gwCell(p deal.Power) render.Cell {
	c := render.Cell{Text: p.Human()}
	if v, ok := p.Value(deal.Headline); ok {
		c.Plain = deal.DecimalGW(v)
	}
	return c
}

// fieldRecord is a deal in json or yaml with only the chosen fields, in
// their order; values as in the full record (dealRecord).
type fieldRecord struct {
	fields []query.Field
	deal   *deal.Deal
}

func fieldRecords(ds []*deal.Deal, fields []query.Field) []fieldRecord {
	out := make([]fieldRecord, len(ds))
	for i, d := range ds {
		out[i] = fieldRecord{fields, d}
	}
	return out
}

// value is f's value in machine output: nil when unknown, lists never
// nil, the date as written (YYYY-MM-DD or YYYY-MM).
func (r fieldRecord) value(f query.Field) any {
	switch v := f.Value(r.deal).(type) {
	case []string:
		return nonNil(v)
	case time.Time:
		return r.deal.Announced.String() // announced is the one date
	default:
		return v
	}
}

func (r fieldRecord) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	for i, f := range r.fields {
		if i > 0 {
			b.WriteByte(',')
		}
		enc.Encode(f.Name)
		b.WriteByte(':')
		if err := enc.Encode(r.value(f)); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func (r fieldRecord) MarshalYAML() (any, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range r.fields {
		var v yaml.Node
		if err := v.Encode(r.value(f)); err != nil {
			return nil, err
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.Name}, &v)
	}
	return m, nil
}
