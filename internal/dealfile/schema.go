// Package dealfile is the deal file and the party registry as files: one
// schema of their keys, from which decoding (YAML nodes to a deal, with
// each problem at its node), encoding (a deal to its canonical file), the
// canonical form fmt writes, and the reference in the docs all come. It
// knows YAML and the model, not folders: a Reporter records problems.
package dealfile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/suggest"
)

// Reporter records the problems found while decoding, each at a node (nil
// for the file as a whole).
type Reporter interface {
	Report(n *yaml.Node, warning bool, msg string)
	// ErrorAt reports whether an error was recorded at n.
	ErrorAt(n *yaml.Node) bool
	// Strict reports whether to warn also of what only check --strict
	// refuses: a source without a url.
	Strict() bool
}

// Form is how a key's value is written in canonical form.
type Form uint8

const (
	Text    Form = iota // a string, plain when YAML allows it
	Date                // YYYY-MM-DD or YYYY-MM
	Dollars             // an amount in US dollars: "up to $100B"
	Money               // a figure in another currency: "EUR 5.5B"
	Power               // "10 GW"
	Names               // a list of short strings, on one line: [NVIDIA, OpenAI]
	Records             // a list of mappings, each {key: value, ...}
	Notes               // free text, a literal block when it has several lines
	Country             // an ISO 3166-1 alpha-2 code; a country's name becomes its code
)

// field is one key of a mapping whose values decode into a T.
type field[T any] struct {
	key    string
	form   Form
	doc    string  // what the key holds, for the reference
	items  *Schema // the schema of a Records list's items
	decode func(dc *decoder, n *yaml.Node, path fieldPath, v *T)
	encode func(v *T) *yaml.Node // nil when the value is empty
}

// Schema describes one kind of mapping for fmt and for the reference:
// its keys in canonical order, each key's form, the schema of the items
// of its Records lists, and what each key holds.
type Schema struct {
	Keys  []string
	Form  map[string]Form
	Items map[string]*Schema
	Doc   map[string]string
}

func describe[T any](fields []field[T]) *Schema {
	s := &Schema{Form: map[string]Form{}, Items: map[string]*Schema{}, Doc: map[string]string{}}
	for _, f := range fields {
		s.Keys = append(s.Keys, f.key)
		s.Form[f.key], s.Doc[f.key] = f.form, f.doc
		if f.items != nil {
			s.Items[f.key] = f.items
		}
	}
	return s
}

// Scalar helpers for the tables: each decodes or encodes one kind of value.

func textField[T any](key, doc string, get func(*T) *string) field[T] {
	return field[T]{key: key, form: Text, doc: doc,
		decode: func(dc *decoder, n *yaml.Node, path fieldPath, v *T) { *get(v) = dc.str(n, path) },
		encode: func(v *T) *yaml.Node { return str(*get(v)) }}
}

func partyField[T any](key, doc string, get func(*T) *string) field[T] {
	f := textField(key, doc, get)
	f.decode = func(dc *decoder, n *yaml.Node, path fieldPath, v *T) { *get(v) = dc.party(n, path) }
	return f
}

func oneOfField[T any, E ~string](key, doc string, form Form, get func(*T) *E, parse func(string) (E, error)) field[T] {
	return field[T]{key: key, form: form, doc: doc,
		decode: func(dc *decoder, n *yaml.Node, path fieldPath, v *T) { *get(v) = parseValue(dc, n, path, parse) },
		encode: func(v *T) *yaml.Node { return str(string(*get(v))) }}
}

func figureField[T any, F fmt.Stringer](key, doc string, form Form, get func(*T) *F, parse func(string) (F, error)) field[T] {
	return field[T]{key: key, form: form, doc: doc,
		decode: func(dc *decoder, n *yaml.Node, path fieldPath, v *T) { *get(v) = parseValue(dc, n, path, parse) },
		encode: func(v *T) *yaml.Node { return str((*get(v)).String()) }}
}

func dateField[T any](key, doc string, get func(*T) *deal.Date) field[T] {
	return figureField(key, doc, Date, get, deal.ParseDate)
}

