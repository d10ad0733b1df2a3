package report

import (
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// mk builds a deal for a test: id, dollars and power as written in a deal
// file ("" leaves the key out), and any changes.
func mk(t *testing.T, id, usd, power string, change ...func(*deal.Deal)) *deal.Deal {
	t.Helper()
	d := &deal.Deal{ID: id, Announced: deal.Date{Year: 2025, Month: 1, Day: 1}, Parties: []string{"A"}, Kind: "cloud", Status: "signed"}
	var err error
	if usd != "" {
		if d.Dollars, err = deal.ParseAmount(usd); err != nil {
			t.Fatalf("%s: dollars %q: %v", id, usd, err)
		}
	}
	if power != "" {
		if d.Power, err = deal.ParsePower(power); err != nil {
			t.Fatalf("%s: power %q: %v", id, power, err)
		}
	}
	for _, c := range change {
		c(d)
	}
	return d
}

func partOf(id string) func(*deal.Deal) { return func(d *deal.Deal) { d.PartOf = id } }

func parties(ps ...string) func(*deal.Deal) { return func(d *deal.Deal) { d.Parties = ps } }

func tags(ts ...string) func(*deal.Deal) { return func(d *deal.Deal) { d.Tags = ts } }

func announced(s string) func(*deal.Deal) {
	return func(d *deal.Deal) {
		date, err := deal.ParseDate(s)
		if err != nil {
			panic(err)
		}
		d.Announced = date
	}
}

const (
	B  = int64(1_000_000_000) // a billion dollars
	GW = int64(1_000_000_000) // a gigawatt, in watts
)

// stargateLike is an umbrella u (up to $500B, 10 GW) with the parts p1
// ($300B, 4.5 GW) and p2 (over $400B, about 7 GW), larger together than
// u, and p2's own part p3 ($1B, 1.2 GW): the shape of Stargate in the
// bundled data. more are added after them.
func stargateLike(t *testing.T, more ...*deal.Deal) []*deal.Deal {
	return append([]*deal.Deal{
		mk(t, "u", "up to $500B", "10 GW"),
		mk(t, "p1", "$300B", "4.5 GW", partOf("u")),
		mk(t, "p2", "over $400B", "about 7 GW", partOf("u")),
		mk(t, "p3", "$1B", "1.2 GW", partOf("p2")),
	}, more...)
}
