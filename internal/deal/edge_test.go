package deal

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
)

// TestFiguresAtTheEdges pins down the odd forms: each is read exactly or
// refused with a message that says what would be right. The README's
// "Figures at the edges" lists the same decisions.
func TestFiguresAtTheEdges(t *testing.T) {
	checkEdges(t, "ParseAmount", func(s string) (string, error) { a, err := ParseAmount(s); return a.String(), err }, []edge{
		{"0", "$0"},
		{"$0", "$0"},
		{"0-$5B", "$0-$5B"},
		{"1e10", "$10B"},
		{"1E10", "$10B"},
		{"2.5e9", "$2.5B"},
		{"1e+10", "$10B"},
		{"5e-1B", "$500M"},
		{"1e-3", "error: more decimals than its unit allows: figures are whole dollars (round it)"},
		{"1e19", "error: too large (figures go up to about $9223372T)"},
		{"1e400", "error: exponent out of range"},
		{"$1,000,000", "$1M"},
		{"$5,000B", "$5T"},
		{"5,5B", "error: commas separate thousands; write decimals with a point (5.5)"},
		{"1,00,000", "error: commas must separate groups of three digits"},
		{"1,000,", "error: commas must separate groups of three digits"},
		{"-5B", "error: negative figure"},
		{"$-5B", "error: negative figure"},
		{"−5B", "error: negative figure"},
		{"+5B", "error: a figure takes no sign (write the amount itself, 5B)"},
		{"NaN", "error: not a figure (write for example $10B or undisclosed)"},
		{".nan", "error: not a figure"},
		{".inf", "error: not a figure"},
		{"-.inf", "error: negative figure"},
		{"Infinity", "error: not a figure"},
		{".5B", "$500M"},
		{"5.B", `error: "5.": a decimal point needs digits after it`},
		{"$0.5", "error: figures are whole dollars (round it)"},
		{"$1.0000000005B", "error: figures are whole dollars"},
		{"0x10", "error: write figures in decimal digits, not hexadecimal"},
		{"0o17", "error: write figures in decimal digits"},
		{"0b101", "error: write figures in decimal digits"},
		{"017", "$17"},
		{"1_000", "error: no underscores in numbers (write 1000, or group thousands with commas)"},
		{"9223372036854775807", "$9223372.036854775807T"},
		{"9223372036854775808", "error: too large"},
		{strings.Repeat("9", 5000), "error: too large"},
		{strings.Repeat("0", 5000) + "5", "$5"},
		{"５B", "error: write digits as 0-9"},
		{"٥B", "error: write digits as 0-9"},
		{"＄5B", "error: write the dollar sign as $"},
		{"US$5B", "$5B"},
		{"us$5B-US$6B", "$5B-$6B"},
		{"10B usd", "$10B"},
		{"S$5B", "error: only US dollars (found s$"},
		{"5B-", "error: a range needs a figure at each end (for example $10B-$20B)"},
		{"~", "error: not a figure"},
		{"≤", "error: not a figure"},
		{"$10-$20 billion", "$10B-$20B"},
		{"$10-$10K", "$10K-$10K"}, // the low end takes the high end's scale
		{"$10 USD-$10K", "$10 USD-$10K"},
		{"ȺȺȺȺȺ to x", "error: not a figure"},
	})
}

func TestPowerAtTheEdges(t *testing.T) {
	checkEdges(t, "ParsePower", func(s string) (string, error) { p, err := ParsePower(s); return p.String(), err }, []edge{
		{"0", "0 GW"},
		{"10 gW", "10 GW"},
		{"10 Gw", "10 GW"},
		{"10 gw", "10 GW"},
		{"300 Mw", "300 MW"},
		{"300 mw", "300 MW"},
		{"300 mW", "error: mW is milliwatts; write MW for megawatts"},
		{"1500 KW", "1.5 MW"},
		{"1e-3", "1 MW"},
		{"1e-9 GW", "0.000001 MW"},
		{"1e-10 GW", "error: figures are whole watts (round it)"},
		{"1e10", "error: too large (figures go up to about 9223372037 GW)"},
		{"1,000.5", "1000.5 GW"},
		{"5 TW", `error: unknown unit "TW" after 5 (use GW or MW)`},
		{"5 W", `error: unknown unit "W"`},
		{"10 GWh", "error: GWh is energy"},
		{"+1 GW", "error: a figure takes no sign"},
		{"0x10 GW", "error: write figures in decimal digits"},
		{".inf", "error: not a figure (write for example 10 GW or undisclosed)"},
		{"１0 GW", "error: write digits as 0-9"},
		{"1 GW-", "error: a range needs a figure at each end (for example 10 GW-20 GW)"},
	})
}

