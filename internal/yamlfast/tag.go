package yamlfast

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// resolveTag returns the tag yaml.v3 gives a plain scalar: the same steps
// as its resolve("", s), keeping only the tag. It is a copy, so
// FuzzFastYAML compares the two on every input.
func resolveTag(s string) string {
	hint := byte('N')
	if s != "" {
		hint = resolveHint(s[0])
	}
	if hint == 0 {
		return "!!str"
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case 'D', 'S':
		return resolveNumber(s)
	}
	return "!!str"
}

// resolveHint is yaml.v3's first-character table: a sign, a digit, a
// letter that may start a word it knows, or a dot.
func resolveHint(c byte) byte {
	switch {
	case c == '+' || c == '-':
		return 'S'
	case '0' <= c && c <= '9':
		return 'D'
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		return 'M'
	case c == '.':
		return '.'
	}
	return 0
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// resolveNumber tags a plain scalar that starts with a sign or a digit.
func resolveNumber(s string) string {
	switch decimalShape(s) {
	case "int":
		return "!!int"
	case "float":
		return "!!float"
	}
	if isTimestamp(s) {
		return "!!timestamp"
	}
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlStyleFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, prefix := range []struct {
		p, sign string
		base    int
	}{{"0b", "", 2}, {"-0b", "-", 2}, {"0o", "", 8}, {"-0o", "-", 8}} {
		if !strings.HasPrefix(plain, prefix.p) {
			continue
		}
		digits := prefix.sign + plain[len(prefix.p):]
		if _, err := strconv.ParseInt(digits, prefix.base, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(digits, prefix.base, 64); err == nil && prefix.sign == "" {
			return "!!int"
		}
		break
	}
	return "!!str"
}

// decimalShape spots the common numbers whose tag is sure without the
// parsing below: "int" for up to 18 digits without a leading zero (which
// would make them octal), "float" for up to 308 digits, a dot and digits
// (more could overflow a float64, which yaml.v3 then reads as a string).
func decimalShape(s string) string {
	digits := func(s string) int {
		i := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i
	}
	n := digits(s)
	switch {
	case n == len(s) && n <= 18 && (s[0] != '0' || n == 1):
		return "int"
	case n > 0 && n <= 308 && n < len(s)-1 && s[n] == '.' && digits(s[n+1:]) == len(s)-n-1:
		return "float"
	}
	return ""
}

// timestampFormats are the layouts yaml.v3 tries; a date alone, the
// common case, first (only whether one fits matters here).
var timestampFormats = []string{
	"2006-1-2",
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
}

// isTimestamp reports whether yaml.v3 reads s as a timestamp: four digits
// and a dash, then one of its layouts.
func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, layout := range timestampFormats {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
