package dealfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Width is the column a list item written on one line, {from: …, to: …},
// must fit in; when one item of a list does not, every item of that list
// is written as a block.
const Width = 100

// Canonical returns the content of a deal file in canonical form: keys in
// the schema's order, figures in their canonical notation, short lists on
// one line, multi-line notes as a block, comments kept. data must be one
// YAML document holding a mapping, as every valid deal file does.
func Canonical(data []byte) (out []byte, err error) {
	defer catch(&err)
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not a YAML document: %w", err)
	}
	if err := dec.Decode(new(yaml.Node)); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one YAML document")
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the top level is not a mapping")
	}
	if err := markerComment(data); err != nil {
		return nil, err
	}
	before := commentsByKey(doc.Content[0])
	if err := canonical(doc.Content[0], DealSchema); err != nil {
		return nil, err
	}
	out, err = encode(&doc)
	if err != nil {
		return nil, err
	}
	var again yaml.Node
	if err := yaml.Unmarshal(out, &again); err != nil || len(again.Content) != 1 {
		return nil, fmt.Errorf("internal error: the canonical form does not read back (%v)", err)
	}
	if err := sameComments(before, commentsByKey(again.Content[0])); err != nil {
		return nil, err
	}
	return out, nil
}

// commentsByKey lists the comment lines of a deal file under the top-level
// key they belong to ("" for the file's head and foot), in order.
func commentsByKey(m *yaml.Node) map[string][]string {
	out := map[string][]string{}
	add := func(key string, n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out[key] = append(out[key], line)
				}
			}
		}
	}
	var walk func(key string, n *yaml.Node)
	walk = func(key string, n *yaml.Node) {
		add(key, n)
		for _, c := range n.Content {
			walk(key, c)
		}
	}
	add("", m)
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := m.Content[i].Value
		walk(key, m.Content[i])
		walk(key, m.Content[i+1])
	}
	return out
}

// sameComments refuses a canonical form that would lose a comment or move
// it to another key: better no rewrite than a lost note.
func sameComments(before, after map[string][]string) error {
	for key, want := range before {
		got := after[key]
		for _, c := range want {
			if i := slices.Index(got, c); i >= 0 {
				got = slices.Delete(got, i, i+1)
				continue
			}
			where := "the file's head"
			if key != "" {
				where = key
			}
			return fmt.Errorf("the comment %q on %s cannot be kept in canonical form; move it to a line of its own above a key", c, where)
		}
	}
	return nil
}

// markerComment refuses a comment on a document marker (--- or ...), which
// YAML does not keep.
func markerComment(data []byte) error {
	for i, line := range strings.Split(string(data), "\n") {
		for _, m := range []string{"---", "..."} {
			if rest, ok := strings.CutPrefix(line, m); ok && strings.HasPrefix(strings.TrimSpace(rest), "#") && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				return fmt.Errorf("line %d: the comment after %s cannot be kept; move it to a line of its own", i+1, m)
			}
		}
	}
	return nil
}

// catch turns a panic of the YAML library into an error: formatting never
// crashes dealtrack.
func catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error while formatting (please report it): %v", r)
	}
}

func encode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// canonical puts mapping m, described by schema, in canonical form, in
// place.
func canonical(m *yaml.Node, schema *Schema) error {
	sortKeys(m, schema.Keys)
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, v := m.Content[i].Value, m.Content[i+1]
		form, known := schema.Form[key]
		var err error
		switch {
		case !known:
		case form == Names && v.Kind == yaml.SequenceNode:
			names(v)
		case form == Records:
			if v.Kind == yaml.MappingNode && key == "location" {
				v = wrapInList(m, i+1)
			}
			if v.Kind == yaml.SequenceNode {
				var above string
				above, err = items(v, schema.Items[key])
				commentAbove(m, i, above)
			}
		case form == Notes:
			notes(v)
		default:
			err = value(form, v, false)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		settleComments(m.Content[i], m.Content[i+1])
	}
	return nil
}

