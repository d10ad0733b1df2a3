package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxDepth bounds the nesting of a deal file; a deal needs four levels.
const maxDepth = 8

// fileDecoder walks the YAML nodes of one file and collects its problems,
// each at the position of the node it concerns.
type fileDecoder struct {
	path  string
	probs []Problem
}

func (fd *fileDecoder) problem(n *yaml.Node, sev Severity, format string, args ...any) {
	p := Problem{Path: fd.path, Severity: sev, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Col = n.Line, n.Column
	}
	fd.probs = append(fd.probs, p)
}

func (fd *fileDecoder) errorf(n *yaml.Node, format string, args ...any) {
	fd.problem(n, Error, format, args...)
}

func (fd *fileDecoder) failed() bool {
	return slices.ContainsFunc(fd.probs, func(p Problem) bool { return p.Severity == Error })
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// document parses data as exactly one YAML document whose top level is a
// mapping, and returns that mapping, or nil after recording why not.
func (fd *fileDecoder) document(data []byte) *yaml.Node {
	if root, ok := fastDocument(data); ok { // the tree yaml.v3 would build, faster
		if !fd.plain(root, 0) {
			return nil
		}
		return root
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			fd.errorf(nil, "empty file (a deal needs at least title, announced, status, kind, parties and sources)")
		} else {
			fd.syntaxError(err)
		}
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		fd.errorf(&next, "a second YAML document (one deal per file; remove the ---)")
		return nil
	} else if !errors.Is(err, io.EOF) {
		fd.syntaxError(err)
		return nil
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if !fd.plain(root, 0) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		fd.errorf(root, "the top level must be a mapping of keys (title:, announced:, ...), not a %s", kindName(root))
		return nil
	}
	return root
}

func (fd *fileDecoder) syntaxError(err error) {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = "yaml: " + msg[len(m[0]):]
	}
	fd.probs = append(fd.probs, Problem{Path: fd.path, Line: line, Col: 1, Msg: msg})
}

// plain refuses anchors, aliases, custom tags and deep nesting anywhere
// under n.
func (fd *fileDecoder) plain(n *yaml.Node, depth int) bool {
	switch {
	case depth > maxDepth:
		fd.errorf(n, "nested deeper than %d levels", maxDepth)
		return false
	case n.Kind == yaml.AliasNode || n.Anchor != "":
		fd.errorf(n, "anchors and aliases (& and *) are not allowed in deal files; write the value out")
		return false
	case n.Tag != "" && !strings.HasPrefix(n.Tag, "!!"):
		fd.errorf(n, "custom tag %s is not allowed", n.Tag)
		return false
	}
	for _, c := range n.Content {
		if !fd.plain(c, depth+1) {
			return false
		}
	}
	return true
}

// eachPair calls f for every key of mapping n, refusing duplicate keys.
func (fd *fileDecoder) eachPair(n *yaml.Node, f func(key string, k, v *yaml.Node)) {
	var seen map[string]int // for a big mapping (a registry); a deal's keys are searched
	if len(n.Content) > 32 {
		seen = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			fd.errorf(k, "a key must be a plain word")
			continue
		}
		if line, dup := firstKey(n, i, k.Value, seen); dup {
			fd.errorf(k, "duplicate key %s (first on line %d)", k.Value, line)
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

// fields decodes mapping n through one handler per known key; any other
// key is an error that lists the known ones.
func (fd *fileDecoder) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		fd.errorf(n, "%s: want a mapping of keys, not a %s", what, kindName(n))
		return
	}
	fd.eachPair(n, func(key string, k, v *yaml.Node) {
		h, ok := handlers[key]
		if !ok {
			fd.errorf(k, "%s: unknown key %q%s", what, key, suggestKey(key, handlers))
			return
		}
		h(v)
	})
}

func suggestKey(key string, handlers map[string]func(*yaml.Node)) string {
	keys := make([]string, 0, len(handlers))
	for k := range handlers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if editDistance(strings.ToLower(key), k) <= 2 {
			return fmt.Sprintf(" (did you mean %s?)", k)
		}
	}
	return " (known keys: " + strings.Join(keys, ", ") + ")"
}

// str returns scalar n's text; null is "".
func (fd *fileDecoder) str(n *yaml.Node, field string) string {
	if n.Kind != yaml.ScalarNode {
		fd.errorf(n, "%s: want a single value, not a %s", field, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// strings returns sequence n's items; a single scalar is a list of one.
func (fd *fileDecoder) strings(n *yaml.Node, field string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		fd.errorf(n, "%s: want a list like [a, b], not a %s", field, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		if s := fd.str(c, fmt.Sprintf("%s[%d]", field, i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (fd *fileDecoder) oneOf(n *yaml.Node, field string, set []string) string {
	s := fd.str(n, field)
	if s != "" && !slices.Contains(set, s) {
		fd.errorf(n, "%s: unknown value %q (use %s)", field, s, strings.Join(set, ", "))
	}
	return s
}

// parse decodes scalar n with parse, recording the error as
// `field: "input": message`.
func parse[T any](fd *fileDecoder, n *yaml.Node, field string, parse func(string) (T, error)) T {
	var zero T
	s := fd.str(n, field)
	if s == "" && n.Kind == yaml.ScalarNode {
		fd.errorf(n, "%s: no value (write one or remove the key)", field)
		return zero
	}
	v, err := parse(s)
	if err != nil && s != "" {
		fd.errorf(n, "%s: %q: %v", field, s, err)
	}
	return v
}

func kindName(n *yaml.Node) string {
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
