package dealfile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"
)

// RenameParty rewrites a deal file so that every name in from (a party's
// names as the file may spell them) reads to instead, in parties and in
// the ends of flows; comments and the rest of the file stay as fmt keeps
// them. It returns the file unchanged, and changed false, when no name in
// from is there; an error when the deal would then list to twice.
func RenameParty(data []byte, from []string, to string) (out []byte, changed bool, err error) {
	defer catch(&err)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false, errors.New("the file is not one mapping of keys")
	}
	m := doc.Content[0]
	rename := func(n *yaml.Node) {
		if n != nil && n.Kind == yaml.ScalarNode && slices.Contains(from, n.Value) {
			n.Value, n.Style, changed = to, 0, true
		}
	}
	if ps := valueOf(m, "parties"); ps != nil && ps.Kind == yaml.SequenceNode {
		seen := map[string]bool{}
		for _, p := range ps.Content {
			rename(p)
			if seen[p.Value] {
				return nil, false, fmt.Errorf("parties would list %s twice; merge the two entries by hand", p.Value)
			}
			seen[p.Value] = true
		}
	}
	if fs := valueOf(m, "flows"); fs != nil && fs.Kind == yaml.SequenceNode {
		for _, f := range fs.Content {
			rename(valueOf(f, "from"))
			rename(valueOf(f, "to"))
		}
	}
	if !changed {
		return data, false, nil
	}
	encoded, err := encode(&doc)
	if err != nil {
		return nil, false, err
	}
	out, err = Canonical(encoded)
	return out, err == nil, err
}

// RenameRegistryParty renames the party old of a registry file (one line
// per party, as parties.yaml is kept) to to, keeping old as its first
// alias so that files and commands that spell it so still find it. Only
// that line changes. It is an error when old is not a key on a line of
// its own, written as "old: {...}".
func RenameRegistryParty(data []byte, old, to string) ([]byte, error) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	key := func(s string) string {
		out, err := yaml.Marshal(s)
		if err != nil {
			return s
		}
		return string(bytes.TrimSuffix(out, []byte("\n")))
	}
	for i, l := range lines {
		for _, k := range []string{key(old), old} {
			prefix := []byte(k + ": {")
			if !bytes.HasPrefix(l, prefix) {
				continue
			}
			rest := l[len(prefix):]
			if a := []byte("aliases: ["); bytes.HasPrefix(rest, a) {
				rest = append(append(append([]byte{}, a...), []byte(key(old)+", ")...), rest[len(a):]...)
			} else {
				rest = append([]byte("aliases: ["+key(old)+"], "), rest...)
			}
			lines[i] = append([]byte(key(to)+": {"), rest...)
			return bytes.Join(lines, nil), nil
		}
	}
	return nil, fmt.Errorf("%s is not written as %q at the start of a line of its own; rename it by hand", old, key(old)+": {...}")
}
