package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
)

const whereIntro = `A --where expression is a condition on one deal: the deals for which it is
true are kept. Every read command takes it, and it goes with the other
filters: a deal must pass them all. It is checked before any deal is read: an
unknown name, a wrong type or a bad date is shown under a caret, and dealtrack
exits with 2.

  dealtrack list --where 'usd >= 10e9 and "OpenAI" in parties and year >= 2025'
  dealtrack list --where 'gw > 1 or kind == "energy"'
  dealtrack list --where 'announced >= date("2025-06") and usd_qualifier == "up to"'
  dealtrack list --where 'usd / gw > 40e9' --columns id,usd,gw --sort -usd
  dealtrack list --where 'part_of == "stargate" or id == "stargate"'

Fields (--sort and list --columns take the same names):

`

const whereRules = `
Unknown figures are nil: an undisclosed or absent usd, gw, valuation_usd or
qualifier, and part_of when a deal is part of none. A comparison with nil is
false and arithmetic with nil is nil, so usd > 1e9 leaves out undisclosed deals
instead of failing; usd == nil finds them, and (usd ?? 0) reads them as 0.
Beware: not (usd > 1e9) is true for them.

Dates: announced compares with date("2025-06-01"), date("2025-06") or
date("2025"), each the first day of what it names; a deal known only by its
month was announced on the month's first day.

Parties are canonical names, as in parties.yaml: "OpenAI" in parties. A name
that is not in the registry, or an alias, is an error that says what to write.

The language is expr's (expr-lang.org): and, or, not; == != < <= > >=;
+ - * / % **; in [...]; contains, startsWith, endsWith, matches (a regular
expression); ?? for a default; c ? a : b; len(parties), lower(title),
any(tags, # startsWith "gpu") and expr's other functions. Numbers read 10e9,
1.5 or 1_000_000; text goes in double quotes, so put the expression in single
quotes for the shell.

An expression that fails on some deal when it runs (parties[2] on a deal with
two parties) does not keep that deal; dealtrack prints its output, then the
first failure, and exits with 1.`

func newWhereTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "where",
		Short: "the --where expression language and the fields of a deal",
		Long:  whereIntro + whereFieldsText() + "\n" + whereRules,
	}
}

// whereFields is the table of fields as people read it.
func whereFields() *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "field"}, {Key: "type"}, {Key: "meaning"}, {Key: "example"}}}
	for _, f := range query.Fields {
		doc := f.Doc
		if len(f.Aliases) > 0 {
			doc += "; also " + strings.Join(f.Aliases, ", ")
		}
		t.Rows = append(t.Rows, []render.Cell{render.Str(f.Name), render.Str(f.Type.Name), render.Str(doc), render.Str(f.Example)})
	}
	return t
}

// whereFieldsText lists the fields for a terminal: name, type, meaning,
// the meaning wrapped to fit 80 columns.
func whereFieldsText() string {
	var b strings.Builder
	for _, row := range whereFields().Rows {
		lines := wrap(row[2].Text, 44)
		fmt.Fprintf(&b, "  %-14s %-17s %s\n", row[0].Text, row[1].Text, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "%35s%s\n", "", l)
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		line = strings.TrimPrefix(line+" "+w, " ")
	}
	return append(lines, line)
}

// WhereFieldsMarkdown is the table of fields for the README.
func WhereFieldsMarkdown() string {
	t := whereFields()
	for _, row := range t.Rows {
		row[0].Text = "`" + row[0].Text + "`"
		row[3].Text = "`" + row[3].Text + "`"
	}
	var b strings.Builder
	render.Render(&b, render.Options{Format: "markdown"}, render.TableOnly(t))
	return b.String()
}
