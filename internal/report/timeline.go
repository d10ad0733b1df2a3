package report

import (
	"fmt"
	"slices"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// ParsePer reads the span of a timeline's periods: month, quarter or year.
func ParsePer(s string) (By, error) {
	switch by := By(s); by {
	case ByMonth, ByQuarter, ByYear:
		return by, nil
	}
	return "", fmt.Errorf("a timeline goes by month, quarter or year")
}

// period numbers the span of time d falls in, so that consecutive spans
// have consecutive numbers. Every deal date has a month.
func (by By) period(d deal.Date) int {
	switch by {
	case ByMonth:
		return d.Year*12 + max(d.Month, 1) - 1
	case ByQuarter:
		return d.Year*4 + max(d.Quarter(), 1) - 1
	}
	return d.Year
}

// periodKey names period i: "2025-09", "2025-Q3" or "2025".
func (by By) periodKey(i int) string {
	switch by {
	case ByMonth:
		return fmt.Sprintf("%04d-%02d", i/12, i%12+1)
	case ByQuarter:
		return fmt.Sprintf("%04d-Q%d", i/4, i%4+1)
	}
	return fmt.Sprintf("%04d", i)
}

// Periods says how the periods of a timeline, or of a total by year,
// quarter or month, count a part whose umbrella is in another period.
type Periods string

const (
	// Once counts each dollar once, as the grand total does: a period
	// counts what its deals add to the running total, so the periods add
	// up to it. A part whose umbrella came earlier adds only what it
	// adds to the umbrella (nothing, unless the parts exceed it); the rest
	// is Held.
	Once Periods = "once"
	// Full sums each period's deals among themselves: a part counts in full
	// in its own period even when an umbrella of an earlier period holds it.
	Full Periods = "full"
)

// ParsePeriods reads how periods count: once or full.
func ParsePeriods(s string) (Periods, error) {
	if p := Periods(s); p == Once || p == Full {
		return p, nil
	}
	return "", fmt.Errorf("use once (each dollar once; the periods add up to the total) or full (each period's deals in full)")
}

// Period is one step of a timeline.
type Period struct {
	Key string
	Sum // the deals announced in the period, counted as the view says
	// Running is the grand total of every deal announced up to the end of
	// the period.
	Running Sum
}

// Timeline sums ds per period (by is ByMonth, ByQuarter or ByYear) from
// the first deal's period to the last one's, empty periods included, with
// running totals at bound b, each period counted as view says.
func Timeline(ds []*deal.Deal, u Umbrellas, by By, b deal.Bound, view Periods) []Period {
	if len(ds) == 0 {
		return nil
	}
	byPeriod := map[int][]*deal.Deal{}
	for _, d := range ds {
		i := by.period(d.Announced)
		byPeriod[i] = append(byPeriod[i], d)
	}
	first, last := minMaxKey(byPeriod)
	var periods []Period
	var sofar []*deal.Deal
	var running Sum
	for i := first; i <= last; i++ {
		before := running
		if len(byPeriod[i]) > 0 { // an empty period leaves the running total as it was
			sofar = append(sofar, byPeriod[i]...)
			running = Total(sofar, u, b)
		}
		p := Period{Key: by.periodKey(i), Sum: Total(byPeriod[i], u, b), Running: running}
		if view == Once {
			p.Sum.onlyNew(before, running)
		}
		periods = append(periods, p)
	}
	return periods
}

// onlyNew makes s, the sum of one period's deals, what they add to the
// running total: from before the period to now, its end.
func (s *Sum) onlyNew(before, now Sum) {
	s.Dollars.keepNew(now.Dollars.Total - before.Dollars.Total)
	s.Power.keepNew(now.Power.Total - before.Power.Total)
}

func (t *Tally) keepNew(added int64) {
	t.Held, t.Total = t.Total-added, added
}

func minMaxKey[V any](m map[int]V) (lo, hi int) {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return slices.Min(keys), slices.Max(keys)
}
