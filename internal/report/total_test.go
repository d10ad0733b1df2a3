package report

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// brief is a Sum in one comparable line.
type brief struct {
	Deals            int
	USD, W           int64
	UndUSD, UndGW    int
	OverUSD, OverW   int64
	Overlaps         string // "part<umbrella ..."
	UndUSDs, UndGWs  string
	CountUSD, CountW int
	Exceeds          string // "umbrella+usd/watts ...", "" when no parts exceed their umbrella
}

func briefOf(s Sum) brief {
	var ov []string
	for _, o := range s.Overlaps {
		ov = append(ov, o.ID+"<"+o.Inside)
	}
	return brief{
		s.Deals, s.Dollars.Total, s.Power.Total,
		s.Dollars.Undisclosed, s.Power.Undisclosed,
		s.Dollars.Overlap, s.Power.Overlap,
		fmt.Sprint(ov), fmt.Sprint(s.Dollars.UndisclosedIDs), fmt.Sprint(s.Power.UndisclosedIDs),
		s.Dollars.Counted, s.Power.Counted,
		exceedsOf(s),
	}
}

func exceedsOf(s Sum) string {
	if len(s.Exceeds) == 0 {
		return ""
	}
	var ex []string
	for _, e := range s.Exceeds {
		ex = append(ex, fmt.Sprintf("%s+%d/%d", e.ID, e.USD, e.Watts))
	}
	return fmt.Sprint(ex)
}

