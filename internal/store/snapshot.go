package store

import (
	"errors"
	"github.com/dealtrack/dealtrack/internal/folder"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// A snapshot is a data set decoded ahead of time: the built-in data set
// ships one, so that a command on it does not parse hundreds of files on
// every run. It holds a checksum of the files it was made from, and is used
// only while they are unchanged.
type snapshot struct {
	Sum     uint32 // crc32 of every file it was made from, names and contents, in order
	Files   []string
	Deals   []*deal.Deal
	Parties []deal.Party
}

// Snapshot encodes set, loaded from fsys without a problem, as a
// snapshot.
func Snapshot(fsys fs.FS, set *Set) ([]byte, error) {
	if len(set.Problems) > 0 {
		return nil, errors.New("a data set with problems has no snapshot")
	}
	sum, files, err := checksum(fsys)
	if err != nil {
		return nil, err
	}
	s := snapshot{Sum: sum, Files: files, Deals: set.Deals}
	if set.Registry != nil {
		s.Parties = set.Registry.Parties
	}
	return pack(s)
}

// LoadSnapshot returns the set data holds, as Load would read it from
// fsys, or false when data is no snapshot of fsys's files as they are
// now; the caller then loads the files.
func LoadSnapshot(fsys fs.FS, prefix string, data []byte) (*Set, bool) {
	type summed struct {
		sum uint32
		err error
	}
	files := make(chan summed, 1) // the files are summed on another core while the snapshot is decoded
	go func() {
		sum, _, err := checksum(fsys)
		files <- summed{sum, err}
	}()
	var s snapshot
	err := unpack(data, &s)
	if f := <-files; err != nil || f.err != nil || f.sum != s.Sum {
		return nil, false
	}
	set := &Set{Deals: s.Deals, byID: map[string]*deal.Deal{}, prefix: prefix, files: s.Files,
		known: map[string]string{}, decoded: map[string]*deal.Deal{}}
	if s.Parties != nil {
		set.Registry = &deal.Registry{}
		for _, p := range s.Parties {
			if set.Registry.Add(p) != nil {
				return nil, false
			}
		}
	}
	for _, d := range s.Deals {
		if d == nil || d.ID == "" || set.byID[d.ID] != nil {
			return nil, false // not what Snapshot writes
		}
		set.byID[d.ID], set.decoded[d.ID] = d, d
	}
	for _, f := range s.Files {
		set.known[strings.TrimSuffix(path.Base(f), ".yaml")] = path.Join(prefix, f)
	}
	return set, true
}

// checksum sums the names and contents of the registry and the deal files
// under fsys, in the order Load reads them.
func checksum(fsys fs.FS) (uint32, []string, error) {
	files, probs := dealFiles(fsys, func(p string) string { return p })
	if len(probs) > 0 {
		return 0, nil, errors.New(probs[0].Error())
	}
	h := crc32.NewIEEE()
	buf := make([]byte, 32<<10)
	var names []string
	for _, name := range append([]string{RegistryFile}, fileNames(files)...) {
		f, err := fsys.Open(name)
		if errors.Is(err, fs.ErrNotExist) && name == RegistryFile {
			continue
		}
		if err != nil {
			return 0, nil, err
		}
		h.Write([]byte(name + "\x00"))
		_, err = io.CopyBuffer(h, f, buf)
		f.Close()
		if err != nil {
			return 0, nil, err
		}
		if name != RegistryFile {
			names = append(names, name)
		}
	}
	return h.Sum32(), names, nil
}

func fileNames(files []folder.File) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Name
	}
	return out
}
