// Package render prints a report: its table as a terminal table, csv, tsv
// or markdown, its record as json or yaml. It knows nothing of deals.
package render

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// Formats lists every output format, the default first.
var Formats = []string{"table", "csv", "tsv", "json", "yaml", "markdown"}

// Column is one column of a table.
type Column struct {
	Key   string // machine name, the csv/tsv header
	Right bool   // align right (figures)
}

// Cell is one value, as people read it (Text) and as scripts read it
// (Plain: plain numbers, "" for unknown).
type Cell struct {
	Text, Plain string
}

// Str is a cell that reads the same for people and scripts.
func Str(s string) Cell { return Cell{s, s} }

// Table is a report's rows, and an optional footer for people.
type Table struct {
	Columns []Column
	Rows    [][]Cell
	Footer  []Cell
	// Literal prints the column keys as they are rather than as headings,
	// for keys that are data (deal ids, party names).
	Literal bool
}

// Options are the settings every format shares.
type Options struct {
	Format    string
	NoHeaders bool
	// Wide prints a table whole; otherwise, at a terminal, its widest text
	// columns are cut with "…" to the terminal's width.
	Wide bool
}

// Records reports whether the format writes a report's records (json,
// yaml) rather than its table.
func (o Options) Records() bool { return o.Format == "json" || o.Format == "yaml" }

// CheckFormat says whether name is a known format.
func CheckFormat(name string, extra ...string) error {
	for _, f := range append(Formats, extra...) {
		if f == name {
			return nil
		}
	}
	return fmt.Errorf("unknown output format %q (use %s)", name, strings.Join(append(Formats, extra...), ", "))
}

// Report is what a command prints: a table for people and the tabular
// formats, a record for json and yaml. Render asks for the one the format
// needs.
type Report interface {
	Table() *Table
	Record() any
}

// TableOnly is a Report that is a table in every format; json and yaml
// write null.
func TableOnly(t *Table) Report { return tableOnly{t} }

type tableOnly struct{ t *Table }

func (r tableOnly) Table() *Table { return r.t }
func (tableOnly) Record() any     { return nil }

// ErrNoTable is Render's answer for a report that has only a record.
var ErrNoTable = errors.New("this report is for scripts only: use -o json or -o yaml")

// Render writes r in opts.Format: its table, or for json and yaml its
// record, the report's documented machine form.
func Render(w io.Writer, opts Options, r Report) error {
	var t *Table
	if !opts.Records() {
		if t = r.Table(); t == nil {
			return ErrNoTable
		}
	}
	switch opts.Format {
	case "", "table":
		return renderTable(w, t, opts)
	case "csv":
		return renderCSV(w, t, opts, ',')
	case "tsv":
		return renderTSV(w, t, opts)
	case "markdown":
		return renderMarkdown(w, t, opts)
	case "json":
		return JSON(w, r.Record())
	case "yaml":
		return YAML(w, r.Record())
	}
	return CheckFormat(opts.Format)
}

// JSON writes v as indented json.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// YAML writes v as yaml with the same keys as its json form.
func YAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

func header(t *Table) []string {
	h := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		h[i] = c.Key
	}
	return h
}

func plain(row []Cell) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = c.Plain
	}
	return out
}

func renderCSV(w io.Writer, t *Table, opts Options, comma rune) error {
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if !opts.NoHeaders {
		cw.Write(header(t))
	}
	for _, r := range t.Rows {
		cw.Write(plain(r))
	}
	cw.Flush()
	return cw.Error()
}

// tsvCell keeps a value on one line and in one field.
var tsvCell = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func renderTSV(w io.Writer, t *Table, opts Options) error {
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(tsvCell.Replace(c))
		}
		b.WriteByte('\n')
	}
	if !opts.NoHeaders {
		line(header(t))
	}
	for _, r := range t.Rows {
		line(plain(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdCell = strings.NewReplacer("|", `\|`, "\n", " ", "\r", "")

func renderMarkdown(w io.Writer, t *Table, opts Options) error {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + mdCell.Replace(c) + " |")
		}
		b.WriteByte('\n')
	}
	if !opts.NoHeaders { // rows only, to append to a table already written
		line(header(t))
		b.WriteString("|")
		for _, c := range t.Columns {
			if c.Right {
				b.WriteString(" ---: |")
			} else {
				b.WriteString(" --- |")
			}
		}
		b.WriteByte('\n')
	}
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = c.Text
		}
		line(cells)
	}
	if t.Footer != nil { // the footer as a last row, in bold
		cells := make([]string, len(t.Footer))
		for i, c := range t.Footer {
			if c.Text != "" {
				cells[i] = "**" + c.Text + "**"
			}
		}
		line(cells)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
