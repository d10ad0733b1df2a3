package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// dealDecoder turns one deal file's nodes into a Deal, resolving party
// names against the registry.
type dealDecoder struct {
	*fileDecoder
	reg  *Registry
	root *yaml.Node
	d    *deal.Deal
}

// keyTable maps the keys of one mapping to what each does with its value
// for a target T. The tables are built once, not per file.
type keyTable[T any] map[string]func(T, *yaml.Node)

// names lists the table's keys, sorted, for messages.
func (kt keyTable[T]) names() []string {
	keys := make([]string, 0, len(kt))
	for k := range kt {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// decodeKeys decodes mapping n through kt; any other key is an error that
// names the known ones.
func decodeKeys[T any](fd *fileDecoder, n *yaml.Node, what string, t T, kt keyTable[T]) {
	if n.Kind != yaml.MappingNode {
		fd.errorf(n, "%s: want a mapping of keys, not a %s", what, kindName(n))
		return
	}
	fd.eachPair(n, func(key string, k, v *yaml.Node) {
		h, ok := kt[key]
		if !ok {
			fd.errorf(k, "%s: unknown key %q%s", what, key, suggestKey(key, kt.names()))
			return
		}
		h(t, v)
	})
}

var dealKeys = keyTable[*dealDecoder]{
	"title": func(dd *dealDecoder, n *yaml.Node) { dd.d.Title = dd.str(n, "title") },
	"announced": func(dd *dealDecoder, n *yaml.Node) {
		dd.d.Announced = parse(dd.fileDecoder, n, "announced", deal.ParseDate)
	},
	"status": func(dd *dealDecoder, n *yaml.Node) {
		dd.d.Status = parse(dd.fileDecoder, n, "status", deal.ParseStatus)
	},
	"kind":    func(dd *dealDecoder, n *yaml.Node) { dd.d.Kind = parse(dd.fileDecoder, n, "kind", deal.ParseKind) },
	"parties": func(dd *dealDecoder, n *yaml.Node) { dd.d.Parties = dd.parties(n) },
	"dollars": func(dd *dealDecoder, n *yaml.Node) {
		dd.d.Dollars = parse(dd.fileDecoder, n, "dollars", deal.ParseAmount)
	},
	"gigawatts": func(dd *dealDecoder, n *yaml.Node) {
		dd.d.Power = parse(dd.fileDecoder, n, "gigawatts", deal.ParsePower)
	},
	"valuation": func(dd *dealDecoder, n *yaml.Node) {
		dd.d.Valuation = parse(dd.fileDecoder, n, "valuation", deal.ParseAmount)
	},
	"horizon": func(dd *dealDecoder, n *yaml.Node) { dd.d.Horizon = dd.str(n, "horizon") },
	"part_of": func(dd *dealDecoder, n *yaml.Node) { dd.d.PartOf = dd.str(n, "part_of") },
	"flows":   func(dd *dealDecoder, n *yaml.Node) { dd.d.Flows = items(dd, n, "flows", flowKeys, checkFlow) },
	"sources": func(dd *dealDecoder, n *yaml.Node) { dd.d.Sources = items(dd, n, "sources", sourceKeys, nil) },
	"tags":    func(dd *dealDecoder, n *yaml.Node) { dd.d.Tags = dd.strings(n, "tags") },
	"notes":   func(dd *dealDecoder, n *yaml.Node) { dd.d.Notes = dd.str(n, "notes") },
	"updates": func(dd *dealDecoder, n *yaml.Node) { dd.d.Updates = items(dd, n, "updates", updateKeys, checkUpdate) },
}

// decodeDeal reads one deal file. It returns nil when the file holds no
// usable mapping; otherwise the deal, with problems recorded in fd, and
// the line and column of its part_of, if any.
func decodeDeal(fd *fileDecoder, id string, data []byte, reg *Registry) (d *deal.Deal, partOfAt [2]int) {
	root := fd.document(data)
	defer fd.dropTree()
	if root == nil {
		return nil, partOfAt
	}
	dd := &dealDecoder{fileDecoder: fd, reg: reg, root: root, d: &deal.Deal{ID: id}}
	decodeKeys(fd, root, "deal", dd, dealKeys)
	for _, e := range dd.d.Validate() {
		n, present := lookup(root, e.Field)
		if present && e.Msg == deal.MsgRequired && dd.reportedAt(n) {
			continue // the key is there with a bad value, already reported
		}
		dd.errorf(n, "%s", e.Error())
	}
	if dd.d.PartOf != "" {
		n, _ := lookup(root, "part_of")
		partOfAt = [2]int{n.Line, n.Column}
	}
	return dd.d, partOfAt
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
			if err == nil && n.Kind == yaml.SequenceNode && i >= 0 && i < len(n.Content) {
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

// party resolves a name to its canonical form, warning about names the
// registry does not know.
func (dd *dealDecoder) party(n *yaml.Node, field string) string {
	name := dd.str(n, field)
	if name == "" || dd.reg == nil {
		return name
	}
	if c, ok := dd.reg.Canonical(name); ok {
		return c
	}
	hint := "; add it to " + RegistryFile
	if s := dd.reg.Suggest(name); s != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", s)
	}
	dd.problem(n, Warning, "%s: %q is not in %s%s", field, name, RegistryFile, hint)
	return name
}

func (dd *dealDecoder) parties(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		dd.errorf(n, "parties: want a list like [NVIDIA, OpenAI], not a %s", kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if p := dd.party(c, itemPath("parties", i)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func itemPath(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// item is one element of a list of mappings being decoded: a flow, a
// source or an update.
type item[V any] struct {
	*dealDecoder
	v  V
	at string // its field path, "flows[0]"
}

// items decodes sequence n of mappings through kt, then check (if any)
// looks at each element whole.
func items[V any](dd *dealDecoder, n *yaml.Node, field string, kt keyTable[*item[V]], check func(*item[V], *yaml.Node)) []V {
	if n.Kind != yaml.SequenceNode {
		dd.errorf(n, "%s: want a list, not a %s", field, kindName(n))
		return nil
	}
	out := make([]V, 0, len(n.Content))
	for i, c := range n.Content {
		it := &item[V]{dealDecoder: dd, at: itemPath(field, i)}
		decodeKeys(dd.fileDecoder, c, it.at, it, kt)
		if check != nil {
			check(it, c)
		}
		out = append(out, it.v)
	}
	return out
}

var flowKeys = keyTable[*item[deal.Flow]]{
	"from": func(it *item[deal.Flow], n *yaml.Node) { it.v.From = it.party(n, it.at+".from") },
	"to":   func(it *item[deal.Flow], n *yaml.Node) { it.v.To = it.party(n, it.at+".to") },
	"dollars": func(it *item[deal.Flow], n *yaml.Node) {
		it.v.Dollars = parse(it.fileDecoder, n, it.at+".dollars", deal.ParseAmount)
	},
	"for": func(it *item[deal.Flow], n *yaml.Node) { it.v.For = it.str(n, it.at+".for") },
}

func checkFlow(it *item[deal.Flow], n *yaml.Node) {
	if it.v.From == "" || it.v.To == "" {
		it.errorf(n, "%s: a flow needs from and to", it.at)
	}
}

var sourceKeys = keyTable[*item[deal.Source]]{
	"publisher": func(it *item[deal.Source], n *yaml.Node) { it.v.Publisher = it.str(n, it.at+".publisher") },
	"title":     func(it *item[deal.Source], n *yaml.Node) { it.v.Title = it.str(n, it.at+".title") },
	"url":       func(it *item[deal.Source], n *yaml.Node) { it.v.URL = it.str(n, it.at+".url") },
	"date": func(it *item[deal.Source], n *yaml.Node) {
		it.v.Date = parse(it.fileDecoder, n, it.at+".date", deal.ParseDate)
	},
}

var updateKeys = keyTable[*item[deal.Update]]{
	"date": func(it *item[deal.Update], n *yaml.Node) {
		it.v.Date = parse(it.fileDecoder, n, it.at+".date", deal.ParseDate)
	},
	"status": func(it *item[deal.Update], n *yaml.Node) {
		it.v.Status = parse(it.fileDecoder, n, it.at+".status", deal.ParseStatus)
	},
	"dollars": func(it *item[deal.Update], n *yaml.Node) {
		it.v.Dollars = parse(it.fileDecoder, n, it.at+".dollars", deal.ParseAmount)
	},
	"gigawatts": func(it *item[deal.Update], n *yaml.Node) {
		it.v.Power = parse(it.fileDecoder, n, it.at+".gigawatts", deal.ParsePower)
	},
	"note": func(it *item[deal.Update], n *yaml.Node) { it.v.Note = it.str(n, it.at+".note") },
}

func checkUpdate(it *item[deal.Update], n *yaml.Node) {
	if valueOf(n, "date") == nil && n.Kind == yaml.MappingNode {
		it.errorf(n, "%s: an update needs a date", it.at)
	}
}
