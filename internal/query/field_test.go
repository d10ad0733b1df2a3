package query

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// TestFieldValuesHaveTheirType checks the table against itself: what a
// field gives at run time is what the expression checker was told.
func TestFieldValuesHaveTheirType(t *testing.T) {
	for _, d := range testDeals(t) {
		for _, f := range Fields {
			v := f.Value(d)
			want := reflect.TypeOf(f.Type.proto)
			if want.Kind() == reflect.Pointer {
				want = want.Elem()
			} else if v == nil {
				t.Errorf("%s of %s is nil, but its type %s cannot be", f.Name, d.ID, f.Type.Name)
				continue
			}
			if v != nil && reflect.TypeOf(v) != want {
				t.Errorf("%s of %s is a %T, want %s", f.Name, d.ID, v, want)
			}
		}
	}
}

func TestFieldNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Fields {
		for _, n := range f.Names() {
			if seen[n] {
				t.Errorf("%s names two fields", n)
			}
			seen[n] = true
		}
		if f.Doc == "" || f.Example == "" {
			t.Errorf("%s lacks a doc line or an example", f.Name)
		}
		if _, err := CompileWhere(f.Example); err != nil {
			t.Errorf("%s's example: %v", f.Name, err)
		}
	}
}

func TestParseFields(t *testing.T) {
	tests := []struct{ spec, want, err string }{
		{"id,usd,gw", "id,usd,gw", ""},
		{"dollars, gigawatts ,valuation", "usd,gw,valuation_usd", ""},
		{"id,wealth", "", `unknown field "wealth" (use id, title, announced, year, quarter, month, status`},
		{"", "", `unknown field ""`},
	}
	for _, tt := range tests {
		fs, err := ParseFields(tt.spec)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseFields(%q) error %v, want %q", tt.spec, err, tt.err)
			}
			continue
		}
		var names []string
		for _, f := range fs {
			names = append(names, f.Name)
		}
		if err != nil || strings.Join(names, ",") != tt.want {
			t.Errorf("ParseFields(%q) = %v, %v; want %s", tt.spec, names, err, tt.want)
		}
	}
}

func TestSort(t *testing.T) {
	ds := testDeals(t)
	tests := []struct{ order, want string }{
		{"id", "nvidia-openai-10gw oracle-meta-cloud-talks stargate-uae"},
		{"-usd", "nvidia-openai-10gw stargate-uae oracle-meta-cloud-talks"}, // unknown last
		{"usd", "stargate-uae nvidia-openai-10gw oracle-meta-cloud-talks"},  // either way
		{"announced", "stargate-uae oracle-meta-cloud-talks nvidia-openai-10gw"},
		{"status,-id", "oracle-meta-cloud-talks stargate-uae nvidia-openai-10gw"}, // in-talks before announced
		{"-quarter,title", "nvidia-openai-10gw oracle-meta-cloud-talks stargate-uae"},
		{"part_of", "stargate-uae nvidia-openai-10gw oracle-meta-cloud-talks"},
		{"-dollars", "nvidia-openai-10gw stargate-uae oracle-meta-cloud-talks"},
		{"parties", "oracle-meta-cloud-talks nvidia-openai-10gw stargate-uae"},
		{"-gw_high", "nvidia-openai-10gw stargate-uae oracle-meta-cloud-talks"},
	}
	for _, tt := range tests {
		o, err := ParseOrder(tt.order)
		if err != nil {
			t.Fatal(err)
		}
		list := []*deal.Deal{ds["big"], ds["secret"], ds["month"]}
		Sort(list, o)
		var got []string
		for _, d := range list {
			got = append(got, d.ID)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("--sort %s: %v, want %s", tt.order, got, tt.want)
		}
	}
	if _, err := ParseOrder("announced,-wealth"); err == nil || !strings.Contains(err.Error(), `cannot sort by "wealth" (use id, title`) {
		t.Errorf("ParseOrder of an unknown field: %v", err)
	}
}
