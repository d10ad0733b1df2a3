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
	// Held is what the sum of a period's deals would count that umbrellas
	// of earlier periods already hold: left out when periods count each
	// dollar once (see Periods).
	Held int64
	// TooLarge is set when the figures add up to more than an int64
	// holds: Total and Overlap then mean nothing, and no sum may be shown.
	TooLarge bool
}

// Sum is what a set of deals adds up to at one bound. Every deal counts
// once. A part whose umbrella (or an umbrella further up its chain) is in
// the same sum with a known figure adds nothing of its own: that figure is
// inside the umbrella's, and goes to Overlap instead. When no umbrella in
// the sum knows the figure, the part's own figure counts, since nothing
// else carries it.
//
// At every bound an umbrella counts at least what its parts in the sum add
// up to at that bound, so that a sum is never below a deal in it: Stargate
// ("up to $500B") is $0 at the low end, but its signed parts are not. When
// the parts come to more than the umbrella's own figure, Exceeds says by
// how much.
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
	Exceeds  []Exceed
	Retired  []Retired
}

// Exceed is an umbrella whose parts in a sum add up to more than its own
// figure at the sum's bound: the sum counts the parts' figure instead.
type Exceed struct {
	ID         string
	USD, Watts int64 // by how much the parts exceed it; 0 when they do not
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
	USD    int64  // dollars left out: the part's own figure
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
	counted := make([]*deal.Deal, 0, len(ds))
	seen := make(map[*deal.Deal]bool, len(ds))
	parts := false
	for _, d := range ds {
		if seen[d] {
			continue
		}
		seen[d] = true
		if !u.counts(d) {
			s.Retired = append(s.Retired, Retired{d.ID, d.Status, d.SupersededBy, dollarsOf(d, b), powerOf(d, b)})
			continue
		}
		counted = append(counted, d)
		s.IDs = append(s.IDs, d.ID)
		parts = parts || d.PartOf != ""
	}
	s.Deals = len(counted)
	usd := newFigures(counted, u, b, parts, dollarsOf, func(d *deal.Deal) bool { return d.Dollars.Known() })
	watts := newFigures(counted, u, b, parts, powerOf, func(d *deal.Deal) bool { return d.Power.Known() })
	for i, d := range counted {
		usdIn, wIn := usd.coverOf(i), watts.coverOf(i)
		if !d.Dollars.Known() && d.Amount.Known() && usdIn < 0 {
			s.Dollars.OtherCurrency = append(s.Dollars.OtherCurrency, d.ID)
		}
		o := Overlap{ID: d.ID}
		o.USD = s.Dollars.add(d.ID, usd.counts(i), usdIn >= 0)
		o.Watts = s.Power.add(d.ID, watts.counts(i), wIn >= 0)
		switch {
		case usdIn >= 0:
			o.Inside = counted[usdIn].ID
		case wIn >= 0:
			o.Inside = counted[wIn].ID
		}
		if o.Inside != "" {
			s.Overlaps = append(s.Overlaps, o)
		}
		if e := (Exceed{d.ID, usd.excess(i), watts.excess(i)}); e.USD > 0 || e.Watts > 0 {
			s.Exceeds = append(s.Exceeds, e)
		}
	}
	s.Dollars.TooLarge = s.Dollars.TooLarge || usd.tooLarge
	s.Power.TooLarge = s.Power.TooLarge || watts.tooLarge
	return s
}

// figures is one figure (dollars or power) of the counted deals of a sum,
// with the umbrellas among them: which deal covers which, and what each
// umbrella counts for once its parts are added up.
type figures struct {
	own      []stated // each deal's own figure at the bound
	cover    []int    // the nearest umbrella in the sum with a known figure, or -1
	parts    []int64  // what the deals it covers add up to, each at its effective figure
	done     []int8   // 0 not yet, 1 being added up (a loop, which check refuses), 2 done
	kids     [][]int
	tooLarge bool
}

