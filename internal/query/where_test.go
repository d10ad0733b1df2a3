package query

import (
	"errors"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// testDeals are three deals: one with every figure, one undisclosed, one
// known only by month and part of another.
func testDeals(t *testing.T) map[string]*deal.Deal {
	t.Helper()
	amount := func(s string) deal.Amount {
		a, err := deal.ParseAmount(s)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	power := func(s string) deal.Power {
		p, err := deal.ParsePower(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	return map[string]*deal.Deal{
		"big": {ID: "nvidia-openai-10gw", Title: "NVIDIA to invest up to $100B in OpenAI",
			Announced: deal.Date{Year: 2025, Month: 9, Day: 22}, Status: "announced", Kind: "investment",
			Parties: []string{"NVIDIA", "OpenAI"}, Dollars: amount("up to $100B"), Power: power("10 GW"),
			Tags: []string{"gpu"}},
		"secret": {ID: "oracle-meta-cloud-talks", Title: "Oracle and Meta in talks",
			Announced: deal.Date{Year: 2025, Month: 9, Day: 19}, Status: "in-talks", Kind: "cloud",
			Parties: []string{"Meta", "Oracle"}, Dollars: amount("undisclosed")},
		"month": {ID: "stargate-uae", Title: "Stargate UAE", Announced: deal.Date{Year: 2025, Month: 5},
			Status: "announced", Kind: "compute", Parties: []string{"OpenAI", "G42"},
			Dollars: amount("$10B-$20B"), Power: power("1 GW"), PartOf: "stargate", Valuation: amount("$300B")},
	}
}

func TestWhereMatches(t *testing.T) {
	ds := testDeals(t)
	tests := []struct {
		expr string
		want []string // the keys of testDeals that match, in order big, secret, month
	}{
		{`usd > 1e9`, []string{"big", "month"}},
		{`usd == nil`, []string{"secret"}},
		{`usd != nil`, []string{"big", "month"}},
		{`not (usd > 1e9)`, []string{"secret"}},
		{`usd <= 1e9`, nil},
		{`usd >= 10e9 and "OpenAI" in parties and year >= 2025`, []string{"big", "month"}},
		{`dollars >= 100e9`, []string{"big"}},
		{`usd_low == 0`, []string{"big"}},
		{`usd == 15e9 and usd_low == 10e9 and usd_high == 20e9`, []string{"month"}},
		{`usd_qualifier == "undisclosed"`, []string{"secret"}},
		{`usd_qualifier == "up to"`, []string{"big"}},
		{`gw_qualifier == nil`, []string{"secret"}},
		{`gw > 1 or kind == "cloud"`, []string{"big", "secret"}},
		{`gigawatts >= 1`, []string{"big", "month"}},
		{`usd / gw > 9e9`, []string{"big", "month"}},
		{`usd / gw < 1e20`, []string{"big", "month"}},
		{`-usd < 0`, []string{"big", "month"}},
		{`(usd ?? 0) < 1`, []string{"secret"}},
		{`announced >= date("2025-06-01")`, []string{"big", "secret"}},
		{`announced == date("2025-05")`, []string{"month"}},
		{`announced < date("2025")`, nil},
		{`announced.Year() == 2025`, []string{"big", "secret", "month"}},
		{`month == 5 and quarter == 2`, []string{"month"}},
		{`quarter == 3`, []string{"big", "secret"}},
		{`status == "in-talks"`, []string{"secret"}},
		{`part_of == "stargate"`, []string{"month"}},
		{`part_of == nil`, []string{"big", "secret"}},
		{`part_of startsWith "star"`, []string{"month"}},
		{`valuation_usd >= 300e9`, []string{"month"}},
		{`valuation >= 300e9`, []string{"month"}},
		{`"gpu" in tags`, []string{"big"}},
		{`id contains "-" and title matches "(?i)^stargate"`, []string{"month"}},
		{`len(parties) == 2`, []string{"big", "secret", "month"}},
		{`any(parties, # startsWith "O")`, []string{"big", "secret", "month"}},
		{`"Nvidia" in parties`, nil}, // canonical names only
		{`$env["usd"] > 1e9`, []string{"big", "month"}},
		{`$env.gw >= 1 and $env["id"] != ""`, []string{"big", "month"}},
		{`let x = usd; x != nil and x > 50e9`, []string{"big"}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			w, err := CompileWhere(tt.expr)
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			var got []string
			for _, k := range []string{"big", "secret", "month"} {
				if w.Match(ds[k]) {
					got = append(got, k)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("matches %v, want %v", got, tt.want)
			}
			if err := w.Err(); err != nil {
				t.Errorf("run: %v", err)
			}
		})
	}
}

func TestWhereCompileErrors(t *testing.T) {
	tests := []struct {
		expr, msg string
		col       int
	}{
		{`usd > 1e9 and wealth > 1`, `unknown name wealth (fields: id, title, announced`, 14},
		{`usd > "ten"`, `invalid operation: > (mismatched types int64 and string)`, 4},
		{`usd`, `the expression gives *int64, not true or false`, 0},
		{`year + 1`, `the expression gives int, not true or false`, 0},
		{`usd >`, `unexpected token EOF`, 4},
		{`announced >= date("2025-13-01")`, `date("2025-13-01"): not a date (use YYYY-MM-DD, YYYY-MM or YYYY)`, 18},
		{`date("2025", "x") < announced`, `too many arguments`, 0},
		{`"OpenAI" in parties and`, `unexpected token EOF`, 22},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			_, err := CompileWhere(tt.expr)
			var e *ExprError
			if !errors.As(err, &e) {
				t.Fatalf("error %v, want an ExprError", err)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", e.Msg, tt.msg)
			}
			if e.Column != tt.col {
				t.Errorf("column %d, want %d", e.Column, tt.col)
			}
			want := "\n  " + tt.expr + "\n  " + strings.Repeat(" ", e.Column) + "^"
			if !strings.HasSuffix(err.Error(), want) {
				t.Errorf("error %q, want it to end with the expression and a caret:%s", err, want)
			}
		})
	}
}

func TestWhereRuntimeFailure(t *testing.T) {
	ds := testDeals(t)
	w, err := CompileWhere(`parties[1] == "OpenAI" or tags[0] == "gpu"`)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Match(ds["big"]) {
		t.Error("big does not match")
	}
	if err := w.Err(); err != nil {
		t.Errorf("no failure yet, got %v", err)
	}
	if w.Match(ds["secret"]) || w.Match(ds["month"]) {
		t.Error("a deal whose expression fails matches")
	}
	got := w.Err()
	if got == nil {
		t.Fatal("no error after failures")
	}
	for _, want := range []string{"failed on 2 deals", "on oracle-meta-cloud-talks:", "index out of range"} {
		if !strings.Contains(got.Error(), want) {
			t.Errorf("error %q, want %q in it", got, want)
		}
	}
}

func TestWhereParties(t *testing.T) {
	w, err := CompileWhere(`"OpenAI" in parties or ("Nvidia" in parties and "gpu" in tags)`)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(w.Parties(), ","); got != "OpenAI,Nvidia" {
		t.Errorf("Parties() = %s, want OpenAI,Nvidia", got)
	}
}

// FuzzWhere: no expression panics, compiled or run on any deal.
func FuzzWhere(f *testing.F) {
	for _, s := range []string{`usd > 1e9`, `parties[9] == ""`, `date(title) < announced`, "usd >\n wealth",
		`-gw < 0`, `usd % 0 == 1`, `int(usd) / 0 > 1`, `map(parties, #.x)`, `"a" matches "("`, `usd ** 1e308 > 1`,
		`let x = usd; x > 1`, `(usd ?? gw) > 1`, `tags[-1] == "x"`, `part_of[0:1] == "s"`, `len(part_of) > 0`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		w, err := CompileWhere(src)
		if err != nil {
			_ = err.Error()
			return
		}
		for _, d := range testDeals(t) {
			w.Match(d)
		}
		if err := w.Err(); err != nil {
			_ = err.Error()
		}
	})
}
