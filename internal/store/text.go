package store

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// utf8BOM is the byte-order mark some editors put at the start of UTF-8
// files. It is allowed and skipped.
var utf8BOM = []byte("\xef\xbb\xbf")

// textProblem is why a file is not YAML text, and where.
type textProblem struct {
	line, col int
	msg       string
}

// checkText makes sure data is UTF-8 text that every reader splits into
// the same lines: one line per "\n" (a "\r" before it belongs to it). It
// returns data without a UTF-8 byte-order mark, and whether it is all
// printable ASCII, tabs and line feeds; or the first problem.
//
// YAML itself also breaks lines at a lone "\r", U+0085, U+2028 and U+2029,
// and refuses control characters without saying where; refusing those here
// keeps every reported line and column where an editor shows them.
func checkText(data []byte) (text []byte, ascii bool, bad *textProblem) {
	if p := otherEncoding(data); p != nil {
		return nil, false, p
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	i := 0
	for i < len(data) && plainByte[data[i]] { // the usual file is all plain: no position to keep
		i++
	}
	if i == len(data) {
		return data, true, nil
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	col := i - bytes.LastIndexByte(data[:i], '\n') // the prefix is ASCII: a byte is a column
	for i < len(data) {
		if c := data[i]; c >= 0x20 && c < 0x7f || c == '\t' { // plain ASCII, the usual case
			i, col = i+1, col+1
			continue
		} else if c == '\n' {
			i, line, col = i+1, line+1, 1
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if msg := badChar(data, i, r, size); msg != "" {
			return nil, false, &textProblem{line, col, msg}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else if r != '\r' {
			col++
		}
		i += size
	}
	return data, false, nil
}

// plainByte marks the bytes a line of plain ASCII text holds: printable
// characters, tab and line feed.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	return t
}()

// otherEncoding recognises UTF-16 and UTF-32, with or without a byte-order
// mark.
func otherEncoding(data []byte) *textProblem {
	const saveAs = "the file is %s; save it as UTF-8"
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")), bytes.HasPrefix(data, []byte("\x00\x00\xfe\xff")):
		return &textProblem{1, 1, fmt.Sprintf(saveAs, "UTF-32")}
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		return &textProblem{1, 1, fmt.Sprintf(saveAs, "UTF-16")}
	case len(data) >= 4 && (data[0] == 0) != (data[1] == 0) && (data[2] == 0) != (data[3] == 0) && (data[0] == 0) == (data[2] == 0):
		return &textProblem{1, 1, fmt.Sprintf(saveAs, "UTF-16 (without a byte-order mark)")}
	}
	return nil
}

// badChar says what is wrong with rune r of the given size at data[i], or "".
func badChar(data []byte, i int, r rune, size int) string {
	switch {
	case r == utf8.RuneError && size == 1:
		return fmt.Sprintf("invalid UTF-8 (byte 0x%02X); save the file as UTF-8", data[i])
	case r == 0:
		return "a NUL byte: this looks like a binary file, not YAML text"
	case r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
		return "a carriage return without a line feed; save the file with LF or CRLF line endings"
	case r == 0x85 || r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("U+%04X is a line break few editors show; use a plain line break", r)
	case r == 0xFEFF:
		return "a byte-order mark (U+FEFF) inside the file; delete it"
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return fmt.Sprintf("control character U+%04X: this looks like a binary file, not YAML text", r)
	case r == 0xFFFE || r == 0xFFFF:
		return fmt.Sprintf("U+%04X is not a character", r)
	}
	return ""
}

// unsafeInValue says what is wrong with a character that YAML escapes
// ("\e", "\x00", "\u202e") can put in a value, or "": control characters
// would reach the terminal, and bidirectional overrides can make a title
// read as something else.
func unsafeInValue(s string) string {
	i := 0
	for i < len(s) && (s[i] >= 0x20 && s[i] < 0x7f || s[i] == '\t' || s[i] == '\n') {
		i++ // plain ASCII, the usual case
	}
	for _, r := range s[i:] {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return fmt.Sprintf("control character U+%04X in a value (write plain text; line breaks and tabs are fine)", r)
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("bidirectional control U+%04X in a value (it can make text read as something else; delete it)", r)
		}
	}
	return ""
}