// namesField is a list of strings; a single value is a list of one,
// except for a list of parties, whose single value is a likely mistake.
func namesField[T any](key, doc string, get func(*T) *[]string, each func(dc *decoder, n *yaml.Node, path fieldPath) string) field[T] {
	return field[T]{key: key, form: Names, doc: doc,
		decode: func(dc *decoder, n *yaml.Node, path fieldPath, v *T) {
			if n.Kind == yaml.ScalarNode && n.Tag != "!!null" && key != "parties" {
				n = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}
			}
			*get(v) = dc.list(n, path, each)
		},
		encode: func(v *T) *yaml.Node { return seq(*get(v), str) }}
}

func recordsField[T, V any](key, doc string, get func(*T) *[]V, fields []field[V], check func(dc *decoder, n *yaml.Node, path fieldPath, v *V)) field[T] {
	return field[T]{key: key, form: Records, doc: doc, items: describe(fields),
		decode: func(dc *decoder, n *yaml.Node, path fieldPath, v *T) {
			*get(v) = decodeItems(dc, n, path, fields, check)
		},
		encode: func(v *T) *yaml.Node {
			return seq(*get(v), func(it V) *yaml.Node { return encodeFields(&it, fields) })
		}}
}

// The deal file.

var dealFields = []field[deal.Deal]{
	textField("title", "the headline of the deal, one line; required", func(d *deal.Deal) *string { return &d.Title }),
	dateField("announced", "YYYY-MM-DD, or YYYY-MM when only the month is known; required", func(d *deal.Deal) *deal.Date { return &d.Announced }),
	oneOfField("status", "one of the statuses; required", Text, func(d *deal.Deal) *deal.Status { return &d.Status }, deal.ParseStatus),
	oneOfField("kind", "one of the kinds; required", Text, func(d *deal.Deal) *deal.Kind { return &d.Kind }, deal.ParseKind),
	namesField("parties", "at least one; names or aliases from parties.yaml", func(d *deal.Deal) *[]string { return &d.Parties }, (*decoder).party),
	figureField("dollars", "US dollars, only where a source states them: $100B, up to, over, at least, about, nearly, $10B-$20B, undisclosed", Dollars, func(d *deal.Deal) *deal.Amount { return &d.Dollars }, deal.ParseAmount),
	figureField("amount", "a figure in another currency, as stated: EUR 5.5B, £5B, ¥1 trillion", Money, func(d *deal.Deal) *deal.Money { return &d.Amount }, deal.ParseMoney),
	figureField("gigawatts", "power: 10 GW, 750 MW, with the same qualifiers", Power, func(d *deal.Deal) *deal.Power { return &d.Power }, deal.ParsePower),
	figureField("valuation", "post-money valuation of a funding round, in US dollars", Dollars, func(d *deal.Deal) *deal.Amount { return &d.Valuation }, deal.ParseAmount),
	textField("horizon", "free text: when the money or power arrives", func(d *deal.Deal) *string { return &d.Horizon }),
	locationField,
	textField("part_of", "the id of the umbrella deal this one is a piece of", func(d *deal.Deal) *string { return &d.PartOf }),
	textField("superseded_by", "the id of the deal that replaced this one", func(d *deal.Deal) *string { return &d.SupersededBy }),
	namesField("reported", "figures that rest on press reports only: dollars, gigawatts, amount", func(d *deal.Deal) *[]string { return &d.Reported }, (*decoder).item),
	recordsField("flows", "who pays whom", func(d *deal.Deal) *[]deal.Flow { return &d.Flows }, flowFields, checkFlow),
	recordsField("sources", "at least one; the best first", func(d *deal.Deal) *[]deal.Source { return &d.Sources }, sourceFields, nil),
	namesField("tags", "short words to group deals by", func(d *deal.Deal) *[]string { return &d.Tags }, (*decoder).item),
	{key: "notes", form: Notes, doc: "free text for the reader of the deal",
		decode: func(dc *decoder, n *yaml.Node, path fieldPath, d *deal.Deal) { d.Notes = dc.str(n, path) },
		encode: func(d *deal.Deal) *yaml.Node { return str(d.Notes) }},
	recordsField("updates", "dated changes, oldest first; the top-level fields are the deal after the last", func(d *deal.Deal) *[]deal.Update { return &d.Updates }, updateFields, checkUpdate),
}

