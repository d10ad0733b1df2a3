package query

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Field is a field of a deal that can be named on the command line: in a
// --where expression, as a --sort key, as a list column. Fields is the one
// table of them, so that help, README and completion agree.
type Field struct {
	Name    string
	Aliases []string // other names for it, the deal file's keys
	Type    Type
	Doc     string               // one line for people
	value   func(*deal.Deal) any // nil when the deal does not say
	order   func(*deal.Deal) any // how --sort orders it, when not by value
	Example string               // a --where expression using it
}

// Type is what a field holds: its name for people and, for the expression
// checker, a value of its Go type.
type Type struct {
	Name  string
	proto any
}

// The types of fields. A type that may be nil holds nil when the deal does
// not give the figure (undisclosed or absent).
var (
	Text      = Type{"text", ""}
	TextOrNil = Type{"text or nil", (*string)(nil)}
	List      = Type{"list of text", []string(nil)}
	Integer   = Type{"integer", 0}
	DateType  = Type{"date", time.Time{}}
	Dollars   = Type{"dollars or nil", (*int64)(nil)}
	Gigawatts = Type{"gigawatts or nil", (*float64)(nil)}
	Bool      = Type{"true or false", false}
)

// Fields lists every field, in the order help shows them.
var Fields = []Field{
	{Name: "id", Type: Text, Doc: "the deal's id: its file name without .yaml",
		value: func(d *deal.Deal) any { return d.ID }, Example: `id startsWith "stargate"`},
	{Name: "title", Type: Text, Doc: "the deal's one-line title",
		value: func(d *deal.Deal) any { return d.Title }, Example: `title contains "Abilene"`},
	{Name: "announced", Type: DateType, Doc: "the day it was first made public (by its parties or a report); a month-only date is that month's first day",
		value: func(d *deal.Deal) any { return announced(d.Announced) }, Example: `announced >= date("2025-06-01")`},
	{Name: "year", Type: Integer, Doc: "the year it was announced",
		value: func(d *deal.Deal) any { return d.Announced.Year }, Example: `year == 2025`},
	{Name: "quarter", Type: Integer, Doc: "the quarter it was announced, 1 to 4",
		value: func(d *deal.Deal) any { return d.Announced.Quarter() }, Example: `quarter in [3, 4]`},
	{Name: "month", Type: Integer, Doc: "the month it was announced, 1 to 12",
		value: func(d *deal.Deal) any { return d.Announced.Month }, Example: `month == 9`},
	{Name: "status", Type: Text, Doc: "one of " + joinEnum(deal.Statuses) + "; sorts in that order",
		value: func(d *deal.Deal) any { return string(d.Status) },
		order: func(d *deal.Deal) any { return slices.Index(deal.Statuses, d.Status) }, Example: `status != "cancelled"`},
	{Name: "kind", Type: Text, Doc: "one of " + joinEnum(deal.Kinds),
		value: func(d *deal.Deal) any { return string(d.Kind) }, Example: `kind in ["cloud", "compute"]`},
	{Name: "parties", Type: List, Doc: "the parties' canonical names, as in parties.yaml",
		value: func(d *deal.Deal) any { return d.Parties }, Example: `"OpenAI" in parties`},
	{Name: "tags", Type: List, Doc: "the deal's tags",
		value: func(d *deal.Deal) any { return d.Tags }, Example: `"stargate" in tags`},
	{Name: "usd", Aliases: []string{"dollars"}, Type: Dollars, Doc: `headline dollars: the figure, the ceiling of "up to", the floor of "over", the middle of a range`,
		value: usdAt(dollars, deal.Headline), Example: `usd >= 10e9`},
	{Name: "usd_low", Type: Dollars, Doc: `the lowest dollars the statement allows (0 for "up to")`,
		value: usdAt(dollars, deal.Low), Example: `usd_low > 0`},
	{Name: "usd_high", Type: Dollars, Doc: "the highest dollars the statement names",
		value: usdAt(dollars, deal.High), Example: `usd_high >= 100e9`},
	{Name: "usd_qualifier", Type: TextOrNil, Doc: "how the dollars were stated: " + qualifiers,
		value: func(d *deal.Deal) any { return orNil(d.Dollars.Q.String()) }, Example: `usd_qualifier == "undisclosed"`},
	{Name: "gw", Aliases: []string{"gigawatts"}, Type: Gigawatts, Doc: "headline power in gigawatts, read like usd",
		value: gwAt(deal.Headline), Example: `gw >= 1`},
	{Name: "gw_low", Type: Gigawatts, Doc: `the lowest power the statement allows (0 for "up to")`,
		value: gwAt(deal.Low), Example: `gw_low > 0`},
	{Name: "gw_high", Type: Gigawatts, Doc: "the highest power the statement names",
		value: gwAt(deal.High), Example: `gw_high >= 5`},
	{Name: "gw_qualifier", Type: TextOrNil, Doc: "how the power was stated: " + qualifiers,
		value: func(d *deal.Deal) any { return orNil(d.Power.Q.String()) }, Example: `gw_qualifier == "up to"`},
	{Name: "part_of", Type: TextOrNil, Doc: "the id of the umbrella deal this one is part of",
		value: func(d *deal.Deal) any { return orNil(d.PartOf) }, Example: `part_of == "stargate"`},
	{Name: "valuation_usd", Aliases: []string{"valuation"}, Type: Dollars, Doc: "post-money valuation of a funding round",
		value: usdAt(valuation, deal.Headline), Example: `valuation_usd >= 300e9`},
	{Name: "amount", Type: TextOrNil, Doc: "a figure in another currency, as stated (EUR 5.5B); never converted",
		value: func(d *deal.Deal) any { return orNil(d.Amount.String()) }, Example: `amount != nil`},
	{Name: "currency", Type: TextOrNil, Doc: "the ISO 4217 code of amount",
		value: func(d *deal.Deal) any { return orNil(d.Amount.Currency) }, Example: `currency == "EUR"`},
	{Name: "countries", Aliases: []string{"country"}, Type: List, Doc: "the ISO 3166 codes of the deal's locations",
		value: func(d *deal.Deal) any { return d.Countries() }, Example: `"US" in countries`},
	{Name: "regions", Aliases: []string{"region"}, Type: List, Doc: "the states or provinces of the deal's locations",
		value: regions, Example: `"Texas" in regions`},
	{Name: "sectors", Aliases: []string{"sector"}, Type: List, Doc: "the sectors of the deal's parties, from parties.yaml",
		value: func(d *deal.Deal) any { return d.Sectors }, Example: `"utility" in sectors`},
	{Name: "superseded_by", Type: TextOrNil, Doc: "the id of the deal that replaced this one",
		value: func(d *deal.Deal) any { return orNil(d.SupersededBy) }, Example: `superseded_by == nil`},
	{Name: "reported", Type: List, Doc: "the figures that rest on press reports only: dollars, gigawatts, amount",
		value: func(d *deal.Deal) any { return d.Reported }, Example: `"dollars" in reported`},
	{Name: "flows", Type: Integer, Doc: "how many money flows the deal records",
		value: func(d *deal.Deal) any { return len(d.Flows) }, Example: `flows == 0`},
	{Name: "confirmed", Type: Bool, Doc: "a source is a party's own statement or a filing",
		value: func(d *deal.Deal) any { return d.Confirmed() }, Example: `not confirmed`},
}

