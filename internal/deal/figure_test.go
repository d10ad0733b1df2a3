package deal

import (
	"strings"
	"testing"
)

const (
	k = int64(1_000)
	m = int64(1_000_000)
	b = int64(1_000_000_000)
	t = int64(1_000_000_000_000)
)

func TestParseAmount(t_ *testing.T) {
	tests := []struct {
		in     string
		q      Qualifier
		lo, hi int64
	}{
		{"100000000000", Exact, 100 * b, 100 * b},
		{"$100B", Exact, 100 * b, 100 * b},
		{"100B", Exact, 100 * b, 100 * b},
		{"$1.4T", Exact, 1400 * b, 1400 * b},
		{"$500M", Exact, 500 * m, 500 * m},
		{"$750K", Exact, 750 * k, 750 * k},
		{"100 billion", Exact, 100 * b, 100 * b},
		{"1.2 trillion", Exact, 1200 * b, 1200 * b},
		{"$2.5bn", Exact, 2500 * m, 2500 * m},
		{"$11.9B", Exact, 11900 * m, 11900 * m},
		{"$17.4 billion", Exact, 17400 * m, 17400 * m},
		{"$6.3b", Exact, 6300 * m, 6300 * m},
		{"$350m", Exact, 350 * m, 350 * m},
		{"$1.5 million", Exact, 1500 * k, 1500 * k},
		{"$0.35B", Exact, 350 * m, 350 * m},
		{"$1,000,000", Exact, m, m},
		{"1e10", Exact, 10 * b, 10 * b},
		{"$2.5e9", Exact, 2500 * m, 2500 * m},
		{"$0", Exact, 0, 0},
		{"$123", Exact, 123, 123},
		{"$9.7B", Exact, 9700 * m, 9700 * m},
		{"10B USD", Exact, 10 * b, 10 * b},
		{"up to $100B", UpTo, 100 * b, 100 * b},
		{"Up To $500B", UpTo, 500 * b, 500 * b},
		{"≤$100B", UpTo, 100 * b, 100 * b},
		{"over $10B", Over, 10 * b, 10 * b},
		{"more than $10B", Over, 10 * b, 10 * b},
		{"at least $10B", AtLeast, 10 * b, 10 * b},
		{"≥$10B", AtLeast, 10 * b, 10 * b},
		{">$10B", Over, 10 * b, 10 * b},
		{"nearly $7B", Nearly, 7 * b, 7 * b},
		{"almost $7B", Nearly, 7 * b, 7 * b},
		{"roughly $7B", About, 7 * b, 7 * b},
		{">$10B", Over, 10 * b, 10 * b},
		{"~$10B", About, 10 * b, 10 * b},
		{"about $40B", About, 40 * b, 40 * b},
		{"approximately $20B", About, 20 * b, 20 * b},
		{"$10B-$20B", Range, 10 * b, 20 * b},
		{"$10B - $20B", Range, 10 * b, 20 * b},
		{"$10B to $20B", Range, 10 * b, 20 * b},
		{"$17.4B–$19.4B", Range, 17400 * m, 19400 * m},
		{"$10-20B", Range, 10 * b, 20 * b},
		{"undisclosed", Undisclosed, 0, 0},
		{"Undisclosed", Undisclosed, 0, 0},
		{"9223372036854775807", Exact, 9223372036854775807, 9223372036854775807},
		{"$9223372.036854775807T", Exact, 9223372036854775807, 9223372036854775807},
	}
	for _, tt := range tests {
		a, err := ParseAmount(tt.in)
		if err != nil {
			t_.Errorf("ParseAmount(%q): %v", tt.in, err)
			continue
		}
		if a.Q != tt.q || a.Lo != tt.lo || a.Hi != tt.hi {
			t_.Errorf("ParseAmount(%q) = %v %d..%d, want %v %d..%d", tt.in, a.Q, a.Lo, a.Hi, tt.q, tt.lo, tt.hi)
		}
	}
}

