package deal

import (
	"fmt"
	"slices"
	"strings"
)

// Status is where a deal stands.
type Status string

// Kind is what sort of deal it is.
type Kind string

// Statuses lists every status, in the order a deal moves through them.
var Statuses = []Status{"rumored", "in-talks", "announced", "signed", "completed", "revised", "cancelled"}

// Kinds lists every kind of deal.
var Kinds = []Kind{"investment", "compute", "cloud", "chips", "energy", "funding", "joint-venture", "lease", "acquisition"}

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
	return "", fmt.Errorf("unknown %s (use %s)", what, strings.Join(names, ", "))
}
