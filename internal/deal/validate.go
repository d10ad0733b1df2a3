package deal

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
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

// ReservedID is the one id no deal may have: its file would be the
// party registry.
const ReservedID = "parties"

// CheckID says what is wrong with id, or nil.
func CheckID(id string) error {
	if id == ReservedID {
		return fmt.Errorf("id %q is taken: parties.yaml is the party registry (choose another id)", id)
	}
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
		s.validate(func() string { return fmt.Sprintf("sources[%d]", i) }, add)
	}
	if d.SupersededBy != "" && d.SupersededBy == d.ID {
		add("superseded_by", "a deal cannot replace itself")
	}
	for i, f := range d.Reported {
		path := fmt.Sprintf("reported[%d]", i)
		switch {
		case !slices.Contains(Figures, f):
			add(path, "unknown figure %q (use %s)", f, strings.Join(Figures, ", "))
		case !d.figureKnown(f):
			add(path, "%s is reported, but the deal states no %s figure", f, f)
		}
	}
	for i, l := range d.Locations {
		if l == (Location{}) {
			add(fmt.Sprintf("location[%d]", i), "give a site, a region or a country")
		}
	}
	d.validateUpdates(add)
	return errs
}

// figureKnown reports whether d states figure f (one of Figures).
func (d *Deal) figureKnown(f string) bool {
	switch f {
	case "dollars":
		return d.Dollars.Known()
	case "gigawatts":
		return d.Power.Known()
	}
	return d.Amount.Known()
}

func (d *Deal) validateUpdates(add func(field, format string, args ...any)) {
	if len(d.Updates) == 0 {
		return
	}
	for i, u := range d.Updates {
		at := "updates[" + strconv.Itoa(i) + "]"
		if i > 0 && u.Date.First() < d.Updates[i-1].Date.First() {
			add(at+".date", "updates go oldest first (%s is before %s)", u.Date, d.Updates[i-1].Date)
		}
		if !u.Date.IsZero() && !d.Announced.IsZero() && u.Date.Last() < d.Announced.First() {
			add(at+".date", "%s is before the deal was announced (%s)", u.Date, d.Announced)
		}
		if u.SupersededBy != "" && u.SupersededBy == d.ID {
			add(at+".superseded_by", "a deal cannot replace itself")
		}
		if len(u.Sets()) == 0 && strings.TrimSpace(u.Note) == "" && len(u.Sources) == 0 {
			add(at, "an update says what changed: a status, a figure, superseded_by, a note or sources")
		}
		for j, s := range u.Sources {
			s.validate(func() string { return fmt.Sprintf("%s.sources[%d]", at, j) }, add)
		}
	}
	last, at := d.Latest()
	for _, f := range []struct {
		key       string
		top, last string
	}{
		{"status", string(d.Status), string(last.Status)},
		{"dollars", d.Dollars.String(), last.Dollars.String()},
		{"amount", d.Amount.String(), last.Amount.String()},
		{"gigawatts", d.Power.String(), last.Power.String()},
		{"superseded_by", d.SupersededBy, last.SupersededBy},
	} {
		i, set := at[f.key]
		if set && f.top != f.last {
			top := f.top
			if top == "" {
				top = "absent"
			}
			add(f.key, "%s here, but the last update that sets it (updates[%d], %s) says %s: the top-level fields are the deal after its last update",
				top, i, d.Updates[i].Date, f.last)
		}
	}
}

// validate checks one source; path is where it sits ("sources[0]").
// validate checks s; at names it (written only for a problem).
func (s Source) validate(at func() string, add func(field, format string, args ...any)) {
	bad := func(field, format string, args ...any) { add(at()+field, format, args...) }
	title, desc := strings.TrimSpace(s.Title) != "", strings.TrimSpace(s.Description) != ""
	switch {
	case !title && !desc:
		bad(".title", "%s (the headline as published; when no headline is known, a description instead)", MsgRequired)
	case title && desc:
		bad(".description", "a source has a title (the headline) or a description, not both")
	}
	if s.Publisher == "" && s.URL == "" {
		bad("", "give a publisher or a url")
	}
	if s.URL != "" {
		if err := CheckURL(s.URL); err != nil {
			bad(".url", "%v", err)
		}
	}
	if s.Via != "" && s.URL == "" {
		bad(".via", "via names the site a copy was read on: give its url too")
	}
}

// CheckURL says what is wrong with a source's url, or nil: it must be an
// absolute http or https URL with a host.
func CheckURL(s string) error {
	if plainURL(s) {
		return nil
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || strings.ContainsAny(s, " \t\n"):
		return fmt.Errorf("%q is not a URL (write it whole, as https://…)", short(s))
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%q: a url starts with https:// or http://", short(s))
	case u.Host == "":
		return fmt.Errorf("%q: a url needs a host (https://example.com/…)", short(s))
	}
	return nil
}

// plainURL reports whether s is an http(s) URL that url.Parse surely
// accepts with a host: a scheme, a host of letters, digits, dots and
// dashes, and then only characters that need no checking (no escapes, no
// port, no brackets). Anything else is left to url.Parse.
func plainURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	host := true
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '-':
		case host && (c == '/' || c == '?' || c == '#'):
			if i == 0 {
				return false
			}
			host = false
		case !host && strings.IndexByte("/?#_~=&+,;:@!$*()'", c) >= 0:
		default:
			return false
		}
	}
	return len(rest) > 0
}
