package report

import (
	"cmp"
	"slices"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Event names what happened to a deal on a date.
type Event string

// The events of a change log.
const (
	Announced  Event = "announced"  // the deal was announced
	NewStatus  Event = "status"     // its status changed
	Revised    Event = "revised"    // a figure changed
	Superseded Event = "superseded" // another deal replaced it
	Noted      Event = "note"       // an update that changed no field
)

// Change is one event of the data: a deal announced, or what one of its
// updates changed. An update that changes several fields makes one Change
// per field.
type Change struct {
	Date     deal.Date
	Deal     *deal.Deal
	Event    Event
	Field    string // the key that changed ("status", "dollars"...); "" for an announcement or a note
	From, To string // the value before and after, for people ("≤$100B", "signed"); From is "" when none was stated
	Note     string
	Source   *deal.Source // the update's first source, else the deal's
}

// Changes lists every event of ds dated within [since, until] (either may
// be zero: no bound), oldest first, then by deal id. An update dated the
// day of the announcement records the deal as announced and is part of the
// announcement, not a change.
func Changes(ds []*deal.Deal, since, until deal.Date) []Change {
	in := func(d deal.Date) bool {
		return (since.IsZero() || d.Last() >= since.First()) && (until.IsZero() || d.First() <= until.Last())
	}
	var out []Change
	for _, d := range ds {
		if in(d.Announced) {
			out = append(out, announcement(d))
		}
		var before deal.Update // the values the updates so far set
		for i, u := range d.Updates {
			initial := u.Date == d.Announced
			if !initial && in(u.Date) {
				out = append(out, updateChanges(d, i, before)...)
			}
			before.Apply(u)
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Date.First(), b.Date.First()), cmp.Compare(a.Deal.ID, b.Deal.ID))
	})
	return out
}

func announcement(d *deal.Deal) Change {
	first := d.AsOf(d.Announced)
	c := Change{Date: d.Announced, Deal: d, Event: Announced, To: headline(first)}
	if len(d.Sources) > 0 {
		c.Source = &d.Sources[0]
	}
	for _, u := range d.Updates {
		if u.Date == d.Announced && u.Note != "" {
			c.Note = u.Note
		}
	}
	return c
}

// headline is a deal's figures for people: "≤$100B, ≥10 GW".
func headline(d *deal.Deal) string {
	var parts []string
	for _, s := range []string{d.Dollars.Human(), d.Amount.Human(), d.Power.Human()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += ", "
		}
		out += p
	}
	return out
}

// updateChanges are the changes update i of d makes, given the values the
// updates before it set.
func updateChanges(d *deal.Deal, i int, before deal.Update) []Change {
	u := d.Updates[i]
	base := Change{Date: u.Date, Deal: d, Note: u.Note}
	switch {
	case len(u.Sources) > 0:
		base.Source = &u.Sources[0]
	case len(d.Sources) > 0:
		base.Source = &d.Sources[0]
	}
	var out []Change
	add := func(ev Event, field, from, to string) {
		c := base
		c.Event, c.Field, c.From, c.To = ev, field, from, to
		out = append(out, c)
	}
	if u.Status != "" {
		from := string(before.Status)
		if from == "" {
			from = "announced"
		}
		add(NewStatus, "status", from, string(u.Status))
	}
	if u.Dollars.Q != deal.None {
		add(Revised, "dollars", before.Dollars.Human(), u.Dollars.Human())
	}
	if u.Amount.Q != deal.None {
		add(Revised, "amount", before.Amount.Human(), u.Amount.Human())
	}
	if u.Power.Q != deal.None {
		add(Revised, "gigawatts", before.Power.Human(), u.Power.Human())
	}
	if u.SupersededBy != "" {
		add(Superseded, "superseded_by", before.SupersededBy, u.SupersededBy)
	}
	if len(out) == 0 {
		add(Noted, "", "", "")
	}
	return out
}
