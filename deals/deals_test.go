package deals_test

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/deals"
	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/store"
)

func load(t *testing.T) *store.Set {
	t.Helper()
	set := store.LoadStrict(deals.FS, "deals")
	for _, p := range set.Problems {
		t.Errorf("%s", p.Error())
	}
	return set
}

// TestBundledDataIsClean: the folder loads with no problem, warnings
// included, and follows the rules of its README.
func TestBundledDataIsClean(t *testing.T) {
	set := load(t)
	if len(set.Deals) < 250 {
		t.Errorf("%d deals; the data set holds at least 250", len(set.Deals))
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	leak := regexp.MustCompile(`(?i)\bseed (article|0\d\d)|\bFACTS\b|research (table|row)|\brows? \d+\b|qa-sample`)
	for _, d := range set.Deals {
		if !slices.ContainsFunc(d.Sources, func(s deal.Source) bool { return s.URL != "" }) {
			t.Errorf("%s: no source with a url", d.ID)
		}
		for _, s := range d.AllSources() {
			if s.Kind == "" {
				t.Errorf("%s: source %q has no kind", d.ID, s.URL)
			}
		}
		lists := [][]deal.Source{d.Sources}
		for _, u := range d.Updates {
			lists = append(lists, u.Sources)
		}
		for _, sources := range lists {
			if !slices.IsSortedFunc(sources, func(a, b deal.Source) int { return sourceRank(a.Kind) - sourceRank(b.Kind) }) {
				t.Errorf("%s: sources not best first (a statement or filing, then press, then copies): %v", d.ID, kinds(sources))
			}
		}
		for _, tag := range d.Tags {
			if !strings.Contains(string(readme), "| `"+tag+"` |") {
				t.Errorf("%s: tag %q is not in deals/README.md's vocabulary", d.ID, tag)
			}
		}
		if m := leak.FindString(d.Title + "\n" + d.Notes); m != "" {
			t.Errorf("%s: speaks of where the data came from (%q); notes speak to the deal's reader", d.ID, m)
		}
	}
	for _, p := range set.Registry.Parties {
		if p.Sector == "" || p.Kind == "" {
			t.Errorf("party %s: kind %q, sector %q; every party has both", p.Name, p.Kind, p.Sector)
		}
	}
}

// sourceRank orders sources best first: a party's statement or filing,
// then an outlet's own reporting, then copies.
func sourceRank(k deal.SourceKind) int {
	switch k {
	case "statement", "filing":
		return 0
	case "press":
		return 1
	}
	return 2
}

func kinds(sources []deal.Source) []deal.SourceKind {
	var out []deal.SourceKind
	for _, s := range sources {
		out = append(out, s.Kind)
	}
	return out
}

// TestHeadlineFacts pins the figures, wording and statuses of the deals
// the seed articles of the project were about, as the reports state them.
func TestHeadlineFacts(t *testing.T) {
	set := load(t)
	tests := []struct {
		id               string
		dollars, power   string
		status           deal.Status
		reported         []string
		partOf, replaced string
	}{
		{id: "nvidia-openai-10gw", dollars: "up to $100B", power: "at least 10 GW", status: "announced", replaced: "nvidia-openai-30b-2026"},
		{id: "nvidia-openai-30b-2026", dollars: "$30B", status: "signed", partOf: "openai-funding-2026"},
		{id: "stargate", dollars: "$500B", power: "10 GW", status: "announced"},
		{id: "stargate-five-sites", dollars: "over $400B", power: "nearly 7 GW", status: "announced", partOf: "stargate"},
		{id: "oracle-openai-cloud", dollars: "$300B", power: "4.5 GW", status: "signed", reported: []string{"dollars"}, partOf: "stargate-five-sites"},
		{id: "openai-cerebras-750mw", dollars: "over $20B", power: "up to 750 MW", status: "signed", reported: []string{"dollars"}},
		{id: "sb-energy-milam-county", dollars: "$1B", power: "1.2 GW", status: "signed", partOf: "stargate-five-sites"},
		{id: "microsoft-openai-2019", dollars: "$1B", status: "completed"},
	}
	for _, tt := range tests {
		d, ok := set.Deal(tt.id)
		if !ok {
			t.Errorf("no deal %s", tt.id)
			continue
		}
		if d.Dollars.String() != tt.dollars || d.Power.String() != tt.power || d.Status != tt.status {
			t.Errorf("%s: %q, %q, %s; want %q, %q, %s", tt.id, d.Dollars, d.Power, d.Status, tt.dollars, tt.power, tt.status)
		}
		if !slices.Equal(d.Reported, tt.reported) || d.PartOf != tt.partOf || d.SupersededBy != tt.replaced {
			t.Errorf("%s: reported %v, part_of %q, superseded_by %q; want %v, %q, %q", tt.id, d.Reported, d.PartOf, d.SupersededBy, tt.reported, tt.partOf, tt.replaced)
		}
	}
}

// TestTheLetterThatWasReplaced: NVIDIA's letter of intent counted until
// NVIDIA's $30B stake replaced it, and no sum counts it today.
func TestTheLetterThatWasReplaced(t *testing.T) {
	set := load(t)
	letter, ok := set.Deal("nvidia-openai-10gw")
	if !ok {
		t.Fatal("no nvidia-openai-10gw")
	}
	before := letter.AsOf(deal.Date{Year: 2025, Month: 10, Day: 1})
	if before == nil || before.SupersededBy != "" || before.Dollars.String() != "up to $100B" {
		t.Errorf("on 2025-10-01 the letter should stand, unreplaced: %+v", before)
	}
	sum := report.Total([]*deal.Deal{letter}, report.NewUmbrellas(set.Deals), deal.Headline)
	if sum.Deals != 0 || len(sum.Retired) != 1 {
		t.Errorf("a sum of the letter alone counts %d deals and leaves out %v; want 0 and the letter", sum.Deals, sum.Retired)
	}
}

// TestUmbrellaChains pins parts inside parts, so that no dollar counts twice.
func TestUmbrellaChains(t *testing.T) {
	set := load(t)
	u := report.NewUmbrellas(set.Deals)
	for id, want := range map[string][]string{
		"sb-energy-milam-county":  {"stargate-five-sites", "stargate"},
		"oracle-openai-cloud":     {"stargate-five-sites", "stargate"},
		"stargate-abilene-crusoe": {"stargate-five-sites", "stargate"},
		"nvidia-openai-30b-2026":  {"openai-funding-2026"},
	} {
		if got := u.Ancestors(id); !slices.Equal(got, want) {
			t.Errorf("%s is part of %v, want %v", id, got, want)
		}
	}
}

// TestBiggestDealOfEachYear pins the largest live deal by headline dollars
// of each year the set covers.
func TestBiggestDealOfEachYear(t *testing.T) {
	set := load(t)
	biggest := map[int]*deal.Deal{}
	for _, d := range set.Deals {
		v, ok := d.Dollars.Value(deal.Headline)
		if !ok || d.Retired() {
			continue
		}
		if b := biggest[d.Announced.Year]; b == nil || v > must(b.Dollars.Value(deal.Headline)) {
			biggest[d.Announced.Year] = d
		}
	}
	want := map[int]string{
		2019: "nvidia-mellanox-2019",
		2020: "tsmc-arizona",
		2021: "blackstone-qts-acquisition",
		2023: "amazon-virginia-2023",
		2024: "ai-infrastructure-partnership",
		2025: "apple-us-600b",
		2026: "spacex-xai-merger-2026",
	}
	for year, id := range want {
		if b := biggest[year]; b == nil || b.ID != id {
			t.Errorf("biggest deal of %d: %v, want %s", year, b, id)
		}
	}
}

func must(v int64, _ bool) int64 { return v }

// TestCircles: the circles every article on the deal wave is about are in
// the graph dealtrack draws (cancelled and superseded deals left out), each
// with the deals behind its edges; NVIDIA ↔ OpenAI closes only through the
// letter of intent that was replaced, so only when retired deals count.
func TestCircles(t *testing.T) {
	set := load(t)
	live := slices.DeleteFunc(slices.Clone(set.Deals), (*deal.Deal).Retired)
	circles := func(ds []*deal.Deal) []report.Cycle {
		return report.FindCycles(report.NewGraph(ds, deal.Headline), report.CycleBounds{MaxLength: 3}).Cycles
	}
	has := func(cs []report.Cycle, want []string) bool {
		return slices.ContainsFunc(cs, func(c report.Cycle) bool {
			ps := slices.Clone(c.Parties)
			slices.Sort(ps)
			return slices.Equal(ps, want) && slices.IndexFunc(c.Edges, func(e report.Edge) bool { return len(e.Deals) == 0 }) < 0
		})
	}
	now, ever := circles(live), circles(set.Deals)
	for _, want := range [][]string{
		{"Microsoft", "OpenAI"}, {"AMD", "OpenAI"},
		{"Amazon", "Anthropic"}, {"Anthropic", "Google"}, {"Anthropic", "Microsoft"},
		{"NVIDIA", "OpenAI", "Oracle"},
	} {
		if !has(now, want) {
			t.Errorf("no circle of %v with the deals of each edge", want)
		}
	}
	if nvidia := []string{"NVIDIA", "OpenAI"}; has(now, nvidia) || !has(ever, nvidia) {
		t.Errorf("NVIDIA ↔ OpenAI: a circle today %v, with the replaced letter %v; want false, true", has(now, nvidia), has(ever, nvidia))
	}
}

// TestSnapshotIsFresh: the snapshot the binary ships is the data set as the
// files hold it now, and reads back as the same deals.
func TestSnapshotIsFresh(t *testing.T) {
	set := store.Load(deals.FS, "deals")
	want, err := store.Snapshot(deals.FS, set)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, deals.Snapshot) {
		t.Fatal("bundled.snapshot is stale: run go generate ./deals and commit it")
	}
	got, ok := store.LoadSnapshot(deals.FS, "deals", deals.Snapshot)
	if !ok {
		t.Fatal("the snapshot does not load")
	}
	if !reflect.DeepEqual(got.Deals, set.Deals) || !reflect.DeepEqual(got.Registry.Parties, set.Registry.Parties) {
		t.Error("the snapshot reads back as other deals than the files")
	}
	if _, ok := store.LoadSnapshot(fstest.MapFS{"a-deal.yaml": {Data: []byte("title: T\n")}}, "x", deals.Snapshot); ok {
		t.Error("a snapshot was used for files it was not made from")
	}
}

