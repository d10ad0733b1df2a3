package query

import (
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

func mustAmount(s string) deal.Amount {
	a, err := deal.ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

func mustPower(s string) deal.Power {
	p, err := deal.ParsePower(s)
	if err != nil {
		panic(err)
	}
	return p
}

var sample = []*deal.Deal{
	{ID: "a", Announced: deal.Date{Year: 2025, Month: 9, Day: 22}, Status: "announced", Kind: "investment", Parties: []string{"NVIDIA", "OpenAI"}, Dollars: mustAmount("up to $100B"), Power: mustPower("10 GW"), Tags: []string{"gpu"}},
	{ID: "b", Announced: deal.Date{Year: 2025, Month: 1, Day: 21}, Status: "announced", Kind: "joint-venture", Parties: []string{"OpenAI", "Oracle", "SoftBank"}, Dollars: mustAmount("up to $500B"), Power: mustPower("10 GW"), Tags: []string{"stargate"}},
	{ID: "c", Announced: deal.Date{Year: 2025, Month: 9}, Status: "in-talks", Kind: "cloud", Parties: []string{"Oracle", "Meta"}, Dollars: mustAmount("about $20B")},
	{ID: "d", Announced: deal.Date{Year: 2026, Month: 1, Day: 14}, Status: "signed", Kind: "compute", Parties: []string{"OpenAI", "Cerebras"}, Dollars: mustAmount("over $10B"), Power: mustPower("up to 750 MW")},
	{ID: "e", Announced: deal.Date{Year: 2025, Month: 10, Day: 13}, Status: "announced", Kind: "chips", Parties: []string{"Broadcom", "OpenAI"}, Dollars: mustAmount("undisclosed"), Power: mustPower("10 GW"), Tags: []string{"gpu", "custom"}},
}

func ids(ds []*deal.Deal) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.ID)
	}
	return strings.Join(s, ",")
}

func TestSelect(t *testing.T) {
	date := func(s string) deal.Date {
		d, err := deal.ParseDateBound(s)
		if err != nil {
			panic(err)
		}
		return d
	}
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"everything", Filter{}, "a,b,c,d,e"},
		{"one party", Filter{Parties: []string{"OpenAI"}}, "a,b,d,e"},
		{"all parties must take part", Filter{Parties: []string{"OpenAI", "Oracle"}}, "b"},
		{"kinds are any of", Filter{Kinds: []deal.Kind{"cloud", "compute"}}, "c,d"},
		{"status", Filter{Statuses: []deal.Status{"announced"}}, "a,b,e"},
		{"tags are all of", Filter{Tags: []string{"gpu", "custom"}}, "e"},
		{"since a month takes the whole month", Filter{Since: date("2025-09")}, "a,c,d,e"},
		{"until a month includes its days", Filter{Until: date("2025-09")}, "a,b,c"},
		{"until a day", Filter{Until: date("2025-09-21")}, "b,c"},
		{"a year", Filter{Since: date("2026"), Until: date("2026")}, "d"},
		{"min dollars uses the headline, unknown fails", Filter{MinDollars: 20e9}, "a,b,c"},
		{"min power", Filter{MinWatts: 1e9}, "a,b,e"},
		{"match hook", Filter{Match: func(d *deal.Deal) bool { return d.ID == "c" }}, "c"},
		{"nothing", Filter{Parties: []string{"Nobody"}}, ""},
	}
	for _, tt := range tests {
		if got := ids(Select(sample, &tt.f)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSortOrders(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"announced", "b,c,a,e,d"},
		{"-announced", "d,e,a,c,b"},
		{"usd", "d,c,a,b,e"},   // undisclosed last
		{"-usd", "b,a,c,d,e"},  // undisclosed last in both directions
		{"gw,id", "d,a,b,e,c"}, // no power last
		{"-gw,-id", "e,b,a,d,c"},
		{"status,id", "c,a,b,e,d"},
		{"kind", "e,c,d,a,b"},
		{"usd_low", "a,b,d,c,e"},
		{"parties", "e,a,d,b,c"},
	}
	for _, tt := range tests {
		o, err := ParseOrder(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		ds := append([]*deal.Deal(nil), sample...)
		Sort(ds, o)
		if got := ids(ds); got != tt.want {
			t.Errorf("sort %s = %s, want %s", tt.spec, got, tt.want)
		}
	}
	if _, err := ParseOrder("wealth"); err == nil || !strings.Contains(err.Error(), `cannot sort by "wealth" (use id, title, announced`) {
		t.Errorf("ParseOrder(wealth) error = %v", err)
	}
}

func TestSearch(t *testing.T) {
	ds := []*deal.Deal{
		{ID: "title", Title: "Stargate site in Abilene", Parties: []string{"OpenAI"}},
		{ID: "notes", Title: "T", Notes: "The ABILENE campus", Parties: []string{"Oracle"}},
		{ID: "party", Title: "T", Parties: []string{"Amazon"}},
		{ID: "publisher", Title: "T", Parties: []string{"Meta"}, Sources: []deal.Source{{Publisher: "Reuters"}}},
		{ID: "none", Title: "T", Parties: []string{"Meta"}, Sources: []deal.Source{{Publisher: "Bloomberg", Title: "abilene"}}},
	}
	var reg deal.Registry
	for _, p := range []deal.Party{{Name: "Amazon", Aliases: []string{"AWS", "Amazon Web Services"}}, {Name: "Meta"}, {Name: "OpenAI"}, {Name: "Oracle"}} {
		if err := reg.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ search, want string }{
		{"abilene", "title,notes"}, // a source's own title is not searched
		{"aws", "party"},           // an alias finds its party's deals
		{"amazon web", "party"},
		{"reuters", "publisher"},
		{"OPENAI", "title"},
		{"nothing like it", ""},
	} {
		f := Filter{Search: tt.search}
		f.SearchAliases(&reg)
		if got := ids(Select(ds, &f)); got != tt.want {
			t.Errorf("--search %q: got %q, want %q", tt.search, got, tt.want)
		}
	}
}
