package store

import (
	"bytes"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/dealfile"
)

// RegistryFile is the name of the party registry at a data folder's root.
const RegistryFile = "parties.yaml"

// decodeRegistry reads parties.yaml. A registry with no party yet, only
// comments or nothing, is empty.
func decodeRegistry(fd *fileDecoder, data []byte) *deal.Registry {
	if onlyComments(data) {
		return &deal.Registry{}
	}
	fd.keys = "one party per key: NVIDIA: {kind: company}"
	root := fd.document(data)
	defer fd.dropTree()
	if root == nil {
		return &deal.Registry{}
	}
	return dealfile.DecodeRegistry(fd, root)
}

// onlyComments reports whether data holds no YAML but blank lines and
// comments: an empty registry.
func onlyComments(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' {
			return false
		}
	}
	return true
}

// decodeDeal reads one deal file. It returns nil when the file holds no
// usable mapping; otherwise the deal, with problems recorded in fd, and
// where its references to other deals are.
func decodeDeal(fd *fileDecoder, id string, data []byte, reg *deal.Registry) (*deal.Deal, dealfile.Positions) {
	root := fd.document(data)
	defer fd.dropTree()
	if root == nil {
		return nil, dealfile.Positions{}
	}
	return dealfile.Decode(fd, root, id, reg)
}
