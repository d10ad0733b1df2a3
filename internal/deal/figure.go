package deal

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Qualifier says how a figure was stated in the report it comes from.
type Qualifier uint8

const (
	// None means the figure was not given at all (the key is absent).
	None Qualifier = iota
	// Exact is a plain figure: "$11.9B".
	Exact
	// UpTo is a ceiling: "up to $100B". Its low end is 0.
	UpTo
	// Over is a floor: "over $10B", "more than $10B", ">$10B".
	Over
	// About is an approximate figure: "about $40B", "~$40B".
	About
	// Range is a span between two figures: "$17.4B-$19.4B".
	Range
	// Undisclosed is a figure the report does not give.
	Undisclosed
	// AtLeast is a floor stated as "at least $10B" (≥), kept apart from
	// "over" (>) so that a figure is quoted as its report words it.
	AtLeast
	// Nearly is a figure just under the one stated: "nearly 7 GW" (≲).
	// It sums like an approximate figure.
	Nearly
)

var qualifierNames = [...]string{"", "exact", "up to", "over", "about", "range", "undisclosed", "at least", "nearly"}

// String returns the machine name of q as used in json and yaml output.
func (q Qualifier) String() string { return qualifierNames[q] }

// Valid reports whether q is one of the qualifiers above.
func (q Qualifier) Valid() bool { return int(q) < len(qualifierNames) }

// Bound selects which end of a figure a sum uses.
type Bound uint8

const (
	// Headline is the exact figure, the ceiling of "up to", the floor of
	// "over", or the middle of a range.
	Headline Bound = iota
	// Low is the lowest value the statement allows (0 for "up to").
	Low
	// High is the highest value the statement names.
	High
)

// ParseBound reads "headline", "low" or "high".
func ParseBound(s string) (Bound, error) {
	switch s {
	case "headline", "":
		return Headline, nil
	case "low":
		return Low, nil
	case "high":
		return High, nil
	}
	return 0, fmt.Errorf("unknown bound %q (use headline, low or high)", s)
}

func (b Bound) String() string { return [...]string{"headline", "low", "high"}[b] }

// figure is a quantity in whole base units (dollars or watts) with the way
// it was stated. For every qualifier but Range, Lo == Hi.
type figure struct {
	Q      Qualifier
	Lo, Hi int64
}

// Known reports whether the figure has a value.
func (f figure) Known() bool { return f.Q != None && f.Q != Undisclosed }

// Value returns the figure at bound b, and false when it is not known.
func (f figure) Value(b Bound) (int64, bool) {
	if !f.Known() {
		return 0, false
	}
	switch {
	case b == Low && f.Q == UpTo:
		return 0, true
	case b == Low:
		return f.Lo, true
	case b == High:
		return f.Hi, true
	}
	return f.Lo + (f.Hi-f.Lo)/2, true
}

// scale is one accepted unit word and its power of ten.
type scale struct {
	word string
	exp  int
}

// unitSystem describes how one kind of figure is written.
type unitSystem struct {
	base      string                                      // "dollars" or "watts", for messages
	parseUnit func(num, rest string) (exp int, err error) // rest is what follows the number
	format    func(v int64, exact bool) string
}

var errEmpty = errors.New("empty figure (write a figure or undisclosed)")

// parseFigure reads qualifiers, ranges and numbers common to amounts and
// power; u reads the units.
func parseFigure(s string, u unitSystem) (figure, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return figure{}, errEmpty
	}
	if asciiEqualFold(s, "undisclosed") {
		return figure{Q: Undisclosed}, nil
	}
	q, rest := splitQualifier(s)
	return parseQualified(s, q, rest, u)
}

// parseQualified reads the figure rest, which followed qualifier q in s.
func parseQualified(s string, q Qualifier, rest string, u unitSystem) (figure, error) {
	if rest == "" {
		return figure{}, notFigure(s, u)
	}
	if err := signed(rest); err != nil {
		return figure{}, err
	}
	if lo, hi, ok := splitRange(rest); ok {
		if q != Exact {
			return figure{}, fmt.Errorf("a range takes no qualifier: write %s", quote(rest))
		}
		return parseRange(lo, hi, u)
	}
	v, err := parseQuantity(rest, u, "")
	if err != nil {
		return figure{}, err
	}
	return figure{Q: q, Lo: v, Hi: v}, nil
}

func parseRange(lo, hi string, u unitSystem) (figure, error) {
	if strings.TrimSpace(hi) == "" {
		return figure{}, fmt.Errorf("a range needs a figure at each end (for example %s-%s)", u.format(10_000_000_000, true), u.format(20_000_000_000, true))
	}
	h, err := parseQuantity(hi, u, "")
	if err != nil {
		return figure{}, err
	}
	l, err := parseQuantity(lo, u, hi)
	if err != nil {
		return figure{}, err
	}
	if l > h {
		return figure{}, fmt.Errorf("range %s to %s runs backwards (write the low end first)", short(strings.TrimSpace(lo)), short(strings.TrimSpace(hi)))
	}
	return figure{Q: Range, Lo: l, Hi: h}, nil
}

