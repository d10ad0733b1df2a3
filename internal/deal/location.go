package deal

import (
	"fmt"
	"github.com/dealtrack/dealtrack/internal/suggest"
	"strings"
)

// Location is where a deal is: a site (free text), a region (a state or
// province) and a country (ISO 3166-1 alpha-2). Any of the three may be
// empty, but not all.
type Location struct {
	Site, Region, Country string
}

// String writes l for people: "Abilene, Texas, US".
func (l Location) String() string {
	var parts []string
	for _, s := range []string{l.Site, l.Region, l.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// countryAliases are names people write for a country that ISO does not
// list as its name.
var countryAliases = map[string]string{
	"uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
	"usa": "US", "u.s.": "US", "u.s.a.": "US", "america": "US",
	"uae": "AE", "korea": "KR", "russia": "RU", "taiwan": "TW", "vietnam": "VN", "iran": "IR",
	"the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "turkey": "TR",
}

var countryIndex = func() map[string]string {
	m := make(map[string]string, 3*len(countries)+len(countryAliases))
	for _, c := range countries {
		m[strings.ToLower(c.code)] = c.code
		for _, n := range c.names {
			m[strings.ToLower(n)] = c.code
		}
	}
	for k, v := range countryAliases {
		m[k] = v
	}
	return m
}()

// ParseCountry reads an ISO 3166-1 alpha-2 code or a country's English
// name, in any case, and returns the code: "us", "United States" and "USA"
// are all "US".
func ParseCountry(s string) (string, error) {
	if c, ok := countryIndex[strings.ToLower(strings.TrimSpace(s))]; ok {
		return c, nil
	}
	if len(s) == 2 {
		return "", fmt.Errorf("not an ISO 3166 country code (for example US, GB, AE, FR)")
	}
	hint := ""
	if near := nearestCountry(s); near != "" {
		hint = fmt.Sprintf("; did you mean %s?", near)
	}
	return "", fmt.Errorf("unknown country (write its ISO 3166 code, for example US or GB, or its English name%s)", hint)
}

// Countries lists every ISO 3166-1 alpha-2 code, sorted.
func Countries() []string {
	out := make([]string, len(countries))
	for i, c := range countries {
		out[i] = c.code
	}
	return out
}

func nearestCountry(s string) string {
	var names []string
	for _, c := range countries {
		names = append(names, c.names...)
	}
	return suggest.Nearest(s, names)
}
