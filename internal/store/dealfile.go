package store

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// dealDecoder turns one deal file's nodes into a Deal, resolving party
// names against the registry and remembering where each field was, so
// validation problems can point at it.
type dealDecoder struct {
	*fileDecoder
	reg   *Registry
	where map[string]*yaml.Node // field path → node
	root  *yaml.Node
}

// decodeDeal reads one deal file. It returns nil when the file holds no
// usable mapping; otherwise the deal, with problems recorded in fd.
func decodeDeal(fd *fileDecoder, id string, data []byte, reg *Registry) (*deal.Deal, *yaml.Node) {
	root := fd.document(data)
	if root == nil {
		return nil, nil
	}
	dd := &dealDecoder{fileDecoder: fd, reg: reg, where: make(map[string]*yaml.Node, 48), root: root}
	d := &deal.Deal{ID: id}
	dd.fields(root, "deal", map[string]func(*yaml.Node){
		"title":     dd.at("title", func(n *yaml.Node) { d.Title = dd.str(n, "title") }),
		"announced": dd.at("announced", func(n *yaml.Node) { d.Announced = parse(fd, n, "announced", deal.ParseDate) }),
		"status":    dd.at("status", func(n *yaml.Node) { d.Status = parse(fd, n, "status", deal.ParseStatus) }),
		"kind":      dd.at("kind", func(n *yaml.Node) { d.Kind = parse(fd, n, "kind", deal.ParseKind) }),
		"parties":   dd.at("parties", func(n *yaml.Node) { d.Parties = dd.parties(n) }),
		"dollars":   dd.at("dollars", func(n *yaml.Node) { d.Dollars = parse(fd, n, "dollars", deal.ParseAmount) }),
		"gigawatts": dd.at("gigawatts", func(n *yaml.Node) { d.Power = parse(fd, n, "gigawatts", deal.ParsePower) }),
		"valuation": dd.at("valuation", func(n *yaml.Node) { d.Valuation = parse(fd, n, "valuation", deal.ParseAmount) }),
		"horizon":   dd.at("horizon", func(n *yaml.Node) { d.Horizon = dd.str(n, "horizon") }),
		"part_of":   dd.at("part_of", func(n *yaml.Node) { d.PartOf = dd.str(n, "part_of") }),
		"flows":     dd.at("flows", func(n *yaml.Node) { d.Flows = dd.flows(n) }),
		"sources":   dd.at("sources", func(n *yaml.Node) { d.Sources = dd.sources(n) }),
		"tags":      dd.at("tags", func(n *yaml.Node) { d.Tags = dd.strings(n, "tags") }),
		"notes":     dd.at("notes", func(n *yaml.Node) { d.Notes = dd.str(n, "notes") }),
		"updates":   dd.at("updates", func(n *yaml.Node) { d.Updates = dd.updates(n) }),
	})
	for _, e := range d.Validate() {
		if n, present := dd.where[e.Field]; present && e.Msg == deal.MsgRequired && dd.reportedAt(n) {
			continue // the key is there with a bad value, already reported
		}
		dd.errorf(dd.node(e.Field), "%s", e.Error())
	}
	return d, dd.where["part_of"]
}

// at wraps a handler so the field's node is remembered.
func (dd *dealDecoder) at(field string, h func(*yaml.Node)) func(*yaml.Node) {
	return func(n *yaml.Node) {
		dd.where[field] = n
		h(n)
	}
}

// node returns the node of a field path, or of its nearest recorded
// parent, or the top of the file.
func (dd *dealDecoder) node(field string) *yaml.Node {
	for f := field; f != ""; f = parent(f) {
		if n, ok := dd.where[f]; ok {
			return n
		}
	}
	return dd.root
}

func parent(field string) string {
	for i := len(field) - 1; i >= 0; i-- {
		if field[i] == '.' || field[i] == '[' {
			return field[:i]
		}
	}
	return ""
}

// party resolves a name to its canonical form, warning about names the
// registry does not know.
func (dd *dealDecoder) party(n *yaml.Node, field string) string {
	name := dd.str(n, field)
	dd.where[field] = n
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
		if p := dd.party(c, fmt.Sprintf("parties[%d]", i)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// list calls item for every element of sequence n.
func (dd *dealDecoder) list(n *yaml.Node, field string, item func(at string, n *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		dd.errorf(n, "%s: want a list, not a %s", field, kindName(n))
		return
	}
	for i, c := range n.Content {
		at := fmt.Sprintf("%s[%d]", field, i)
		dd.where[at] = c
		item(at, c)
	}
}

func (dd *dealDecoder) flows(n *yaml.Node) []deal.Flow {
	var out []deal.Flow
	dd.list(n, "flows", func(at string, c *yaml.Node) {
		var f deal.Flow
		dd.fields(c, at, map[string]func(*yaml.Node){
			"from":    func(n *yaml.Node) { f.From = dd.party(n, at+".from") },
			"to":      func(n *yaml.Node) { f.To = dd.party(n, at+".to") },
			"dollars": func(n *yaml.Node) { f.Dollars = parse(dd.fileDecoder, n, at+".dollars", deal.ParseAmount) },
			"for":     func(n *yaml.Node) { f.For = dd.str(n, at+".for") },
		})
		if f.From == "" || f.To == "" {
			dd.errorf(c, "%s: a flow needs from and to", at)
		}
		out = append(out, f)
	})
	return out
}

func (dd *dealDecoder) sources(n *yaml.Node) []deal.Source {
	var out []deal.Source
	dd.list(n, "sources", func(at string, c *yaml.Node) {
		var s deal.Source
		dd.fields(c, at, map[string]func(*yaml.Node){
			"publisher": func(n *yaml.Node) { s.Publisher = dd.str(n, at+".publisher") },
			"title":     func(n *yaml.Node) { s.Title = dd.str(n, at+".title"); dd.where[at+".title"] = n },
			"url":       func(n *yaml.Node) { s.URL = dd.str(n, at+".url") },
			"date":      func(n *yaml.Node) { s.Date = parse(dd.fileDecoder, n, at+".date", deal.ParseDate) },
		})
		out = append(out, s)
	})
	return out
}

func (dd *dealDecoder) updates(n *yaml.Node) []deal.Update {
	var out []deal.Update
	dd.list(n, "updates", func(at string, c *yaml.Node) {
		var u deal.Update
		dd.fields(c, at, map[string]func(*yaml.Node){
			"date": func(n *yaml.Node) {
				u.Date = parse(dd.fileDecoder, n, at+".date", deal.ParseDate)
				dd.where[at+".date"] = n
			},
			"status":    func(n *yaml.Node) { u.Status = parse(dd.fileDecoder, n, at+".status", deal.ParseStatus) },
			"dollars":   func(n *yaml.Node) { u.Dollars = parse(dd.fileDecoder, n, at+".dollars", deal.ParseAmount) },
			"gigawatts": func(n *yaml.Node) { u.Power = parse(dd.fileDecoder, n, at+".gigawatts", deal.ParsePower) },
			"note":      func(n *yaml.Node) { u.Note = dd.str(n, at+".note") },
		})
		if _, dated := dd.where[at+".date"]; !dated {
			dd.errorf(c, "%s: an update needs a date", at)
		}
		out = append(out, u)
	})
	return out
}
