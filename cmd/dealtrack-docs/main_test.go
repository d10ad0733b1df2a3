package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestDocsAreFresh regenerates the manuals and the README's table of
// fields into a temporary folder and compares them with the committed
// ones: a command, flag or field changed without regenerating fails here.
func TestDocsAreFresh(t *testing.T) {
	repo := filepath.Join("..", "..")
	tmp := t.TempDir()
	readme, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "README.md"), readme, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := generate(tmp); err != nil {
		t.Fatal(err)
	}
	want := files(t, tmp)
	got := files(t, repo, "docs/man", "docs/reference", "docs/pictures")
	got["README.md"] = readme
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s is missing: run go run ./cmd/dealtrack-docs and commit the result", name)
		case !bytes.Equal(g, w):
			t.Errorf("%s is stale: run go run ./cmd/dealtrack-docs and commit the result", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is no longer generated: run go run ./cmd/dealtrack-docs, which removes it", name)
		}
	}
	if len(want) < 10 {
		t.Errorf("only %d files generated", len(want))
	}
}

// files reads every file under root, or under root's dirs, by its path
// relative to root.
func files(t *testing.T, root string, dirs ...string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			rel, _ := filepath.Rel(root, path)
			out[filepath.ToSlash(rel)] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestEveryCommandHasAManPage(t *testing.T) {
	tmp := t.TempDir()
	os.WriteFile(filepath.Join(tmp, "README.md"), []byte(fieldsStart+fieldsEnd), 0o644)
	if err := generate(tmp); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"dealtrack.1", "dealtrack-list.1", "dealtrack-show.1", "dealtrack-check.1", "dealtrack-where.1", "dealtrack-exit-codes.1", "dealtrack-completion-bash.1"} {
		b, err := os.ReadFile(filepath.Join(tmp, "docs", "man", page))
		if err != nil {
			t.Errorf("no man page %s", page)
			continue
		}
		if !bytes.HasPrefix(b, []byte(".nh\n.TH ")) || bytes.Contains(b, []byte("Auto generated")) {
			t.Errorf("%s does not look like a deterministic man page:\n%.200s", page, b)
		}
	}
	readme, _ := os.ReadFile(filepath.Join(tmp, "README.md"))
	if !bytes.Contains(readme, []byte("| `valuation_usd` | dollars or nil |")) {
		t.Errorf("README's table of fields was not written:\n%s", readme)
	}
}

func TestReadmeWithoutMarkers(t *testing.T) {
	tmp := t.TempDir()
	os.WriteFile(filepath.Join(tmp, "README.md"), []byte("# no markers\n"), 0o644)
	if err := generate(tmp); err == nil {
		t.Error("no error for a README without the table's markers")
	}
}
