package deal

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// FieldError is a broken rule, with the path of the field it concerns
// ("parties[1]", "flows[0].to"; "" for the deal as a whole).
type FieldError struct {
	Field string
	Msg   string
}

func (e FieldError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return e.Field + ": " + e.Msg
}

// MaxTitleLen caps a title, in characters: a title is one line of a table.
const MaxTitleLen = 1000

// MsgRequired is the message of a missing required field.
const MsgRequired = "required"

// ID rules: lower-case letters, digits and single hyphens, 3 to 80 characters.
const (
	MinIDLen = 3
	MaxIDLen = 80
)

// CheckID says what is wrong with id, or nil.
func CheckID(id string) error {
	if len(id) < MinIDLen || len(id) > MaxIDLen {
		return fmt.Errorf("id %q must be %d to %d characters long", id, MinIDLen, MaxIDLen)
	}
	prev := byte('-')
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && prev != '-' && i != len(id)-1:
		default:
			return fmt.Errorf("id %q: use lower-case letters, digits and single hyphens, not at either end (for example nvidia-openai-10gw)", id)
		}
		prev = c
	}
	return nil
}

// Validate checks the rules a single deal obeys on its own. Names must
// already be canonical (so flows compare with parties exactly).
func (d *Deal) Validate() []FieldError {
	var errs []FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{field, fmt.Sprintf(format, args...)})
	}
	if err := CheckID(d.ID); err != nil {
		add("", "%v", err)
	}
	required := []struct {
		field string
		empty bool
	}{
		{"title", strings.TrimSpace(d.Title) == ""},
		{"announced", d.Announced.IsZero()},
		{"status", d.Status == ""},
		{"kind", d.Kind == ""},
		{"parties", len(d.Parties) == 0},
		{"sources", len(d.Sources) == 0},
	}
	for _, r := range required {
		if r.empty {
			add(r.field, MsgRequired)
		}
	}
	if n := utf8.RuneCountInString(d.Title); n > MaxTitleLen {
		add("title", "%d characters; a title is at most %d (put the rest in notes)", n, MaxTitleLen)
	}
	seen := map[string]int{}
	for i, p := range d.Parties {
		if j, dup := seen[p]; dup {
			add(fmt.Sprintf("parties[%d]", i), "%s is listed twice (also parties[%d])", p, j)
		}
		seen[p] = i
	}
	if d.PartOf != "" && d.PartOf == d.ID {
		add("part_of", "a deal cannot be part of itself")
	}
	for i, f := range d.Flows {
		for _, end := range []struct{ key, name string }{{"from", f.From}, {"to", f.To}} {
			if _, ok := seen[end.name]; !ok && end.name != "" {
				add(fmt.Sprintf("flows[%d].%s", i, end.key), "%s is not a party of this deal (parties: %s)", end.name, strings.Join(d.Parties, ", "))
			}
		}
		if f.From == f.To && f.From != "" {
			add(fmt.Sprintf("flows[%d]", i), "a flow from %s to itself", f.From)
		}
	}
	for i, s := range d.Sources {
		if strings.TrimSpace(s.Title) == "" {
			add(fmt.Sprintf("sources[%d].title", i), MsgRequired)
		}
		if s.Publisher == "" && s.URL == "" {
			add(fmt.Sprintf("sources[%d]", i), "give a publisher or a url")
		}
	}
	for i := 1; i < len(d.Updates); i++ {
		if d.Updates[i].Date.First() < d.Updates[i-1].Date.First() {
			add(fmt.Sprintf("updates[%d].date", i), "updates go oldest first (%s is before %s)", d.Updates[i].Date, d.Updates[i-1].Date)
		}
	}
	return errs
}
