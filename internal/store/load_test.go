package store

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/internal/deal"
)

const registry = `NVIDIA: {aliases: [Nvidia, NVIDIA Corp], kind: company, ticker: NVDA}
OpenAI: {aliases: [Open AI], kind: company}
Oracle: {kind: company}
`

const goodDeal = `title: NVIDIA to invest up to $100B in OpenAI
announced: 2025-09-22
status: announced
kind: investment
parties: [Nvidia Corp, open ai]
dollars: up to $100B
gigawatts: 10 GW
flows:
  - {from: NVIDIA, to: OpenAI, dollars: up to $100B, for: equity}
sources:
  - {publisher: OpenAI, title: Partnership, date: 2025-09-22}
`

func load(files map[string]string) *Set {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return Load(fsys, "d")
}

func TestLoadGood(t *testing.T) {
	s := load(map[string]string{"parties.yaml": registry, "nvidia-openai.yaml": goodDeal})
	if len(s.Problems) != 0 {
		t.Fatalf("problems: %v", s.Problems)
	}
	d, ok := s.Deal("nvidia-openai")
	if !ok {
		t.Fatal("deal not loaded")
	}
	if got := strings.Join(d.Parties, ","); got != "NVIDIA,OpenAI" {
		t.Errorf("parties = %s, want canonical NVIDIA,OpenAI", got)
	}
	if d.Dollars != deal.NewAmount(deal.UpTo, 100e9, 100e9) || d.Power != deal.Watts(10e9) {
		t.Errorf("figures = %v, %v", d.Dollars, d.Power)
	}
	if d.Flows[0].From != "NVIDIA" || d.Flows[0].To != "OpenAI" {
		t.Errorf("flow = %+v", d.Flows[0])
	}
	if d.Announced != (deal.Date{Year: 2025, Month: 9, Day: 22}) {
		t.Errorf("announced = %v", d.Announced)
	}
}

// replace swaps one line of goodDeal, keeping the rest.
func replace(old, new string) string {
	if !strings.Contains(goodDeal, old) {
		panic("no " + old)
	}
	return strings.Replace(goodDeal, old, new, 1)
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // "line:col: severity: message" prefix
	}{
		{"unknown top key", replace("status: announced", "statuss: announced"), `3:1: error: deal: unknown key "statuss" (did you mean status?)`},
		{"unknown flow key", replace("for: equity", "fro: equity"), `9:54: error: flows[0]: unknown key "fro" (did you mean for?)`},
		{"unknown source key", replace("date: 2025-09-22}", "dated: 2025-09-22}"), `11:45: error: sources[0]: unknown key "dated"`},
		{"unknown update key", goodDeal + "updates:\n  - {date: 2025-10-01, stauts: signed}\n", `13:24: error: updates[0]: unknown key "stauts" (did you mean status?)`},
		{"duplicate key", goodDeal + "title: again\n", `12:1: error: duplicate key title (first on line 1)`},
		{"bad scale", replace("dollars: up to $100B\n", "dollars: $100Q\n"), `6:10: error: dollars: "$100Q": unknown scale "Q" (use K, M, B or T)`},
		{"foreign currency", replace("dollars: up to $100B\n", "dollars: €100B\n"), `6:10: error: dollars: "€100B": only US dollars`},
		{"energy for power", replace("gigawatts: 10 GW", "gigawatts: 10 GWh"), `7:12: error: gigawatts: "10 GWh": GWh is energy; give power in GW or MW`},
		{"bad date", replace("announced: 2025-09-22", "announced: 22/09/2025"), `2:12: error: announced: "22/09/2025": not a date`},
		{"bad status", replace("status: announced", "status: done"), `3:9: error: status: "done": unknown status`},
		{"missing title", replace("title: NVIDIA to invest up to $100B in OpenAI\n", ""), `1:1: error: title: required`},
		{"flow outside deal", replace("to: OpenAI,", "to: Oracle,"), `9:24: error: flows[0].to: Oracle is not a party of this deal`},
		{"unknown party", replace("[Nvidia Corp, open ai]", "[Nvdia, open ai]"), `5:11: warning: parties[0]: "Nvdia" is not in parties.yaml (did you mean NVIDIA?)`},
		{"second document", goodDeal + "---\ntitle: x\n", `12:1: error: a second YAML document`},
		{"top level list", "- a\n", `1:1: error: the top level must be a mapping`},
		{"anchor", replace("title: NVIDIA", "title: &a NVIDIA"), `1:8: error: anchors and aliases`},
		{"part_of unknown", goodDeal + "part_of: stargat\n", `12:10: error: part_of: no deal has id "stargat"`},
		{"parties not a list", replace("[Nvidia Corp, open ai]", "NVIDIA"), `5:10: error: parties: want a list`},
		{"empty", "", `1:1: error: empty file`},
		// yaml.v3 counts a parser error's line from 0: each of these was one line early
		{"unclosed [ at the end", goodDeal + "tags: [a, b\n", `12:1: error: yaml: did not find expected ',' or ']'`},
		{"unclosed { at the end", goodDeal + "tags: {a: b\n", `12:1: error: yaml: did not find expected ',' or '}'`},
		{"a lone : key", goodDeal + ": x\n", `12:1: error: yaml: did not find expected key`},
		{"a list item in a mapping", goodDeal + "- x\n", `12:1: error: yaml: did not find expected key`},
		{"bad block scalar indent", goodDeal + "notes: |\n    a\n  b\n", `14:1: error: yaml: did not find expected key`},
		{"undefined alias, where it is", goodDeal + "\n\nnotes: *nope\n", `14:8: error: *nope: an alias, and no anchor &nope before it`},
		{"a key over YAML's limit", goodDeal + strings.Repeat("k", 1100) + ": x\n", `12:1: error: a key (a name) longer than 1024 characters, YAML's limit for a key; shorten it`},
		{"a YAML directive", "%YAML 1.2\n---\n" + goodDeal, `1:1: error: a YAML directive (%YAML, %TAG): deal files have none; remove the line`},
		{"syntax", "title: [x\n", `2:1: error: yaml: did not find expected ',' or ']'`},
		{"twice the same party", replace("[Nvidia Corp, open ai]", "[Nvidia, NVIDIA, OpenAI]"), `5:19: error: parties[1]: NVIDIA is listed twice`},
		{"update order", goodDeal + "updates:\n  - {date: 2025-10-01}\n  - {date: 2025-09-01}\n", `14:12: error: updates[1].date: updates go oldest first`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := load(map[string]string{"parties.yaml": registry, "deal-one.yaml": tt.body})
			var got []string
			for _, p := range s.Problems {
				got = append(got, p.Error())
				if strings.HasPrefix(p.Error(), "d/deal-one.yaml:"+tt.want) {
					return
				}
			}
			t.Errorf("want a problem d/deal-one.yaml:%s...\ngot:\n%s", tt.want, strings.Join(got, "\n"))
		})
	}
}

