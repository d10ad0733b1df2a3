package deal

import (
	"errors"
	"fmt"
	"strings"
)

// Money is a sum in a currency other than the US dollar, in whole units of
// that currency, as a report states it: "EUR 5.5B", "up to £5B",
// "¥1 trillion". It is never converted: a dollar sum leaves it out and
// names the deal instead.
type Money struct {
	Currency string // ISO 4217 code: EUR, GBP, JPY
	figure
}

// currencySigns are the signs read as a currency; ¥ is read as the yen
// (write CNY for the yuan).
var currencySigns = []struct{ sign, code string }{
	{"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}, {"₩", "KRW"},
}

var moneyScales = append([]scale{{"lakh", 5}, {"crore", 7}}, dollarScales...)

var money = unitSystem{base: "units of the currency", parseUnit: moneyUnit, format: formatMoney}

var errMoneyUndisclosed = errors.New("amount holds a figure in another currency; when no figure is known, write dollars: undisclosed instead")

// ParseMoney reads a figure in another currency: an ISO 4217 code or a
// sign (€, £, ¥, ₹, ₩) before the number, with the qualifiers and ranges of
// ParseAmount: "EUR 5.5B", "€5.5B", "up to GBP 5B", "JPY 1T",
// "¥1 trillion", "EUR 30B-50B", "INR 50,000 crore".
func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Money{}, errEmpty
	case asciiEqualFold(s, "undisclosed"):
		return Money{}, errMoneyUndisclosed
	}
	q, rest := splitQualifier(s)
	code, rest, err := splitCurrency(rest)
	if err != nil {
		return Money{}, err
	}
	f, err := parseQualified(s, q, rest, money)
	if err != nil {
		return Money{}, err
	}
	return Money{code, f}, nil
}

// splitCurrency reads the currency at the start of s and removes it from
// both ends of a range ("EUR 30B-EUR 50B").
func splitCurrency(s string) (code, rest string, err error) {
	for _, c := range currencySigns {
		if strings.HasPrefix(s, c.sign) {
			return c.code, strings.TrimSpace(strings.ReplaceAll(s[len(c.sign):], c.sign, "")), nil
		}
	}
	if strings.HasPrefix(s, "$") || len(s) >= 3 && asciiEqualFold(s[:3], "usd") {
		return "", "", errors.New("US dollars go in dollars; amount is for other currencies")
	}
	word := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }); i >= 0 {
		word = s[:i]
	}
	up := strings.ToUpper(word)
	switch {
	case len(word) == 3 && isoCurrencies[up]:
		rest = s[3:]
		if i := indexFold(rest, up); i >= 0 {
			rest = rest[:i] + rest[i+3:]
		}
		return up, strings.TrimSpace(rest), nil
	case len(word) == 3:
		return "", "", fmt.Errorf("unknown currency %s (use an ISO 4217 code such as EUR, GBP or JPY)", quote(word))
	}
	return "", "", errors.New("write the currency first: an ISO 4217 code or a sign, as in EUR 5.5B, £5B or ¥1 trillion")
}

func moneyUnit(num, rest string) (int, error) {
	if rest == "" {
		return 0, nil
	}
	low := strings.ToLower(rest)
	for _, sc := range moneyScales {
		if low == sc.word {
			return sc.exp, nil
		}
	}
	if _, err := powerUnit(num, rest); err == nil {
		return 0, fmt.Errorf("%s is power, not money", quote(num+" "+rest))
	}
	return 0, fmt.Errorf("unknown scale %s (use K, M, B or T, after the number; the currency goes first)", quote(rest))
}

// formatMoney writes v as "5.5B", "1T", "750M", without a currency.
func formatMoney(v int64, exact bool) string {
	return strings.TrimPrefix(FormatDollars(v, exact), "$")
}

// String returns the canonical notation ParseMoney reads back: "EUR 5.5B",
// "up to GBP 5B", "EUR 30B-50B", or "" when there is no figure.
func (m Money) String() string {
	switch m.Q {
	case None:
		return ""
	case Range:
		return m.Currency + " " + formatMoney(m.Lo, true) + "-" + formatMoney(m.Hi, true)
	case Exact:
		return m.Currency + " " + formatMoney(m.Lo, true)
	}
	return m.Q.String() + " " + m.Currency + " " + formatMoney(m.Lo, true)
}

// Human returns a short form for people, with the currency's sign where
// it has one: "€5.5B", "≤£5B", "SAR 10B", "€30B–50B".
func (m Money) Human() string {
	if m.Q == None {
		return ""
	}
	unit := m.Currency + " "
	for _, c := range currencySigns {
		if c.code == m.Currency {
			unit = c.sign
		}
	}
	if m.Q == Range {
		return unit + formatMoney(m.Lo, false) + "–" + formatMoney(m.Hi, false)
	}
	return humanPrefix[m.Q] + unit + formatMoney(m.Lo, false)
}
