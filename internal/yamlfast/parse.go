// Package yamlfast parses the plain part of YAML that deal files use into
// exactly the node tree yaml.v3 builds for it, comments aside, several
// times faster; it declines everything else, which the caller then gives
// to yaml.v3.
package yamlfast

import (
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The fast path: deal files are written in a small, plain part of YAML —
// block mappings of word keys; plain, single- and double-quoted scalars on
// one line; flow lists [a, b] and flow mappings {k: v} of such scalars;
// block lists; literal blocks (| or |-) for notes; comments on lines of
// their own or after a block value. Document parses exactly that part
// into the node tree yaml.v3 builds for it, but without the comments (the
// loader reads none), several times faster, and declines everything else
// (comments inside [...] or {...} or after a block indicator, anchors,
// tags, document markers, folded or multi-line scalars, escapes, nested
// flow collections, tabs, empty values, odd indentation, ...), which then
// goes to yaml.v3: the fast path never decides what a file means on its
// own, and never reports an error. FuzzFastYAML holds it to yaml.v3's
// tree, position by position, comments aside.

// MaxDepth bounds the nesting of a document: a deal needs four levels.
const MaxDepth = 8

// Parser walks the source a line at a time.
type Parser struct {
	src   string
	line  int  // 1-based number of the current line
	off   int  // where the current line starts
	end   int  // where its text ends (before "\n" or "\r\n")
	next  int  // where the following line starts
	eof   bool // no current line: the source is used up
	ascii bool // the source is all ASCII: a column is a byte offset

	nodes []yaml.Node  // where nodes are made: a few allocations per file, not one per node
	stack []*yaml.Node // the children of the collections being parsed
	room  [48]*yaml.Node
	kids  []*yaml.Node // where finished collections' children are kept

	// The largest room for nodes and children a tree of this parser took,
	// where the next tree is built once release says the last is dropped.
	spareNodes []yaml.Node
	spareKids  []*yaml.Node
}

// parsers keeps parsers, with their room, from one file to the next:
// loading ten thousand files then makes a few trees' worth of nodes, not
// ten thousand.
var parsers = sync.Pool{New: func() any { return new(Parser) }}

// Document returns the top-level mapping of data as yaml.v3 would parse
// it, or false when data is not in the plain part of YAML described above.
// The tree is built in p's room: call p.release once nothing refers to any
// of its nodes.
func Document(data []byte) (root *yaml.Node, p *Parser, ok bool) {
	src := strings.TrimPrefix(string(data), "\ufeff") // values are slices of this one copy
	ok, ascii := fastChars(src)
	if !ok {
		return nil, nil, false
	}
	p = parsers.Get().(*Parser)
	p.reset(src)
	p.ascii = ascii
	if p.skipBlank() && !p.eof && p.indent() == 0 {
		root = p.blockMapping(0, p.off, 0)
	}
	if root == nil || !p.eof {
		p.Release()
		return nil, nil, false
	}
	return root, p, true
}

// reset makes p ready to parse src, in the room its earlier trees took.
func (p *Parser) reset(src string) {
	*p = Parser{src: src, spareNodes: p.spareNodes, spareKids: p.spareKids}
	p.nodes, p.kids, p.stack = p.spareNodes[:0], p.spareKids[:0], p.room[:0]
	p.setLine(0)
}

// release gives p back for another file; its last tree must no longer be
// used. It keeps the largest room the tree took (the last made is the
// largest: each is twice the one before).
func (p *Parser) Release() {
	if cap(p.nodes) > cap(p.spareNodes) {
		p.spareNodes = p.nodes
	}
	if cap(p.kids) > cap(p.spareKids) {
		p.spareKids = p.kids
	}
	p.src = ""
	parsers.Put(p)
}

// fastChars accepts text that yaml.v3 reads without complaint and whose
// line breaks are "\n" or "\r\n" only; no tabs, no byte order mark inside.
// It also tells whether the text is all ASCII.
func fastChars(src string) (ok, ascii bool) {
	ascii = true
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if !(c >= ' ' && c < 0x7f || c == '\n' || c == '\r' && i+1 < len(src) && src[i+1] == '\n') {
				return false, false
			}
			i++
			continue
		}
		ascii = false
		r, w := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && w == 1, r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false, false
		}
		i += w
	}
	return true, ascii
}

