package deal

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseMoney(t *testing.T) {
	const b = 1_000_000_000
	tests := []struct {
		in         string
		currency   string
		q          Qualifier
		lo, hi     int64
		canon, hum string
	}{
		{"EUR 5.5B", "EUR", Exact, 5500 * 1_000_000, 5500 * 1_000_000, "EUR 5.5B", "€5.5B"},
		{"€5.5B", "EUR", Exact, 5500 * 1_000_000, 5500 * 1_000_000, "EUR 5.5B", "€5.5B"},
		{"GBP 5B", "GBP", Exact, 5 * b, 5 * b, "GBP 5B", "£5B"},
		{"up to £5 billion", "GBP", UpTo, 5 * b, 5 * b, "up to GBP 5B", "≤£5B"},
		{"¥1 trillion", "JPY", Exact, 1000 * b, 1000 * b, "JPY 1T", "¥1T"},
		{"jpy 1T", "JPY", Exact, 1000 * b, 1000 * b, "JPY 1T", "¥1T"},
		{"at least SAR 10B", "SAR", AtLeast, 10 * b, 10 * b, "at least SAR 10B", "≥SAR 10B"},
		{"EUR 30B-50B", "EUR", Range, 30 * b, 50 * b, "EUR 30B-50B", "€30B–50B"},
		{"EUR 30B-EUR 50B", "EUR", Range, 30 * b, 50 * b, "EUR 30B-50B", "€30B–50B"},
		{"INR 50,000 crore", "INR", Exact, 500 * b, 500 * b, "INR 500B", "₹500B"},
		{"nearly AUD 7B", "AUD", Nearly, 7 * b, 7 * b, "nearly AUD 7B", "≲AUD 7B"},
	}
	for _, tt := range tests {
		m, err := ParseMoney(tt.in)
		if err != nil {
			t.Errorf("ParseMoney(%q): %v", tt.in, err)
			continue
		}
		if m.Currency != tt.currency || m.Q != tt.q || m.Lo != tt.lo || m.Hi != tt.hi {
			t.Errorf("ParseMoney(%q) = %s %v %d..%d, want %s %v %d..%d", tt.in, m.Currency, m.Q, m.Lo, m.Hi, tt.currency, tt.q, tt.lo, tt.hi)
		}
		if m.String() != tt.canon || m.Human() != tt.hum {
			t.Errorf("ParseMoney(%q) prints %q / %q, want %q / %q", tt.in, m.String(), m.Human(), tt.canon, tt.hum)
		}
		if back, err := ParseMoney(m.String()); err != nil || back != m {
			t.Errorf("%q does not read back: %+v, %v", m.String(), back, err)
		}
	}
	for in, want := range map[string]string{
		"":            "empty",
		"undisclosed": "write dollars: undisclosed",
		"$5B":         "US dollars go in dollars",
		"USD 5B":      "US dollars go in dollars",
		"ABC 5B":      `unknown currency "ABC"`,
		"5B EUR":      "write the currency first",
		"EUR 5 GW":    "power, not money",
		"EUR -5B":     "negative",
		"EUR 5Q":      `unknown scale "Q"`,
	} {
		if _, err := ParseMoney(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMoney(%q) error = %v, want it to contain %q", in, err, want)
		}
	}
}

// FuzzParseMoney: whatever ParseMoney accepts prints in a form that reads
// back to the same figure, and no input makes it panic or flood a terminal.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"EUR 5.5B", "€5.5B", "up to £5B", "¥1 trillion", "EUR 30B-50B", "INR 1,000 crore", "SAR", "€"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if len(err.Error()) > maxErrLen || !utf8.ValidString(err.Error()) && utf8.ValidString(s) {
				t.Fatalf("error for %q is %d bytes", s, len(err.Error()))
			}
			return
		}
		_ = m.Human()
		if m.Lo < 0 || m.Hi < m.Lo {
			t.Fatalf("ParseMoney(%q) = %+v: ends out of order", s, m)
		}
		back, err := ParseMoney(m.String())
		if err != nil || back != m {
			t.Fatalf("ParseMoney(%q) = %+v prints %q, which reads back as %+v, %v", s, m, m.String(), back, err)
		}
	})
}

