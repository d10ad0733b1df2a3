package store

import (
	"fmt"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/dealtrack/dealtrack/internal/synth"
)

// BenchmarkDecodeDeal decodes one deal file of gen.py's shape (with flows).
func BenchmarkDecodeDeal(b *testing.B) {
	data := synth.Files(1)["deal-000000.yaml"]
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		fd := &fileDecoder{path: "deal-000000.yaml"}
		if d, _ := decodeDeal(fd, "deal-000000", data, nil); d == nil || fd.failed() {
			b.Fatalf("decode failed: %v", fd.probs)
		}
	}
}

// BenchmarkLoad loads folders of 1k and 10k deal files from disk and from
// memory (the difference is the cost of the file system).
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		dir := b.TempDir()
		if err := synth.Write(dir, n); err != nil {
			b.Fatal(err)
		}
		mem := fstest.MapFS{}
		for name, body := range synth.Files(n) {
			mem[name] = &fstest.MapFile{Data: body}
		}
		for _, src := range []struct {
			name string
			fsys func() fs.FS
		}{
			{"disk", func() fs.FS { return os.DirFS(dir) }},
			{"memory", func() fs.FS { return mem }},
		} {
			b.Run(fmt.Sprintf("%s/%d", src.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s := Load(src.fsys(), "deals")
					if len(s.Deals) != n || len(s.Problems) != 0 {
						b.Fatalf("loaded %d deals, %d problems", len(s.Deals), len(s.Problems))
					}
				}
			})
		}
	}
}
