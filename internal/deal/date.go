package deal

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date as precise as the report: a day, or only a month
// (Day 0), or for filters only a year (Month 0).
type Date struct {
	Year, Month, Day int
}

// ParseDate reads YYYY-MM-DD, or YYYY-MM when only the month is known.
func ParseDate(s string) (Date, error) {
	d, ok := digitsDate(s)
	if !ok {
		return Date{}, fmt.Errorf("not a date (use YYYY-MM-DD, or YYYY-MM when only the month is known)")
	}
	if d.Year == 0 {
		return Date{}, errYearZero
	}
	return d, nil
}

// digitsDate reads YYYY-MM-DD or YYYY-MM by hand, as time.Parse would
// with those layouts (a month 01 to 12, a day that month has), without
// its cost: a data set has thousands of dates.
func digitsDate(s string) (Date, bool) {
	if len(s) != len("2006-01") && len(s) != len("2006-01-02") {
		return Date{}, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	m, ok2 := num(5, 2)
	if !ok1 || !ok2 || s[4] != '-' || m < 1 || m > 12 {
		return Date{}, false
	}
	d := Date{Year: y, Month: m}
	if len(s) == len("2006-01") {
		return d, true
	}
	day, ok := num(8, 2)
	if !ok || s[7] != '-' || day < 1 || day > daysIn(y, m) {
		return Date{}, false
	}
	d.Day = day
	return d, true
}

// daysIn is the number of days of month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// errYearZero refuses year 0000: it does not exist, and a zero year is how
// Date says "unset".
var errYearZero = errors.New("year 0000 does not exist")

// ParsePeriod reads a span of time as a filter takes it: a day
// (YYYY-MM-DD), a month (YYYY-MM), a quarter (YYYY-Q3 or YYYY-Q3) or a
// year (YYYY). It returns the span's first and last dates: a quarter runs
// from its first month to its last.
func ParsePeriod(s string) (from, to Date, err error) {
	if y, q, ok := quarter(s); ok {
		return Date{Year: y, Month: 3*q - 2}, Date{Year: y, Month: 3 * q}, nil
	}
	d, err := ParseDateBound(s)
	if err != nil {
		return Date{}, Date{}, fmt.Errorf("not a date (use YYYY-MM-DD, YYYY-MM, YYYY-Q1 to YYYY-Q4 or YYYY)")
	}
	return d, d, nil
}

// quarter reads "2025-Q3" or "2025Q3" (any case).
func quarter(s string) (year, q int, ok bool) {
	s = strings.ToUpper(s)
	y, rest, found := strings.Cut(s, "Q")
	y = strings.TrimSuffix(y, "-")
	if !found || len(y) != 4 || len(rest) != 1 || rest[0] < '1' || rest[0] > '4' {
		return 0, 0, false
	}
	n, err := strconv.Atoi(y)
	if err != nil || n <= 0 {
		return 0, 0, false
	}
	return n, int(rest[0] - '0'), true
}

// ParseDateBound reads a date for a filter: YYYY-MM-DD, YYYY-MM or YYYY.
func ParseDateBound(s string) (Date, error) {
	if len(s) == 4 {
		if t, err := time.Parse("2006", s); err == nil && t.Year() > 0 {
			return Date{Year: t.Year()}, nil
		}
	}
	d, err := ParseDate(s)
	if err == errYearZero {
		return Date{}, err
	}
	if err != nil {
		return Date{}, fmt.Errorf("not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
	}
	return d, nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// String writes d as YYYY-MM-DD, YYYY-MM or YYYY, as precise as it is.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First is the first day d covers, as a sortable number YYYYMMDD.
func (d Date) First() int { return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1) }

// Last is the last day d covers, as a sortable number YYYYMMDD.
func (d Date) Last() int {
	switch {
	case d.Month == 0:
		return d.Year*10000 + 1231
	case d.Day == 0:
		return d.Year*10000 + d.Month*100 + 31
	}
	return d.First()
}

// Quarter is 1 to 4, or 0 when the month is unknown.
func (d Date) Quarter() int {
	if d.Month == 0 {
		return 0
	}
	return (d.Month-1)/3 + 1
}
