package report

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Umbrellas is what a sum needs to know of the whole data set: which deal
// each deal is part of, so that a part stays inside its umbrella even when
// a deal between them in the chain was filtered out; and whether retired
// deals (cancelled or superseded) count, which by default they do not.
type Umbrellas struct {
	of           map[string]string
	CountRetired bool
}

// NewUmbrellas reads the part_of links of every deal in all.
func NewUmbrellas(all []*deal.Deal) Umbrellas {
	u := Umbrellas{of: map[string]string{}}
	for _, d := range all {
		if d.PartOf != "" {
			u.of[d.ID] = d.PartOf
		}
	}
	return u
}

// counts reports whether d counts in sums.
func (u Umbrellas) counts(d *deal.Deal) bool { return u.CountRetired || !d.Retired() }

// Ancestors lists the deals id is part of, the nearest first: its umbrella,
// the umbrella's umbrella, and so on. A loop (which check refuses) ends the
// chain instead of running forever.
func (u Umbrellas) Ancestors(id string) []string {
	var chain []string
	seen := map[string]bool{id: true}
	for at := u.of[id]; at != "" && !seen[at]; at = u.of[at] {
		chain = append(chain, at)
		seen[at] = true
	}
	return chain
}

// Tally adds up one figure (dollars, or power in watts) over a sum's deals.
type Tally struct {
	Total          int64    // the known figures added up
	Counted        int      // deals whose figure went into Total
	Undisclosed    int      // deals whose figure is stated as undisclosed
	UndisclosedIDs []string // those deals
	// OtherCurrency lists the deals whose money is known only in another
	// currency (dollars only): they add nothing, and are named instead.
	OtherCurrency []string
	Overlap       int64 // figures of parts inside an umbrella of the same sum, left out
	// TooLarge is set when the figures add up to more than an int64
	// holds: Total and Overlap then mean nothing, and no sum may be shown.
	TooLarge bool
}

// Sum is what a set of deals adds up to at one bound. Every deal counts
// once. A part whose umbrella (or an umbrella further up its chain) is in
// the same sum with a known figure adds nothing: that figure is inside the
// umbrella's, and goes to Overlap instead. When no umbrella in the sum knows
// the figure, the part's own figure counts, since nothing else carries it.
//
// Retired deals (cancelled, or superseded by another) are left out unless
// the umbrellas say they count; Retired lists them with what they would
// have added.
type Sum struct {
	Deals    int
	IDs      []string // every deal in the sum, in the order given
	Dollars  Tally
	Power    Tally // in watts
	Overlaps []Overlap
	Retired  []Retired
}

// Retired is a deal left out of a sum because it was cancelled or replaced.
type Retired struct {
	ID           string
	Status       deal.Status
	SupersededBy string
	USD, Watts   stated // what it would have added at the sum's bound
}

// Value is the figure's value, and whether it is known.
func (s stated) Value() (int64, bool) { return s.v, s.known }

// Overlap is a part whose figures an umbrella in the same sum carries.
type Overlap struct {
	ID     string // the part
	Inside string // the nearest umbrella in the sum that carries a figure of it
	USD    int64  // dollars left out
	Watts  int64  // power left out
}

// stated is one figure of a deal at a bound.
type stated struct {
	v           int64
	known       bool
	undisclosed bool
}

func dollarsOf(d *deal.Deal, b deal.Bound) stated {
	v, ok := d.Dollars.Value(b)
	return stated{v, ok, d.Dollars.Q == deal.Undisclosed}
}

func powerOf(d *deal.Deal, b deal.Bound) stated {
	v, ok := d.Power.Value(b)
	return stated{v, ok, d.Power.Q == deal.Undisclosed}
}

// Total sums ds at bound b; u gives the umbrellas of the whole data set. A
// deal given twice counts once.
func Total(ds []*deal.Deal, u Umbrellas, b deal.Bound) Sum {
	var s Sum
	var in map[string]*deal.Deal // the deals of the sum by id, made when a part needs it
	seen := make(map[*deal.Deal]bool, len(ds))
	for _, d := range ds {
		if seen[d] {
			continue
		}
		seen[d] = true
		if d.PartOf != "" && in == nil {
			in = make(map[string]*deal.Deal, len(ds))
			for _, d := range ds {
				in[d.ID] = d
			}
		}
		s.add(d, b, u, in)
	}
	return s
}

func (s *Sum) add(d *deal.Deal, b deal.Bound, u Umbrellas, in map[string]*deal.Deal) {
	if !u.counts(d) {
		s.Retired = append(s.Retired, Retired{d.ID, d.Status, d.SupersededBy, dollarsOf(d, b), powerOf(d, b)})
		return
	}
	s.Deals++
	s.IDs = append(s.IDs, d.ID)
	var usdIn, wIn string
	if d.PartOf != "" {
		ancestors := u.Ancestors(d.ID)
		usdIn = coveredBy(ancestors, in, func(a *deal.Deal) bool { return u.counts(a) && a.Dollars.Known() })
		wIn = coveredBy(ancestors, in, func(a *deal.Deal) bool { return u.counts(a) && a.Power.Known() })
	}
	if !d.Dollars.Known() && d.Amount.Known() && usdIn == "" {
		s.Dollars.OtherCurrency = append(s.Dollars.OtherCurrency, d.ID)
	}
	o := Overlap{ID: d.ID, Inside: cmp.Or(usdIn, wIn)}
	o.USD = s.Dollars.add(d.ID, dollarsOf(d, b), usdIn != "")
	o.Watts = s.Power.add(d.ID, powerOf(d, b), wIn != "")
	if o.Inside != "" {
		s.Overlaps = append(s.Overlaps, o)
	}
}

