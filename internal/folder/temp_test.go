package folder

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
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

// TestCreateInAnAppendOnlyFolder: where files can be added but not
// removed, Create writes the file and says that its temporary file stays,
// without claiming that nothing was written.
func TestCreateInAnAppendOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("chattr", "+a", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make an append-only folder here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-a", dir).Run() })
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	err = Create(root, "deal.yaml", []byte("title: T\n"))
	var left *LeftBehind
	if !errors.As(err, &left) || !strings.HasPrefix(left.Temp, ".deal.yaml.tmp-") {
		t.Fatalf("Create: %v, want a LeftBehind naming the temporary file", err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "deal.yaml")); err != nil || string(data) != "title: T\n" {
		t.Errorf("deal.yaml: %q, %v", data, err)
	}
}
