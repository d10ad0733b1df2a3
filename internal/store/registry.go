package store

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// RegistryFile is the name of the party registry at a data folder's root.
const RegistryFile = "parties.yaml"

// Party is one entry of the registry.
type Party struct {
	Name    string
	Aliases []string
	Kind    string
	Ticker  string
}

// PartyKinds lists the kinds a party may have.
var PartyKinds = []string{"company", "fund", "government", "person"}

// Registry maps party names and aliases, case-insensitively, to canonical
// names.
type Registry struct {
	Parties []Party
	index   map[string]string
}

// Canonical returns the canonical name for name or one of its aliases.
func (r *Registry) Canonical(name string) (string, bool) {
	if r == nil {
		return name, false
	}
	c, ok := r.index[strings.ToLower(name)]
	return c, ok
}

// Names lists every canonical name and alias.
func (r *Registry) Names() []string {
	var names []string
	for _, p := range r.Parties {
		names = append(names, p.Name)
		names = append(names, p.Aliases...)
	}
	return names
}

// Suggest returns the canonical name nearest to name, or "".
func (r *Registry) Suggest(name string) string {
	if r == nil {
		return ""
	}
	near := Nearest(name, r.Names())
	if near == "" {
		return ""
	}
	c, _ := r.Canonical(near)
	return c
}

func (r *Registry) add(p Party, at *yaml.Node, fd *fileDecoder) {
	if r.index == nil {
		r.index = map[string]string{}
	}
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		key := strings.ToLower(n)
		if other, dup := r.index[key]; dup && other != p.Name {
			fd.errorf(at, "%q is already a name or alias of %s", n, other)
			continue
		}
		r.index[key] = p.Name
	}
	r.Parties = append(r.Parties, p)
}

// decodeRegistry reads parties.yaml:
//
//	NVIDIA: {aliases: [Nvidia, NVIDIA Corp], kind: company, ticker: NVDA}
//
// A registry with no party yet, only comments or nothing, is empty.
func decodeRegistry(fd *fileDecoder, data []byte) *Registry {
	r := &Registry{index: map[string]string{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err == nil && doc.Kind == 0 {
		return r
	}
	root := fd.document(data)
	defer fd.dropTree()
	if root == nil {
		return r
	}
	fd.eachPair(root, func(key string, k, v *yaml.Node) {
		p := Party{Name: key}
		if v.Tag != "!!null" {
			fd.fields(v, "party "+key, map[string]func(*yaml.Node){
				"aliases": func(n *yaml.Node) { p.Aliases = fd.strings(n, "aliases") },
				"kind":    func(n *yaml.Node) { p.Kind = fd.oneOf(n, "kind", PartyKinds) },
				"ticker":  func(n *yaml.Node) { p.Ticker = fd.str(n, "ticker") },
			})
		}
		r.add(p, k, fd)
	})
	return r
}
