package folder

import (
	"os"
	"path"
	"strings"
	"sync"
	"time"
)

// The hidden temporary files Create and Replace write before a file takes
// its name go when the write ends; when the program is interrupted, with
// RemoveTemporary, which main calls on SIGINT and SIGTERM; and after a
// SIGKILL or a crash, with the next write in the folder, which removes
// those older than staleAfter.

var temps = struct {
	sync.Mutex
	open map[*os.Root]map[string]bool
}{open: map[*os.Root]map[string]bool{}}

// track notes that tmp, in root, is being written.
func track(root *os.Root, tmp string) {
	temps.Lock()
	defer temps.Unlock()
	if temps.open[root] == nil {
		temps.open[root] = map[string]bool{}
	}
	temps.open[root][tmp] = true
}

// forget notes that tmp is gone: renamed, linked and removed, or removed.
func forget(root *os.Root, tmp string) {
	temps.Lock()
	defer temps.Unlock()
	delete(temps.open[root], tmp)
	if len(temps.open[root]) == 0 {
		delete(temps.open, root)
	}
}

// RemoveTemporary removes every temporary file this program is writing,
// for a program about to exit on a signal. A write it cuts short leaves
// the file it was writing as it was.
func RemoveTemporary() {
	temps.Lock()
	defer temps.Unlock()
	for root, names := range temps.open {
		for tmp := range names {
			root.Remove(tmp)
		}
	}
	clear(temps.open)
}

// staleAfter is the age past which a temporary file is left over from a
// write that was killed: a write takes milliseconds.
const staleAfter = 10 * time.Minute

// removeStale removes from the folder dir of root the temporary files a
// killed write left there: hidden, named as writeTemp names them, and
// older than staleAfter. Other hidden files (.git, the lock) are left.
func removeStale(root *os.Root, dir string, now time.Time) {
	f, err := root.Open(dir)
	if err != nil {
		return
	}
	entries, _ := f.ReadDir(-1)
	f.Close()
	for _, e := range entries {
		if !e.Type().IsRegular() || !isTempName(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter {
			root.Remove(path.Join(dir, e.Name()))
		}
	}
}

// isTempName reports whether name is one writeTemp makes: .NAME.tmp-XXXX,
// XXXX in base 36.
func isTempName(name string) bool {
	i := strings.LastIndex(name, ".tmp-")
	if !strings.HasPrefix(name, ".") || i < 2 || i+len(".tmp-") == len(name) {
		return false
	}
	for _, c := range name[i+len(".tmp-"):] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}