var flowFields = []field[deal.Flow]{
	partyField("from", "the party that pays", func(f *deal.Flow) *string { return &f.From }),
	partyField("to", "the party that is paid", func(f *deal.Flow) *string { return &f.To }),
	figureField("dollars", "US dollars, or undisclosed", Dollars, func(f *deal.Flow) *deal.Amount { return &f.Dollars }, deal.ParseAmount),
	figureField("amount", "a figure in another currency", Money, func(f *deal.Flow) *deal.Money { return &f.Amount }, deal.ParseMoney),
	textField("for", "what the money buys: equity, GPU systems, cloud capacity", func(f *deal.Flow) *string { return &f.For }),
}

var sourceFields = []field[deal.Source]{
	textField("publisher", "the original outlet or party", func(s *deal.Source) *string { return &s.Publisher }),
	textField("title", "the headline exactly as published", func(s *deal.Source) *string { return &s.Title }),
	textField("description", "what the source says, when no headline is known (instead of title)", func(s *deal.Source) *string { return &s.Description }),
	dateField("date", "YYYY-MM-DD or YYYY-MM", func(s *deal.Source) *deal.Date { return &s.Date }),
	textField("url", "an absolute http(s) URL; check --strict warns when there is none", func(s *deal.Source) *string { return &s.URL }),
	textField("via", "the site a copy was read on, when url is a repost", func(s *deal.Source) *string { return &s.Via }),
	oneOfField("kind", "statement | filing | press | copy", Text, func(s *deal.Source) *deal.SourceKind { return &s.Kind }, deal.ParseSourceKind),
}

var updateFields = []field[deal.Update]{
	dateField("date", "YYYY-MM-DD or YYYY-MM; required", func(u *deal.Update) *deal.Date { return &u.Date }),
	oneOfField("status", "the new status", Text, func(u *deal.Update) *deal.Status { return &u.Status }, deal.ParseStatus),
	figureField("dollars", "the new dollar figure", Dollars, func(u *deal.Update) *deal.Amount { return &u.Dollars }, deal.ParseAmount),
	figureField("amount", "the new figure in another currency", Money, func(u *deal.Update) *deal.Money { return &u.Amount }, deal.ParseMoney),
	figureField("gigawatts", "the new power", Power, func(u *deal.Update) *deal.Power { return &u.Power }, deal.ParsePower),
	textField("superseded_by", "the id of the deal that replaced this one, from this date", func(u *deal.Update) *string { return &u.SupersededBy }),
	textField("note", "what happened", func(u *deal.Update) *string { return &u.Note }),
	recordsField("sources", "the update's own sources", func(u *deal.Update) *[]deal.Source { return &u.Sources }, sourceFields, nil),
}

var locationFields = []field[deal.Location]{
	textField("site", "free text: a town, a campus", func(l *deal.Location) *string { return &l.Site }),
	textField("region", "a state or province", func(l *deal.Location) *string { return &l.Region }),
	oneOfField("country", "ISO 3166-1 alpha-2 code (a country's name is accepted and normalised)", Country, func(l *deal.Location) *string { return &l.Country }, deal.ParseCountry),
}

// locationField takes one mapping or a list of them, and is written as a
// list.
var locationField = func() field[deal.Deal] {
	f := recordsField("location", "where: one {site, region, country} or a list of them", func(d *deal.Deal) *[]deal.Location { return &d.Locations }, locationFields, nil)
	list := f.decode
	f.decode = func(dc *decoder, n *yaml.Node, path fieldPath, d *deal.Deal) {
		if n.Kind == yaml.MappingNode {
			n = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: n.Line, Column: n.Column, Content: []*yaml.Node{n}}
		}
		list(dc, n, path, d)
	}
	return f
}()

// The party registry: one mapping per party, under its canonical name.

var partyFields = []field[deal.Party]{
	namesField("aliases", "other names it goes by", func(p *deal.Party) *[]string { return &p.Aliases }, (*decoder).item),
	oneOfField("kind", "company | fund | government | person", Text, func(p *deal.Party) *string { return &p.Kind }, enum("kind", deal.PartyKinds)),
	oneOfField("sector", strings.Join(deal.Sectors, " | "), Text, func(p *deal.Party) *string { return &p.Sector }, enum("sector", deal.Sectors)),
	textField("ticker", "its stock ticker, where listed", func(p *deal.Party) *string { return &p.Ticker }),
	oneOfField("country", "where it is based: ISO 3166-1 alpha-2", Country, func(p *deal.Party) *string { return &p.Country }, deal.ParseCountry),
}

