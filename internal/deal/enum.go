package deal

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dealtrack/dealtrack/internal/suggest"
)

// Status is where a deal stands.
type Status string

// Kind is what sort of deal it is.
type Kind string

// Statuses lists every status, in the order a deal moves through them.
var Statuses = []Status{"rumored", "in-talks", "announced", "signed", "completed", "revised", "paused", "cancelled"}

// Kinds lists every kind of deal.
var Kinds = []Kind{"investment", "compute", "cloud", "chips", "energy", "funding", "joint-venture", "lease", "acquisition", "project", "financing"}

// SourceKind says what a source is: the parties' own statement, a
// regulatory filing, an outlet's own reporting, or a copy or aggregator.
type SourceKind string

// SourceKinds lists every kind of source, most authoritative first.
var SourceKinds = []SourceKind{"statement", "filing", "press", "copy"}

// ParseSourceKind reads one of SourceKinds.
func ParseSourceKind(s string) (SourceKind, error) { return parseEnum(s, SourceKinds, "source kind") }

// Confirms reports whether a source of kind k is a party's own word.
func (k SourceKind) Confirms() bool { return k == "statement" || k == "filing" }

// Figures names the figures of a deal that `reported` can list.
var Figures = []string{"dollars", "gigawatts", "amount"}

// ParseStatus reads one of Statuses.
func ParseStatus(s string) (Status, error) { return parseEnum(s, Statuses, "status") }

// ParseKind reads one of Kinds.
func ParseKind(s string) (Kind, error) { return parseEnum(s, Kinds, "kind") }

func parseEnum[T ~string](s string, set []T, what string) (T, error) {
	if slices.Contains(set, T(s)) {
		return T(s), nil
	}
	names := make([]string, len(set))
	for i, v := range set {
		names[i] = string(v)
	}
	hint := ""
	if near := suggest.Nearest(Spelling(s), names); near != "" {
		hint = "did you mean " + near + "? "
	}
	return "", fmt.Errorf("unknown %s (%suse %s)", what, hint, strings.Join(names, ", "))
}

// Spelling is s as dealtrack spells its words: lower case, hyphens for
// spaces and underscores, American -our endings ("In Talks" is in-talks,
// "rumoured" is rumored).
func Spelling(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return spelling.Replace(s)
}

var spelling = strings.NewReplacer(" ", "-", "_", "-", "rumour", "rumor")