// newFigures reads one figure of the counted deals ds at bound b and, when
// some are parts (nested), finds the umbrella in ds that covers each and
// adds up each umbrella's parts.
func newFigures(ds []*deal.Deal, u Umbrellas, b deal.Bound, nested bool, of func(*deal.Deal, deal.Bound) stated, known func(*deal.Deal) bool) *figures {
	n := len(ds)
	f := &figures{own: make([]stated, n)}
	for i, d := range ds {
		f.own[i] = of(d, b)
	}
	if !nested {
		return f
	}
	at := make(map[string]int, n)
	for i, d := range ds {
		at[d.ID] = i
	}
	f.cover, f.parts, f.done, f.kids = make([]int, n), make([]int64, n), make([]int8, n), make([][]int, n)
	for i, d := range ds {
		f.cover[i] = -1
		if d.PartOf == "" {
			continue
		}
		for _, a := range u.Ancestors(d.ID) {
			if j, ok := at[a]; ok && known(ds[j]) {
				f.cover[i] = j
				f.kids[j] = append(f.kids[j], i)
				break
			}
		}
	}
	for i := range ds {
		f.addParts(i)
	}
	return f
}

// coverOf is the umbrella in the sum that covers deal i, or -1.
func (f *figures) coverOf(i int) int {
	if f.cover == nil {
		return -1
	}
	return f.cover[i]
}

// addParts adds up what the deals i covers count for.
func (f *figures) addParts(i int) {
	if f.done[i] != 0 {
		return
	}
	f.done[i] = 1
	var sum int64
	for _, k := range f.kids[i] {
		f.addParts(k)
		v := f.effective(k).v
		if sum > math.MaxInt64-v {
			f.tooLarge = true
			sum = math.MaxInt64
			break
		}
		sum += v
	}
	f.parts[i] = sum
	f.done[i] = 2
}

// effective is what deal i counts for: its own figure, or what its parts
// add up to when that is more.
func (f *figures) effective(i int) stated {
	s := f.own[i]
	if s.known && f.done != nil && f.done[i] == 2 && f.parts[i] > s.v {
		s.v = f.parts[i]
	}
	return s
}

// counts is what deal i adds to a sum: what it counts for when no umbrella
// in the sum covers it; its own figure, left out as overlap, when one does.
func (f *figures) counts(i int) stated {
	if f.coverOf(i) >= 0 {
		return f.own[i]
	}
	return f.effective(i)
}

// excess is by how much the parts of umbrella i exceed its own figure at
// the bound (all of them when that is 0, as "up to" is at the low end); 0
// when they do not.
func (f *figures) excess(i int) int64 {
	if s := f.own[i]; f.parts != nil && s.known && f.parts[i] > s.v {
		return f.parts[i] - s.v
	}
	return 0
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
	View   Periods // how groups by year, quarter or month count; "" for other groups
	Groups []Group
	// Omitted counts the groups left out of Groups by a limit; Total still
	// counts their deals.
	Omitted int
	Total   Sum
}

// TotalBy sums ds at bound b in groups by, and as a grand total. Spans of
// time come in order, counted as view says; other groups the largest in
// dollars first.
func TotalBy(ds []*deal.Deal, u Umbrellas, by By, b deal.Bound, view Periods) Report {
	group := map[string]int{} // key -> index in keys and lists
	var keys []string
	var lists [][]*deal.Deal
	for _, d := range ds {
		for _, k := range by.Keys(d) {
			i, ok := group[k]
			if !ok {
				i = len(keys)
				group[k] = i
				keys, lists = append(keys, k), append(lists, nil)
			}
			lists[i] = append(lists[i], d)
		}
	}
	members := func(k string) []*deal.Deal { return lists[group[k]] }
	if by == ByNone && len(keys) == 0 {
		keys, lists = []string{AllKey}, [][]*deal.Deal{nil} // an ungrouped total always has its one row
	}
	r := Report{By: by, Bound: b, Total: Total(ds, u, b)}
	if by.Chronological() {
		r.View = view
	}
	for i, k := range keys {
		g := Group{k, Total(lists[i], u, b)}
		if g.Deals > 0 || len(keys) == 1 { // a group of retired deals only is no group
			r.Groups = append(r.Groups, g)
		}
	}
	slices.SortFunc(r.Groups, by.order)
	if by.Chronological() && view == Once {
		var sofar []*deal.Deal
		var before Sum
		for i := range r.Groups {
			sofar = append(sofar, members(r.Groups[i].Key)...)
			now := Total(sofar, u, b)
			r.Groups[i].onlyNew(before, now)
			before = now
		}
	}
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