var qualifierWords = []struct {
	prefix string
	q      Qualifier
}{
	{"up to ", UpTo}, {"≤", UpTo}, {"<=", UpTo},
	{"over ", Over}, {"more than ", Over}, {">", Over},
	{"at least ", AtLeast}, {"≥", AtLeast}, {">=", AtLeast},
	{"about ", About}, {"approximately ", About}, {"around ", About}, {"roughly ", About}, {"~", About},
	{"nearly ", Nearly}, {"almost ", Nearly}, {"≲", Nearly},
}

func splitQualifier(s string) (Qualifier, string) {
	for _, w := range qualifierWords {
		if len(s) >= len(w.prefix) && asciiEqualFold(s[:len(w.prefix)], w.prefix) {
			return w.q, strings.TrimSpace(s[len(w.prefix):])
		}
	}
	return Exact, s
}

// splitRange splits "A-B", "A – B" or "A to B". A leading minus sign is not
// a range, nor is the minus of an exponent ("1e-3").
func splitRange(s string) (lo, hi string, ok bool) {
	if i := indexFold(s, " to "); i > 0 {
		return s[:i], s[i+4:], true
	}
	for i := 1; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "–"):
			return s[:i], s[i+len("–"):], true
		case s[i] == '-' && !isExponent(s, i):
			return s[:i], s[i+1:], true
		}
	}
	return "", "", false
}

// isExponent reports whether the sign at s[i] belongs to an exponent: a
// digit, then e or E, then the sign, then a digit.
func isExponent(s string, i int) bool {
	return i >= 2 && (s[i-1] == 'e' || s[i-1] == 'E') && isDigit(s[i-2]) && i+1 < len(s) && isDigit(s[i+1])
}

// indexFold is strings.Index ignoring the case of ASCII letters, with
// indexes into s itself (strings.ToLower may change byte lengths).
func indexFold(s, sub string) int {
	if sub == "" {
		return 0
	}
	first := lower(sub[0])
	for i := 0; i+len(sub) <= len(s); i++ {
		if lower(s[i]) == first && asciiEqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// parseQuantity reads a number and its unit. When the number has no unit
// of its own, it takes the unit of other ("10-20 GW").
func parseQuantity(s string, u unitSystem, other string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errEmpty
	}
	if err := signed(s); err != nil {
		return 0, err
	}
	num, rest := splitNumber(s)
	if num == "" {
		return 0, notFigure(s, u)
	}
	if err := oddNumber(num, rest); err != nil {
		return 0, err
	}
	if rest == "" && other != "" {
		_, rest = splitNumber(strings.TrimSpace(other))
	}
	exp, err := u.parseUnit(num, rest)
	if err != nil {
		return 0, err
	}
	return exactInteger(num, exp, u)
}

// signed refuses a figure with a sign: figures are positive, and "+$5B"
// reads as a change rather than an amount.
func signed(s string) error {
	unsigned := strings.TrimPrefix(s, "$")
	for _, sign := range []string{"-", "−", "+"} {
		if strings.HasPrefix(unsigned, sign) {
			if sign == "+" {
				return fmt.Errorf("a figure takes no sign (write the amount itself, %s)", short(strings.Replace(s, "+", "", 1)))
			}
			return fmt.Errorf("negative figure %s (figures are positive)", quote(s))
		}
	}
	return nil
}

// oddNumber refuses number forms other programs read differently: hex,
// octal and binary prefixes, and underscores between digits.
func oddNumber(num, rest string) error {
	switch {
	case strings.TrimPrefix(num, "$") == "0" && rest != "" && strings.ContainsRune("xXoObB", rune(rest[0])) && len(rest) > 1 && isHexDigit(rest[1]):
		return errors.New("write figures in decimal digits, not hexadecimal, octal or binary")
	case strings.HasPrefix(rest, "_") && len(rest) > 1 && isDigit(rest[1]):
		return fmt.Errorf("no underscores in numbers (write %s, or group thousands with commas)", short(strings.ReplaceAll(num+rest, "_", "")))
	}
	return nil
}

func isHexDigit(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// notFigure explains why s does not start with a number. Like every error
// here, it leaves quoting the whole input to the caller.
func notFigure(s string, u unitSystem) error {
	example := u.format(10_000_000_000, true)
	switch {
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsDigit(r) && r > unicode.MaxASCII }):
		return fmt.Errorf("write digits as 0-9 (for example %s)", example)
	case strings.Contains(s, "＄") || strings.Contains(s, "﹩"):
		return fmt.Errorf("write the dollar sign as $ (for example %s)", example)
	}
	return fmt.Errorf("not a figure (write for example %s or undisclosed)", example)
}

// quote quotes s for a message, shortened when long.
func quote(s string) string {
	head, cut := shorten(s)
	if cut {
		return strconv.Quote(head) + "…"
	}
	return strconv.Quote(s)
}

