package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/yamlfast"
)

// maxDepth bounds the nesting of a deal file.
const maxDepth = yamlfast.MaxDepth

// MaxValueLen caps a single value (a title, a note, a name) in bytes;
// notes of a few paragraphs take a few kilobytes.
const MaxValueLen = 64 << 10

// fileDecoder walks the YAML nodes of one file and collects its problems,
// each at the position of the node it concerns.
type fileDecoder struct {
	path   string
	data   []byte // the file's text, for hints on syntax errors
	end    [2]int // line and column just past the text's end
	probs  []Problem
	errAt  map[[2]int]bool  // positions of the errors in probs
	tree   *yamlfast.Parser // holds the tree document returned, if it parsed it
	strict bool             // report what only --strict refuses
	// keys is how the file's top-level keys look, for messages: a deal
	// file's, or the registry's.
	keys string
}

// Strict reports whether the decoder reports what only --strict refuses.
func (fd *fileDecoder) Strict() bool { return fd.strict }

// dropTree says the tree document returned is no longer used, so its
// nodes can be used for the next file's.
func (fd *fileDecoder) dropTree() {
	if fd.tree != nil {
		fd.tree.Release()
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

// ErrorAt reports whether an error was recorded at node n.
func (fd *fileDecoder) ErrorAt(n *yaml.Node) bool {
	line, col := fd.inside(n.Line, n.Column)
	return fd.errAt[[2]int{line, col}]
}

// Report records a problem at n, for the deal-file decoder.
func (fd *fileDecoder) Report(n *yaml.Node, warning bool, msg string) {
	sev := Error
	if warning {
		sev = Warning
	}
	fd.problem(n, sev, "%s", msg)
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
	data, ascii, bad := checkText(data)
	if bad != nil {
		fd.probs = append(fd.probs, Problem{Path: fd.path, Line: bad.line, Col: bad.col, Msg: bad.msg})
		return nil
	}
	fd.setText(data)
	if root, p, ok := yamlfast.Document(data); ok { // the tree yaml.v3 would build, faster
		fd.tree = p
		if !surelyPlain(ascii, data) && !fd.plain(root, 0) {
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
		fd.errorf(root, "the top level must be a mapping of keys (%s), not a %s", cmp.Or(fd.keys, "title:, announced:, ..."), dealfile.KindName(root))
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
		if parserProblems[msg] {
			line++ // yaml.v3 gives a parser error's line counting from 0
		}
	}
	if at, c, better, ok := fd.reword(msg); ok {
		line, col, msg = at, c, better
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

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner), whose line yaml.v3 counts from 0.
var parserProblems = map[string]bool{
	"yaml: did not find expected ',' or ']'":       true,
	"yaml: did not find expected ',' or '}'":       true,
	"yaml: did not find expected '-' indicator":    true,
	"yaml: did not find expected <document start>": true,
	"yaml: did not find expected key":              true,
	"yaml: did not find expected node content":     true,
	"yaml: found duplicate %TAG directive":         true,
	"yaml: found duplicate %YAML directive":        true,
	"yaml: found incompatible YAML document":       true,
	"yaml: found undefined tag handle":             true,
}

// maxKeyLen is YAML's limit on the length of a key written plainly.
const maxKeyLen = 1024

var unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

// reword says in a deal file's terms what two of yaml.v3's messages mean,
// at the place they are about, which yaml.v3 does not give.
func (fd *fileDecoder) reword(msg string) (line, col int, better string, ok bool) {
	find := func(what string) (int, int, bool) {
		i := bytes.Index(fd.data, []byte(what))
		if i < 0 {
			return 0, 0, false
		}
		before := fd.data[:i]
		return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1, true
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		if line, col, ok := find("*" + m[1]); ok {
			return line, col, fmt.Sprintf("*%s: an alias, and no anchor &%s before it; deal files use no anchors or aliases: write the value out", m[1], m[1]), true
		}
	}
	if msg == "yaml: mapping values are not allowed in this context" || strings.HasSuffix(msg, "could not find expected ':'") {
		for i, l := range bytes.Split(fd.data, []byte("\n")) {
			key, _, found := bytes.Cut(bytes.TrimLeft(l, " -"), []byte(": "))
			if found && utf8.RuneCount(key) > maxKeyLen {
				return i + 1, 1, fmt.Sprintf("a key (a name) longer than %d characters, YAML's limit for a key; shorten it", maxKeyLen), true
			}
		}
	}
	if msg == "yaml: found incompatible YAML document" || strings.HasPrefix(msg, "yaml: found duplicate %") {
		for i, l := range bytes.Split(fd.data, []byte("\n")) {
			if bytes.HasPrefix(l, []byte("%")) {
				return i + 1, 1, "a YAML directive (%YAML, %TAG): deal files have none; remove the line", true
			}
		}
	}
	return 0, 0, "", false
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

// surelyPlain reports whether plain must accept the fast path's tree of
// data: the fast path makes no anchor, alias, merge key or tag and nests
// no deeper than maxDepth, so when data is plain ASCII (no character
// unsafeInValue refuses) and no longer than a value may be, there is
// nothing for plain to find. TestSurelyPlain holds it to plain.
func surelyPlain(ascii bool, data []byte) bool {
	return ascii && len(data) <= MaxValueLen && yamlfast.MaxDepth <= maxDepth
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