func (p *Parser) setLine(off int) {
	p.off = off
	p.line++
	if off >= len(p.src) {
		p.eof, p.end, p.next = true, off, off
		return
	}
	if nl := strings.IndexByte(p.src[off:], '\n'); nl >= 0 {
		p.end, p.next = off+nl, off+nl+1
	} else {
		p.end, p.next = len(p.src), len(p.src)
	}
	if p.end > off && p.src[p.end-1] == '\r' {
		p.end--
	}
}

func (p *Parser) nextLine() { p.setLine(p.next) }

func (p *Parser) text() string { return p.src[p.off:p.end] }

func (p *Parser) indent() int {
	i := p.off
	for i < p.end && p.src[i] == ' ' {
		i++
	}
	return i - p.off
}

// skipBlank moves to the next line with text, if any, past blank lines
// and comment lines; false on a document marker (--- or ...), which the
// fast path leaves to yaml.v3.
func (p *Parser) skipBlank() bool {
	for ; !p.eof; p.nextLine() {
		t := p.text()
		if strings.HasPrefix(t, "---") || strings.HasPrefix(t, "...") {
			return false
		}
		if t = strings.TrimLeft(t, " "); t != "" && t[0] != '#' {
			return true
		}
	}
	return true
}

// skipSpaces returns the first offset from i on the current line that is
// not a space.
func (p *Parser) skipSpaces(i int) int {
	for i < p.end && p.src[i] == ' ' {
		i++
	}
	return i
}

// finishLine accepts the rest of the current line from i when it is blank
// or a comment, and moves to the next line.
func (p *Parser) finishLine(i int) bool {
	if j := p.skipSpaces(i); j != p.end && !p.commentAt(j) {
		return false
	}
	p.nextLine()
	return true
}

// commentAt reports whether a comment starts at offset i of the current
// line: a '#' at the start of the line or after a space.
func (p *Parser) commentAt(i int) bool {
	return i < p.end && p.src[i] == '#' && (i == p.off || p.src[i-1] == ' ')
}

// col is yaml.v3's 1-based column of offset i: it counts characters.
func (p *Parser) col(i int) int {
	if p.ascii {
		return 1 + i - p.off
	}
	return 1 + utf8.RuneCountInString(p.src[p.off:i])
}

// node makes a node at offset at of the current line.
func (p *Parser) node(kind yaml.Kind, style yaml.Style, tag, value string, at int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, max(p.chunk(), 2*cap(p.nodes)))
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: p.line, Column: p.col(at)})
	return &p.nodes[len(p.nodes)-1]
}

// chunk is how many nodes to make room for at once: a deal file has about
// one node for every ten bytes.
func (p *Parser) chunk() int {
	return min(max(len(p.src)/10+8, 16), 1024)
}

// open starts collecting the children of a collection; close hands them
// to it, in a slice cut from a shared one.
func (p *Parser) open() int { return len(p.stack) }

func (p *Parser) push(children ...*yaml.Node) { p.stack = append(p.stack, children...) }

func (p *Parser) close(n *yaml.Node, base int) *yaml.Node {
	children := p.stack[base:]
	if len(children) > cap(p.kids)-len(p.kids) {
		p.kids = make([]*yaml.Node, 0, max(p.chunk(), 2*cap(p.kids), len(children)))
	}
	start := len(p.kids)
	p.kids = append(p.kids, children...)
	n.Content = p.kids[start:len(p.kids):len(p.kids)]
	p.stack = p.stack[:base]
	return n
}

// blockMapping parses the mapping whose first key is at offset at of the
// current line, in column ind; its other keys start lines indented by ind.
func (p *Parser) blockMapping(ind, at, depth int) *yaml.Node {
	if depth >= MaxDepth {
		return nil
	}
	m, base := p.node(yaml.MappingNode, 0, "!!map", "", at), p.open()
	for {
		k, i := p.key(at)
		if k == nil {
			return nil
		}
		v := p.value(ind, i, depth+1)
		if v == nil {
			return nil
		}
		p.push(k, v)
		more, ok := p.nextEntry(ind)
		if !ok {
			return nil
		}
		if !more {
			return p.close(m, base)
		}
		at = p.off + ind
	}
}

// nextEntry moves past blank lines after an entry of a block whose
// entries start in column ind, and reports whether the next line is in
// that column (more); ok is false for a line indented deeper, which would
// continue the entry in ways the fast path leaves to yaml.v3.
func (p *Parser) nextEntry(ind int) (more, ok bool) {
	if !p.skipBlank() {
		return false, false
	}
	if p.eof {
		return false, true
	}
	switch n := p.indent(); {
	case n < ind:
		return false, true
	case n > ind:
		return false, false
	}
	return true, true
}

