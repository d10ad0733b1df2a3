package folder

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// linuxDir lists and reads a data folder with fewer system calls than
// os.Root, which matters at ten thousand files: os.Root looks up every
// entry of a folder it lists (one lstat each), and a file it opens costs
// four fcntl and an epoll_ctl on top of open, read and close. linuxDir
// lists with getdents alone and reads a deal file with openat2, fstat,
// read and close. openat2's RESOLVE_BENEATH and RESOLVE_NO_SYMLINKS keep
// it inside the folder as os.Root does; anything it cannot open that way
// (a link, an old kernel) goes the root's way.
type linuxDir struct {
	root      *os.Root
	dir       *os.File    // the folder, kept open for fd
	fd        int         // the folder's descriptor, for openat2
	noOpenat2 atomic.Bool // the kernel refused openat2 once
	closed    atomic.Bool // fd may now name another folder
}

func newFastDir(root *os.Root) fastDir {
	dir, err := root.Open(".")
	if err != nil {
		return nil
	}
	return &linuxDir{root: root, dir: dir, fd: int(dir.Fd())}
}

func (l *linuxDir) Close() error {
	l.closed.Store(true)
	return l.dir.Close()
}

// readDir lists name through a second descriptor of the folder: a file
// os.Root opened looks up each entry it lists, a plain file takes the
// type getdents gives.
func (l *linuxDir) readDir(name string) ([]fs.DirEntry, error, bool) {
	if !fs.ValidPath(name) {
		return nil, nil, false // the root's way refuses it
	}
	// A folder swapped for a pipe since it was listed must be refused, not
	// waited on: open it as a folder only, without blocking.
	dir, err := l.root.OpenFile(name, os.O_RDONLY|unix.O_DIRECTORY|unix.O_NONBLOCK, 0)
	if errors.Is(err, unix.ENOTDIR) {
		return nil, err, true
	}
	if err != nil {
		return nil, nil, false
	}
	defer dir.Close()
	conn, err := dir.SyscallConn()
	if err != nil {
		return nil, nil, false
	}
	dup := -1
	if err := conn.Control(func(fd uintptr) { dup, _ = unix.FcntlInt(fd, unix.F_DUPFD_CLOEXEC, 0) }); err != nil || dup < 0 {
		return nil, nil, false
	}
	plain := os.NewFile(uintptr(dup), name)
	defer plain.Close()
	listed, err := plain.ReadDir(-1)
	if len(listed) > 0 {
		// A folder that can be listed but not entered: os.Root, which looks
		// every entry up, reports the folder; so must this.
		var st unix.Stat_t
		if unix.Fstatat(dup, listed[0].Name(), &st, unix.AT_SYMLINK_NOFOLLOW) == unix.EACCES {
			return nil, nil, false
		}
	}
	all := make([]rootEntry, len(listed))
	for i, e := range listed {
		all[i] = rootEntry{DirEntry: e, root: l.root, dir: name, name: e.Name()}
	}
	slices.SortFunc(all, func(a, b rootEntry) int { return strings.Compare(a.name, b.name) })
	entries := make([]fs.DirEntry, len(all))
	for i := range all {
		entries[i] = &all[i]
	}
	return entries, err, true
}

// rootEntry is an entry listed by linuxDir: its Info looks the entry up
// in the root (the plain file's would look it up from the working folder).
type rootEntry struct {
	fs.DirEntry
	root      *os.Root
	dir, name string
}

func (e *rootEntry) Name() string               { return e.name }
func (e *rootEntry) Info() (fs.FileInfo, error) { return e.root.Lstat(path.Join(e.dir, e.name)) }

// read reads the regular file name as ReadCapped would.
func (l *linuxDir) read(name string) ([]byte, error, bool) {
	if l.noOpenat2.Load() || l.closed.Load() || !fs.ValidPath(name) {
		return nil, nil, false
	}
	defer runtime.KeepAlive(l.dir)
	fd, err := unix.Openat2(l.fd, name, &unix.OpenHow{
		Flags:   unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK | unix.O_NOCTTY,
		Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS,
	})
	if err != nil {
		if err == unix.ENOSYS || err == unix.EPERM {
			l.noOpenat2.Store(true) // no openat2 here, or a sandbox refusing it
		}
		return nil, nil, false // the root's way says what is wrong
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}, true
	}
	switch {
	case st.Mode&unix.S_IFMT != unix.S_IFREG, st.Size == 0:
		return nil, nil, false // changed since it was listed, or of unknown size
	case st.Size > MaxFileSize:
		return nil, ErrTooLarge, true
	}
	data := make([]byte, st.Size)
	n := 0
	for n < len(data) {
		m, err := unix.Read(fd, data[n:])
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN:
			return nil, nil, false // a file system that honours O_NONBLOCK: read it blocking
		case err != nil:
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}, true
		case m == 0:
			return data[:n], nil, true // shrank since fstat
		}
		n += m
	}
	return data, nil, true
}
