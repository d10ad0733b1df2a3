package report

import (
	"slices"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

func TestSortGroups(t *testing.T) {
	all := []*deal.Deal{
		mk(t, "a", "$10B", "1 GW", parties("Alpha")),
		mk(t, "b", "$30B", "", parties("Beta")),
		mk(t, "c", "undisclosed", "5 GW", parties("Gamma")),
		mk(t, "d", "$5B", "", parties("Alpha")),
		mk(t, "e", "", "", parties("Delta")),
	}
	for _, tt := range []struct {
		spec string
		want []string
	}{
		{"-usd", []string{"Beta", "Alpha", "Gamma", "Delta"}}, // unknown below every known sum
		{"usd", []string{"Gamma", "Delta", "Alpha", "Beta"}},
		{"-gw,key", []string{"Gamma", "Alpha", "Beta", "Delta"}},
		{"-deals,-key", []string{"Alpha", "Gamma", "Delta", "Beta"}},
		{"key", []string{"Alpha", "Beta", "Delta", "Gamma"}},
	} {
		keys, err := ParseGroupOrder(tt.spec)
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		r := TotalBy(all, NewUmbrellas(all), ByParty, deal.Headline, Once)
		r.SortGroups(keys)
		var got []string
		for _, g := range r.Groups {
			got = append(got, g.Key)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("--sort %s: %v, want %v", tt.spec, got, tt.want)
		}
	}
	for _, bad := range []string{"", "dollars", "-", "usd,,gw", "+usd"} {
		if _, err := ParseGroupOrder(bad); err == nil {
			t.Errorf("ParseGroupOrder(%q): no error", bad)
		}
	}
}
