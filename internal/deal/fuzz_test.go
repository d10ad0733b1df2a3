package deal

import (
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// maxErrLen bounds an error message: a long input is quoted shortened, so
// one bad value cannot flood a terminal.
const maxErrLen = 400

// FuzzParseAmount checks that whatever ParseAmount accepts is a sane figure
// whose canonical form reads back to the same value, and, for the plain
// forms, the value a careful reader of the text would compute.
func FuzzParseAmount(f *testing.F) {
	fuzzFigure(f, []string{"$100B", "up to $100B", "$17.4B-$19.4B", "~$40B", "undisclosed", "1e10", "$1,000,000", "≤", "$9223372.036854775807T"},
		func(s string) (figure, string, error) {
			a, err := ParseAmount(s)
			_ = a.Human()
			return a.figure, a.String(), err
		},
		dollarForm, map[string]int{"": 0, "k": 3, "m": 6, "b": 9, "t": 12})
}

// FuzzParsePower is FuzzParseAmount for power.
func FuzzParsePower(f *testing.F) {
	fuzzFigure(f, []string{"10 GW", "750 MW", "1.2 gigawatts", "up to 750 MW", "1-2 GW", "500 MW-1.2 GW", "0.05", "undisclosed", "10 gW"},
		func(s string) (figure, string, error) {
			p, err := ParsePower(s)
			_, _ = p.Human(), DecimalGW(p.Lo)
			return p.figure, p.String(), err
		},
		powerForm, map[string]int{"": 9, "gw": 9, "mw": 6, "kw": 3})
}

// fuzzFigure runs the checks of FuzzParseAmount with parse, which returns
// the figure read and its canonical form.
func fuzzFigure(f *testing.F, seeds []string, parse func(string) (figure, string, error), form *regexp.Regexp, units map[string]int) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fig, canon, err := parse(s)
		if err != nil {
			checkError(t, s, err)
			return
		}
		checkFigure(t, s, fig)
		if back, _, err := parse(canon); err != nil || back != fig {
			t.Fatalf("%q reads as %+v; its canonical form %q reads back as %+v, %v", s, fig, canon, back, err)
		}
		if want, ok := plainValue(s, form, units); ok && (fig.Q != Exact || fig.Lo != want) {
			t.Fatalf("%q reads as %+v, want exactly %d", s, fig, want)
		}
	})
}

// FuzzParseDate checks that an accepted date is a real calendar date that
// prints back to the text it came from.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-09-22", "2025-09", "2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			checkError(t, s, err)
			return
		}
		if d.IsZero() || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.First() > d.Last() {
			t.Fatalf("ParseDate(%q) = %+v: not a date", s, d)
		}
		if d.Day > 0 {
			if tm := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC); tm.Day() != d.Day {
				t.Fatalf("ParseDate(%q) = %+v: no such day", s, d)
			}
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) prints as %q", s, d.String())
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %+v; reads back as %+v, %v", s, d, back, err)
		}
		if b, err := ParseDateBound(s); err != nil || b != d {
			t.Fatalf("ParseDateBound(%q) = %+v, %v; ParseDate gives %+v", s, b, err, d)
		}
	})
}

func checkError(t *testing.T, s string, err error) {
	t.Helper()
	msg := err.Error()
	if msg == "" || len(msg) > maxErrLen || !utf8.ValidString(msg) && utf8.ValidString(s) {
		t.Fatalf("%q: unhelpful error %q", s, msg)
	}
}

func checkFigure(t *testing.T, s string, f figure) {
	t.Helper()
	switch {
	case f.Q == None:
		t.Fatalf("%q: accepted as no figure at all", s)
	case f.Lo < 0 || f.Hi < f.Lo:
		t.Fatalf("%q: ends %d..%d out of order", s, f.Lo, f.Hi)
	case f.Q != Range && f.Lo != f.Hi:
		t.Fatalf("%q: a %v figure with two ends %d..%d", s, f.Q, f.Lo, f.Hi)
	case f.Q == Undisclosed && f.Lo != 0:
		t.Fatalf("%q: undisclosed with a value %d", s, f.Lo)
	}
	for _, b := range []Bound{Headline, Low, High} {
		if v, ok := f.Value(b); ok && (v < 0 || v > f.Hi) {
			t.Fatalf("%q: value at %v is %d, outside 0..%d", s, b, v, f.Hi)
		}
	}
}

// The plain forms, recomputed independently with exact rationals: an
// optional $, digits, decimals, an exponent and a unit.
var (
	dollarForm = regexp.MustCompile(`^\$?([0-9]+(?:\.[0-9]+)?)(?:[eE]([0-9]{1,2}))? ?([kKmMbBtT]?)$`)
	powerForm  = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)(?:[eE]([0-9]{1,2}))? ?((?:[gGmMkK][wW])?)$`)
)

func plainValue(s string, form *regexp.Regexp, units map[string]int) (int64, bool) {
	m := form.FindStringSubmatch(s)
	if m == nil || m[3] == "mW" {
		return 0, false
	}
	r, ok := new(big.Rat).SetString(m[1])
	if !ok {
		return 0, false
	}
	exp := units[strings.ToLower(m[3])]
	if m[2] != "" {
		e, _ := new(big.Int).SetString(m[2], 10)
		exp += int(e.Int64())
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil)))
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}

// FuzzParseDateIsTimeParse holds ParseDate to time.Parse with the two layouts it
// reads: the same dates accepted, the same values.
func FuzzParseDateIsTimeParse(f *testing.F) {
	for _, s := range []string{"2025-09-22", "2025-09", "2024-02-29", "2025-02-29", "0000-01", "2025-13", "2025-1-01", "2025-00-10", "99999-01", "２025-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		var want Date
		ok := false
		for _, layout := range []string{"2006-01-02", "2006-01"} {
			if len(s) != len(layout) {
				continue
			}
			if tm, err := time.Parse(layout, s); err == nil {
				want, ok = Date{tm.Year(), int(tm.Month()), tm.Day()}, true
				if layout == "2006-01" {
					want.Day = 0
				}
			}
			break
		}
		if ok && want.Year == 0 {
			ok = false
		}
		if (err == nil) != ok || ok && got != want {
			t.Fatalf("ParseDate(%q) = %v, %v; time.Parse says %v, %v", s, got, err, want, ok)
		}
	})
}
