package store

import (
	"fmt"
	"github.com/dealtrack/dealtrack/internal/folder/foldertest"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/dealtrack/dealtrack/internal/deal"
)

const plainDeal = foldertest.PlainDeal

// loadOne loads content as the only deal file, next to fuzzRegistry.
func loadOne(content string) *Set {
	return Load(fstest.MapFS{
		RegistryFile:    {Data: []byte(fuzzRegistry)},
		"deal-one.yaml": {Data: []byte(content)},
	}, "deals")
}

// wantProblem fails unless set has an error at line:col whose message
// contains msg, and no deal.
func wantProblem(t *testing.T, set *Set, line, col int, msg string) {
	t.Helper()
	for _, p := range set.Problems {
		if p.Severity == Error && strings.Contains(p.Msg, msg) {
			if got := fmt.Sprintf("%d:%d", max(p.Line, 1), max(p.Col, 1)); got != fmt.Sprintf("%d:%d", line, col) {
				t.Errorf("%q at %s, want %d:%d", p.Msg, got, line, col)
			}
			if len(set.Deals) != 0 {
				t.Errorf("a deal was kept despite %q", p.Msg)
			}
			return
		}
	}
	t.Errorf("no error containing %q; got %v", msg, set.Problems)
}

func utf16le(s string, bom bool) string {
	var b strings.Builder
	if bom {
		b.WriteString("\xff\xfe")
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

func utf16be(s string) string {
	le := utf16le(s, false)
	b := []byte("\xfe\xff" + le)
	for i := 2; i+1 < len(b); i += 2 {
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}

// aliasBomb is "billion laughs": nine aliases of nine aliases, nine deep.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for c := 'b'; c <= 'i'; c++ {
		p := string(c - 1)
		fmt.Fprintf(&b, "%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	return b.String()
}

// TestHostileFiles: each odd file is refused with an error at a position
// inside it, and nothing is kept.
func TestHostileFiles(t *testing.T) {
	tests := []struct {
		name, content string
		line, col     int
		msg           string
	}{
		{"ELF binary", "\x7fELF\x02\x01\x01\x00\x00\x00", 1, 1, "control character U+007F: this looks like a binary file"},
		{"PNG binary", "\x89PNG\r\n\x1a\n\x00\x00", 1, 1, "invalid UTF-8 (byte 0x89); save the file as UTF-8"},
		{"Latin-1 title", "title: caf\xe9\n", 1, 11, "invalid UTF-8 (byte 0xE9)"},
		{"overlong UTF-8", "title: \xc0\xaf\n", 1, 8, "invalid UTF-8 (byte 0xC0)"},
		{"surrogate in UTF-8", "title: \xed\xa0\x80\n", 1, 8, "invalid UTF-8 (byte 0xED)"},
		{"NUL byte", "title: a\x00b\n", 1, 9, "a NUL byte: this looks like a binary file"},
		{"UTF-16LE with BOM", utf16le(plainDeal, true), 1, 1, "the file is UTF-16; save it as UTF-8"},
		{"UTF-16BE with BOM", utf16be(plainDeal), 1, 1, "the file is UTF-16; save it as UTF-8"},
		{"UTF-16LE without BOM", utf16le(plainDeal, false), 1, 1, "the file is UTF-16 (without a byte-order mark)"},
		{"UTF-32LE", "\xff\xfe\x00\x00t\x00\x00\x00", 1, 1, "the file is UTF-32"},
		{"empty", "", 1, 1, "empty file"},
		{"only a byte-order mark", "\xef\xbb\xbf", 1, 1, "empty file"},
		{"only blank lines", "\n  \n\n", 1, 1, "empty file"},
		{"only comments", "# a deal\n# to come\n", 1, 1, "empty file"},
		{"only a document marker", "---", 1, 1, "empty file"},
		{"a document marker and a comment", "--- # nothing\n...\n", 1, 1, "empty file"},
		{"control character", "title: a\x01b\n", 1, 9, "control character U+0001"},
		{"DEL", "title: ok\nnotes: a\x7f\n", 2, 9, "control character U+007F"},
		{"old Mac line endings", "title: a\rannounced: 2025-09-22\r", 1, 9, "a carriage return without a line feed"},
		{"line separator", "title: a\u2028b\n", 1, 9, "U+2028 is a line break few editors show"},
		{"next line", "title: ok\ntags: [a\u0085]\n", 2, 9, "U+0085 is a line break"},
		{"byte-order mark inside", "title: a\ufeffb\n", 1, 9, "a byte-order mark (U+FEFF) inside the file"},
		{"noncharacter", "title: a\uffff\n", 1, 9, "U+FFFF is not a character"},
		{"escaped terminal control", "title: \"\\e[31mred\"\n", 1, 8, "control character U+001B in a value"},
		{"escaped NUL", "tags: [\"a\\0\"]\n", 1, 8, "control character U+0000 in a value"},
		{"escaped carriage return", "title: \"Real\\rFake\"\n", 1, 8, "control character U+000D in a value"},
		{"bidi override", "title: \"Stargate \\u202Eevil\"\n", 1, 8, "bidirectional control U+202E"},
		{"bidi override in a registry name", "parties: [\"Open\u2066AI\"]\n", 1, 11, "bidirectional control U+2066"},
		{"tab indentation", "title: x\nsources:\n\t- {publisher: X, title: Y}\n", 3, 1, "(a tab in the indentation: YAML indents with spaces only)"},
		{"tab after spaces", "sources:\n  - publisher: X\n \ttitle: Y\n", 3, 2, "(a tab in the indentation"},
		{"alias bomb", aliasBomb(), 1, 4, "anchors and aliases (& and *) are not allowed"},
		{"merge key with alias", "base: &b {title: x}\ndeal:\n  <<: *b\n", 1, 7, "anchors and aliases"},
		{"merge key", "<<: {title: x}\n", 1, 1, "merge keys (<<) are not allowed in deal files; write the keys out"},
		{"explicit tag", "title: !!binary aGVsbG8=\n", 1, 8, "tag !!binary is not allowed in deal files"},
		{"custom tag", "title: !x hello\n", 1, 8, "custom tag !x is not allowed"},
		{"nesting", "notes: " + strings.Repeat("[", 9) + strings.Repeat("]", 9) + "\n", 1, 16, "nested deeper than 8 levels"},
		{"YAML's own depth limit", strings.Repeat("[", 10001) + strings.Repeat("]", 10001), 1, 1, "yaml: exceeded max depth of 10000"},
		{"value over the cap", "notes: " + strings.Repeat("x", MaxValueLen+1) + "\n", 1, 8, "a value of 65537 bytes; values are at most 64 KiB"},
		{"title over the cap", strings.Replace(plainDeal, "title: NVIDIA to invest in OpenAI", "title: "+strings.Repeat("é", deal.MaxTitleLen+1), 1), 1, 8, "title: 1001 characters; a title is at most 1000 (put the rest in notes)"},
		{"title with no value", strings.Replace(plainDeal, "title: NVIDIA to invest in OpenAI", "title:", 1), 1, 7, "title: required"},
		{"source title with no value", strings.Replace(plainDeal, "title: Announcement}", "title: }", 1), 8, 32, "sources[0].title: required"},
		{"two documents", "title: a\n---\ntitle: b\n", 2, 1, "a second YAML document"},
		{"a list, not a mapping", "- a\n- b\n", 1, 1, "the top level must be a mapping"},
		{"a lone scalar", "hello\n", 1, 1, "the top level must be a mapping"},
		{"unclosed quote", "title: \"open\n", 2, 1, "yaml: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblem(t, loadOne(tt.content), tt.line, tt.col, tt.msg)
		})
	}
}

// TestOddButValidFiles: files other tools write are read as they mean.
func TestOddButValidFiles(t *testing.T) {
	withNotes := plainDeal + "notes: |\n  First line.\n  Second line.\n"
	tests := []struct {
		name, content string
		check         func(*deal.Deal) string
	}{
		{"CRLF line endings", strings.ReplaceAll(withNotes, "\n", "\r\n"), func(d *deal.Deal) string {
			return want(d.Notes, "First line.\nSecond line.\n")
		}},
		{"UTF-8 byte-order mark", "\xef\xbb\xbf" + plainDeal, func(d *deal.Deal) string { return want(d.Title, "NVIDIA to invest in OpenAI") }},
		{"non-ASCII title", strings.Replace(plainDeal, "NVIDIA to invest in OpenAI", "Stargate Ålesund — 日本 ☃ 𝔘", 1), func(d *deal.Deal) string {
			return want(d.Title, "Stargate Ålesund — 日本 ☃ 𝔘")
		}},
		{"tab inside a value", strings.Replace(plainDeal, "NVIDIA to invest", "NVIDIA\tto invest", 1), func(d *deal.Deal) string { return want(d.Title, "NVIDIA\tto invest in OpenAI") }},
		{"title at the cap", strings.Replace(plainDeal, "title: NVIDIA to invest in OpenAI", "title: "+strings.Repeat("é", deal.MaxTitleLen), 1), func(d *deal.Deal) string { return "" }},
		{"no final line break", strings.TrimSuffix(plainDeal, "\n"), func(d *deal.Deal) string { return "" }},
		{"Arabic title", strings.Replace(plainDeal, "NVIDIA to invest in OpenAI", "هيوماين و إنفيديا", 1), func(d *deal.Deal) string { return want(d.Title, "هيوماين و إنفيديا") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := loadOne(tt.content)
			if len(set.Deals) != 1 || len(set.Problems) != 0 {
				t.Fatalf("not accepted: %v", set.Problems)
			}
			if msg := tt.check(set.Deals[0]); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func want(got, want string) string {
	if got != want {
		return fmt.Sprintf("got %q, want %q", got, want)
	}
	return ""
}

// TestPositionsSurviveOddEncodings: a byte-order mark or CRLF endings do
// not shift the line or column of a problem.
func TestPositionsSurviveOddEncodings(t *testing.T) {
	bad := strings.Replace(plainDeal, "up to $100B", "up to $100Q", 1)
	for name, content := range map[string]string{
		"LF":   bad,
		"CRLF": strings.ReplaceAll(bad, "\n", "\r\n"),
		"BOM":  "\xef\xbb\xbf" + bad,
		"both": "\xef\xbb\xbf" + strings.ReplaceAll(bad, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			wantProblem(t, loadOne(content), 6, 10, `dollars: "up to $100Q": unknown scale "Q"`)
		})
	}
	wantProblem(t, loadOne("\xef\xbb\xbfdollar: 5\n"), 1, 1, `unknown key "dollar"`)
}

// TestNumbersThroughYAML: yaml.v3 resolves plain scalars to floats, hex
// ints, infinities and so on; the decoder reads the text as written, so
// the figure parser alone decides.
func TestNumbersThroughYAML(t *testing.T) {
	tests := []struct{ field, value, want string }{
		{"dollars", "1e10", "$10B"},     // !!float
		{"dollars", "2.5e9", "$2.5B"},   // !!float
		{"dollars", "1,000", "$1K"},     // !!str
		{"dollars", "017", "$17"},       // !!int: yaml.v3 would read octal 15
		{"dollars", "0", "$0"},          // !!int
		{"dollars", "'100'", "$100"},    // quoted
		{"gigawatts", "1.5", "1.5 GW"},  // !!float
		{"gigawatts", "10 gW", "10 GW"}, // case forgiven
		{"dollars", "0x10", "error: write figures in decimal digits, not hexadecimal"},
		{"dollars", "0o17", "error: write figures in decimal digits"},
		{"dollars", ".inf", "error: not a figure (write for example $10B or undisclosed)"},
		{"dollars", "-.inf", "error: negative figure"},
		{"dollars", ".nan", "error: not a figure"},
		{"dollars", "1_000", "error: no underscores in numbers (write 1000, or group thousands with commas)"},
		{"dollars", "-5", "error: negative figure"},
		{"dollars", "+5", "error: a figure takes no sign (write the amount itself, 5)"},
		{"dollars", "true", "error: not a figure"},
		{"dollars", "9223372036854775808", "error: is too large (figures go up to about $9223372T)"},
		{"dollars", "1e400", "error: exponent out of range"},
		{"dollars", "0.5", "error: figures are whole dollars (round it)"},
		{"dollars", "＄5B", "error: write the dollar sign as $"},
		{"dollars", "５B", "error: write digits as 0-9"},
		{"dollars", "5,5B", "error: commas separate thousands; write decimals with a point (5.5)"},
		{"gigawatts", "5 mW", "error: mW is milliwatts; write MW for megawatts"},
		{"dollars", "~", "error: dollars: no value (write one or remove the key)"}, // YAML null
		{"dollars", "'~'", "error: not a figure"},
	}
	for _, tt := range tests {
		content := strings.Replace(plainDeal, "dollars: up to $100B", tt.field+": "+tt.value, 1)
		set := loadOne(content)
		wantErr, isErr := strings.CutPrefix(tt.want, "error: ")
		if isErr {
			wantProblem(t, set, 6, len(tt.field)+3, wantErr)
			continue
		}
		if len(set.Deals) != 1 {
			t.Errorf("%s: %s: %v", tt.field, tt.value, set.Problems)
			continue
		}
		got := set.Deals[0].Dollars.String()
		if tt.field == "gigawatts" {
			got = set.Deals[0].Power.String()
		}
		if got != tt.want {
			t.Errorf("%s: %s read as %q, want %q", tt.field, tt.value, got, tt.want)
		}
	}
}
