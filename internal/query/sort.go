package query

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// key is a sortable view of one field: a number or a text, and whether
// the deal has it at all.
type key struct {
	num   int64
	text  string
	known bool
}

func num(v int64, ok bool) key { return key{num: v, known: ok} }
func text(s string) key        { return key{text: s, known: s != ""} }

// Field is a field of a deal that can be sorted by.
type Field struct {
	Name string
	get  func(*deal.Deal) key
}

// Fields lists the fields deals can be sorted by, each with how to read it.
var Fields = []Field{
	{"id", func(d *deal.Deal) key { return text(d.ID) }},
	{"title", func(d *deal.Deal) key { return text(strings.ToLower(d.Title)) }},
	{"announced", func(d *deal.Deal) key { return num(int64(d.Announced.First()), true) }},
	{"year", func(d *deal.Deal) key { return num(int64(d.Announced.Year), true) }},
	{"quarter", func(d *deal.Deal) key {
		return num(int64(d.Announced.Year*10+d.Announced.Quarter()), d.Announced.Month > 0)
	}},
	{"month", func(d *deal.Deal) key {
		return num(int64(d.Announced.Year*100+d.Announced.Month), d.Announced.Month > 0)
	}},
	{"status", func(d *deal.Deal) key { return num(int64(slices.Index(deal.Statuses, d.Status)), true) }},
	{"kind", func(d *deal.Deal) key { return text(string(d.Kind)) }},
	{"parties", func(d *deal.Deal) key { return text(strings.ToLower(strings.Join(d.Parties, ","))) }},
	{"tags", func(d *deal.Deal) key { return text(strings.Join(d.Tags, ",")) }},
	{"usd", func(d *deal.Deal) key { return num(d.Dollars.Value(deal.Headline)) }},
	{"usd_low", func(d *deal.Deal) key { return num(d.Dollars.Value(deal.Low)) }},
	{"usd_high", func(d *deal.Deal) key { return num(d.Dollars.Value(deal.High)) }},
	{"gw", func(d *deal.Deal) key { return num(d.Power.Value(deal.Headline)) }},
	{"gw_low", func(d *deal.Deal) key { return num(d.Power.Value(deal.Low)) }},
	{"gw_high", func(d *deal.Deal) key { return num(d.Power.Value(deal.High)) }},
	{"part_of", func(d *deal.Deal) key { return text(d.PartOf) }},
	{"valuation_usd", func(d *deal.Deal) key { return num(d.Valuation.Value(deal.Headline)) }},
}

// FieldNames lists the names of Fields.
func FieldNames() []string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = f.Name
	}
	return names
}

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
		i := slices.IndexFunc(Fields, func(f Field) bool { return f.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("cannot sort by %q (use %s; - in front for descending)", name, strings.Join(FieldNames(), ", "))
		}
		o = append(o, sortKey{Fields[i], desc})
	}
	return o, nil
}

// Sort orders ds by o, then by id; unknown values go last either way.
func Sort(ds []*deal.Deal, o Order) {
	slices.SortStableFunc(ds, func(a, b *deal.Deal) int {
		for _, k := range o {
			if c := compareKeys(k.get(a), k.get(b), k.desc); c != 0 {
				return c
			}
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func compareKeys(a, b key, desc bool) int {
	if a.known != b.known {
		if a.known {
			return -1
		}
		return 1
	}
	c := cmp.Or(cmp.Compare(a.num, b.num), strings.Compare(a.text, b.text))
	if desc {
		return -c
	}
	return c
}