func enum(what string, set []string) func(string) (string, error) {
	return func(s string) (string, error) {
		if slices.Contains(set, s) {
			return s, nil
		}
		return "", fmt.Errorf("unknown %s (use %s)", what, strings.Join(set, ", "))
	}
}

// DealSchema describes a deal file; PartySchema one party of the registry.
var (
	DealSchema  = describe(dealFields)
	PartySchema = describe(partyFields)
)

// Decoding.

// decoder decodes the nodes of one file, reporting to r and resolving
// party names against reg (which may be nil).
type decoder struct {
	r   Reporter
	reg *deal.Registry
}

func (dc *decoder) errorf(n *yaml.Node, format string, args ...any) {
	dc.r.Report(n, false, fmt.Sprintf(format, args...))
}

// Positions are the line and column of the keys that name other deals,
// for the checks that span files; zero when absent.
type Positions struct {
	PartOf, SupersededBy [2]int
}

// Decode reads a deal file's top-level mapping into a deal with the given
// id, then checks the deal's own rules, each problem at its node.
func Decode(r Reporter, root *yaml.Node, id string, reg *deal.Registry) (*deal.Deal, Positions) {
	dc := &decoder{r: r, reg: reg}
	d := &deal.Deal{ID: id}
	decodeFields(dc, root, "deal", fieldPath{}, d, dealFields)
	for _, e := range d.Validate() {
		n, present := lookup(root, e.Field)
		if present && e.Msg == deal.MsgRequired && r.ErrorAt(n) {
			continue // the key is there with a bad value, already reported
		}
		dc.errorf(n, "%s", e.Error())
	}
	if r.Strict() {
		for i, s := range d.Sources {
			warnNoURL(r, root, fmt.Sprintf("sources[%d]", i), s)
		}
		for i, u := range d.Updates {
			for j, s := range u.Sources {
				warnNoURL(r, root, fmt.Sprintf("updates[%d].sources[%d]", i, j), s)
			}
		}
	}
	var at Positions
	if n, ok := lookup(root, "part_of"); ok {
		at.PartOf = [2]int{n.Line, n.Column}
	}
	if n, ok := lookup(root, "superseded_by"); ok {
		at.SupersededBy = [2]int{n.Line, n.Column}
	}
	return d, at
}

// warnNoURL warns about a source a reader cannot follow.
func warnNoURL(r Reporter, root *yaml.Node, path string, s deal.Source) {
	if s.URL == "" {
		n, _ := lookup(root, path)
		r.Report(n, true, path+": no url (add the address where the source can be read)")
	}
}

// DecodeRegistry reads parties.yaml's top-level mapping:
//
//	NVIDIA: {aliases: [Nvidia, NVIDIA Corp], kind: company, sector: chipmaker, ticker: NVDA, country: US}
func DecodeRegistry(r Reporter, root *yaml.Node) *deal.Registry {
	dc := &decoder{r: r}
	reg := &deal.Registry{}
	dc.eachPair(root, func(name string, k, v *yaml.Node) {
		p := deal.Party{Name: name}
		if v.Tag != "!!null" {
			decodeFields(dc, v, "party "+name, fieldPath{}, &p, partyFields)
		}
		if err := reg.Add(p); err != nil {
			dc.errorf(k, "%v", err)
		}
	})
	return reg
}

// indexFrom finds key among fields, looking from index from on: in a
// formatted file the keys come in the schema's order, so the next key is
// found at once.
func indexFrom[T any](fields []field[T], key string, from int) int {
	for i := from; i < len(fields); i++ {
		if fields[i].key == key {
			return i
		}
	}
	for i := range min(from, len(fields)) {
		if fields[i].key == key {
			return i
		}
	}
	return -1
}

// decodeFields decodes mapping n through fields; any other key is an error
// that names the likely one. what names the mapping in messages, or "" to
// name it by its path ("flows[0]"); path is empty at the top.
func decodeFields[T any](dc *decoder, n *yaml.Node, what string, path fieldPath, v *T, fields []field[T]) {
	if n.Kind != yaml.MappingNode {
		dc.errorf(n, "%s: want a mapping of keys, not a %s", orPath(what, path), KindName(n))
		return
	}
	at := 0
	dc.eachPair(n, func(key string, k, val *yaml.Node) {
		i := indexFrom(fields, key, at)
		if i < 0 {
			keys := make([]string, len(fields))
			for j, f := range fields {
				keys[j] = f.key
			}
			dc.errorf(k, "%s: unknown key %q%s", orPath(what, path), key, suggestKey(key, keys))
			return
		}
		fields[i].decode(dc, val, path.child(key), v)
		at = i
	})
}