// settleComments moves the comments of a key and its value to the places
// where YAML writes them back faithfully, all on the same key: a comment
// on the key's line goes to the end of the value's line when the value is
// written on it, else above the key; a comment above a value goes above
// its key.
func settleComments(k, v *yaml.Node) {
	if v.HeadComment != "" && v.Kind == yaml.ScalarNode {
		k.HeadComment, v.HeadComment = joinComments(k.HeadComment, v.HeadComment), ""
	}
	onKeyLine := v.Kind == yaml.ScalarNode || v.Style&yaml.FlowStyle != 0
	if !onKeyLine && v.LineComment != "" { // after a block list's or mapping's first line
		k.HeadComment, v.LineComment = joinComments(k.HeadComment, v.LineComment), ""
	}
	switch {
	case k.LineComment == "":
	case onKeyLine && v.LineComment == "":
		v.LineComment, k.LineComment = k.LineComment, ""
	case onKeyLine:
		k.HeadComment, k.LineComment = joinComments(k.HeadComment, k.LineComment), ""
	}
}

// wrapInList replaces the mapping at m.Content[i] by a list of it: the
// canonical form of a key that takes one mapping or a list of them.
func wrapInList(m *yaml.Node, i int) *yaml.Node {
	one := m.Content[i]
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: one.Line, Column: one.Column, Content: []*yaml.Node{one}}
	m.Content[i] = list
	return list
}

// commentAbove puts a comment above the key at i of mapping m.
func commentAbove(m *yaml.Node, i int, comment string) {
	if comment != "" {
		m.Content[i].HeadComment = joinComments(m.Content[i].HeadComment, comment)
	}
}

// value puts a scalar of the given form in canonical form: a figure in
// its canonical notation, a date plain, a country as its code, text plain
// when YAML allows it.
func value(form Form, n *yaml.Node, flow bool) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && flow {
		// In {...} YAML writes a null as '', which reads back as text: write
		// the empty text it decodes to, and keep it out of one-line items.
		n.Tag, n.Value, n.Style = "!!str", "", yaml.DoubleQuotedStyle
		return nil
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return nil
	}
	switch form {
	case Dollars:
		return figure(n, flow, func(s string) (fmt.Stringer, error) { return deal.ParseAmount(s) })
	case Money:
		return figure(n, flow, func(s string) (fmt.Stringer, error) { return deal.ParseMoney(s) })
	case Power:
		return figure(n, flow, func(s string) (fmt.Stringer, error) { return deal.ParsePower(s) })
	case Country:
		if c, err := deal.ParseCountry(n.Value); err == nil {
			n.Value = c
		}
	case Date:
		if _, err := deal.ParseDate(n.Value); err == nil {
			n.Tag, n.Style = "", 0
			return nil
		}
	}
	text(n, flow)
	return nil
}

func figure(n *yaml.Node, flow bool, parse func(string) (fmt.Stringer, error)) error {
	f, err := parse(n.Value)
	if err != nil {
		return fmt.Errorf("%q: %w", n.Value, err)
	}
	n.Value, n.Tag = f.String(), "!!str"
	text(n, flow)
	return nil
}

// text writes a string plain when YAML allows it there, else in double
// quotes. Other scalars (numbers, dates, booleans) keep their form.
func text(n *yaml.Node, flow bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		return
	}
	n.Style = 0
	if strings.Contains(n.Value, "\n") || !plain(n.Value, flow) {
		n.Style = yaml.DoubleQuotedStyle
	}
}

// names writes a list of names on one line, [NVIDIA, OpenAI], unless a
// comment sits among them.
func names(list *yaml.Node) {
	list.Content = slices.DeleteFunc(list.Content, func(n *yaml.Node) bool { // an empty item is no name
		return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && !hasComment(n)
	})
	flow := !slices.ContainsFunc(list.Content, hasComment)
	list.Style = 0
	if flow {
		list.Style = yaml.FlowStyle
	}
	for _, item := range list.Content {
		text(item, flow)
	}
}

func hasComment(n *yaml.Node) bool {
	return n.HeadComment != "" || n.LineComment != "" || n.FootComment != ""
}

// notes writes multi-line notes as a literal block.
func notes(n *yaml.Node) {
	text(n, false)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && literal(n.Value) {
		n.Style = yaml.LiteralStyle
	}
}

// literal reports whether text of several lines reads back the same from a
// plain literal block (|): it must not start with a blank line or a space,
// and must end in at most one line break, with no spaces before one.
func literal(s string) bool {
	return strings.Contains(s, "\n") && !strings.HasPrefix(s, "\n") && !strings.HasPrefix(s, " ") &&
		!strings.HasSuffix(s, "\n\n") && !strings.Contains(s, " \n") && !strings.ContainsAny(s, "\t\r")
}