// maxKeyLen keeps keys far below yaml.v3's limit of 1024 characters for a
// simple key.
const maxKeyLen = 128

// keyEnd returns the end of the plain key at i, followed by ':' and a
// space or the end of the line; or -1. A key here is one line of
// printable text that starts as a plain scalar may, holds none of the
// characters that could make it anything else (':', '#', double quotes,
// flow indicators) and does not end in a space: the words of a deal file
// and the names of the party registry ("1789 Capital", "Amazon.com",
// "Crédit Agricole", "Ontario Teachers' Pension Plan"). An apostrophe is
// plain text there, since startsPlain refuses one at the start.
func (p *Parser) keyEnd(i int) int {
	if i >= p.end || !p.startsPlain(i) {
		return -1
	}
	j := i
	for j < p.end && j-i <= maxKeyLen && isKeyByte(p.src[j]) {
		j++
	}
	if j == i || j-i > maxKeyLen || j == p.end || p.src[j] != ':' || j+1 < p.end && p.src[j+1] != ' ' ||
		p.src[j-1] == ' ' || p.src[i:j] == "<<" {
		return -1
	}
	return j
}

func isKeyByte(c byte) bool { return keyBytes[c] }

// keyBytes marks the bytes a block key may hold: printable ASCII but
// ':', '#', '"', '?' and the flow indicators, and the bytes of
// characters beyond ASCII ("Crédit Agricole"), which fastChars has
// already held to the printable ones.
var keyBytes = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = strings.IndexByte(":#,[]{}\"?", byte(c)) < 0
	}
	for c := 0x80; c <= 0xff; c++ {
		t[c] = true
	}
	return t
}()

// flowKeyEnd is keyEnd for a key inside {...}, which must be one word:
// letters, digits, '_' and '-', a letter or '_' first.
func (p *Parser) flowKeyEnd(i int) int {
	j := i
	for j < p.end && j-i <= maxKeyLen && isWordByte(p.src[j], j == i) {
		j++
	}
	if j == i || j-i > maxKeyLen || j == p.end || p.src[j] != ':' || j+1 < p.end && p.src[j+1] != ' ' {
		return -1
	}
	return j
}

func isWordByte(c byte, first bool) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' ||
		!first && ('0' <= c && c <= '9' || c == '-')
}

// key parses a block key at i; it returns its node and the offset after
// the colon.
func (p *Parser) key(i int) (*yaml.Node, int) {
	j := p.keyEnd(i)
	if j < 0 {
		return nil, 0
	}
	k := p.src[i:j]
	return p.node(yaml.ScalarNode, 0, resolveTag(k), k, i), j + 1
}

// value parses what follows a block key's colon at i: a value on the same
// line, or a block list or mapping on the next lines.
func (p *Parser) value(ind, i, depth int) *yaml.Node {
	i = p.skipSpaces(i)
	if i < p.end && !p.commentAt(i) {
		if p.src[i] == '|' {
			return p.literal(ind, i)
		}
		return p.inline(i, depth)
	}
	p.nextLine()
	if !p.skipBlank() || p.eof {
		return nil
	}
	n := p.indent()
	at := p.off + n
	switch {
	case p.isEntry(at) && n >= ind:
		return p.blockSequence(n, depth)
	case !p.isEntry(at) && n > ind && p.keyEnd(at) >= 0:
		return p.blockMapping(n, at, depth)
	}
	return nil
}

// isEntry reports whether a block list entry ("- ") starts at i.
func (p *Parser) isEntry(i int) bool {
	return i < p.end && p.src[i] == '-' && (i+1 == p.end || p.src[i+1] == ' ')
}

// blockSequence parses the list whose entries start lines at column ind.
func (p *Parser) blockSequence(ind, depth int) *yaml.Node {
	if depth >= MaxDepth {
		return nil
	}
	s, base := p.node(yaml.SequenceNode, 0, "!!seq", "", p.off+ind), p.open()
	for {
		i := p.skipSpaces(p.off + ind + 1)
		if i == p.end || i == p.off+ind+1 || p.commentAt(i) {
			return nil // an entry on the next line, or "-x"
		}
		var item *yaml.Node
		if p.keyEnd(i) >= 0 {
			item = p.blockMapping(i-p.off, i, depth+1)
		} else {
			item = p.inline(i, depth+1)
		}
		if item == nil {
			return nil
		}
		p.push(item)
		more, ok := p.nextEntry(ind)
		if !ok {
			return nil
		}
		if !more || !p.isEntry(p.off+ind) {
			return p.close(s, base)
		}
	}
}

