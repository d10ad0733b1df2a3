package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type changesOptions struct {
	filter filterFlags
	output outputFlags
}

func newChangesCmd(app *App) *cobra.Command {
	var opts changesOptions
	cmd := &cobra.Command{
		Use:   "changes",
		Short: "list what happened in a span: deals announced, statuses changed, figures revised, deals replaced",
		Long: `List every event of the data in date order: a deal announced (with its figures
as first stated), a status changed, a figure revised (old → new, with their
wording), a deal superseded by another, and updates that only add a note, each
with its deal, date and the source of the update.

--since and --until bound the events, not the deals: a deal announced in 2025
whose status changed in May 2026 is in 'changes --since 2026-05'. The other
filters choose the deals. An update dated the day of the announcement records
the deal as announced and is part of that event.

-o markdown writes a list to paste into a newsletter: one line per event, with
a link to its source.`,
		Example: `  dealtrack changes --since 2026-04-01
  dealtrack changes --since 2026-01 --until 2026-03 --party OpenAI
  dealtrack changes --since 2026-06 -o markdown > this-week.md
  dealtrack changes --since 2025 -o json | jq '.[] | select(.event == "status")'`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runChanges(app, cmd, &opts) },
	}
	opts.filter.bind(cmd)
	opts.output.bind(cmd)
	return cmd
}

func runChanges(app *App, cmd *cobra.Command, opts *changesOptions) error {
	filter, err := opts.filter.parse(cmd)
	if err != nil {
		return err
	}
	if err := opts.output.check(cmd); err != nil {
		return err
	}
	since, until := filter.Since, filter.Until // the span of the events, not a filter of deals
	filter.Since, filter.Until = deal.Date{}, deal.Date{}
	_, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	cs := report.Changes(ds, since, until)
	app.noteEmpty(len(cs), "nothing changed in that span")
	o := opts.output.options()
	if o.Format == "markdown" {
		return changesMarkdown(app.Out, cs, since, until, o.NoHeaders)
	}
	if o.Records() {
		return render.Render(app.Out, o, tableRecord{nil, changeRecords(cs)})
	}
	return render.Render(app.Out, o, tableRecord{changesTable(cs), nil})
}

func changesTable(cs []report.Change) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "date"}, {Key: "deal"}, {Key: "event"}, {Key: "change"}, {Key: "source"}}}
	for _, c := range cs {
		source := ""
		if c.Source != nil {
			source = c.Source.URL
		}
		t.Rows = append(t.Rows, []render.Cell{render.Str(c.Date.String()), render.Str(c.Deal.ID), render.Str(string(c.Event)), render.Str(changeText(c)), render.Str(source)})
	}
	return t
}

// changeText says what changed, for people: "announced → paused",
// "≤$100B → $30B", "superseded by X", or the note.
func changeText(c report.Change) string {
	var s string
	switch c.Event {
	case report.Announced:
		s = c.To
	case report.Superseded:
		s = "superseded by " + c.To
	case report.Noted:
	default:
		from := c.From
		if from == "" {
			from = "not stated"
		}
		s = c.Field + ": " + from + " → " + c.To
	}
	if c.Note != "" {
		if s != "" {
			s += " — "
		}
		s += c.Note
	}
	return s
}

// changesMarkdown writes the events as a newsletter section: a heading for
// the span, then one line per event with a link to its source.
func changesMarkdown(w io.Writer, cs []report.Change, since, until deal.Date, noHeading bool) error {
	var b strings.Builder
	span := "What changed"
	switch {
	case !since.IsZero() && !until.IsZero():
		span += fmt.Sprintf(", %s to %s", since, until)
	case !since.IsZero():
		span += " since " + since.String()
	case !until.IsZero():
		span += " until " + until.String()
	}
	if !noHeading { // --no-headers: the items only, to add to a section already written
		fmt.Fprintf(&b, "## %s\n\n", span)
	}
	if len(cs) == 0 {
		b.WriteString("Nothing changed.\n")
	}
	for _, c := range cs {
		line := fmt.Sprintf("- **%s**, %s: %s", c.Date, c.Deal.Title, eventText(c))
		if c.Source != nil && c.Source.URL != "" {
			name := c.Source.Publisher
			if name == "" {
				name = "source"
			}
			line += fmt.Sprintf(" ([%s](%s))", name, c.Source.URL)
		}
		b.WriteString(line + " `" + c.Deal.ID + "`\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func eventText(c report.Change) string {
	switch c.Event {
	case report.Announced:
		figures := strings.Trim(strings.ReplaceAll(c.To, "undisclosed", ""), ", ")
		if figures == "" {
			return "announced, no figure given"
		}
		return "announced at " + figures
	case report.Noted:
		return strings.TrimSuffix(c.Note, ".")
	}
	return changeText(c)
}

// changeRecord is an event in json and yaml. Keys are a contract: never
// rename one; add new ones.
type changeRecord struct {
	Date   string             `json:"date" yaml:"date"`
	ID     string             `json:"id" yaml:"id"`
	Title  string             `json:"title" yaml:"title"`
	Event  string             `json:"event" yaml:"event"`
	Field  *string            `json:"field" yaml:"field"`
	From   *string            `json:"from" yaml:"from"`
	To     *string            `json:"to" yaml:"to"`
	Note   *string            `json:"note" yaml:"note"`
	Source *view.SourceRecord `json:"source" yaml:"source"`
}

func changeRecords(cs []report.Change) []changeRecord {
	out := make([]changeRecord, len(cs))
	for i, c := range cs {
		out[i] = changeRecord{c.Date.String(), c.Deal.ID, c.Deal.Title, string(c.Event), optString(c.Field), optString(c.From), optString(c.To), optString(c.Note), nil}
		if c.Source != nil {
			s := view.SourceRecords([]deal.Source{*c.Source})[0]
			out[i].Source = &s
		}
	}
	return out
}