func TestDatesAtTheEdges(t *testing.T) {
	checkEdges(t, "ParseDate", func(s string) (string, error) { d, err := ParseDate(s); return d.String(), err }, []edge{
		{"2024-02-29", "2024-02-29"},
		{"2025-02-29", "error: not a date"},
		{"0000-01-01", "error: year 0000 does not exist"},
		{"0000-01", "error: year 0000 does not exist"},
		{"0001-01-01", "0001-01-01"},
		{"9999-12", "9999-12"},
		{"2025-9-22", "error: not a date"},
		{"2025-09-22T10:00:00Z", "error: not a date"},
		{"+2025-09", "error: not a date"},
		{"２０２５-09-22", "error: not a date"},
	})
	if d, err := ParseDateBound("0000"); err == nil {
		t.Errorf(`ParseDateBound("0000") = %+v, want an error`, d)
	}
}

// edge is an input and what it reads as: its canonical form, or
// "error: " and part of the message.
type edge struct{ in, want string }

func checkEdges(t *testing.T, fn string, parse func(string) (string, error), edges []edge) {
	t.Helper()
	for _, e := range edges {
		got, err := parse(e.in)
		wantErr, isErr := strings.CutPrefix(e.want, "error: ")
		switch {
		case isErr && err == nil:
			t.Errorf("%s(%q) = %q, want an error containing %q", fn, short(e.in), got, wantErr)
		case isErr && !strings.Contains(err.Error(), wantErr):
			t.Errorf("%s(%q) error = %q, want it to contain %q", fn, short(e.in), err, wantErr)
		case !isErr && err != nil:
			t.Errorf("%s(%q): %v, want %q", fn, short(e.in), err, e.want)
		case !isErr && got != e.want:
			t.Errorf("%s(%q) = %q, want %q", fn, short(e.in), got, e.want)
		}
	}
}

func TestTitleCap(t *testing.T) {
	d := Deal{ID: "a-deal", Announced: Date{2025, 9, 22}, Status: "announced", Kind: "chips", Parties: []string{"NVIDIA"},
		Sources: []Source{{Publisher: "Someone", Title: "A report"}}}
	for _, tt := range []struct {
		chars int
		want  string
	}{{MaxTitleLen, ""}, {MaxTitleLen + 1, "title: 1001 characters; a title is at most 1000 (put the rest in notes)"}} {
		d.Title = strings.Repeat("é", tt.chars)
		got := ""
		if errs := d.Validate(); len(errs) > 0 {
			got = errs[0].Error()
		}
		if got != tt.want {
			t.Errorf("a title of %d characters: %q, want %q", tt.chars, got, tt.want)
		}
	}
}

// TestPlainURL: what the fast path accepts, url.Parse accepts as an
// http(s) URL with a host, over random strings from URL characters.
func TestPlainURL(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	heads := []string{"https://", "http://", "HTTPS://", "https:/", "ftp://", "https://user@", ""}
	alphabet := "aZ09.-/?#_~=&+,;:@!$*()'%[] \t\"<>\\^`{|}é\x00\x7f"
	for range 200000 {
		b := []byte(heads[rng.IntN(len(heads))])
		for range rng.IntN(20) {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		s := string(b)
		if !plainURL(s) {
			continue
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
			t.Fatalf("plainURL(%q) but url.Parse: %v, %+v", s, err, u)
		}
	}
	for _, s := range []string{"https://www.reuters.com/technology/nvidia-openai-2025-09-22/", "http://a.b/c?d=e#f"} {
		if !plainURL(s) {
			t.Errorf("plainURL(%q) = false", s)
		}
	}
}

// TestDollarsRefuseEveryCurrency: each currency name or sign, in any
// case and place, makes a dollar figure an error.
func TestDollarsRefuseEveryCurrency(t *testing.T) {
	for _, c := range currencies {
		for _, s := range []string{c + "5B", "up to 5B " + strings.ToUpper(c), "about " + c + " 5 billion"} {
			if _, err := ParseAmount(s); err == nil || !strings.Contains(err.Error(), "only US dollars") {
				t.Errorf("ParseAmount(%q): %v", s, err)
			}
		}
	}
}
