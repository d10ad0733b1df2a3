package store

import (
	"encoding/binary"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/internal/deal"

	"github.com/dealtrack/dealtrack/internal/synth"
)

type inner struct{ A, B int64 }

type kinds struct {
	S      string
	Named  label
	B      bool
	I      int
	I8     int8
	U8     uint8
	U64    uint64
	Nil    []string
	Empty  []string
	List   []inner
	Ptr    *inner
	NilPtr *inner
	inner  // unexported and embedded: its exported fields are carried
}

type label string

func TestPackRoundTrip(t *testing.T) {
	want := kinds{S: "héllo", Named: "kind", B: true, I: -7, I8: -128, U8: 255, U64: 1<<64 - 1,
		Empty: []string{}, List: []inner{{1, -1}, {1 << 62, -(1 << 62)}}, Ptr: &inner{3, 4}, inner: inner{5, 6}}
	data, err := pack(want)
	if err != nil {
		t.Fatal(err)
	}
	var got kinds
	if err := unpack(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got.Nil != nil || got.Empty == nil {
		t.Errorf("nil and empty slices are not kept apart: %#v, %#v", got.Nil, got.Empty)
	}
}

// TestPackDeals: a generated data set, every deal and party, reads back
// as it was loaded.
func TestPackDeals(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 300); err != nil {
		t.Fatal(err)
	}
	set := Load(os.DirFS(dir), dir)
	if len(set.Problems) > 0 || len(set.Deals) != 300 {
		t.Fatalf("%d deals, problems %v", len(set.Deals), set.Problems)
	}
	data, err := Snapshot(os.DirFS(dir), set)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := LoadSnapshot(os.DirFS(dir), dir, data)
	if !ok {
		t.Fatal("the snapshot does not load")
	}
	if !reflect.DeepEqual(got.Deals, set.Deals) {
		t.Error("the snapshot reads back as other deals")
	}
}

// TestUnpackDamaged: a snapshot cut short, with a byte changed, or made
// for another type is refused or read, never a panic or a hang.
func TestUnpackDamaged(t *testing.T) {
	data, err := pack(kinds{S: "x", List: []inner{{1, 2}}, Ptr: &inner{}, Empty: []string{"a", "b"}})
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		var k kinds
		if unpack(data[:n], &k) == nil {
			t.Errorf("cut to %d of %d bytes, it still reads", n, len(data))
		}
	}
	for i := range data {
		for _, b := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			damaged := append([]byte(nil), data...)
			damaged[i] = b
			var k kinds
			_ = unpack(damaged, &k) // must return
		}
	}
	var other struct{ S string }
	if err := unpack(data, &other); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("read as another type: %v", err)
	}
	if _, err := pack(struct{ hidden string }{"x"}); err == nil {
		t.Error("an unexported field was skipped, not refused")
	}
}

// TestLoadSnapshotRefusesWhatSnapshotNeverWrites: a snapshot whose sum
// matches but that holds a nil deal, a deal without an id, the same id
// twice or a qualifier no figure has is not used (it would crash later).
func TestLoadSnapshotRefusesWhatSnapshotNeverWrites(t *testing.T) {
	fsys := fstest.MapFS{"a.yaml": {Data: []byte("title: A\n")}}
	sum, files, err := checksum(fsys)
	if err != nil {
		t.Fatal(err)
	}
	badQ := &deal.Deal{ID: "a"}
	badQ.Dollars = deal.NewAmount(deal.Qualifier(200), 1, 1)
	for name, ds := range map[string][]*deal.Deal{
		"nil deal":      {nil},
		"no id":         {{Title: "x"}},
		"id twice":      {{ID: "a"}, {ID: "a"}},
		"bad qualifier": {badQ},
	} {
		data, err := pack(snapshot{Sum: sum, Files: files, Deals: ds})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := LoadSnapshot(fsys, "x", data); ok {
			t.Errorf("%s: the snapshot was used", name)
		}
	}
	good, _ := pack(snapshot{Sum: sum, Files: files, Deals: []*deal.Deal{{ID: "a"}}})
	if _, ok := LoadSnapshot(fsys, "x", good); !ok {
		t.Error("a good snapshot was refused")
	}
}

// TestUnpackBoundsLengths: a slice may claim no more items than the
// input left could hold, at the fewest bytes an item takes, so a claimed
// length cannot make unpack allocate far more than its input.
func TestUnpackBoundsLengths(t *testing.T) {
	type wide struct{ A, B, C, D, E, F, G, H int64 }
	type list struct{ Items []wide }
	data, err := pack(list{Items: make([]wide, 3)})
	if err != nil {
		t.Fatal(err)
	}
	var l list
	if err := unpack(data, &l); err != nil || len(l.Items) != 3 {
		t.Fatalf("%v, %d items", err, len(l.Items))
	}
	// Claim 100,000 items, followed by 100,000 bytes: room for 12,500 at
	// 8 bytes each. Refused before anything is allocated for them.
	head := data[:len(data)-3*8-1]
	claim := binary.AppendUvarint(append([]byte(nil), head...), 100_000+1)
	claim = append(claim, make([]byte, 100_000)...)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err = unpack(claim, &list{})
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("100,000 items read from the bytes of 12,500")
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("unpack allocated %d bytes for a 100 KB input", got)
	}
}
