package dealfile

import (
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// collect is a Reporter that keeps every problem.
type collect struct{ msgs []string }

func (c *collect) Report(n *yaml.Node, warning bool, msg string) { c.msgs = append(c.msgs, msg) }
func (c *collect) ErrorAt(*yaml.Node) bool                       { return false }
func (c *collect) Strict() bool                                  { return true }

// everyField is a deal with every field of the file set, nested items
// included.
func everyField(t *testing.T) *deal.Deal {
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	date := func(s string) deal.Date { d, err := deal.ParseDate(s); must(err); return d }
	amount := func(s string) deal.Amount { a, err := deal.ParseAmount(s); must(err); return a }
	money := func(s string) deal.Money { m, err := deal.ParseMoney(s); must(err); return m }
	power := func(s string) deal.Power { p, err := deal.ParsePower(s); must(err); return p }
	src := deal.Source{Publisher: "Reuters", Title: "A headline", Description: "", URL: "https://example.com/a", Via: "Example", Kind: "press", Date: date("2025-09-22")}
	desc := deal.Source{Publisher: "Reuters", Description: "a report", URL: "https://example.com/b", Via: "Example", Kind: "copy", Date: date("2025-09-23")}
	return &deal.Deal{
		ID: "every-field", Title: "Every field", Announced: date("2025-09-22"), Status: "revised", Kind: "investment",
		Parties: []string{"NVIDIA", "OpenAI"}, Dollars: amount("$30B"), Amount: money("EUR 5.5B"), Power: power("at least 10 GW"),
		Valuation: amount("$500B"), Horizon: "by 2030",
		Locations: []deal.Location{{Site: "Abilene", Region: "Texas", Country: "US"}},
		PartOf:    "umbrella", SupersededBy: "successor", Reported: []string{"dollars"},
		Flows:   []deal.Flow{{From: "NVIDIA", To: "OpenAI", Dollars: amount("up to $100B"), Amount: money("£1B"), For: "equity"}},
		Sources: []deal.Source{src, desc},
		Tags:    []string{"gpu"},
		Notes:   "Two lines\nof notes.\n",
		Updates: []deal.Update{
			{Date: date("2025-09-22"), Status: "announced", Dollars: amount("up to $100B"), Amount: money("EUR 1B"), Power: power("10 GW"), Note: "first", Sources: []deal.Source{src}},
			{Date: date("2026-03-04"), Status: "revised", Dollars: amount("$30B"), Amount: money("EUR 5.5B"), Power: power("at least 10 GW"),
				SupersededBy: "successor", Note: "replaced", Sources: []deal.Source{src, desc}},
		},
	}
}

// zeroFields lists the paths of fields left at their zero value under v,
// so that a field the test deal forgets cannot hide a key missing from
// the schema.
func zeroFields(v reflect.Value, path string, skip map[string]bool) []string {
	if skip[path] {
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type().PkgPath() == "github.com/dealtrack/dealtrack/internal/deal" && v.NumField() > 0 && !v.Type().Field(0).IsExported() {
			if v.IsZero() { // a figure: its unexported parts are read through its methods
				return []string{path}
			}
			return nil
		}
		var out []string
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() {
				out = append(out, zeroFields(v.Field(i), path+"."+f.Name, skip)...)
			} else if !f.Anonymous {
				continue
			} else if v.Field(i).IsZero() {
				out = append(out, path+"."+f.Name)
			}
		}
		return out
	case reflect.Slice:
		if v.Len() == 0 {
			return []string{path}
		}
		var out []string
		for i := range v.Len() {
			out = append(out, zeroFields(v.Index(i), path+"[]", skip)...)
		}
		return out
	}
	if v.IsZero() {
		return []string{path}
	}
	return nil
}

// TestSchemaRoundTrip writes a deal with every field set and reads it back:
// a key missing from the encoder or the decoder loses a field and fails.
func TestSchemaRoundTrip(t *testing.T) {
	d := everyField(t)
	// Description and Title are exclusive per source; each is set in one of the two sources.
	skip := map[string]bool{".Sectors": true, ".Sources[].Description": true, ".Sources[].Title": true,
		".Updates[].Sources[].Description": true, ".Updates[].Sources[].Title": true, ".Updates[].SupersededBy": true}
	if zero := zeroFields(reflect.ValueOf(d).Elem(), "", skip); len(zero) > 0 {
		t.Fatalf("the test deal leaves fields unset, so the round trip cannot check them: %v", zero)
	}
	out, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var c collect
	got, _ := Decode(&c, doc.Content[0], d.ID, nil)
	for _, m := range c.msgs {
		t.Errorf("decoding the written file: %s", m)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("written and read back:\n got %+v\nwant %+v\nfile:\n%s", got, d, out)
	}
	if canon, err := Canonical(out); err != nil || string(canon) != string(out) {
		t.Errorf("Encode's output is not canonical (%v):\n%s\n---\n%s", err, out, canon)
	}
	for _, key := range DealSchema.Keys {
		if !strings.Contains(string(out), "\n"+key+":") && !strings.HasPrefix(string(out), key+":") {
			t.Errorf("key %s is not written", key)
		}
	}
}

// TestRegistryKeys reads a party with every key of the registry set.
func TestRegistryKeys(t *testing.T) {
	var doc yaml.Node
	src := "NVIDIA: {aliases: [Nvidia], kind: company, sector: chipmaker, ticker: NVDA, country: united states}\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var c collect
	reg := DecodeRegistry(&c, doc.Content[0])
	if len(c.msgs) > 0 || len(reg.Parties) != 1 {
		t.Fatalf("problems %v, parties %v", c.msgs, reg.Parties)
	}
	want := deal.Party{Name: "NVIDIA", Aliases: []string{"Nvidia"}, Kind: "company", Sector: "chipmaker", Ticker: "NVDA", Country: "US"}
	if !reflect.DeepEqual(reg.Parties[0], want) {
		t.Errorf("got %+v, want %+v", reg.Parties[0], want)
	}
	if zero := zeroFields(reflect.ValueOf(reg.Parties[0]), "", nil); len(zero) > 0 {
		t.Errorf("registry keys decode no value into %v", zero)
	}
}
