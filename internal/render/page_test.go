package render

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// pageTable is the template the page drew its tables with before
// tableHTML: the reference tableHTML must match, byte for byte.
var pageTable = template.Must(template.New("t").Funcs(template.FuncMap{
	"link": func(links map[string]string, text string) string { return links[text] },
}).Parse(`{{$s := .}}{{with $s.Table}}<table{{if $s.Sortable}} class="sortable"{{end}}>
<thead><tr>{{range .Columns}}<th{{if .Right}} class="num{{if $s.Sortable}} sortable{{end}}"{{else if $s.Sortable}} class="sortable"{{end}}>{{.Key}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}
<tr>{{range $j, $c := .}}<td{{if (index $s.Table.Columns $j).Right}} class="num"{{end}} data-sort="{{$c.Plain}}">{{with link $s.Links $c.Text}}<a href="{{.}}">{{$c.Text}}</a>{{else}}{{$c.Text}}{{end}}</td>{{end}}</tr>{{end}}
</tbody>
</table>{{end}}`))

// TestTableHTMLIsTheTemplate draws random tables, with every character
// HTML escapes and links among the cells, both ways.
func TestTableHTMLIsTheTemplate(t *testing.T) {
	words := []string{"", "a", "<b>", "x & y", `"q"`, "it's", "1+1", "\x00", "é", "≥10 GW", "https://x.com/a?b=1&c=2+3", "%41", " ", "(x)", "\\"}
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func() string { return words[rng.IntN(len(words))] + words[rng.IntN(len(words))] }
	for n := range 500 {
		s := Section{Table: &Table{}, Sortable: rng.IntN(2) == 0, Links: map[string]string{}}
		cols := 1 + rng.IntN(4)
		for range cols {
			s.Table.Columns = append(s.Table.Columns, Column{Key: pick(), Right: rng.IntN(2) == 0})
		}
		for range rng.IntN(4) {
			row := make([]Cell, cols)
			for i := range row {
				row[i] = Cell{Text: pick(), Plain: pick()}
				if rng.IntN(3) == 0 {
					s.Links[row[i].Text] = "https://example.com/" + pick()
				}
			}
			s.Table.Rows = append(s.Table.Rows, row)
		}
		var want strings.Builder
		if err := pageTable.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := string(tableHTML(s)); got != want.String() {
			t.Fatalf("table %d:\n got %s\nwant %s", n, got, want.String())
		}
	}
	upper := Section{Table: &Table{Columns: []Column{{Key: "source"}}, Rows: [][]Cell{{Str("s")}}}, Links: map[string]string{"s": "HTTPS://Example.com/A"}}
	if got := string(tableHTML(upper)); !strings.Contains(got, `<a href="HTTPS://Example.com/A">`) {
		t.Errorf("an upper-case https link was not made: %s", got)
	}
	unsafe := Section{Table: &Table{Columns: []Column{{Key: "source"}}, Rows: [][]Cell{{Str("click")}}}, Links: map[string]string{"click": "javascript:alert(1)"}}
	if got := string(tableHTML(unsafe)); strings.Contains(got, "href") {
		t.Errorf("a javascript: link was made: %s", got)
	}
}
