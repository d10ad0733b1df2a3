//go:build !unix

package folder

import "os"

// openNonblock is not needed where there are no named pipes in folders.
const openNonblock = 0

// Lock is a no-op where flock is not available: Replace's check that the
// file still holds what was read still refuses to overwrite a change.
func Lock(root *os.Root) (unlock func(), err error) { return func() {}, nil }
