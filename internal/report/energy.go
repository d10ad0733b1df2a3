package report

import (
	"math"
	"strconv"
	"strings"
)

// Reference is a yearly amount of electricity that a deal's energy is
// measured against: a country's use, a network's, a sector's, or one
// household's.
type Reference struct {
	Key     string  // machine name: "portugal"
	Name    string  // "Portugal"
	Measure string  // what the figure measures: "electricity consumption"
	TWh     float64 // energy in a year, in terawatt-hours (per unit when Each is set)
	About   bool    // the source gives the figure as approximate
	Year    string  // the year it describes: "2024", "FY2023"
	Source  string  // who publishes it
	Each    string  // for a per-unit figure, what the units are called ("US homes"); "" for a whole
}

// References are yearly electricity figures to measure a deal's energy
// against, each with its year and source. Each is a year's electricity.
var References = []Reference{
	{Key: "portugal", Name: "Portugal", Measure: "electricity consumption", TWh: 51.4, Year: "2024", Source: "REN"},
	{Key: "switzerland", Name: "Switzerland", Measure: "final consumption", TWh: 56.1, Year: "2023", Source: "Swiss Federal Office of Energy"},
	{Key: "ireland", Name: "Ireland", Measure: "metered consumption (data centres 22% of it)", TWh: 31.9, Year: "2024", Source: "CSO"},
	{Key: "netherlands", Name: "Netherlands", Measure: "net consumption", TWh: 112.4, Year: "2020", Source: "CBS"},
	{Key: "united-kingdom", Name: "United Kingdom", Measure: "demand", TWh: 310, About: true, Year: "2023", Source: "DESNZ"},
	{Key: "france", Name: "France", Measure: "consumption (weather-corrected)", TWh: 449.2, Year: "2024", Source: "RTE"},
	{Key: "germany", Name: "Germany", Measure: "consumption", TWh: 484, Year: "2022", Source: "Bundesnetzagentur"},
	{Key: "japan", Name: "Japan", Measure: "demand (forecast)", TWh: 831, About: true, Year: "FY2023", Source: "OCCTO"},
	{Key: "united-states", Name: "United States", Measure: "retail sales", TWh: 3861, Year: "2023", Source: "EIA"},
	{Key: "bitcoin", Name: "Bitcoin network", Measure: "average draw", TWh: 138, About: true, Year: "2024", Source: "Cambridge Centre for Alternative Finance"},
	{Key: "data-centres-world", Name: "data centres worldwide", Measure: "electricity consumption", TWh: 415, About: true, Year: "2024", Source: "IEA"},
	{Key: "data-centres-us", Name: "US data centres", Measure: "electricity consumption", TWh: 176, Year: "2023", Source: "LBNL"},
	{Key: "us-household", Name: "average US household", Measure: "electricity consumption", TWh: 10_715 / kWhPerTWh, Year: "2020", Source: "EIA", Each: "US homes"},
}

const kWhPerTWh = 1e9

// Figure writes the reference's own figure: "51.4 TWh", "about 310 TWh",
// "10,715 kWh a year".
func (r Reference) Figure() string {
	s := thousands(strconv.FormatFloat(r.TWh, 'f', -1, 64)) + " TWh"
	if r.Each != "" {
		s = thousands(strconv.FormatFloat(math.Round(r.TWh*kWhPerTWh), 'f', -1, 64)) + " kWh a year"
	}
	if r.About {
		s = "about " + s
	}
	return s
}

// Label names the reference with its figure, year and source:
// "Portugal, electricity consumption: 51.4 TWh (2024, REN)".
func (r Reference) Label() string {
	return r.Name + ", " + r.Measure + ": " + r.Figure() + " (" + r.Year + ", " + r.Source + ")"
}

// Equivalent is a yearly energy measured against a reference: how many
// times the reference it is or, for a per-unit reference, how many units.
type Equivalent struct {
	Reference
	Ratio float64
}

// Equivalents measures twh terawatt-hours a year against every reference.
func Equivalents(twh float64) []Equivalent {
	out := make([]Equivalent, len(References))
	for i, r := range References {
		out[i] = Equivalent{r, twh / r.TWh}
	}
	return out
}

// Nearest measures twh against the references nearest to it: the largest
// whole reference it reaches, the smallest it does not, and every per-unit
// reference. It returns nothing for no energy.
func Nearest(twh float64) []Equivalent {
	if twh <= 0 {
		return nil
	}
	var below, above, each []Equivalent
	for _, e := range Equivalents(twh) {
		switch {
		case e.Each != "":
			each = append(each, e)
		case e.Ratio >= 1 && (below == nil || e.TWh > below[0].TWh):
			below = []Equivalent{e}
		case e.Ratio < 1 && (above == nil || e.TWh < above[0].TWh):
			above = []Equivalent{e}
		}
	}
	return append(append(below, above...), each...)
}

// Amount writes the ratio for people: "1.7×", "~0.28×" against an
// approximate figure, "8.2 million US homes" for a per-unit reference.
func (e Equivalent) Amount() string {
	s := FormatRatio(e.Ratio)
	if e.Each != "" {
		s = FormatCount(e.Ratio) + " " + e.Each
	}
	if e.About {
		s = "~" + s
	}
	return s
}

// Human writes the equivalent with its reference: "1.7× Portugal,
// electricity consumption: 51.4 TWh (2024, REN)".
func (e Equivalent) Human() string { return e.Amount() + " — " + e.Label() }

// FormatRatio writes r to two significant digits: "1.7×", "0.78×",
// "12×", "1,200×".
func FormatRatio(r float64) string {
	if r > 0 && r < 0.0001 {
		return "<0.0001×"
	}
	return sig2(r) + "×"
}

// FormatCount writes a count to two significant digits: "8.2 million",
// "190,000", "12".
func FormatCount(n float64) string {
	for _, u := range []struct {
		v    float64
		word string
	}{{1e9, " billion"}, {1e6, " million"}} {
		if math.Round(n) >= u.v {
			return sig2(n/u.v) + u.word
		}
	}
	return sig2(n)
}

// sig2 writes x rounded to two significant digits, with thousands commas
// and no trailing zeros after the point.
func sig2(x float64) string {
	if x <= 0 {
		return "0"
	}
	exp := int(math.Floor(math.Log10(x))) - 1 // of the second digit
	r := math.Round(x/math.Pow(10, float64(exp))) * math.Pow(10, float64(exp))
	s := strconv.FormatFloat(r, 'f', max(-exp, 0), 64)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return thousands(s)
}

// thousands puts commas between groups of three digits of a decimal's
// whole part.
func thousands(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
