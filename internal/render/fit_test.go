package render

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFit: at a terminal, a table's widest text columns are cut with "…"
// to its width; ids (the first column) and figures never are; -o wide and
// anything that is not a terminal get the table whole.
func TestFit(t *testing.T) {
	tbl := &Table{Columns: []Column{{Key: "id"}, {Key: "title"}, {Key: "parties"}, {Key: "usd", Right: true}}}
	tbl.Rows = [][]Cell{
		{Str("a-fairly-long-deal-id"), Str(strings.Repeat("A long title ", 8)), Str("NVIDIA, OpenAI, Oracle, SoftBank, MGX"), Str("$500B")},
		{Str("short"), Str("Short"), Str("Meta"), Str("$1,234.5B")},
	}
	for _, tt := range []struct {
		name    string
		width   int
		wide    bool
		maxLine int // 0: the table whole
	}{
		{"80 columns", 80, false, 80},
		{"200 columns: fits whole", 200, false, 0},
		{"not a terminal", 0, false, 0},
		{"-o wide at 80 columns", 80, true, 0},
		{"too narrow to fit: cut as far as it goes", 30, false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := Sized(bufio.NewWriter(&buf), tt.width)
			if err := Render(w, Options{Format: "table", Wide: tt.wide}, TableOnly(tbl)); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			out := buf.String()
			longest := 0
			for _, l := range strings.Split(out, "\n") {
				longest = max(longest, utf8.RuneCountInString(l))
			}
			if !strings.Contains(out, "a-fairly-long-deal-id") || !strings.Contains(out, "$1,234.5B") {
				t.Errorf("an id or a figure was cut:\n%s", out)
			}
			cut := strings.Contains(out, "…")
			switch {
			case tt.maxLine > 0 && (longest > tt.maxLine || !cut):
				t.Errorf("widest line %d, want at most %d, cut with …:\n%s", longest, tt.maxLine, out)
			case tt.maxLine == 0 && tt.width != 30 && cut:
				t.Errorf("cut, want the table whole:\n%s", out)
			}
		})
	}
}