// orPath names a mapping in a message: what, else its path.
func orPath(what string, path fieldPath) string {
	if what != "" {
		return what
	}
	return path.String()
}

// fieldPath is where a value sits in a file, made into text ("flows[0].to")
// only for a message: decoding a file builds no string for its paths.
type fieldPath struct {
	list  string // the path of the list the value is an item of, or ""
	index int    // its index in that list
	key   string // its key ("" for the item itself); at the top, the key alone
}

// String writes p as check prints it: "title", "flows[0]", "flows[0].to".
func (p fieldPath) String() string {
	if p.list == "" {
		return p.key
	}
	s := p.list + "[" + strconv.Itoa(p.index) + "]"
	if p.key != "" {
		s += "." + p.key
	}
	return s
}

// child is the path of key in the mapping at p.
func (p fieldPath) child(key string) fieldPath {
	if p.key != "" {
		return fieldPath{key: p.String() + "." + key} // a mapping in a mapping: rare, so built now
	}
	p.key = key
	return p
}

// item is the path of item i of the list at p.
func (p fieldPath) item(i int) fieldPath { return fieldPath{list: p.String(), index: i} }

func decodeItems[V any](dc *decoder, n *yaml.Node, path fieldPath, fields []field[V], check func(*decoder, *yaml.Node, fieldPath, *V)) []V {
	if n.Kind != yaml.SequenceNode {
		dc.errorf(n, "%s: want a list, not a %s", path, KindName(n))
		return nil
	}
	out := make([]V, len(n.Content))
	for i, c := range n.Content {
		at := path.item(i)
		decodeFields(dc, c, "", at, &out[i], fields)
		if check != nil {
			check(dc, c, at, &out[i])
		}
	}
	return out
}

func checkFlow(dc *decoder, n *yaml.Node, path fieldPath, f *deal.Flow) {
	if f.From == "" || f.To == "" {
		dc.errorf(n, "%s: a flow needs from and to", path)
	}
}

func checkUpdate(dc *decoder, n *yaml.Node, path fieldPath, u *deal.Update) {
	if u.Date.IsZero() && n.Kind == yaml.MappingNode && valueOf(n, "date") == nil {
		dc.errorf(n, "%s: an update needs a date", path)
	}
}

// eachPair calls f for every key of mapping n, refusing duplicate keys.
func (dc *decoder) eachPair(n *yaml.Node, f func(key string, k, v *yaml.Node)) {
	var seen map[string]int // for a big mapping (a registry); a deal's keys are searched
	if len(n.Content) > 32 {
		seen = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			dc.errorf(k, "a key must be a plain word")
			continue
		}
		if line, dup := firstKey(n, i, k.Value, seen); dup {
			dc.errorf(k, "duplicate key %s (first on line %d)", k.Value, line)
			continue
		}
		if seen != nil {
			seen[k.Value] = k.Line
		}
		f(k.Value, k, v)
	}
}

// firstKey finds key among the keys of mapping n before position i, in
// seen when there is one, and returns its line.
func firstKey(n *yaml.Node, i int, key string, seen map[string]int) (int, bool) {
	if seen != nil {
		line, ok := seen[key]
		return line, ok
	}
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Kind == yaml.ScalarNode && k.Value == key {
			return k.Line, true
		}
	}
	return 0, false
}

// suggestKey says which known key an unknown one was probably meant to be.
func suggestKey(key string, keys []string) string {
	if key != "" && key[0] >= '0' && key[0] <= '9' {
		return ` (inside {...} a comma separates entries: quote a figure that holds one, like "1,000")`
	}
	if hint := suggest.Hint(strings.ToLower(key), keys); hint != "" {
		return hint
	}
	return " (known keys: " + strings.Join(keys, ", ") + ")"
}

