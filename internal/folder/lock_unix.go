//go:build unix

package folder

import (
	"os"
	"syscall"
)

// openNonblock opens a pipe without waiting for a writer, so that a file
// swapped for one is refused, not waited on.
const openNonblock = syscall.O_NONBLOCK

// Lock takes the folder's write lock, waiting for another dealtrack that
// holds it, and returns the function that lets it go. The lock is an
// advisory flock on .dealtrack.lock in the folder (hidden, so the loader
// skips it): updates of deals in one folder run one after another, and
// none is lost.
func Lock(root *os.Root) (unlock func(), err error) {
	f, err := root.OpenFile(LockFile, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
