// Package foldertest makes data folders on disk for tests.
package foldertest

import (
	"os"
	"path/filepath"
	"testing"
)

// PlainDeal is a valid deal file; tests break it in one way each.
const PlainDeal = `title: NVIDIA to invest in OpenAI
announced: 2025-09-22
status: announced
kind: investment
parties: [NVIDIA, OpenAI]
dollars: up to $100B
sources:
  - {publisher: OpenAI, title: Announcement}
`

// Make writes files (path → content; a content of "/" makes a folder)
// under a new temporary directory and returns it.
func Make(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if content == "/" {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Symlink makes a link at dir/name (slash-separated) to target, or skips
// the test where links cannot be made.
func Symlink(t testing.TB, target, dir, name string) {
	t.Helper()
	if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
}

// Root opens dir as an os.Root that closes when the test ends.
func Root(t testing.TB, dir string) *os.Root {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root
}
