package format

import (
	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Deal returns the canonical file for d: what File would make of it. Its
// ID is the file's name, not part of its content.
func Deal(d *deal.Deal) (out []byte, err error) {
	defer catch(&err)
	m := mapping()
	set := func(key, value string) {
		if value != "" {
			m.Content = append(m.Content, str(key), str(value))
		}
	}
	set("title", d.Title)
	set("announced", d.Announced.String())
	set("status", string(d.Status))
	set("kind", string(d.Kind))
	list(m, "parties", d.Parties, str)
	set("dollars", d.Dollars.String())
	set("gigawatts", d.Power.String())
	set("valuation", d.Valuation.String())
	set("horizon", d.Horizon)
	set("part_of", d.PartOf)
	list(m, "flows", d.Flows, flow)
	list(m, "sources", d.Sources, source)
	list(m, "tags", d.Tags, str)
	set("notes", d.Notes)
	list(m, "updates", d.Updates, update)
	if err := canonical(m); err != nil {
		return nil, err
	}
	return encode(m)
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// list adds key with one node per item, unless items is empty.
func list[T any](m *yaml.Node, key string, items []T, node func(T) *yaml.Node) {
	if len(items) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		seq.Content = append(seq.Content, node(it))
	}
	m.Content = append(m.Content, str(key), seq)
}

// fields makes a mapping of the key/value pairs whose value is not empty.
func fields(kv ...string) *yaml.Node {
	m := mapping()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			m.Content = append(m.Content, str(kv[i]), str(kv[i+1]))
		}
	}
	return m
}

func flow(f deal.Flow) *yaml.Node {
	return fields("from", f.From, "to", f.To, "dollars", f.Dollars.String(), "for", f.For)
}

func source(s deal.Source) *yaml.Node {
	return fields("publisher", s.Publisher, "title", s.Title, "date", s.Date.String(), "url", s.URL)
}

func update(u deal.Update) *yaml.Node {
	return fields("date", u.Date.String(), "status", string(u.Status), "dollars", u.Dollars.String(), "gigawatts", u.Power.String(), "note", u.Note)
}
