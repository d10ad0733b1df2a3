package deal

import (
	"fmt"
	"strings"
)

// Amount is a sum of money in whole US dollars, as a report states it.
type Amount struct{ figure }

// ParseAmount reads an amount: a plain number of dollars, "$100B", "100B",
// "$1.4T", "$500M", "$750K", "100 billion", "$2.5bn", with the qualifiers
// "up to", "over", "more than", "at least", "about" and "~", a range
// "$10B-$20B" or "$10B to $20B", or "undisclosed".
func ParseAmount(s string) (Amount, error) {
	s = usDollarSign(s)
	if c := foreignCurrency(s); c != "" {
		return Amount{}, fmt.Errorf("only US dollars (found %s): write the figure as stated in amount, as in amount: EUR 5.5B", c)
	}
	f, err := parseFigure(s, dollars)
	return Amount{f}, err
}

// Dollars returns an exact amount of v dollars.
func Dollars(v int64) Amount { return Amount{figure{Q: Exact, Lo: v, Hi: v}} }

// NewAmount returns an amount with the given qualifier and ends.
func NewAmount(q Qualifier, lo, hi int64) Amount { return Amount{figure{Q: q, Lo: lo, Hi: hi}} }

// String returns the canonical, exact notation: "up to $100B",
// "$17.4B-$19.4B", "undisclosed", or "" when no figure was given.
func (a Amount) String() string { return canonical(a.figure, dollars) }

// Human returns a short form for people: "≤$100B", "~$40B", "$17.4B–$19.4B".
func (a Amount) Human() string { return human(a.figure, dollars) }

var dollarScales = []scale{
	{"k", 3}, {"thousand", 3},
	{"m", 6}, {"mn", 6}, {"mm", 6}, {"million", 6},
	{"b", 9}, {"bn", 9}, {"billion", 9},
	{"t", 12}, {"tn", 12}, {"trillion", 12},
}

var dollars = unitSystem{base: "dollars", parseUnit: dollarUnit, format: FormatDollars}

func dollarUnit(num, rest string) (int, error) {
	rest = strings.TrimSpace(rest)
	if strings.EqualFold(rest, "USD") {
		return 0, nil
	}
	if n := len(rest) - len(" usd"); n >= 0 && asciiEqualFold(rest[n:], " usd") {
		rest = strings.TrimSpace(rest[:n])
	}
	if rest == "" {
		return 0, nil
	}
	low := strings.ToLower(rest)
	for _, sc := range dollarScales {
		if low == sc.word {
			return sc.exp, nil
		}
	}
	if _, err := powerUnit(num, rest); err == nil {
		return 0, fmt.Errorf("%s is power, not money (dollars take K, M, B or T)", quote(num+" "+rest))
	}
	if word, more, ok := strings.Cut(rest, " "); ok {
		if _, err := dollarUnit(num, word); err == nil {
			return 0, fmt.Errorf("unexpected %s after %s (put details in notes)", quote(strings.TrimSpace(more)), short(num+word))
		}
		return 0, fmt.Errorf("unexpected %s after %s (put details in notes)", quote(rest), short(num))
	}
	return 0, fmt.Errorf("unknown scale %s (use K, M, B or T)", quote(rest))
}

var currencies = []string{"€", "£", "¥", "₹", "₩", "eur", "gbp", "jpy", "cny", "rmb", "chf", "inr", "euro", "yen", "yuan", "pound", "aed", "sar", "cad", "aud", "c$", "a$", "hk$", "s$"}

// mayStartCurrency reports whether r can begin a name or sign in
// currencies.
func mayStartCurrency(r rune) bool {
	switch r {
	case '€', '£', '¥', '₹', '₩':
		return true
	}
	return r < 0x80 && strings.IndexByte("egjcriypashEGJCRIYPASH", byte(r)) >= 0
}

// usDollarSign reads "US$" as "$": it is the same currency, and its "S$"
// must not pass for Singapore dollars.
func usDollarSign(s string) string {
	for i := indexFold(s, "us$"); i >= 0; i = indexFold(s, "us$") {
		s = s[:i] + s[i+2:]
	}
	return s
}

func foreignCurrency(s string) string {
	if !strings.ContainsFunc(s, mayStartCurrency) {
		return "" // "$10B", "10 billion": nothing to look for
	}
	for _, c := range currencies {
		if i := indexFold(s, c); i >= 0 && (len(c) < 3 || c[0] > 0x7f || !letterAround(s, i, len(c))) {
			return c
		}
	}
	return ""
}

// letterAround reports whether the match at s[i:i+n] is part of a longer
// word, so "over" does not read as a currency.
func letterAround(s string, i, n int) bool {
	isLetter := func(c byte) bool { c = lower(c); return c >= 'a' && c <= 'z' }
	return (i > 0 && isLetter(s[i-1])) || (i+n < len(s) && isLetter(s[i+n]) && lower(s[i+n]) != 's')
}

// FormatDollars writes v dollars as "$100B", "$1.4T", "$750M", exactly or
// rounded to four significant digits.
func FormatDollars(v int64, exact bool) string {
	for _, u := range []struct {
		exp    int
		suffix string
	}{{12, "T"}, {9, "B"}, {6, "M"}, {3, "K"}} {
		if v >= pow10(u.exp) {
			return "$" + decimal(v, u.exp, exact) + u.suffix
		}
	}
	return "$" + decimal(v, 0, true)
}

// canonical writes f in the notation ParseAmount and ParsePower read back.
func canonical(f figure, u unitSystem) string {
	switch f.Q {
	case None:
		return ""
	case Undisclosed:
		return "undisclosed"
	case Range:
		return rangeLow(f, u) + "-" + u.format(f.Hi, true)
	case Exact:
		return u.format(f.Lo, true)
	}
	return f.Q.String() + " " + u.format(f.Lo, true)
}

// rangeLow writes the low end of a range. A low end without a scale takes
// the high end's ("$10-20B" is $10B to $20B), so a few dollars below a
// high end of thousands or more are marked as plain dollars: "$10 USD-$10K".
func rangeLow(f figure, u unitSystem) string {
	lo := u.format(f.Lo, true)
	if u.base == dollars.base && f.Lo > 0 && f.Lo < 1000 && f.Hi >= 1000 {
		lo += " USD"
	}
	return lo
}

var humanPrefix = [...]string{Exact: "", UpTo: "≤", Over: ">", About: "~", AtLeast: "≥", Nearly: "≲"}

func human(f figure, u unitSystem) string {
	switch f.Q {
	case None:
		return ""
	case Undisclosed:
		return "undisclosed"
	case Range:
		return u.format(f.Lo, false) + "–" + u.format(f.Hi, false)
	}
	return humanPrefix[f.Q] + u.format(f.Lo, false)
}
