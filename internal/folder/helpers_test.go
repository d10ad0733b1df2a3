package folder

import (
	"os"
	"testing"

	"github.com/dealtrack/dealtrack/internal/folder/foldertest"
)

const plainDeal = foldertest.PlainDeal

func folder(t *testing.T, files map[string]string) string { return foldertest.Make(t, files) }

func symlink(t *testing.T, target, dir, name string) { foldertest.Symlink(t, target, dir, name) }

// openDir opens dir as the command line does: a root, and a Dir over
// it; both close when the test ends.
func openDir(t *testing.T, dir string) (*os.Root, *Dir) {
	t.Helper()
	root := foldertest.Root(t, dir)
	d := NewDir(root)
	t.Cleanup(func() { d.Close() })
	return root, d
}
