package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
)

// Changes is changes' report: a row per event, in date order, with its
// deal, what changed and the source that says so.
func Changes(cs []report.Change) render.Report { return changeList(cs) }

type changeList []report.Change

func (cs changeList) Table() *render.Table { return changesTable(cs) }
func (cs changeList) Record() any          { return changeRecords(cs) }

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

// ChangesMarkdown writes the events as a newsletter section: a heading for
// the span, then one line per event with a link to its source.
func ChangesMarkdown(w io.Writer, cs []report.Change, since, until deal.Date, noHeading bool) error {
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
	Date   string        `json:"date" yaml:"date"`
	ID     string        `json:"id" yaml:"id"`
	Title  string        `json:"title" yaml:"title"`
	Event  string        `json:"event" yaml:"event"`
	Field  *string       `json:"field" yaml:"field"`
	From   *string       `json:"from" yaml:"from"`
	To     *string       `json:"to" yaml:"to"`
	Note   *string       `json:"note" yaml:"note"`
	Source *sourceRecord `json:"source" yaml:"source"`
}

func changeRecords(cs []report.Change) []changeRecord {
	out := make([]changeRecord, len(cs))
	for i, c := range cs {
		out[i] = changeRecord{c.Date.String(), c.Deal.ID, c.Deal.Title, string(c.Event), optString(c.Field), optString(c.From), optString(c.To), optString(c.Note), nil}
		if c.Source != nil {
			s := sourceRecords([]deal.Source{*c.Source})[0]
			out[i].Source = &s
		}
	}
	return out
}
