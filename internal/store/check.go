package store

import (
	"fmt"
	"github.com/dealtrack/dealtrack/internal/folder"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// Files lists the deal files of the set's folder, as slash paths relative
// to it, in lexical order.
func (s *Set) Files() []string { return slices.Clone(s.files) }

// Decode reads data as the content of the deal file name (a slash path
// relative to the folder) with the rules Load applies to one file, against
// the set's registry. It returns the deal (nil when the file holds none) and
// the file's problems, sorted.
func (s *Set) Decode(name string, data []byte) (*deal.Deal, []Problem) {
	r := s.decodeFile(name, path.Join(s.prefix, name), data)
	sortProblems(r.probs)
	return r.deal, r.probs
}

// File returns the path, relative to the folder, of the file that holds
// the deal id.
func (s *Set) File(id string) (string, bool) {
	for _, f := range s.files {
		if strings.TrimSuffix(path.Base(f), ".yaml") == id {
			return f, true
		}
	}
	return "", false
}

// CheckNew validates data as a new deal file name to be added to the
// folder: the rules of one file (Decode), then those that span files, as
// check applies them — the id must be new and part_of must name a deal
// that exists without making a loop. Errors in the registry are included,
// since names cannot be checked against a broken one.
func (s *Set) CheckNew(name string, data []byte) (*deal.Deal, []Problem) {
	return s.check(name, data, false)
}

// CheckReplace validates data as the new content of the deal file name,
// with the rules of CheckNew but for the id, which is the file's own.
func (s *Set) CheckReplace(name string, data []byte) (*deal.Deal, []Problem) {
	return s.check(name, data, true)
}

func (s *Set) check(name string, data []byte, replacing bool) (*deal.Deal, []Problem) {
	shown := path.Join(s.prefix, name)
	if len(data) > folder.MaxFileSize {
		return nil, append(s.registryErrors(), Problem{Path: shown, Msg: folder.ErrTooLarge.Error()})
	}
	r := s.decodeFile(name, shown, data)
	probs := append(s.registryErrors(), r.probs...)
	if d := r.deal; d != nil {
		if other, dup := s.known[d.ID]; dup && !(replacing && other == r.path) {
			probs = append(probs, Problem{Path: r.path, Msg: fmt.Sprintf("id %s is already used by %s", d.ID, other)})
		}
		decoded := maps.Clone(s.decoded)
		if decoded == nil {
			decoded = map[string]*deal.Deal{}
		}
		decoded[d.ID] = d
		probs = append(probs, r.links(decoded)...)
	}
	sortProblems(probs)
	return r.deal, probs
}

func (s *Set) registryErrors() []Problem {
	var errs []Problem
	at := path.Join(s.prefix, RegistryFile)
	for _, p := range s.Problems {
		if p.Path == at && p.Severity == Error {
			errs = append(errs, p)
		}
	}
	return errs
}