// inline parses a value that fills the rest of the current line: a
// scalar, [a, b] or {k: v}.
func (p *Parser) inline(i, depth int) *yaml.Node {
	var n *yaml.Node
	var end int
	switch p.src[i] {
	case '[':
		n, end = p.flowSequence(i, depth)
	case '{':
		n, end = p.flowMapping(i, depth)
	case '"', '\'':
		n, end = p.quoted(i)
	default:
		n, end = p.plainBlock(i)
	}
	if n == nil || !p.finishLine(end) {
		return nil
	}
	return n
}

// startsPlain reports whether a plain scalar may start at i: not with an
// indicator, except '-' before a non-space ("-3"). YAML allows "?x" and
// ":x" in block context too; the fast path leaves them to yaml.v3.
func (p *Parser) startsPlain(i int) bool {
	if c := p.src[i]; c == '-' {
		return i+1 < p.end && p.src[i+1] != ' '
	}
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@` ", p.src[i]) < 0
}

// plainBlock parses a plain scalar that runs to the end of the line.
func (p *Parser) plainBlock(i int) (*yaml.Node, int) {
	if !p.startsPlain(i) {
		return nil, 0
	}
	for j := i + 1; j < p.end; j++ {
		switch c := p.src[j]; {
		case c == ':' && (j+1 == p.end || p.src[j+1] == ' '): // a key inside a value
			return nil, 0
		case c == '#' && p.src[j-1] == ' ': // a comment ends the value
			return p.plain(i, j), j
		}
	}
	return p.plain(i, p.end), p.end
}

// plainFlow parses a plain scalar inside [...] or {...}; it ends before
// ',', ']' or '}'.
func (p *Parser) plainFlow(i int) (*yaml.Node, int) {
	if !p.startsPlain(i) {
		return nil, 0
	}
	j := i + 1
	for ; j < p.end; j++ {
		c := p.src[j]
		if c == ',' || c == ']' || c == '}' {
			break
		}
		switch {
		case c == '[', c == '{', c == '?',
			c == ':' && (j+1 == p.end || strings.IndexByte(" ,[]{}", p.src[j+1]) >= 0),
			c == '#' && p.src[j-1] == ' ':
			return nil, 0
		}
	}
	if j == p.end {
		return nil, 0
	}
	return p.plain(i, j), j
}

// plain makes the node of a plain scalar from i to j, trailing spaces
// dropped, tagged as yaml.v3 resolves it.
func (p *Parser) plain(i, j int) *yaml.Node {
	v := strings.TrimRight(p.src[i:j], " ")
	if v == "<<" {
		return nil // a merge key
	}
	return p.node(yaml.ScalarNode, 0, resolveTag(v), v, i)
}

// quoted parses a "double-quoted" (without escapes) or 'single-quoted'
// scalar that closes on its line.
func (p *Parser) quoted(i int) (*yaml.Node, int) {
	q := p.src[i]
	if q == '"' {
		j := strings.IndexAny(p.src[i+1:p.end], "\"\\")
		if j < 0 || p.src[i+1+j] == '\\' {
			return nil, 0
		}
		return p.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str", p.src[i+1:i+1+j], i), i + j + 2
	}
	escaped := false
	for j := i + 1; j < p.end; j++ {
		if p.src[j] != '\'' {
			continue
		}
		if j+1 < p.end && p.src[j+1] == '\'' {
			escaped = true
			j++
			continue
		}
		v := p.src[i+1 : j]
		if escaped {
			v = strings.ReplaceAll(v, "''", "'")
		}
		return p.node(yaml.ScalarNode, yaml.SingleQuotedStyle, "!!str", v, i), j + 1
	}
	return nil, 0
}

// flowScalar parses one item of a flow collection.
func (p *Parser) flowScalar(i int) (*yaml.Node, int) {
	if i < p.end && (p.src[i] == '"' || p.src[i] == '\'') {
		return p.quoted(i)
	}
	if i == p.end {
		return nil, 0
	}
	return p.plainFlow(i)
}

// flowNext moves past the separator after an item of a flow collection:
// it returns the offset of the next item, or after the closing bracket
// with done set.
func (p *Parser) flowNext(i int, closing byte) (next int, done, ok bool) {
	i = p.skipSpaces(i)
	switch {
	case i == p.end:
		return 0, false, false
	case p.src[i] == closing:
		return i + 1, true, true
	case p.src[i] != ',':
		return 0, false, false
	}
	i = p.skipSpaces(i + 1)
	if i < p.end && p.src[i] == closing {
		return 0, false, false // a trailing comma
	}
	return i, false, true
}

// flowSequence parses [a, 'b', "c"] on one line.
func (p *Parser) flowSequence(i, depth int) (*yaml.Node, int) {
	return p.flow(i, depth, yaml.SequenceNode, "!!seq", ']')
}

// flowMapping parses {k: v, k2: 'v2'} on one line.
func (p *Parser) flowMapping(i, depth int) (*yaml.Node, int) {
	return p.flow(i, depth, yaml.MappingNode, "!!map", '}')
}

// flow parses a flow collection whose opening bracket is at i, up to its
// closing one on the same line: items for a list, k: v pairs for a
// mapping.
func (p *Parser) flow(i, depth int, kind yaml.Kind, tag string, closing byte) (*yaml.Node, int) {
	if depth >= MaxDepth {
		return nil, 0
	}
	n, base := p.node(kind, yaml.FlowStyle, tag, "", i), p.open()
	i = p.skipSpaces(i + 1)
	if i < p.end && p.src[i] == closing {
		return n, i + 1
	}
	for {
		var j int
		if kind == yaml.MappingNode {
			j = p.flowPair(i, depth)
		} else {
			j = p.flowItem(i)
		}
		if j < 0 {
			return nil, 0
		}
		next, done, ok := p.flowNext(j, closing)
		if !ok {
			return nil, 0
		}
		if done {
			return p.close(n, base), next
		}
		i = next
	}
}

// flowItem parses the item of a flow list at i and pushes it; it returns
// where the item ends, or -1.
func (p *Parser) flowItem(i int) int {
	item, j := p.flowScalar(i)
	if item == nil {
		return -1
	}
	p.push(item)
	return j
}

// flowPair parses the k: v of a flow mapping at i and pushes both; it
// returns where the value ends, or -1. The value is a scalar or a list
// of scalars ({aliases: [AWS, Amazon Web Services]}).
func (p *Parser) flowPair(i, depth int) int {
	j := p.flowKeyEnd(i)
	if j < 0 || j+1 == p.end {
		return -1
	}
	k := p.node(yaml.ScalarNode, 0, resolveTag(p.src[i:j]), p.src[i:j], i)
	var v *yaml.Node
	var end int
	if at := p.skipSpaces(j + 1); at < p.end && p.src[at] == '[' {
		v, end = p.flowSequence(at, depth+1)
	} else {
		v, end = p.flowScalar(at)
	}
	if v == nil {
		return -1
	}
	p.push(k, v)
	return end
}

// literal parses a literal block scalar (| or |-) whose indicator is at
// offset i, under a key in column ind. Its first line sets the
// indentation; it ends before the first line indented less.
func (p *Parser) literal(ind, i int) *yaml.Node {
	strip := i+1 < p.end && p.src[i+1] == '-'
	if head := i + 1; strip && head+1 != p.end || !strip && head != p.end {
		return nil // an indentation indicator, +, a comment, ...
	}
	n := p.node(yaml.ScalarNode, yaml.LiteralStyle, "!!str", "", i)
	p.nextLine()
	width := p.indent()
	if p.eof || width <= ind || width == p.end-p.off {
		return nil
	}
	first := p.off + width
	lines, broken := p.literalLines(width)
	if lines == nil {
		return nil
	}
	switch final := broken && !strip; {
	case final && len(lines) == 1 && p.src[first+len(lines[0])] == '\n':
		n.Value = p.src[first : first+len(lines[0])+1] // the line and its "\n": no copy
	case final:
		n.Value = strings.Join(lines, "\n") + "\n"
	default:
		n.Value = strings.Join(lines, "\n")
	}
	return n
}

// literalLines collects the lines of a literal block indented by width,
// without the indentation; blank lines inside it are "". broken says
// whether the last one ended with a line break (not the end of the file).
// It returns nil for a line of spaces only, which the fast path declines.
func (p *Parser) literalLines(width int) (lines []string, broken bool) {
	blank := 0 // blank lines before the current one
	for {
		for range blank {
			lines = append(lines, "")
		}
		lines = append(lines, p.src[p.off+width:p.end])
		broken = p.next > p.end
		p.nextLine()
		for blank = 0; !p.eof && p.off == p.end; blank++ {
			p.nextLine()
		}
		if p.eof {
			return lines, broken
		}
		switch k := p.indent(); {
		case k == p.end-p.off:
			return nil, false
		case k < width:
			return lines, broken
		}
	}
}