// TestReplayIsToday: replaying a deal's updates gives the deal as it
// stands. Each deal gets a later, note-only update, so that AsOf on the
// day before it must rebuild the deal from its updates rather than return
// it as it is; the rebuilt deal must equal today's.
func TestReplayIsToday(t *testing.T) {
	set := load(t)
	for _, d := range set.Deals {
		c := *d
		c.Updates = append(slices.Clone(d.Updates), deal.Update{Date: deal.Date{Year: 2100, Month: 1, Day: 1}, Note: "later"})
		then := c.AsOf(deal.Date{Year: 2099, Month: 12, Day: 31})
		if then != nil && len(then.Updates) == 0 {
			then.Updates = d.Updates // none either way; nil and empty alike
		}
		if then == nil || !reflect.DeepEqual(*then, *d) {
			t.Errorf("%s replayed from its updates differs from %s today:\n then %+v\n now  %+v", d.ID, d.ID, then, d)
		}
	}
}

// TestReadmeCountsTheData holds the counts the README gives of the
// bundled data to the data itself, so they cannot go stale.
func TestReadmeCountsTheData(t *testing.T) {
	set := load(t)
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(data)), " ")
	years := map[int]int{}
	confirmed, reported, reportedDollars, copiesOnly := 0, 0, 0, 0
	for _, d := range set.Deals {
		years[d.Announced.Year]++
		if d.Confirmed() {
			confirmed++
		}
		if len(d.Reported) > 0 {
			reported++
		}
		if d.IsReported("dollars") {
			reportedDollars++
		}
		if !slices.ContainsFunc(d.AllSources(), func(s deal.Source) bool { return s.Kind != "copy" }) {
			copiesOnly++
		}
	}
	for _, want := range []string{
		fmt.Sprintf("a bundled data set of %d real deals", len(set.Deals)),
		fmt.Sprintf("`deals/` holds %d deals", len(set.Deals)),
		fmt.Sprintf("among %d parties", len(set.Registry.Parties)),
		fmt.Sprintf("Most are from 2025 (%d) and 2026 (%d).", years[2025], years[2026]),
		fmt.Sprintf("%d are confirmed by a party's own statement or filing", confirmed),
		fmt.Sprintf("%d have a figure that rests on press reports only (%d of them the dollars", reported, reportedDollars),
		fmt.Sprintf("%d cite only copies on content sites", copiesOnly),
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md should say %q", want)
		}
	}
}