func TestTotal(t *testing.T) {
	type set struct {
		all  []*deal.Deal // the data set, for part_of links
		keep []string     // the deals in the sum
	}
	stargate := stargateLike(t, mk(t, "x", "$10B", ""))
	tests := []struct {
		name  string
		all   []*deal.Deal
		keep  []string // nil: all
		bound deal.Bound
		want  brief
	}{
		{
			name: "separate deals add up",
			all:  []*deal.Deal{mk(t, "a", "$10B", "1 GW"), mk(t, "b", "$2.5B", "750 MW")},
			want: brief{Deals: 2, USD: 12_500_000_000, W: 1_750_000_000, Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 2, CountW: 2},
		},
		{
			name: "nothing adds up to nothing",
			all:  nil,
			want: brief{Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]"},
		},
		{
			name: "a part inside its umbrella adds nothing; parts larger together than the umbrella count instead of it, and say by how much",
			all:  stargate,
			want: brief{Deals: 5, USD: 710 * B, W: 11_500_000_000, OverUSD: 701 * B, OverW: 12_700_000_000, Overlaps: "[p1<u p2<u p3<p2]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 2, CountW: 1, Exceeds: "[u+200000000000/1500000000]"},
		},
		{
			name: "a chain: a part of a part is inside the top umbrella when the middle one is filtered out",
			all:  stargate,
			keep: []string{"u", "p3"},
			want: brief{Deals: 2, USD: 500 * B, W: 10 * GW, OverUSD: 1 * B, OverW: 1_200_000_000, Overlaps: "[p3<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, CountW: 1},
		},
		{
			name: "three deep: a part larger than its umbrella lifts it, not the top umbrella that still holds both",
			all:  []*deal.Deal{mk(t, "a", "$100B", ""), mk(t, "b", "$50B", "", partOf("a")), mk(t, "c", "$80B", "", partOf("b"))},
			want: brief{Deals: 3, USD: 100 * B, OverUSD: 130 * B, Overlaps: "[b<a c<b]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, Exceeds: "[b+30000000000/0]"},
		},
		{
			name: "three deep: a part larger than the umbrellas above it lifts each of them",
			all:  []*deal.Deal{mk(t, "a", "$10B", ""), mk(t, "b", "$20B", "", partOf("a")), mk(t, "c", "$30B", "", partOf("b"))},
			want: brief{Deals: 3, USD: 30 * B, OverUSD: 50 * B, Overlaps: "[b<a c<b]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, Exceeds: "[a+20000000000/0 b+10000000000/0]"},
		},
		{
			name: "the middle filtered out: the part lifts the top umbrella directly",
			all:  []*deal.Deal{mk(t, "a", "$10B", ""), mk(t, "b", "$20B", "", partOf("a")), mk(t, "c", "$30B", "", partOf("b"))},
			keep: []string{"c", "a"},
			want: brief{Deals: 2, USD: 30 * B, OverUSD: 30 * B, Overlaps: "[c<a]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, Exceeds: "[a+20000000000/0]"},
		},
		{
			name: "an undisclosed umbrella carries nothing: its parts count, and it is named",
			all:  []*deal.Deal{mk(t, "u", "undisclosed", ""), mk(t, "p", "$10B", "", partOf("u")), mk(t, "q", "$5B", "", partOf("u"))},
			want: brief{Deals: 3, USD: 15 * B, UndUSD: 1, Overlaps: "[]", UndUSDs: "[u]", UndGWs: "[]", CountUSD: 2},
		},
		{
			name: "an undisclosed part inside a known umbrella is inside it, not undisclosed",
			all:  []*deal.Deal{mk(t, "u", "$10B", ""), mk(t, "p", "undisclosed", "", partOf("u"))},
			want: brief{Deals: 2, USD: 10 * B, Overlaps: "[p<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1},
		},
		{
			name: "a retired part lifts nothing",
			all:  []*deal.Deal{mk(t, "u", "$10B", ""), mk(t, "p", "$30B", "", partOf("u"), func(d *deal.Deal) { d.Status = "cancelled" })},
			want: brief{Deals: 1, USD: 10 * B, Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1},
		},
		{
			name: "a part whose umbrella is filtered out counts",
			all:  stargate,
			keep: []string{"p1", "p2", "x"},
			want: brief{Deals: 3, USD: 710 * B, W: 11_500_000_000, Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 3, CountW: 2},
		},
		{
			name: "a part counts when its whole chain is filtered out",
			all:  stargate,
			keep: []string{"p3"},
			want: brief{Deals: 1, USD: 1 * B, W: 1_200_000_000, Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, CountW: 1},
		},
		{
			name: "an undisclosed umbrella does not absorb a known part: nothing else carries it",
			all:  []*deal.Deal{mk(t, "u", "undisclosed", "5 GW"), mk(t, "p", "$20B", "1 GW", partOf("u"))},
			want: brief{Deals: 2, USD: 20 * B, W: 5 * GW, UndUSD: 1, OverW: 1 * GW, Overlaps: "[p<u]", UndUSDs: "[u]", UndGWs: "[]", CountUSD: 1, CountW: 1},
		},
		{
			name: "an undisclosed part inside a known umbrella is not counted as undisclosed",
			all:  []*deal.Deal{mk(t, "u", "$50B", ""), mk(t, "p", "undisclosed", "", partOf("u"))},
			want: brief{Deals: 2, USD: 50 * B, Overlaps: "[p<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1},
		},
		{
			name: "undisclosed on both sides counts both as undisclosed",
			all:  []*deal.Deal{mk(t, "u", "undisclosed", "undisclosed"), mk(t, "p", "undisclosed", "undisclosed", partOf("u"))},
			want: brief{Deals: 2, UndUSD: 2, UndGW: 2, Overlaps: "[]", UndUSDs: "[u p]", UndGWs: "[u p]"},
		},
		{
			name: "an umbrella without power leaves the part's power counted and its dollars inside",
			all:  []*deal.Deal{mk(t, "u", "$100B", ""), mk(t, "p", "$30B", "2 GW", partOf("u"))},
			want: brief{Deals: 2, USD: 100 * B, W: 2 * GW, OverUSD: 30 * B, Overlaps: "[p<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, CountW: 1},
		},
		{
			name: "an undisclosed middle umbrella passes its part to a known one above",
			all: []*deal.Deal{
				mk(t, "top", "$100B", ""),
				mk(t, "mid", "undisclosed", "", partOf("top")),
				mk(t, "leaf", "$5B", "", partOf("mid")),
			},
			want: brief{Deals: 3, USD: 100 * B, OverUSD: 5 * B, Overlaps: "[mid<top leaf<top]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1},
		},
		{
			name: "a figure left out entirely is not undisclosed",
			all:  []*deal.Deal{mk(t, "funding", "$40B", ""), mk(t, "talks", "", "1 GW")},
			want: brief{Deals: 2, USD: 40 * B, W: 1 * GW, Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1, CountW: 1},
		},
		{
			name: "a deal given twice counts once",
			all:  []*deal.Deal{mk(t, "a", "$1B", "")},
			keep: []string{"a", "a"},
			want: brief{Deals: 1, USD: 1 * B, Overlaps: "[]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 1},
		},
		{
			name:  "low bound: up to is 0 but counts its parts, over is its floor, a range its low end; overlap at the same bound",
			all:   []*deal.Deal{mk(t, "u", "up to $500B", "10 GW"), mk(t, "p", "$10B-$20B", "", partOf("u")), mk(t, "o", "over $10B", "1-3 GW")},
			bound: deal.Low,
			want:  brief{Deals: 3, USD: 20 * B, W: 11 * GW, OverUSD: 10 * B, Overlaps: "[p<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 2, CountW: 2, Exceeds: "[u+10000000000/0]"},
		},
		{
			name:  "headline: the middle of a range",
			all:   []*deal.Deal{mk(t, "u", "up to $500B", "10 GW"), mk(t, "p", "$10B-$20B", "", partOf("u")), mk(t, "o", "over $10B", "1-3 GW")},
			bound: deal.Headline,
			want:  brief{Deals: 3, USD: 510 * B, W: 12 * GW, OverUSD: 15 * B, Overlaps: "[p<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 2, CountW: 2},
		},
		{
			name:  "high bound: the high ends",
			all:   []*deal.Deal{mk(t, "u", "up to $500B", "10 GW"), mk(t, "p", "$10B-$20B", "", partOf("u")), mk(t, "o", "over $10B", "1-3 GW")},
			bound: deal.High,
			want:  brief{Deals: 3, USD: 510 * B, W: 13 * GW, OverUSD: 20 * B, Overlaps: "[p<u]", UndUSDs: "[]", UndGWs: "[]", CountUSD: 2, CountW: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := tt.all
			if tt.keep != nil {
				ds = pick(t, tt.all, tt.keep...)
			}
			got := briefOf(Total(ds, NewUmbrellas(tt.all), tt.bound))
			if got != tt.want {
				t.Errorf("Total:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// pick returns the deals of all with the given ids, in that order.
func pick(t *testing.T, all []*deal.Deal, ids ...string) []*deal.Deal {
	t.Helper()
	var out []*deal.Deal
	for _, id := range ids {
		i := slices.IndexFunc(all, func(d *deal.Deal) bool { return d.ID == id })
		if i < 0 {
			t.Fatalf("no deal %q in the test set", id)
		}
		out = append(out, all[i])
	}
	return out
}

func TestAncestors(t *testing.T) {
	u := Umbrellas{of: map[string]string{"c": "b", "b": "a", "loop1": "loop2", "loop2": "loop1"}}
	for _, tt := range []struct {
		id   string
		want []string
	}{
		{"c", []string{"b", "a"}},
		{"b", []string{"a"}},
		{"a", nil},
		{"loop1", []string{"loop2"}}, // check refuses loops; a sum still ends
	} {
		if got := u.Ancestors(tt.id); !slices.Equal(got, tt.want) {
			t.Errorf("Ancestors(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestParseBy(t *testing.T) {
	for _, s := range []string{"", "party", "year", "quarter", "month", "kind", "status", "tag"} {
		if by, err := ParseBy(s); err != nil || string(by) != s {
			t.Errorf("ParseBy(%q) = %q, %v", s, by, err)
		}
	}
	for _, s := range []string{"parties", "Party", "day", "all"} {
		if _, err := ParseBy(s); err == nil {
			t.Errorf("ParseBy(%q): no error", s)
		}
	}
}

// groupLine is a group as "key: deals usd/B gw/GW overlap/B".
func groupLine(key string, s Sum) string {
	return fmt.Sprintf("%s: %d $%dB %gGW over $%dB", key, s.Deals, s.Dollars.Total/B, deal.GW(s.Power.Total), s.Dollars.Overlap/B)
}

func TestTotalBy(t *testing.T) {
	all := []*deal.Deal{
		mk(t, "umbrella", "$500B", "10 GW", parties("OpenAI", "Oracle", "SoftBank"), announced("2025-01-21"), tags("stargate")),
		mk(t, "cloud", "$300B", "4.5 GW", parties("OpenAI", "Oracle"), partOf("umbrella"), announced("2025-06-30"), tags("stargate", "cloud")),
		mk(t, "chips", "$40B", "", parties("Oracle", "NVIDIA"), announced("2025-05"), func(d *deal.Deal) { d.Kind = "chips" }),
		mk(t, "energy", "$1B", "1 GW", parties("SoftBank"), partOf("umbrella"), announced("2026-01-09")),
		mk(t, "funding", "undisclosed", "", parties("OpenAI"), announced("2025-09"), func(d *deal.Deal) { d.Kind = "funding" }),
	}
	u := NewUmbrellas(all)
	tests := []struct {
		by   By
		keep []string
		want []string
	}{
		{ByNone, nil, []string{"all: 5 $540B 10GW over $301B"}},
		{ByNone, []string{}, []string{"all: 0 $0B 0GW over $0B"}},
		{ByParty, []string{}, nil},
		// OpenAI's group holds the umbrella and its part: the part adds
		// nothing. NVIDIA takes part only in chips.
		{ByParty, nil, []string{
			"Oracle: 3 $540B 10GW over $300B",
			"OpenAI: 3 $500B 10GW over $300B",
			"SoftBank: 2 $500B 10GW over $1B",
			"NVIDIA: 1 $40B 0GW over $0B",
		}},
		// Without the umbrella, each party's part counts.
		{ByParty, []string{"cloud", "energy"}, []string{
			"OpenAI: 1 $300B 4.5GW over $0B",
			"Oracle: 1 $300B 4.5GW over $0B",
			"SoftBank: 1 $1B 1GW over $0B",
		}},
		// The energy part falls in another year than its umbrella: it counts
		// in its own year; the grand total still holds it inside the umbrella.
		{ByYear, nil, []string{"2025: 4 $540B 10GW over $300B", "2026: 1 $1B 1GW over $0B"}},
		{ByQuarter, nil, []string{"2025-Q1: 1 $500B 10GW over $0B", "2025-Q2: 2 $340B 4.5GW over $0B", "2025-Q3: 1 $0B 0GW over $0B", "2026-Q1: 1 $1B 1GW over $0B"}},
		{ByMonth, nil, []string{"2025-01: 1 $500B 10GW over $0B", "2025-05: 1 $40B 0GW over $0B", "2025-06: 1 $300B 4.5GW over $0B", "2025-09: 1 $0B 0GW over $0B", "2026-01: 1 $1B 1GW over $0B"}},
		{ByKind, nil, []string{"cloud: 3 $500B 10GW over $301B", "chips: 1 $40B 0GW over $0B", "funding: 1 $0B 0GW over $0B"}},
		{ByStatus, nil, []string{"signed: 5 $540B 10GW over $301B"}},
		{ByTag, nil, []string{"stargate: 2 $500B 10GW over $300B", "cloud: 1 $300B 4.5GW over $0B", NoTagKey + ": 3 $41B 1GW over $0B"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.by)+fmt.Sprint(tt.keep), func(t *testing.T) {
			ds := all
			if tt.keep != nil {
				ds = pick(t, all, tt.keep...)
			}
			r := TotalBy(ds, u, tt.by, deal.Headline, Full)
			var got []string
			for _, g := range r.Groups {
				got = append(got, groupLine(g.Key, g.Sum))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("groups:\n got %q\nwant %q", got, tt.want)
			}
			if want := Total(ds, u, deal.Headline); fmt.Sprint(r.Total) != fmt.Sprint(want) {
				t.Errorf("grand total %+v, want %+v", r.Total, want)
			}
		})
	}
}

func TestTotalByCountsEachDealOnceInTheGrandTotal(t *testing.T) {
	all := []*deal.Deal{
		mk(t, "a", "$10B", "1 GW", parties("X", "Y", "Z")),
		mk(t, "b", "undisclosed", "", parties("X", "Y")),
	}
	r := TotalBy(all, Umbrellas{}, ByParty, deal.Headline, Once)
	if got := briefOf(r.Total); got.Deals != 2 || got.USD != 10*B || got.UndUSD != 1 {
		t.Errorf("grand total %+v, want 2 deals, $10B, 1 undisclosed", got)
	}
	for _, g := range r.Groups {
		if g.Dollars.Total != 10*B {
			t.Errorf("group %s: $%d, want the whole $10B under each party", g.Key, g.Dollars.Total)
		}
	}
	if len(r.Groups) != 3 {
		t.Errorf("%d groups, want 3", len(r.Groups))
	}
}

// The same deals count at every bound, so a low total never exceeds the
// headline, nor the headline the high, even where parts add up to more
// than an "up to" umbrella (which is 0 at the low bound).
func TestTotalBoundsAreOrdered(t *testing.T) {
	all := stargateLike(t, mk(t, "r", "$17.4B-$19.4B", "up to 750 MW"), mk(t, "s", "undisclosed", "1-2 GW"))
	u := NewUmbrellas(all)
	for _, keep := range [][]string{nil, {"p1", "p2", "p3", "r"}, {"u", "p3", "s"}} {
		ds := all
		if keep != nil {
			ds = pick(t, all, keep...)
		}
		lo, mid, hi := Total(ds, u, deal.Low), Total(ds, u, deal.Headline), Total(ds, u, deal.High)
		if !(lo.Dollars.Total <= mid.Dollars.Total && mid.Dollars.Total <= hi.Dollars.Total) ||
			!(lo.Power.Total <= mid.Power.Total && mid.Power.Total <= hi.Power.Total) {
			t.Errorf("%v: low %+v, headline %+v, high %+v are out of order", keep, briefOf(lo), briefOf(mid), briefOf(hi))
		}
		if fmt.Sprint(lo.IDs, lo.Overlaps != nil) != fmt.Sprint(hi.IDs, hi.Overlaps != nil) {
			t.Errorf("%v: the deals counted differ between bounds", keep)
		}
	}
}

// BenchmarkTotalBy sums 10,000 deals shaped like bench/gen.py's
// (two to four of 306 parties each), every fiftieth part of another deal.
func BenchmarkTotalBy(b *testing.B) {
	var ds []*deal.Deal
	for i := range 10_000 {
		d := &deal.Deal{ID: fmt.Sprintf("deal-%06d", i), Dollars: deal.Dollars(int64(i+1) * 1e6), Power: deal.NewPower(deal.Exact, 1e9, 1e9)}
		for p := range 2 + i%3 {
			d.Parties = append(d.Parties, fmt.Sprintf("Party %03d", (i*7+p*31)%306))
		}
		if i%50 == 49 {
			d.PartOf = ds[i-1].ID
		}
		ds = append(ds, d)
	}
	u := NewUmbrellas(ds)
	for _, by := range []By{ByNone, ByParty, ByYear} {
		b.Run("by="+cmp.Or(string(by), "none"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				TotalBy(ds, u, by, deal.Headline, Once)
			}
		})
	}
}

// TestTotalBoundsProperty draws random sets of deals with umbrellas nested
// at random, figures of every wording, retired deals, dates and filters,
// and holds the rules a quoted sum rests on: low ≤ headline ≤ high; a sum
// is never below any deal it counts; periods counted once add up to the
// grand total, none below zero.
func TestTotalBoundsProperty(t *testing.T) {
	usd := []string{"", "undisclosed", "$10B", "up to $50B", "over $5B", "about $7B", "$1B-$3B", "at least $2B", "nearly $4B", "$300B", "up to $500B"}
	power := []string{"", "undisclosed", "1 GW", "up to 10 GW", "about 7 GW", "1-3 GW", "at least 500 MW"}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 3000 {
		n := 1 + r.IntN(10)
		var all []*deal.Deal
		for i := range n {
			d := mk(t, fmt.Sprint("d", i), usd[r.IntN(len(usd))], power[r.IntN(len(power))])
			if i > 0 && r.IntN(3) > 0 {
				d.PartOf = all[r.IntN(i)].ID
			}
			if r.IntN(8) == 0 {
				d.Status = "cancelled"
			}
			d.Announced = deal.Date{Year: 2024 + r.IntN(3), Month: 1 + r.IntN(12), Day: 1}
			all = append(all, d)
		}
		var ds []*deal.Deal
		for _, d := range all {
			if r.IntN(4) > 0 {
				ds = append(ds, d)
			}
		}
		u := NewUmbrellas(all)
		var prev Sum
		for bi, b := range []deal.Bound{deal.Low, deal.Headline, deal.High} {
			s := Total(ds, u, b)
			if bi > 0 && (s.Dollars.Total < prev.Dollars.Total || s.Power.Total < prev.Power.Total) {
				t.Fatalf("round %d: %v sums $%d and %d W, below the bound before it ($%d, %d W)\n%s", round, b, s.Dollars.Total, s.Power.Total, prev.Dollars.Total, prev.Power.Total, describe(ds, all))
			}
			for _, d := range ds {
				if d.Retired() {
					continue
				}
				if v, ok := d.Dollars.Value(b); ok && v > s.Dollars.Total {
					t.Fatalf("round %d: %v: %s alone is $%d, the sum $%d\n%s", round, b, d.ID, v, s.Dollars.Total, describe(ds, all))
				}
				if v, ok := d.Power.Value(b); ok && v > s.Power.Total {
					t.Fatalf("round %d: %v: %s alone is %d W, the sum %d W\n%s", round, b, d.ID, v, s.Power.Total, describe(ds, all))
				}
			}
			prev = s
			for _, by := range []By{ByMonth, ByQuarter, ByYear} {
				var usd, w int64
				for _, p := range Timeline(ds, u, by, b, Once) {
					if p.Dollars.Total < 0 || p.Power.Total < 0 || p.Dollars.Held < 0 || p.Power.Held < 0 {
						t.Fatalf("round %d: %v by %s: period %s adds $%d and %d W, holding $%d and %d W\n%s", round, b, by, p.Key, p.Dollars.Total, p.Power.Total, p.Dollars.Held, p.Power.Held, describe(ds, all))
					}
					usd, w = usd+p.Dollars.Total, w+p.Power.Total
				}
				if usd != s.Dollars.Total || w != s.Power.Total {
					t.Fatalf("round %d: %v by %s: the periods add up to $%d and %d W, the total is $%d and %d W\n%s", round, b, by, usd, w, s.Dollars.Total, s.Power.Total, describe(ds, all))
				}
				var gusd, gw int64
				for _, g := range TotalBy(ds, u, by, b, Once).Groups {
					gusd, gw = gusd+g.Dollars.Total, gw+g.Power.Total
				}
				if gusd != s.Dollars.Total || gw != s.Power.Total {
					t.Fatalf("round %d: %v: total --by %s adds up to $%d and %d W, the total is $%d and %d W\n%s", round, b, by, gusd, gw, s.Dollars.Total, s.Power.Total, describe(ds, all))
				}
			}
		}
	}
}

// describe is a deal set for a failure message.
func describe(ds, all []*deal.Deal) string {
	var b strings.Builder
	for _, d := range all {
		fmt.Fprintf(&b, "  %s %q %q part_of=%q status=%s in-sum=%v\n", d.ID, d.Dollars, d.Power, d.PartOf, d.Status, slices.Contains(ds, d))
	}
	return b.String()
}
