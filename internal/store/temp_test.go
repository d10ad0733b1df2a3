package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestIsTempName(t *testing.T) {
	for name, want := range map[string]bool{
		".deal.yaml.tmp-3k9x0a": true,
		".x.tmp-0":              true,
		"deal.yaml.tmp-3k9x0a":  false, // not hidden
		".deal.yaml.tmp-":       false,
		".deal.yaml.tmp-ABC":    false,
		".dealtrack.lock":       false,
		".git":                  false,
		".tmp-abc":              false,
	} {
		if got := isTempName(name); got != want {
			t.Errorf("isTempName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestStaleTemporaryFilesGo: a write removes the temporary files a killed
// write left in its folder, and only those.
func TestStaleTemporaryFilesGo(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".old.yaml.tmp-1a", ".new.yaml.tmp-2b", ".dealtrack.lock", "deal.yaml", ".notes.bak"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".old.yaml.tmp-1a", ".dealtrack.lock", "deal.yaml", ".notes.bak"} {
		os.Chtimes(filepath.Join(dir, name), old, old)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := Create(root, "fresh.yaml", []byte("title: T\n")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{".dealtrack.lock", ".new.yaml.tmp-2b", ".notes.bak", "deal.yaml", "fresh.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("after a write the folder holds %q, want %q", got, want)
	}
}

// TestRemoveTemporary: on a signal, the temporary files being written go.
func TestRemoveTemporary(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	tmp, err := writeTemp(root, "deal.yaml", []byte("x"), 0o644, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, tmp)); err != nil {
		t.Fatalf("no temporary file: %v", err)
	}
	RemoveTemporary()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}