// short is s for a message, shortened when long.
func short(s string) string {
	head, cut := shorten(s)
	if cut {
		return head + "…"
	}
	return s
}

// shorten returns the first 40 bytes of s, at a rune boundary, when s is
// much longer.
func shorten(s string) (string, bool) {
	const keep = 40
	if len(s) <= keep+3 {
		return s, false
	}
	cut := keep
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}

// splitNumber splits a leading number (digits, one point, thousands commas,
// an exponent) from the rest. A "$" sign is kept in rest's place: callers
// see it through the unit parser.
func splitNumber(s string) (num, rest string) {
	i := 0
	if strings.HasPrefix(s, "$") {
		i = 1
	}
	digits := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i, digits = i+1, digits+1
			continue
		case c == '.', c == ',':
			i++
			continue
		case (c == 'e' || c == 'E') && digits > 0 && i+1 < len(s) && (isDigit(s[i+1]) || (s[i+1] == '+' || s[i+1] == '-') && i+2 < len(s) && isDigit(s[i+2])):
			i += 2
			continue
		}
		break
	}
	if digits == 0 {
		return "", s
	}
	return s[:i], strings.TrimSpace(s[i:])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// maxDigits bounds the work done on absurd inputs; int64 has 19 digits.
const maxDigits = 40

// exactInteger returns num × 10^exp as an exact integer. num may start with
// "$" and hold thousands commas, one decimal point and an exponent.
func exactInteger(num string, exp int, u unitSystem) (int64, error) {
	orig := num
	num = strings.TrimPrefix(num, "$")
	if i := strings.IndexAny(num, "eE"); i >= 0 {
		m, e := num[:i], num[i+1:]
		n, err := strconv.Atoi(e)
		if err != nil || n > maxDigits || n < -maxDigits {
			return 0, fmt.Errorf("exponent out of range in %s", quote(orig))
		}
		num, exp = m, exp+n
	}
	if strings.Contains(num, ",") {
		plain, err := dropThousands(num)
		if err != nil {
			return 0, err
		}
		num = plain
	}
	whole, frac, point := strings.Cut(num, ".")
	switch {
	case whole == "" && frac == "" || strings.Contains(frac, "."):
		return 0, fmt.Errorf("%s is not a number", quote(orig))
	case point && frac == "":
		return 0, fmt.Errorf("%s: a decimal point needs digits after it (write %s, or the decimals)", quote(orig), short(strings.TrimSuffix(strings.TrimSpace(orig), ".")))
	}
	digits := strings.TrimLeft(whole+frac, "0")
	exp -= len(frac)
	for exp < 0 && strings.HasSuffix(digits, "0") {
		digits, exp = digits[:len(digits)-1], exp+1
	}
	if digits == "" {
		return 0, nil
	}
	if exp < 0 {
		return 0, fmt.Errorf("%s has more decimals than its unit allows: figures are whole %s (round it)", quote(strings.TrimSpace(orig)), u.base)
	}
	if len(digits)+exp <= 19 {
		if v, err := strconv.ParseInt(digits+strings.Repeat("0", exp), 10, 64); err == nil {
			return v, nil
		}
	}
	return 0, fmt.Errorf("%s is too large (figures go up to about %s)", quote(orig), u.format(math.MaxInt64, false))
}

// dropThousands removes commas that separate groups of three digits.
func dropThousands(num string) (string, error) {
	whole, frac, hasFrac := strings.Cut(num, ".")
	groups := strings.Split(whole, ",")
	if len(groups) == 2 && !hasFrac && len(groups[0]) > 0 && len(groups[1]) > 0 && len(groups[1]) != 3 {
		return "", fmt.Errorf("%s: commas separate thousands; write decimals with a point (%s)", quote(num), short(groups[0]+"."+groups[1]))
	}
	for i, g := range groups {
		if len(g) != 3 && (i > 0 || len(g) == 0 || len(g) > 3) {
			return "", fmt.Errorf("%s: commas must separate groups of three digits", quote(num))
		}
	}
	if strings.Contains(frac, ",") {
		return "", fmt.Errorf("%s: no commas after the decimal point", quote(num))
	}
	plain := strings.Join(groups, "")
	if hasFrac {
		plain += "." + frac
	}
	return plain, nil
}

// decimal writes v / 10^exp with as many decimals as needed (exact) or at
// most four significant digits (rounded, for people).
func decimal(v int64, exp int, exact bool) string {
	s := strconv.FormatInt(v, 10)
	for len(s) <= exp {
		s = "0" + s
	}
	whole, frac := s[:len(s)-exp], s[len(s)-exp:]
	if !exact {
		keep := max(4-len(whole), 0)
		if keep < len(frac) {
			return roundDecimal(v, exp, keep)
		}
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// roundDecimal rounds v / 10^exp half up to keep decimals.
func roundDecimal(v int64, exp, keep int) string {
	div := pow10(exp - keep)
	r := v / div
	if v%div >= (div+1)/2 {
		r++
	}
	return decimal(r, keep, true)
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}
