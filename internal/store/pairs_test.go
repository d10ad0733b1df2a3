package store

import (
	"fmt"
	"strings"
	"testing"
)

// TestDuplicateKeys: a repeated key is refused at its second place, naming
// the first, in a deal's small mappings (searched) and in a registry's big
// one (indexed).
func TestDuplicateKeys(t *testing.T) {
	var reg strings.Builder
	for i := range 40 {
		fmt.Fprintf(&reg, "Party %02d: {kind: company}\n", i)
	}
	reg.WriteString("Party 07: {kind: fund}\n")
	set := load(map[string]string{
		"parties.yaml":  reg.String(),
		"dup-top.yaml":  goodDeal + "title: again\n",
		"dup-flow.yaml": strings.Replace(goodDeal, "{from: NVIDIA,", "{from: NVIDIA, from: Oracle,", 1),
	})
	want := []string{
		"d/dup-flow.yaml:9:20: error: duplicate key from (first on line 9)",
		"d/dup-top.yaml:12:1: error: duplicate key title (first on line 1)",
		"d/parties.yaml:41:1: error: duplicate key Party 07 (first on line 8)",
	}
	var got []string
	for _, p := range set.Errors() {
		if strings.Contains(p.Msg, "duplicate") {
			got = append(got, p.Error())
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