// str returns scalar n's text; null is "".
func (dc *decoder) str(n *yaml.Node, path fieldPath) string {
	if n.Kind != yaml.ScalarNode {
		dc.errorf(n, "%s: want a single value, not a %s", path, KindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// item is a list item's text.
func (dc *decoder) item(n *yaml.Node, path fieldPath) string { return dc.str(n, path) }

// list returns sequence n's items through each. Empty items are dropped.
func (dc *decoder) list(n *yaml.Node, path fieldPath, each func(*decoder, *yaml.Node, fieldPath) string) []string {
	if n.Kind != yaml.SequenceNode {
		example := "[a, b]"
		if path.key == "parties" {
			example = "[NVIDIA, OpenAI]"
		}
		dc.errorf(n, "%s: want a list like %s, not a %s", path, example, KindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if s := each(dc, c, path.item(i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// party resolves a name to its canonical form, warning about names the
// registry does not know.
func (dc *decoder) party(n *yaml.Node, path fieldPath) string {
	name := dc.str(n, path)
	if name == "" || dc.reg == nil {
		return name
	}
	if c, ok := dc.reg.Canonical(name); ok {
		return c
	}
	hint := "; add it to parties.yaml"
	if s := dc.reg.Suggest(name); s != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", s)
	}
	dc.r.Report(n, true, fmt.Sprintf("%s: %q is not in parties.yaml%s", path, name, hint))
	return name
}

// parseValue decodes scalar n with parse, recording the error as
// `path: "input": message`.
func parseValue[T any](dc *decoder, n *yaml.Node, path fieldPath, parse func(string) (T, error)) T {
	var zero T
	s := dc.str(n, path)
	if s == "" && n.Kind == yaml.ScalarNode {
		dc.errorf(n, "%s: no value (write one or remove the key)", path)
		return zero
	}
	v, err := parse(s)
	if err != nil && s != "" {
		dc.errorf(n, "%s: %q: %v", path, s, err)
	}
	return v
}

// KindName names a YAML node's kind for messages: mapping, list, single
// value.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	}
	return "YAML node"
}

// lookup finds the node of a field path ("flows[1].to") under root. When
// the path does not lead all the way, it returns the nearest node on it.
func lookup(root *yaml.Node, field string) (*yaml.Node, bool) {
	n := root
	for rest := field; rest != ""; {
		var next *yaml.Node
		if rest[0] == '[' {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return n, false
			}
			i, err := strconv.Atoi(rest[1:end])
			rest = rest[end+1:]
			if n.Kind == yaml.MappingNode && i == 0 { // location written as one mapping
				next = n
			} else if err == nil && n.Kind == yaml.SequenceNode && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		} else {
			rest = strings.TrimPrefix(rest, ".")
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			next, rest = valueOf(n, rest[:end]), rest[end:]
		}
		if next == nil {
			return n, false
		}
		n = next
	}
	return n, true
}

// valueOf returns the value of key in mapping n, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// Encoding.

// Encode returns the canonical file for d: what Canonical would make of
// it. Its ID is the file's name, not part of its content.
func Encode(d *deal.Deal) (out []byte, err error) {
	defer catch(&err)
	m := encodeFields(d, dealFields)
	if err := canonical(m, DealSchema); err != nil {
		return nil, err
	}
	return encode(m)
}

func encodeFields[T any](v *T, fields []field[T]) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, f := range fields {
		if n := f.encode(v); n != nil {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.key}, n)
		}
	}
	return m
}

// str is a string node, or nil for "".
func str(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// seq is a list node of one node per item, or nil when there are none.
func seq[T any](items []T, node func(T) *yaml.Node) *yaml.Node {
	if len(items) == 0 {
		return nil
	}
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		if n := node(it); n != nil {
			s.Content = append(s.Content, n)
		}
	}
	return s
}

// Reference is the deal file's keys as a markdown table, in canonical
// order, with the keys of list items under their list: the one description
// of the format that init's README and the generated docs print.
func Reference() string {
	var b strings.Builder
	b.WriteString("| key | holds |\n| --- | --- |\n")
	var rows func(s *Schema, prefix string)
	rows = func(s *Schema, prefix string) {
		for _, k := range s.Keys {
			fmt.Fprintf(&b, "| `%s%s` | %s |\n", prefix, k, s.Doc[k])
			if items := s.Items[k]; items != nil {
				rows(items, prefix+k+"[].")
			}
		}
	}
	rows(DealSchema, "")
	b.WriteString("\n`parties.yaml` maps each party's name to:\n\n| key | holds |\n| --- | --- |\n")
	rows(PartySchema, "")
	return b.String()
}