// coveredBy returns the nearest of ancestors in the sum whose figure is
// known, or "".
func coveredBy(ancestors []string, in map[string]*deal.Deal, known func(*deal.Deal) bool) string {
	for _, a := range ancestors {
		if d := in[a]; d != nil && known(d) {
			return a
		}
	}
	return ""
}

// add counts one deal's figure f; a covered figure is left out and
// returned, to be reported as overlap.
func (t *Tally) add(id string, f stated, covered bool) (left int64) {
	switch {
	case covered:
		t.Overlap = t.exactSum(t.Overlap, f.v)
		return f.v
	case f.known:
		t.Total = t.exactSum(t.Total, f.v)
		t.Counted++
	case f.undisclosed:
		t.Undisclosed++
		t.UndisclosedIDs = append(t.UndisclosedIDs, id)
	}
	return 0
}

// exactSum adds two non-negative figures, noting when the sum would not
// fit rather than wrapping round to a negative one.
func (t *Tally) exactSum(a, b int64) int64 {
	if a > math.MaxInt64-b {
		t.TooLarge = true
		return math.MaxInt64
	}
	return a + b
}

// ErrTooLarge says a sum does not fit in whole dollars or watts.
var ErrTooLarge = errors.New("the figures add up to more than dealtrack can sum exactly (about $9223372T or 9223372037 GW); narrow the deals with filters")

// Exact returns ErrTooLarge when a figure of one of sums did not fit.
func Exact(sums ...Sum) error {
	for _, s := range sums {
		if s.Dollars.TooLarge || s.Power.TooLarge {
			return ErrTooLarge
		}
	}
	return nil
}

// By names how a total groups deals.
type By string

// The groupings of a total. ByNone puts every deal in one group, "all".
const (
	ByNone    By = ""
	ByParty   By = "party"
	ByYear    By = "year"
	ByQuarter By = "quarter"
	ByMonth   By = "month"
	ByKind    By = "kind"
	ByStatus  By = "status"
	ByTag     By = "tag"
	ByCountry By = "country"
	BySector  By = "sector"
)

// Bys lists every grouping a total takes.
var Bys = []By{ByParty, ByYear, ByQuarter, ByMonth, ByKind, ByStatus, ByTag, ByCountry, BySector}

// NoneKey is the group of deals without a tag, a country or a sector.
var noneKeys = map[By]string{ByTag: NoTagKey, ByCountry: "(no country)", BySector: "(no sector)"}

// AllKey is the key of the one group of a total that is not grouped.
const AllKey = "all"

// NoTagKey is the group of deals without tags in a total by tag.
const NoTagKey = "(no tag)"

// ParseBy reads a grouping: one of Bys.
func ParseBy(s string) (By, error) {
	if s == "" || slices.Contains(Bys, By(s)) {
		return By(s), nil
	}
	names := make([]string, len(Bys))
	for i, b := range Bys {
		names[i] = string(b)
	}
	return "", fmt.Errorf("not a grouping (use %s)", strings.Join(names, ", "))
}

// Keys returns the groups d counts in: one, or for party, tag, country and
// sector as many as it has.
func (by By) Keys(d *deal.Deal) []string {
	var keys []string
	switch by {
	case ByParty:
		return d.Parties
	case ByTag:
		keys = d.Tags
	case ByCountry:
		keys = d.Countries()
	case BySector:
		keys = d.Sectors
	}
	if none, ok := noneKeys[by]; ok {
		if len(keys) == 0 {
			return []string{none}
		}
		return keys
	}
	switch by {
	case ByKind:
		return []string{string(d.Kind)}
	case ByStatus:
		return []string{string(d.Status)}
	case ByYear, ByQuarter, ByMonth:
		return []string{by.periodKey(by.period(d.Announced))}
	}
	return []string{AllKey}
}

// Chronological reports whether by's groups are spans of time.
func (by By) Chronological() bool { return by == ByYear || by == ByQuarter || by == ByMonth }

// Group is one group of a total.
type Group struct {
	Key string
	Sum
}

// Report is a total: its groups and the grand total, where each deal
// counts once.
type Report struct {
	By     By
	Bound  deal.Bound
	Groups []Group
	Total  Sum
}

// TotalBy sums ds at bound b in groups by, and as a grand total. Spans of
// time come in order; other groups the largest in dollars first.
func TotalBy(ds []*deal.Deal, u Umbrellas, by By, b deal.Bound) Report {
	members := map[string][]*deal.Deal{}
	var keys []string
	for _, d := range ds {
		for _, k := range by.Keys(d) {
			if _, ok := members[k]; !ok {
				keys = append(keys, k)
			}
			members[k] = append(members[k], d)
		}
	}
	if by == ByNone && len(keys) == 0 {
		keys = []string{AllKey} // an ungrouped total always has its one row
	}
	r := Report{By: by, Bound: b, Total: Total(ds, u, b)}
	for _, k := range keys {
		g := Group{k, Total(members[k], u, b)}
		if g.Deals > 0 || len(keys) == 1 { // a group of retired deals only is no group
			r.Groups = append(r.Groups, g)
		}
	}
	slices.SortFunc(r.Groups, by.order)
	return r
}

func (by By) order(a, b Group) int {
	if by.Chronological() {
		return cmp.Compare(a.Key, b.Key)
	}
	return cmp.Or(
		cmp.Compare(b.Dollars.Total, a.Dollars.Total),
		cmp.Compare(b.Power.Total, a.Power.Total),
		cmp.Compare(b.Deals, a.Deals),
		cmp.Compare(a.Key, b.Key),
	)
}