// plain reports whether s can be written unquoted as a value, in block or
// in flow context ({a: s}), and read back the same.
func plain(s string, flow bool) bool {
	if s == "<<" { // written plain, it reads back as a merge key
		return false
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "k"},
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: s},
	}}
	want := "k: " + s + "\n"
	if flow {
		m.Style = yaml.FlowStyle
		want = "{k: " + s + "}\n"
	}
	out, err := yaml.Marshal(m)
	return err == nil && string(out) == want
}

// items puts a list of flows, sources or updates in canonical form: each
// item's keys in order, and every item on one line as {…} when all of them
// fit within Width without quotes, else every one as a block. A list with
// comments beside or inside its items keeps its layout: YAML cannot move
// them between the two forms faithfully.
func items(list *yaml.Node, schema *Schema) (above string, err error) {
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			return "", nil
		}
		sortKeys(item, schema.Keys)
	}
	keep := slices.ContainsFunc(list.Content, commentedItem)
	oneLine := !keep
	for _, item := range list.Content {
		if err := itemValues(item, schema, true); err != nil {
			return "", err
		}
		oneLine = oneLine && fitsOnALine(item)
	}
	list.Style = 0
	for i, item := range list.Content {
		switch {
		case keep:
		case oneLine:
			item.Style = yaml.FlowStyle
		default:
			item.Style = 0
		}
		if item.Style&yaml.FlowStyle != 0 {
			above = joinComments(above, moveFootComment(list, i))
		}
		settleItemComments(item)
		if err := itemValues(item, schema, item.Style&yaml.FlowStyle != 0); err != nil {
			return "", err
		}
	}
	return above, nil
}

// moveFootComment moves the comment below item i of list to the top of the
// next item, or, below the last, to the end of its line when it is one
// line, else returns it to go above the list's key: YAML would write a
// comment below {…} as {a: b,}, and one below a list at the file's end.
func moveFootComment(list *yaml.Node, i int) (above string) {
	item := list.Content[i]
	switch {
	case item.FootComment == "":
	case i+1 < len(list.Content):
		next := list.Content[i+1]
		next.HeadComment = joinComments(item.FootComment, next.HeadComment)
	case item.LineComment == "" && !strings.Contains(item.FootComment, "\n"):
		item.LineComment = item.FootComment
	default:
		above = item.FootComment
	}
	item.FootComment = ""
	return above
}

// settleItemComments settles the comments of each key of a list item, as
// settleComments does for the file's keys.
func settleItemComments(item *yaml.Node) {
	if item.Kind != yaml.MappingNode || item.Style&yaml.FlowStyle != 0 {
		return
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		settleComments(item.Content[i], item.Content[i+1])
	}
}

func joinComments(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

func commentedItem(item *yaml.Node) bool {
	return item.LineComment != "" || item.FootComment != "" || slices.ContainsFunc(item.Content, hasComment)
}

func itemValues(item *yaml.Node, schema *Schema, flow bool) error {
	for i := 0; i+1 < len(item.Content); i += 2 {
		key, v := item.Content[i].Value, item.Content[i+1]
		var err error
		if inner := schema.Items[key]; inner != nil {
			if v.Kind == yaml.SequenceNode {
				var above string
				above, err = items(v, inner)
				commentAbove(item, i, above)
			}
		} else {
			err = value(schema.Form[key], v, flow)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	return nil
}

// fitsOnALine reports whether item, written as "  - {…}", fits within
// Width with every value plain.
func fitsOnALine(item *yaml.Node) bool {
	for _, n := range item.Content {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!str" && n.Style != 0 {
			return false
		}
	}
	flow := *item
	flow.Style = yaml.FlowStyle
	flow.HeadComment = ""
	out, err := yaml.Marshal(&flow)
	line := strings.TrimSuffix(string(out), "\n")
	return err == nil && !strings.Contains(line, "\n") && len("  - ")+utf8.RuneCountInString(line) <= Width
}

// sortKeys orders mapping m's pairs as in order; other keys follow in
// their own order. Comments move with their pair.
func sortKeys(m *yaml.Node, order []string) {
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1]})
	}
	rank := func(p pair) int {
		if i := slices.Index(order, p.k.Value); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a) - rank(b) })
	for i, p := range pairs {
		m.Content[2*i], m.Content[2*i+1] = p.k, p.v
	}
}
