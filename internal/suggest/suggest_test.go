package suggest

import (
	"strings"
	"testing"
)

func TestNearest(t *testing.T) {
	names := []string{"NVIDIA", "OpenAI", "Anthropic", "Microsoft", "Oracle", "stargate", "stargate-five-sites"}
	for _, tt := range []struct{ in, want string }{
		{"Nvdia", "NVIDIA"},
		{"nvidia", "NVIDIA"},
		{"Antropic", "Anthropic"},
		{"Micro", "Microsoft"}, // a typo-free start of a long name
		{"stargat", "stargate"},
		{"stargate-five", "stargate-five-sites"},
		{"Zeppelin", ""},
		{"Oracel", "Oracle"}, // a swap is one step
		{"", ""},
		{strings.Repeat("x", MaxLen+1), ""},
		{strings.Repeat("N", 60<<10), ""},
	} {
		if got := Nearest(tt.in, names); got != tt.want {
			t.Errorf("Nearest(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Hint("Nvdia", names); got != " (did you mean NVIDIA?)" {
		t.Errorf("Hint = %q", got)
	}
}

// TestNearestIgnoresHugeCandidates: a candidate far longer than the name is
// out of reach by its length, so a 60 KB alias cannot make a lookup slow
// or win.
func TestNearestIgnoresHugeCandidates(t *testing.T) {
	huge := strings.Repeat("A", 60<<10)
	if got := Nearest("Nvdia", []string{huge, huge + "B", "NVIDIA"}); got != "NVIDIA" {
		t.Errorf("Nearest = %.20q, want NVIDIA", got)
	}
}