const qualifiers = "exact, up to, over, at least, about, nearly, range, undisclosed; nil when not given"

func regions(d *deal.Deal) any {
	var out []string
	for _, l := range d.Locations {
		if l.Region != "" && !slices.Contains(out, l.Region) {
			out = append(out, l.Region)
		}
	}
	return out
}

// Value is f's value for d: string, int, []string, time.Time, int64
// (dollars), float64 (gigawatts), or nil when the deal does not give it.
func (f Field) Value(d *deal.Deal) any { return f.value(d) }

// Names are f's name and aliases.
func (f Field) Names() []string { return append([]string{f.Name}, f.Aliases...) }

// LookupField finds a field by name or alias.
func LookupField(name string) (Field, bool) {
	for _, f := range Fields {
		if slices.Contains(f.Names(), name) {
			return f, true
		}
	}
	return Field{}, false
}

// ParseFields reads a comma-separated list of field names, such as the
// columns of a list. An unknown name is an error that lists the known ones.
func ParseFields(spec string) ([]Field, error) {
	var out []Field
	for _, name := range strings.Split(spec, ",") {
		name = strings.TrimSpace(name)
		f, ok := LookupField(name)
		if !ok {
			return nil, fmt.Errorf("unknown field %q (use %s)", name, strings.Join(FieldNames(), ", "))
		}
		out = append(out, f)
	}
	return out, nil
}

// FieldNames lists the names of Fields.
func FieldNames() []string {
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = f.Name
	}
	return names
}

// announced is a date as a time: a month-only date is its first day.
func announced(d deal.Date) time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// usdAt reads dollars at bound b: int64, or nil when unknown.
func usdAt(get func(*deal.Deal) deal.Amount, b deal.Bound) func(*deal.Deal) any {
	return func(d *deal.Deal) any {
		if v, ok := get(d).Value(b); ok {
			return v
		}
		return nil
	}
}

// gwAt reads power at bound b: float64 gigawatts, or nil when unknown.
func gwAt(b deal.Bound) func(*deal.Deal) any {
	return func(d *deal.Deal) any {
		if w, ok := d.Power.Value(b); ok {
			return deal.GW(w)
		}
		return nil
	}
}

func dollars(d *deal.Deal) deal.Amount   { return d.Dollars }
func valuation(d *deal.Deal) deal.Amount { return d.Valuation }

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func joinEnum[T ~string](set []T) string {
	out := make([]string, len(set))
	for i, v := range set {
		out[i] = string(v)
	}
	return strings.Join(out, ", ")
}
