package query

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Order is a list of sort keys, the first the most significant.
type Order []sortKey

type sortKey struct {
	Field
	desc bool
}

// ParseOrder reads "announced,-usd": fields in priority order, "-" for
// descending.
func ParseOrder(spec string) (Order, error) {
	var o Order
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		name, desc := strings.CutPrefix(part, "-")
		f, ok := LookupField(name)
		if !ok {
			return nil, fmt.Errorf("cannot sort by %q (use %s; - in front for descending)", name, strings.Join(FieldNames(), ", "))
		}
		o = append(o, sortKey{f, desc})
	}
	return o, nil
}

// Sort orders ds by o, then by id; unknown values go last either way.
// Each deal's sort values are worked out once, not at every comparison.
func Sort(ds []*deal.Deal, o Order) {
	type sorted struct {
		d      *deal.Deal
		values []any // one per key of o
	}
	all := make([]sorted, len(ds))
	values := make([]any, len(ds)*len(o))
	for i, d := range ds {
		v := values[i*len(o) : (i+1)*len(o)]
		for j, k := range o {
			v[j] = foldCase(k.sortValue(d))
		}
		all[i] = sorted{d, v}
	}
	slices.SortStableFunc(all, func(a, b sorted) int {
		for j, k := range o {
			if c := compareValues(a.values[j], b.values[j], k.desc); c != 0 {
				return c
			}
		}
		return strings.Compare(a.d.ID, b.d.ID)
	})
	for i, s := range all {
		ds[i] = s.d
	}
}

// foldCase lowers text once, so that comparing it is a plain comparison.
func foldCase(v any) any {
	switch v := v.(type) {
	case string:
		return strings.ToLower(v)
	case []string:
		return strings.ToLower(strings.Join(v, ","))
	}
	return v
}

func (f Field) sortValue(d *deal.Deal) any {
	if f.order != nil {
		return f.order(d)
	}
	return f.value(d)
}

// compareValues orders two values of one field: nil (unknown) last, text
// without regard to case, lists as their items joined.
func compareValues(a, b any, desc bool) int {
	if (a == nil) != (b == nil) {
		if a == nil {
			return 1
		}
		return -1
	}
	var c int
	switch a := a.(type) {
	case string:
		c = strings.Compare(strings.ToLower(a), strings.ToLower(b.(string)))
	case []string:
		c = compareValues(strings.Join(a, ","), strings.Join(b.([]string), ","), false)
	case int:
		c = cmp.Compare(a, b.(int))
	case int64:
		c = cmp.Compare(a, b.(int64))
	case float64:
		c = cmp.Compare(a, b.(float64))
	case time.Time:
		c = a.Compare(b.(time.Time))
	}
	if desc {
		return -c
	}
	return c
}