func TestLoadAcrossFiles(t *testing.T) {
	umbrella := replace("title: NVIDIA", "title: Umbrella")
	s := load(map[string]string{
		"parties.yaml":   registry,
		"umbrella.yaml":  umbrella,
		"part.yaml":      goodDeal + "part_of: umbrella\n",
		"sub/part.yaml":  goodDeal,
		"loop-a.yaml":    goodDeal + "part_of: loop-b\n",
		"loop-b.yaml":    goodDeal + "part_of: loop-a\n",
		"Bad_Name.yaml":  goodDeal,
		"notes.txt":      "not a deal",
		".hidden/x.yaml": "garbage: [",
		"old-format.yml": goodDeal,
	})
	want := []string{
		"d/Bad_Name.yaml:1:1: error: id \"Bad_Name\"",
		"d/loop-a.yaml:12:10: error: part_of: loop-a is part of itself through loop-b",
		"d/loop-b.yaml:12:10: error: part_of: loop-b is part of itself through loop-a",
		"d/old-format.yml:1:1: warning: not read: deal files end in .yaml",
		"d/sub/part.yaml:1:1: error: id part is also used by d/part.yaml",
	}
	if len(s.Problems) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(s.Problems), len(want), s.Problems)
	}
	for i, w := range want {
		if i < len(s.Problems) && !strings.HasPrefix(s.Problems[i].Error(), w) {
			t.Errorf("problem %d = %s, want %s...", i, s.Problems[i].Error(), w)
		}
	}
	if got := strings.Join(s.IDs(), ","); got != "part,umbrella" {
		t.Errorf("loaded ids = %s, want part,umbrella", got)
	}
	if got := strings.Join(s.Parts("umbrella"), ","); got != "part" {
		t.Errorf("parts of umbrella = %s, want part", got)
	}
	if got := s.Parts("part"); got != nil {
		t.Errorf("parts of part = %v, want none", got)
	}
}

func TestRegistry(t *testing.T) {
	s := load(map[string]string{"parties.yaml": registry + "Other: {aliases: [nvidia]}\nBad: {kind: planet}\n"})
	var msgs []string
	for _, p := range s.Problems {
		msgs = append(msgs, p.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{`d/parties.yaml:4:1: error: "nvidia" is already a name or alias of NVIDIA`, `d/parties.yaml:5:13: error: kind: "planet": unknown kind (use company, fund, government, person)`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for in, want := range map[string]string{"nvidia corp": "NVIDIA", "OPEN AI": "OpenAI", "oracle": "Oracle"} {
		if c, ok := s.Registry.Canonical(in); !ok || c != want {
			t.Errorf("Canonical(%q) = %q, %v", in, c, ok)
		}
	}
	if got := s.Registry.Suggest("Nvdia"); got != "NVIDIA" {
		t.Errorf("Suggest(Nvdia) = %q", got)
	}
	if got := s.Registry.Suggest("Zeppelin"); got != "" {
		t.Errorf("Suggest(Zeppelin) = %q, want none", got)
	}
}

// TestRegistryMessagesSpeakOfParties: a registry that is not a mapping is
// told what a registry looks like, not what a deal file does.
func TestRegistryMessagesSpeakOfParties(t *testing.T) {
	_, probs := CheckRegistry("d/parties.yaml", []byte("- NVIDIA\n- OpenAI\n"))
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "one party per key: NVIDIA: {kind: company}") || strings.Contains(probs[0].Msg, "title:") {
		t.Errorf("problems %v, want one that shows a registry's keys", probs)
	}
}
