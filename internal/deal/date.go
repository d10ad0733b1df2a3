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
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if len(s) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, s)
		if err != nil {
			break
		}
		d := Date{t.Year(), int(t.Month()), t.Day()}
		if layout == "2006-01" {
			d.Day = 0
		}
		if d.Year == 0 {
			return Date{}, errYearZero
		}
		return d, nil
	}
	return Date{}, fmt.Errorf("not a date (use YYYY-MM-DD, or YYYY-MM when only the month is known)")
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
