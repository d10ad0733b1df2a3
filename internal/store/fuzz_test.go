package store

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/deal"
)

// fuzzRegistry is the registry the fuzzed deal file is read against.
const fuzzRegistry = "NVIDIA: {aliases: [Nvidia, NVIDIA Corp], kind: company}\nOpenAI: {kind: company}\nOracle: {}\n"

// FuzzLoad reads one file's bytes through Load, as a deal file and as the
// party registry, and checks what Load promises: no panic, every problem
// positioned inside the file, a deal kept exactly when its file has no
// error, and a kept deal valid with figures and dates that print back to
// the same values.
func FuzzLoad(f *testing.F) {
	err := fs.WalkDir(deals.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := fs.ReadFile(deals.FS, p)
			if err != nil {
				return err
			}
			f.Add(data)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "d/fuzz-deal.yaml"
		set := Load(fstest.MapFS{RegistryFile: {Data: []byte(fuzzRegistry)}, "fuzz-deal.yaml": {Data: data}}, "d")
		checkPositions(t, data, set.Problems, name)
		errs := 0
		for _, p := range set.Problems {
			if p.Path == name && p.Severity == Error {
				errs++
			}
		}
		if (len(set.Deals) == 1) != (errs == 0) {
			t.Fatalf("%d deals kept from a file with %d errors: %v", len(set.Deals), errs, set.Problems)
		}
		for _, d := range set.Deals {
			checkDeal(t, d)
		}
		reg := Load(fstest.MapFS{RegistryFile: {Data: data}}, "d")
		checkPositions(t, data, reg.Problems, "d/"+RegistryFile)
	})
}

// checkPositions fails when a problem of the file name points outside
// data: lines count from 1 to the number of "\n" plus one, columns (in
// characters, a UTF-8 byte-order mark not counted) from 1 to one past the
// line's end.
func checkPositions(t *testing.T, data []byte, probs []Problem, name string) {
	t.Helper()
	lines := bytes.Split(bytes.TrimPrefix(data, utf8BOM), []byte("\n"))
	for _, p := range probs {
		if p.Path != name {
			t.Fatalf("problem for another file: %v", p)
		}
		line, col := max(p.Line, 1), max(p.Col, 1)
		if line > len(lines) {
			t.Fatalf("%v: line %d, but the file has %d", p, line, len(lines))
		}
		if n := utf8.RuneCount(bytes.TrimSuffix(lines[line-1], []byte("\r"))); col > n+1 {
			t.Fatalf("%v: column %d, but line %d has %d characters", p, col, line, n)
		}
		if p.Msg == "" || len(p.Msg) > 2*MaxValueLen {
			t.Fatalf("%v: message of %d bytes", p, len(p.Msg))
		}
	}
}

// checkDeal fails when a kept deal breaks a rule or holds a figure or date
// that does not print back to itself.
func checkDeal(t *testing.T, d *deal.Deal) {
	t.Helper()
	if errs := d.Validate(); len(errs) > 0 {
		t.Fatalf("kept deal %s is invalid: %v", d.ID, errs)
	}
	amounts := []deal.Amount{d.Dollars, d.Valuation}
	powers := []deal.Power{d.Power}
	dates := []deal.Date{d.Announced}
	for _, f := range d.Flows {
		amounts = append(amounts, f.Dollars)
	}
	for _, s := range d.Sources {
		dates = append(dates, s.Date)
	}
	for _, u := range d.Updates {
		amounts, powers, dates = append(amounts, u.Dollars), append(powers, u.Power), append(dates, u.Date)
	}
	for _, a := range amounts {
		if back, err := deal.ParseAmount(a.String()); a.Q != deal.None && (err != nil || back != a) {
			t.Fatalf("%s: amount %+v prints as %q, which reads back as %+v, %v", d.ID, a, a.String(), back, err)
		}
	}
	for _, p := range powers {
		if back, err := deal.ParsePower(p.String()); p.Q != deal.None && (err != nil || back != p) {
			t.Fatalf("%s: power %+v prints as %q, which reads back as %+v, %v", d.ID, p, p.String(), back, err)
		}
	}
	for _, dt := range dates {
		if back, err := deal.ParseDate(dt.String()); !dt.IsZero() && (err != nil || back != dt) {
			t.Fatalf("%s: date %+v prints as %q, which reads back as %+v, %v", d.ID, dt, dt.String(), back, err)
		}
	}
	for _, s := range append([]string{d.Title, d.Notes, d.Horizon, d.PartOf}, append(d.Parties, d.Tags...)...) {
		if msg := unsafeInValue(s); msg != "" || len(s) > MaxValueLen {
			t.Fatalf("%s: kept a value of %d bytes: %s", d.ID, len(s), msg)
		}
	}
}
