package deal

import (
	"fmt"
	"strings"
)

// Power is electrical power in whole watts, as a report states it.
type Power struct{ figure }

// ParsePower reads power: "10 GW", "10GW", "750 MW", "1.2 gigawatts",
// "500 megawatts", or a plain number of gigawatts, with the qualifiers and
// ranges of ParseAmount.
func ParsePower(s string) (Power, error) {
	if strings.Contains(s, "$") {
		return Power{}, fmt.Errorf("power is in GW or MW, not dollars")
	}
	f, err := parseFigure(s, watts)
	return Power{f}, err
}

// Watts returns an exact power of v watts.
func Watts(v int64) Power { return Power{figure{Q: Exact, Lo: v, Hi: v}} }

// NewPower returns a power with the given qualifier and ends, in watts.
func NewPower(q Qualifier, lo, hi int64) Power { return Power{figure{Q: q, Lo: lo, Hi: hi}} }

// String returns the canonical, exact notation: "10 GW", "up to 750 MW".
func (p Power) String() string { return canonical(p.figure, watts) }

// Human returns a short form for people: "10 GW", "≤750 MW".
func (p Power) Human() string { return human(p.figure, watts) }

// GW converts watts to gigawatts.
func GW(w int64) float64 { return float64(w) / 1e9 }

var watts = unitSystem{base: "watts", parseUnit: powerUnit, format: FormatWatts}

var powerUnits = []scale{
	{"gw", 9}, {"gigawatt", 9}, {"gigawatts", 9},
	{"mw", 6}, {"megawatt", 6}, {"megawatts", 6},
	{"kw", 3}, {"kilowatt", 3}, {"kilowatts", 3},
}

// powerUnit reads the unit of a power figure, ignoring case: "gW" and
// "Mw" are slips worth forgiving. Only "mW", the exact spelling of
// milliwatts, is refused: no deal is that small, but the writer chose the
// case on purpose.
func powerUnit(num, rest string) (int, error) {
	if rest == "" {
		return 9, nil
	}
	if rest == "mW" {
		return 0, fmt.Errorf("mW is milliwatts; write MW for megawatts")
	}
	low := strings.ToLower(rest)
	for _, u := range powerUnits {
		if low == u.word {
			return u.exp, nil
		}
	}
	if strings.HasSuffix(low, "wh") || strings.HasSuffix(low, "watt-hours") || strings.HasSuffix(low, "watt hours") {
		return 0, fmt.Errorf("%s is energy; give power in GW or MW", short(rest))
	}
	return 0, fmt.Errorf("unknown unit %s after %s (use GW or MW)", quote(rest), short(num))
}

// FormatWatts writes v watts as "10 GW" or "750 MW", exactly or rounded
// to four significant digits.
func FormatWatts(v int64, exact bool) string {
	if v >= 1e9 || v == 0 {
		return decimal(v, 9, exact) + " GW"
	}
	return decimal(v, 6, exact) + " MW"
}

// DecimalGW writes w watts as an exact decimal number of gigawatts, the
// plain form scripts read ("0.75").
func DecimalGW(w int64) string { return decimal(w, 9, true) }