func TestParseAmountRefusals(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty figure"},
		{"   ", "empty figure"},
		{"$100Q", `unknown scale "Q" (use K, M, B or T)`},
		{"€100B", "only US dollars"},
		{"100 EUR", "only US dollars"},
		{"£5B", "only US dollars"},
		{"¥1T", "only US dollars"},
		{"$30B a year", `unexpected "a year"`},
		{"-5B", "negative figure"},
		{"$10 GW", "power, not money"},
		{"$1.0000000005", "more decimals"},
		{"$0.5", "more decimals"},
		{"9223372036854775808", "too large"},
		{"$100T000", `unknown scale "T000"`},
		{"$10000000T", "too large"},
		{"1e400", "exponent out of range"},
		{"NaN", "not a figure"},
		{"Inf", "not a figure"},
		{"tens of billions", "not a figure"},
		{"$20B-$10B", "runs backwards"},
		{"up to $10B-$20B", "a range takes no qualifier"},
		{"$1,00,000", "groups of three"},
		{"$1.2.3B", "not a number"},
		{"$", "not a figure"},
		{"up to", "not a figure"},
	}
	for _, tt := range tests {
		_, err := ParseAmount(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseAmount(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestParsePower(t *testing.T) {
	tests := []struct {
		in     string
		q      Qualifier
		lo, hi int64
	}{
		{"10 GW", Exact, 10 * b, 10 * b},
		{"10GW", Exact, 10 * b, 10 * b},
		{"750 MW", Exact, 750 * m, 750 * m},
		{"1.2 gigawatts", Exact, 1200 * m, 1200 * m},
		{"500 megawatts", Exact, 500 * m, 500 * m},
		{"1 gigawatt", Exact, b, b},
		{"10", Exact, 10 * b, 10 * b},
		{"0.05", Exact, 50 * m, 50 * m},
		{"4.5 GW", Exact, 4500 * m, 4500 * m},
		{"up to 750 MW", UpTo, 750 * m, 750 * m},
		{"over 2 GW", Over, 2 * b, 2 * b},
		{"at least 10 GW", AtLeast, 10 * b, 10 * b},
		{"nearly 7 GW", Nearly, 7 * b, 7 * b},
		{"about 7 GW", About, 7 * b, 7 * b},
		{"~1 GW", About, b, b},
		{"1-2 GW", Range, b, 2 * b},
		{"230 MW to 520 MW", Range, 230 * m, 520 * m},
		{"500 MW-1.2 GW", Range, 500 * m, 1200 * m},
		{"10 gW", Exact, 10 * b, 10 * b},
		{"300 Mw", Exact, 300 * m, 300 * m},
		{"undisclosed", Undisclosed, 0, 0},
		{"1500 kW", Exact, 1500 * k, 1500 * k},
	}
	for _, tt := range tests {
		p, err := ParsePower(tt.in)
		if err != nil {
			t.Errorf("ParsePower(%q): %v", tt.in, err)
			continue
		}
		if p.Q != tt.q || p.Lo != tt.lo || p.Hi != tt.hi {
			t.Errorf("ParsePower(%q) = %v %d..%d, want %v %d..%d", tt.in, p.Q, p.Lo, p.Hi, tt.q, tt.lo, tt.hi)
		}
	}
}

func TestParsePowerRefusals(t *testing.T) {
	tests := []struct{ in, want string }{
		{"10 GWh", "GWh is energy; give power in GW or MW"},
		{"87.6 TWh", "TWh is energy"},
		{"$10B", "not dollars"},
		{"10 horsepower", `unknown unit "horsepower"`},
		{"-1 GW", "negative figure"},
		{"0.0000000001 GW", "more decimals"},
		{"", "empty figure"},
		{"2 GW-1 GW", "runs backwards"},
		{"lots", "not a figure"},
	}
	for _, tt := range tests {
		_, err := ParsePower(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParsePower(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestAmountPrinting(t *testing.T) {
	tests := []struct {
		a            Amount
		canon, human string
	}{
		{Dollars(100 * b), "$100B", "$100B"},
		{Dollars(1400 * b), "$1.4T", "$1.4T"},
		{Dollars(750 * m), "$750M", "$750M"},
		{Dollars(750 * k), "$750K", "$750K"},
		{Dollars(123), "$123", "$123"},
		{Dollars(1234567891), "$1.234567891B", "$1.235B"},
		{Dollars(999_999_999_999), "$999.999999999B", "$1000B"},
		{NewAmount(UpTo, 100*b, 100*b), "up to $100B", "≤$100B"},
		{NewAmount(Over, 10*b, 10*b), "over $10B", ">$10B"},
		{NewAmount(About, 40*b, 40*b), "about $40B", "~$40B"},
		{NewAmount(AtLeast, 10*b, 10*b), "at least $10B", "≥$10B"},
		{NewAmount(Nearly, 7*b, 7*b), "nearly $7B", "≲$7B"},
		{NewAmount(Range, 17400*m, 19400*m), "$17.4B-$19.4B", "$17.4B–$19.4B"},
		{NewAmount(Undisclosed, 0, 0), "undisclosed", "undisclosed"},
		{Amount{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.a.String(); got != tt.canon {
			t.Errorf("String() = %q, want %q", got, tt.canon)
		}
		if got := tt.a.Human(); got != tt.human {
			t.Errorf("Human() = %q, want %q", got, tt.human)
		}
		if tt.a.Q == None {
			continue
		}
		back, err := ParseAmount(tt.a.String())
		if err != nil || back != tt.a {
			t.Errorf("ParseAmount(%q) = %+v, %v; want %+v", tt.a.String(), back, err, tt.a)
		}
	}
}

func TestPowerPrinting(t *testing.T) {
	tests := []struct {
		p            Power
		canon, human string
	}{
		{Watts(10 * b), "10 GW", "10 GW"},
		{Watts(1200 * m), "1.2 GW", "1.2 GW"},
		{Watts(750 * m), "750 MW", "750 MW"},
		{Watts(230 * m), "230 MW", "230 MW"},
		{Watts(1500 * k), "1.5 MW", "1.5 MW"},
		{NewPower(UpTo, 750*m, 750*m), "up to 750 MW", "≤750 MW"},
		{NewPower(AtLeast, 10*b, 10*b), "at least 10 GW", "≥10 GW"},
		{NewPower(Range, b, 2*b), "1 GW-2 GW", "1 GW–2 GW"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.canon {
			t.Errorf("String() = %q, want %q", got, tt.canon)
		}
		if got := tt.p.Human(); got != tt.human {
			t.Errorf("Human() = %q, want %q", got, tt.human)
		}
		back, err := ParsePower(tt.p.String())
		if err != nil || back != tt.p {
			t.Errorf("ParsePower(%q) = %+v, %v; want %+v", tt.p.String(), back, err, tt.p)
		}
	}
}

func TestBounds(t *testing.T) {
	tests := []struct {
		in                  string
		headline, low, high int64
	}{
		{"$10B", 10 * b, 10 * b, 10 * b},
		{"up to $100B", 100 * b, 0, 100 * b},
		{"over $10B", 10 * b, 10 * b, 10 * b},
		{"about $40B", 40 * b, 40 * b, 40 * b},
		{"$17.4B-$19.4B", 18400 * m, 17400 * m, 19400 * m},
	}
	for _, tt := range tests {
		a, err := ParseAmount(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			b    Bound
			want int64
		}{{Headline, tt.headline}, {Low, tt.low}, {High, tt.high}} {
			if got, ok := a.Value(c.b); !ok || got != c.want {
				t.Errorf("%q at %v = %d, %v; want %d", tt.in, c.b, got, ok, c.want)
			}
		}
	}
	if _, ok := (Amount{}).Value(Headline); ok {
		t.Error("an absent amount has a value")
	}
	if _, ok := NewAmount(Undisclosed, 0, 0).Value(High); ok {
		t.Error("an undisclosed amount has a value")
	}
}
