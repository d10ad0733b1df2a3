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
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxDepth bounds the nesting of a deal file; a deal needs four levels.
const maxDepth = 8

// MaxValueLen caps a single value (a title, a note, a name) in bytes;
// notes of a few paragraphs take a few kilobytes.
const MaxValueLen = 64 << 10

// fileDecoder walks the YAML nodes of one file and collects its problems,
// each at the position of the node it concerns.
type fileDecoder struct {
	path  string
	data  []byte // the file's text, for hints on syntax errors
	end   [2]int // line and column just past the text's end
	probs []Problem
	errAt map[[2]int]bool // positions of the errors in probs
	tree  *fastParser     // holds the tree document returned, if it parsed it
}

// dropTree says the tree document returned is no longer used, so its
// nodes can be used for the next file's.
func (fd *fileDecoder) dropTree() {
	if fd.tree != nil {
		fd.tree.release()
		fd.tree = nil
	}
}

func (fd *fileDecoder) problem(n *yaml.Node, sev Severity, format string, args ...any) {
	p := Problem{Path: fd.path, Severity: sev, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Col = fd.inside(n.Line, n.Column)
	}
	if sev == Error {
		if fd.errAt == nil {
			fd.errAt = map[[2]int]bool{}
		}
		fd.errAt[[2]int{p.Line, p.Col}] = true
	}
	fd.probs = append(fd.probs, p)
}

// setText keeps the text the problems point into.
func (fd *fileDecoder) setText(data []byte) {
	last := bytes.LastIndexByte(data, '\n')
	fd.data = data
	fd.end = [2]int{bytes.Count(data, []byte("\n")) + 1, utf8.RuneCount(bytes.TrimSuffix(data[last+1:], []byte("\r"))) + 1}
}

// inside keeps a position YAML reports within the text: at the end of a
// file without a final line break, YAML counts one line more.
func (fd *fileDecoder) inside(line, col int) (int, int) {
	if line > fd.end[0] {
		return fd.end[0], fd.end[1]
	}
	return line, col
}

// reportedAt reports whether an error was recorded at node n.
func (fd *fileDecoder) reportedAt(n *yaml.Node) bool {
	line, col := fd.inside(n.Line, n.Column)
	return fd.errAt[[2]int{line, col}]
}

func (fd *fileDecoder) errorf(n *yaml.Node, format string, args ...any) {
	fd.problem(n, Error, format, args...)
}

func (fd *fileDecoder) failed() bool {
	return slices.ContainsFunc(fd.probs, func(p Problem) bool { return p.Severity == Error })
}

const emptyFile = "empty file (a deal needs at least title, announced, status, kind, parties and sources)"

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// document parses data as exactly one YAML document whose top level is a
// mapping, and returns that mapping, or nil after recording why not. Call
// dropTree once nothing refers to the tree any more.
func (fd *fileDecoder) document(data []byte) *yaml.Node {
	data, bad := checkText(data)
	if bad != nil {
		fd.probs = append(fd.probs, Problem{Path: fd.path, Line: bad.line, Col: bad.col, Msg: bad.msg})
		return nil
	}
	fd.setText(data)
	if root, p, ok := fastDocument(data); ok { // the tree yaml.v3 would build, faster
		fd.tree = p
		if !fd.plain(root, 0) {
			return nil
		}
		return root
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			fd.errorf(nil, "%s", emptyFile)
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
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" && root.Style == 0 && root.Value == "" {
		fd.errorf(nil, "%s", emptyFile) // a lone "---"
		return nil
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
	line, col := 0, 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = "yaml: " + msg[len(m[0]):]
	}
	if at, c, ok := fd.tabIndent(line); ok {
		line, col = at, c
		msg += " (a tab in the indentation: YAML indents with spaces only)"
	}
	if line > 0 {
		line, col = fd.inside(line, col)
	}
	fd.probs = append(fd.probs, Problem{Path: fd.path, Line: line, Col: col, Msg: msg})
}

// tabIndent finds a tab in the indentation of the line a syntax error
// names, or of the line after it (YAML often reports the line before).
func (fd *fileDecoder) tabIndent(line int) (at, col int, ok bool) {
	if line < 1 {
		return 0, 0, false
	}
	lines := bytes.Split(fd.data, []byte("\n"))
	for at = line; at <= line+1 && at <= len(lines); at++ {
		indent := len(lines[at-1]) - len(bytes.TrimLeft(lines[at-1], " \t"))
		if i := bytes.IndexByte(lines[at-1][:indent], '\t'); i >= 0 {
			return at, i + 1, true
		}
	}
	return 0, 0, false
}

// plain refuses anchors, aliases, merge keys, tags, deep nesting, values
// over MaxValueLen and unsafe characters anywhere under n.
func (fd *fileDecoder) plain(n *yaml.Node, depth int) bool {
	switch {
	case depth > maxDepth:
		fd.errorf(n, "nested deeper than %d levels", maxDepth)
		return false
	case n.Kind == yaml.AliasNode || n.Anchor != "":
		fd.errorf(n, "anchors and aliases (& and *) are not allowed in deal files; write the value out")
		return false
	case n.Kind == yaml.ScalarNode && n.Tag == "!!merge":
		fd.errorf(n, "merge keys (<<) are not allowed in deal files; write the keys out")
		return false
	case n.Tag != "" && !strings.HasPrefix(n.Tag, "!!"):
		fd.errorf(n, "custom tag %s is not allowed", n.Tag)
		return false
	case n.Style&yaml.TaggedStyle != 0:
		fd.errorf(n, "tag %s is not allowed in deal files; write the value plainly or in quotes", n.Tag)
		return false
	case len(n.Value) > MaxValueLen:
		fd.errorf(n, "a value of %d bytes; values are at most %d KiB", len(n.Value), MaxValueLen>>10)
		return false
	}
	if msg := unsafeInValue(n.Value); msg != "" {
		fd.errorf(n, "%s", msg)
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
	kt := make(keyTable[struct{}], len(handlers))
	for k, h := range handlers {
		kt[k] = func(_ struct{}, n *yaml.Node) { h(n) }
	}
	decodeKeys(fd, n, what, struct{}{}, kt)
}

// suggestKey says which known key an unknown one was probably meant to be.
func suggestKey(key string, keys []string) string {
	if key != "" && key[0] >= '0' && key[0] <= '9' {
		return ` (inside {...} a comma separates entries: quote a figure that holds one, like "1,000")`
	}
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
		if c.Kind != yaml.ScalarNode { // an error: only then is the item's path worth building
			fd.str(c, fmt.Sprintf("%s[%d]", field, i))
		} else if s := fd.str(c, field); s != "" {
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