func TestParseCountry(t *testing.T) {
	for in, want := range map[string]string{
		"US": "US", "us": "US", "United States": "US", "USA": "US", "united kingdom": "GB", "UK": "GB",
		"England": "GB", "UAE": "AE", "United Arab Emirates": "AE", "South Korea": "KR", "Saudi Arabia": "SA", "NO": "NO", "Norway": "NO",
	} {
		if got, err := ParseCountry(in); err != nil || got != want {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{"XX": "not an ISO 3166 country code", "Atlantis": "unknown country", "Norwey": "did you mean Norway?"} {
		if _, err := ParseCountry(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseCountry(%q) error = %v, want %q", in, err, want)
		}
	}
}

func TestAsOf(t *testing.T) {
	date := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	amount := func(s string) Amount { a, _ := ParseAmount(s); return a }
	d := &Deal{
		ID: "loi", Title: "T", Kind: "investment", Parties: []string{"A"}, Sources: []Source{{Publisher: "P", Title: "T"}},
		Announced: date("2025-09-22"), Status: "revised", Dollars: amount("$30B"), SupersededBy: "stake",
		Power: amount2power(t, "at least 10 GW"),
		Updates: []Update{
			{Date: date("2025-09-22"), Status: "announced", Dollars: amount("up to $100B")},
			{Date: date("2026-01"), Note: "reports say the plan stalled"},
			{Date: date("2026-03-04"), Status: "revised", Dollars: amount("$30B"), SupersededBy: "stake"},
		},
	}
	tests := []struct {
		on         string
		gone       bool
		status     Status
		dollars    string
		superseded string
		updates    int
	}{
		{on: "2025-09-21", gone: true},
		{on: "2025-09-22", status: "announced", dollars: "up to $100B", updates: 1},
		{on: "2025-12-31", status: "announced", dollars: "up to $100B", updates: 1},
		{on: "2026-01-05", status: "announced", dollars: "up to $100B", updates: 2}, // a month-only update counts from its first day
		{on: "2026-03-04", status: "revised", dollars: "$30B", superseded: "stake", updates: 3},
	}
	for _, tt := range tests {
		got := d.AsOf(date(tt.on))
		if tt.gone {
			if got != nil {
				t.Errorf("AsOf(%s) = %+v, want nil (not yet announced)", tt.on, got)
			}
			continue
		}
		if got.Status != tt.status || got.Dollars.String() != tt.dollars || got.SupersededBy != tt.superseded || len(got.Updates) != tt.updates {
			t.Errorf("AsOf(%s) = %s %s %q %d updates; want %s %s %q %d", tt.on, got.Status, got.Dollars, got.SupersededBy, len(got.Updates), tt.status, tt.dollars, tt.superseded, tt.updates)
		}
		if got.Power.String() != "at least 10 GW" {
			t.Errorf("AsOf(%s): power %s, want it unchanged (no update sets it)", tt.on, got.Power)
		}
	}
	if d.AsOf(date("2026-12-01")) != d {
		t.Error("AsOf after the last update should be the deal itself")
	}
	if errs := d.Validate(); len(errs) != 0 {
		t.Errorf("the example deal should be valid: %v", errs)
	}
}

func amount2power(t *testing.T, s string) Power {
	p, err := ParsePower(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateVersion2Rules(t *testing.T) {
	base := func() *Deal {
		d, _ := ParseDate("2025-09-22")
		return &Deal{ID: "x-deal", Title: "T", Announced: d, Status: "announced", Kind: "investment", Parties: []string{"A"},
			Sources: []Source{{Publisher: "P", Title: "T", URL: "https://example.com/a"}}}
	}
	later, _ := ParseDate("2026-01-01")
	tests := []struct {
		name  string
		edit  func(*Deal)
		field string
		msg   string
	}{
		{"title and description", func(d *Deal) { d.Sources[0].Description = "D" }, "sources[0].description", "not both"},
		{"neither", func(d *Deal) { d.Sources[0].Title = "" }, "sources[0].title", "description instead"},
		{"relative url", func(d *Deal) { d.Sources[0].URL = "example.com/a" }, "sources[0].url", "https://"},
		{"url without host", func(d *Deal) { d.Sources[0].URL = "https:///a" }, "sources[0].url", "needs a host"},
		{"via without url", func(d *Deal) { d.Sources[0].URL, d.Sources[0].Via = "", "Host" }, "sources[0].via", "give its url"},
		{"self-replacing", func(d *Deal) { d.SupersededBy = "x-deal" }, "superseded_by", "cannot replace itself"},
		{"reported unknown", func(d *Deal) { d.Reported = []string{"valuation"} }, "reported[0]", "unknown figure"},
		{"reported absent", func(d *Deal) { d.Reported = []string{"dollars"} }, "reported[0]", "states no dollars"},
		{"empty location", func(d *Deal) { d.Locations = []Location{{}} }, "location[0]", "give a site"},
		{"empty update", func(d *Deal) { d.Updates = []Update{{Date: later}} }, "updates[0]", "says what changed"},
		{"stale top", func(d *Deal) { d.Updates = []Update{{Date: later, Status: "signed"}} }, "status", "says signed"},
		{"update source", func(d *Deal) { d.Updates = []Update{{Date: later, Note: "n", Sources: []Source{{Publisher: "P"}}}} }, "updates[0].sources[0].title", "required"},
	}
	for _, tt := range tests {
		d := base()
		tt.edit(d)
		errs := d.Validate()
		found := false
		for _, e := range errs {
			found = found || e.Field == tt.field && strings.Contains(e.Msg, tt.msg)
		}
		if !found {
			t.Errorf("%s: want %s: …%s…, got %v", tt.name, tt.field, tt.msg, errs)
		}
	}
	if errs := base().Validate(); len(errs) != 0 {
		t.Errorf("base deal: %v", errs)
	}
}
