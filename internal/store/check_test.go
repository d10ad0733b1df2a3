package store

import (
	"github.com/dealtrack/dealtrack/internal/folder"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const dealYAML = `title: %s
announced: 2025-09-22
status: announced
kind: investment
parties: [NVIDIA, OpenAI]
sources:
  - {publisher: OpenAI, title: A report}
`

func mapDeal(title, extra string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(strings.Replace(dealYAML, "%s", title, 1) + extra)}
}

func TestCheckNew(t *testing.T) {
	set := Load(fstest.MapFS{
		"parties.yaml":     {Data: []byte("NVIDIA: {aliases: [Nvidia]}\nOpenAI: {}\n")},
		"umbrella.yaml":    mapDeal("Umbrella", ""),
		"sub/nested.yaml":  mapDeal("Nested", ""),
		"broken.yaml":      {Data: []byte("title: [\n")},
		"points-back.yaml": mapDeal("Points back", "part_of: loop-maker\n"),
	}, "data")
	for _, c := range []struct {
		name, data string
		want       []string // problems, as printed
	}{
		{"fresh.yaml", string(mapDeal("Fresh", "part_of: umbrella\n").Data), nil},
		{"nested.yaml", string(mapDeal("Nested again", "").Data), []string{
			"data/nested.yaml:1:1: error: id nested is already used by data/sub/nested.yaml"}},
		{"umbrella.yaml", string(mapDeal("Umbrella again", "").Data), []string{
			"data/umbrella.yaml:1:1: error: id umbrella is already used by data/umbrella.yaml"}},
		{"part.yaml", string(mapDeal("Part", "part_of: umbrela\n").Data), []string{
			`data/part.yaml:8:10: error: part_of: no deal has id "umbrela" (did you mean umbrella?)`}},
		{"loop-maker.yaml", string(mapDeal("Loop", "part_of: points-back\n").Data), []string{
			"data/loop-maker.yaml:8:10: error: part_of: loop-maker is part of itself through points-back"}},
		{"typo.yaml", strings.Replace(string(mapDeal("Typo", "").Data), "OpenAI]", "OpenA]", 1), []string{
			`data/typo.yaml:5:19: warning: parties[1]: "OpenA" is not in parties.yaml (did you mean OpenAI?)`}},
		{"Bad_Name.yaml", string(mapDeal("Bad", "").Data), []string{
			`data/Bad_Name.yaml:1:1: error: id "Bad_Name": use lower-case letters, digits and single hyphens, not at either end (for example nvidia-openai-10gw)`}},
		{"huge.yaml", string(mapDeal("Huge", "notes: "+strings.Repeat("a", folder.MaxFileSize)+"\n").Data), []string{
			"data/huge.yaml:1:1: error: file is larger than 1024 KiB; a deal file is small"}},
		{"bad-figure.yaml", string(mapDeal("Bad", "dollars: $5Q\n").Data), []string{
			`data/bad-figure.yaml:8:10: error: dollars: "$5Q": unknown scale "Q" (use K, M, B or T)`}},
	} {
		_, probs := set.CheckNew(c.name, []byte(c.data))
		var got []string
		for _, p := range probs {
			got = append(got, p.Error())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("CheckNew(%s):\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestCheckNewReportsABrokenRegistry(t *testing.T) {
	set := Load(fstest.MapFS{
		"parties.yaml": {Data: []byte("NVIDIA: {kind: robot}\n")},
	}, "data")
	_, probs := set.CheckNew("fresh.yaml", mapDeal("Fresh", "").Data)
	if !slices.ContainsFunc(probs, func(p Problem) bool { return p.Path == "data/parties.yaml" && p.Severity == Error }) {
		t.Errorf("CheckNew against a broken registry: %v, want the registry's error", probs)
	}
}

func TestDecodeMatchesLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"parties.yaml": {Data: []byte("NVIDIA: {aliases: [Nvidia]}\nOpenAI: {}\n")},
		"a-deal.yaml":  mapDeal("A deal", "dollars: up to $100B\n"),
	}
	set := Load(fsys, "data")
	d, probs := set.Decode("a-deal.yaml", fsys["a-deal.yaml"].Data)
	loaded, _ := set.Deal("a-deal")
	if len(probs) != 0 || d == nil || d.Title != loaded.Title || d.Dollars != loaded.Dollars {
		t.Errorf("Decode = %+v, %v; want the deal Load read, %+v", d, probs, loaded)
	}
	if got := set.Files(); !slices.Equal(got, []string{"a-deal.yaml"}) {
		t.Errorf("Files() = %q, want [a-deal.yaml]", got)
	}
}

func TestEmptyRegistry(t *testing.T) {
	for _, content := range []string{"", "# no party yet\n#   NVIDIA: {kind: company}\n"} {
		set := Load(fstest.MapFS{"parties.yaml": {Data: []byte(content)}}, "data")
		if set.Registry == nil || len(set.Registry.Parties) != 0 || len(set.Problems) != 0 {
			t.Errorf("parties.yaml %q: registry %+v, problems %v; want an empty registry and no problem", content, set.Registry, set.Problems)
		}
	}
}
