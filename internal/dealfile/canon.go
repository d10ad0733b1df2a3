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
	if err := canonical(doc.Content[0], DealSchema); err != nil {
		return nil, err
	}
	return encode(&doc)
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
				var below string
				below, err = items(v, schema.Items[key])
				commentBelow(m, i, below)
			}
		case form == Notes:
			notes(v)
		default:
			err = value(form, v, false)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
	}
	return nil
}

// wrapInList replaces the mapping at m.Content[i] by a list of it: the
// canonical form of a key that takes one mapping or a list of them.
func wrapInList(m *yaml.Node, i int) *yaml.Node {
	one := m.Content[i]
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: one.Line, Column: one.Column, Content: []*yaml.Node{one}}
	m.Content[i] = list
	return list
}

// commentBelow puts a comment after the pair at i of mapping m: on top of
// the next key, or below the mapping.
func commentBelow(m *yaml.Node, i int, comment string) {
	switch {
	case comment == "":
	case i+2 < len(m.Content):
		m.Content[i+2].HeadComment = joinComments(comment, m.Content[i+2].HeadComment)
	default:
		m.FootComment = joinComments(m.FootComment, comment)
	}
}

// value puts a scalar of the given form in canonical form: a figure in
// its canonical notation, a date plain, a country as its code, text plain
// when YAML allows it.
func value(form Form, n *yaml.Node, flow bool) error {
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
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.Contains(n.Value, "\n") {
		n.Style = yaml.LiteralStyle
	}
}

// plain reports whether s can be written unquoted as a value, in block or
// in flow context ({a: s}), and read back the same.
func plain(s string, flow bool) bool {
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
func items(list *yaml.Node, schema *Schema) (below string, err error) {
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
			below += moveFootComment(list, i)
		}
		if err := itemValues(item, schema, item.Style&yaml.FlowStyle != 0); err != nil {
			return "", err
		}
	}
	return below, nil
}

// moveFootComment moves the comment below item i of list to the top of the
// next item, or returns it when i is the last: YAML would write a comment
// below {…} as {a: b,}.
func moveFootComment(list *yaml.Node, i int) (below string) {
	item := list.Content[i]
	if i+1 < len(list.Content) {
		next := list.Content[i+1]
		next.HeadComment = joinComments(item.FootComment, next.HeadComment)
	} else {
		below = item.FootComment
	}
	item.FootComment = ""
	return below
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
				var below string
				below, err = items(v, inner)
				commentBelow(item, i, below)
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
