package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

var sample = &Table{
	Columns: []Column{{Key: "id"}, {Key: "note"}, {Key: "usd", Right: true}},
	Rows: [][]Cell{
		{Str("a"), Str("plain"), {Text: "≤$100B", Plain: "100000000000"}},
		{Str("b"), Str("has, comma | pipe\tand tab"), {Text: "undisclosed", Plain: ""}},
	},
	Footer: []Cell{Str("total"), Str(""), {Text: "$100B", Plain: "100000000000"}},
}

// both is a Report of a table and a record.
type both struct {
	t   *Table
	rec any
}

func (b both) Table() *Table { return b.t }
func (b both) Record() any   { return b.rec }

func TestFormats(t *testing.T) {
	data := []map[string]any{{"id": "a"}, {"id": "b", "usd": nil}}
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Format: "csv"}, "id,note,usd\na,plain,100000000000\nb,\"has, comma | pipe\tand tab\",\n"},
		{Options{Format: "csv", NoHeaders: true}, "a,plain,100000000000\nb,\"has, comma | pipe\tand tab\",\n"},
		{Options{Format: "tsv"}, "id\tnote\tusd\na\tplain\t100000000000\nb\thas, comma | pipe and tab\t\n"},
		{Options{Format: "markdown"}, "| id | note | usd |\n| --- | --- | ---: |\n| a | plain | ≤$100B |\n| b | has, comma \\| pipe\tand tab | undisclosed |\n| **total** |  | **$100B** |\n"},
		{Options{Format: "json"}, "[\n  {\n    \"id\": \"a\"\n  },\n  {\n    \"id\": \"b\",\n    \"usd\": null\n  }\n]\n"},
		{Options{Format: "yaml"}, "- id: a\n- id: b\n  usd: null\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Render(&b, tt.opts, both{sample, data}); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.opts.Format, b.String(), tt.want)
		}
	}
}

func TestTable(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, Options{Format: "table"}, TableOnly(sample)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"ID", "NOTE", "USD", "≤$100B", "undisclosed", "total"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !strings.HasSuffix(strings.TrimRight(lines[2], " "), "≤$100B") {
		t.Errorf("usd is not right-aligned at the end of the row: %q", lines[2])
	}
	b.Reset()
	Render(&b, Options{Format: "table", NoHeaders: true}, TableOnly(sample))
	if strings.Contains(b.String(), "NOTE") {
		t.Errorf("--no-headers still prints the header:\n%s", b.String())
	}
}

func TestCheckFormat(t *testing.T) {
	if err := CheckFormat("xml"); err == nil || !strings.Contains(err.Error(), "use table, csv, tsv, json, yaml, markdown") {
		t.Errorf("CheckFormat(xml) = %v", err)
	}
	if err := CheckFormat("dot", "dot"); err != nil {
		t.Errorf("extra format refused: %v", err)
	}
}

// TestRenderWithoutATable: a report that has only a record is refused in
// the table formats, not a crash, and written in json.
func TestRenderWithoutATable(t *testing.T) {
	r := recordOnly{}
	for _, f := range []string{"table", "csv", "tsv", "markdown"} {
		if err := Render(io.Discard, Options{Format: f}, r); err != ErrNoTable {
			t.Errorf("%s: %v", f, err)
		}
	}
	var b strings.Builder
	if err := Render(&b, Options{Format: "json"}, r); err != nil || b.String() != "[\n  1\n]\n" {
		t.Errorf("json: %q, %v", b.String(), err)
	}
}

type recordOnly struct{}

func (recordOnly) Table() *Table { return nil }
func (recordOnly) Record() any   { return []int{1} }

// TestWriteTrimmed: trailing spaces go from every line, a last line
// without a line feed gets one, and drawnSize leaves the rows it is
// given as they were.
func TestWriteTrimmed(t *testing.T) {
	var b strings.Builder
	if err := writeTrimmed(&b, []byte("a  \nb\n  c")); err != nil || b.String() != "a\nb\n  c\n" {
		t.Errorf("%q, %v", b.String(), err)
	}
	rows := make([][]Cell, 1, 2)
	rows[0] = []Cell{Str("x")}
	drawnSize(&Table{Columns: []Column{{Key: "k"}}, Rows: rows, Footer: []Cell{Str("total")}})
	if spare := rows[:2][1]; spare != nil {
		t.Errorf("drawnSize wrote %v past the rows", spare)
	}
}
