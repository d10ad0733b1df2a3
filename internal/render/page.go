package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// Page is a one-page report: self-contained HTML, with its pictures inline,
// no script, style or font fetched from elsewhere, a table that sorts by
// any column (a few lines of inline script), and a print style.
type Page struct {
	Title, Caption string
	Figures        []Figure // the headline numbers
	Sections       []Section
}

// Figure is one headline number: "Dollars" "$6.44T".
type Figure struct{ Label, Value, Note string }

// Section is a part of the page: a picture (trusted SVG, as dealtrack
// draws it) or a table, or both.
type Section struct {
	Heading  string
	Note     string
	Picture  template.HTML
	Table    *Table
	Sortable bool
	Links    map[string]string // cell text -> URL, for cells that link (sources)
}

// PageHTML writes p.
func PageHTML(w io.Writer, p Page) error { return pageTemplate().Execute(w, p) }

// pageTemplate is parsed the first time a page is written, not when any
// command starts.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{"tableHTML": tableHTML}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; color: #1f2933; background: #ffffff; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #cbd2d9; padding-bottom: .2rem; }
.caption, .note { color: #616e7c; font-size: .85rem; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1.2rem 0; }
.figure { border: 1px solid #cbd2d9; border-radius: 6px; padding: .6rem .9rem; min-width: 9rem; }
.figure .value { font-size: 1.4rem; font-weight: bold; }
.figure .label, .figure .note { font-size: .8rem; color: #616e7c; }
svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
th { background: #f5f7fa; }
th.sortable { cursor: pointer; }
td.num, th.num { text-align: right; white-space: nowrap; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr, svg { break-inside: avoid; }
  a { color: inherit; }
}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="caption">{{.Caption}}</p>
<div class="figures">{{range .Figures}}
<div class="figure"><div class="value">{{.Value}}</div><div class="label">{{.Label}}</div>{{if .Note}}<div class="note">{{.Note}}</div>{{end}}</div>{{end}}
</div>
{{range $i, $s := .Sections}}
<h2>{{$s.Heading}}</h2>
{{if $s.Note}}<p class="note">{{$s.Note}}</p>{{end}}
{{if $s.Picture}}<figure>{{$s.Picture}}</figure>{{end}}
{{if $s.Table}}{{tableHTML $s}}{{end}}
{{end}}
<script>
// Sort a table by the column whose heading is clicked; click again to reverse.
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var down = th.dataset.down !== "1"; th.dataset.down = down ? "1" : "0";
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        var nx = Number(x), ny = Number(y);
        var c = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return down ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
</script>
</body>
</html>
`))
})

// htmlEscaper escapes text and attribute values as html/template does.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// tableHTML writes the table of s, escaped as the page template would
// escape it, in Go: the template's escaping of a deal list's thousands of
// cells took most of the time of 'dealtrack report'. A link is made only
// to an http or https URL.
func tableHTML(s Section) template.HTML {
	t := s.Table
	var b strings.Builder
	esc := htmlEscaper.Replace
	b.WriteString("<table")
	if s.Sortable {
		b.WriteString(` class="sortable"`)
	}
	b.WriteString(">\n<thead><tr>")
	for _, c := range t.Columns {
		var class []string
		if c.Right {
			class = append(class, "num")
		}
		if s.Sortable {
			class = append(class, "sortable")
		}
		b.WriteString("<th")
		if len(class) > 0 {
			b.WriteString(` class="` + strings.Join(class, " ") + `"`)
		}
		b.WriteString(">" + esc(c.Key) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>")
	size := b.Len() + 30
	for _, row := range t.Rows {
		size += 10
		for _, c := range row {
			size += 40 + len(c.Plain) + len(c.Text)
		}
	}
	b.Grow(size)
	for _, row := range t.Rows {
		b.WriteString("\n<tr>")
		for j, c := range row {
			b.WriteString("<td")
			if j < len(t.Columns) && t.Columns[j].Right {
				b.WriteString(` class="num"`)
			}
			b.WriteString(` data-sort="`)
			b.WriteString(esc(c.Plain))
			b.WriteString(`">`)
			if url := s.Links[c.Text]; webURL(url) {
				b.WriteString(`<a href="`)
				b.WriteString(esc(normalizeURL(url)))
				b.WriteString(`">`)
				b.WriteString(esc(c.Text))
				b.WriteString("</a>")
			} else {
				b.WriteString(esc(c.Text))
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("\n</tbody>\n</table>")
	return template.HTML(b.String())
}

// normalizeURL percent-encodes the bytes of s that html/template encodes
// in a URL attribute: all but letters, digits, "-._~", the reserved
// characters and '%' (an escape already made is kept).
func normalizeURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!#$&*+,/:;=?@[]%", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return b.String()
}

// webURL reports whether s is an http or https URL, its scheme in any
// case, as a source's url is: the only links the page makes.
func webURL(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	return ok && (strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "http"))
}
