package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// GroupKey is one key a total's groups can be sorted by.
type GroupKey struct {
	Name string // key, deals, usd or gw
	Desc bool
}

// groupKeys are the names a total sorts by, and how each compares.
var groupKeys = map[string]func(a, b Group) int{
	"key":   func(a, b Group) int { return cmp.Compare(a.Key, b.Key) },
	"deals": func(a, b Group) int { return cmp.Compare(a.Deals, b.Deals) },
	"usd":   func(a, b Group) int { return compareKnown(a.Dollars, b.Dollars) },
	"gw":    func(a, b Group) int { return compareKnown(a.Power, b.Power) },
}

// GroupKeyNames lists the names ParseGroupOrder takes, for help.
var GroupKeyNames = []string{"key", "deals", "usd", "gw"}

// compareKnown orders sums by their total; a sum no figure went into is
// below every known one, 0 included.
func compareKnown(a, b Tally) int {
	return cmp.Or(cmp.Compare(min(a.Counted, 1), min(b.Counted, 1)), cmp.Compare(a.Total, b.Total))
}

// ParseGroupOrder reads a total's --sort: names among GroupKeyNames,
// comma-separated, each with - in front for descending.
func ParseGroupOrder(spec string) ([]GroupKey, error) {
	var keys []GroupKey
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		k := GroupKey{Name: strings.TrimPrefix(part, "-"), Desc: strings.HasPrefix(part, "-")}
		if _, ok := groupKeys[k.Name]; !ok {
			return nil, fmt.Errorf("unknown sort key %q (use %s, - in front for descending)", k.Name, strings.Join(GroupKeyNames, ", "))
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// SortGroups orders r's groups by keys, the first deciding first; groups
// equal on every key keep their order.
func (r *Report) SortGroups(keys []GroupKey) {
	slices.SortStableFunc(r.Groups, func(a, b Group) int {
		for _, k := range keys {
			c := groupKeys[k.Name](a, b)
			if k.Desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
}
