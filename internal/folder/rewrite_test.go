package folder

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRewrite: Plan makes and checks every change before Apply writes
// any; a refused file is left out or stops the plan, as Refuse says; Apply
// writes nothing when one file is a link, and stops at a file that
// changed since it was read.
func TestRewrite(t *testing.T) {
	upper := Rewrite{
		Edit: func(name string, old []byte) ([]byte, error) {
			if strings.HasPrefix(name, "bad") {
				return nil, errors.New("cannot edit")
			}
			return bytes.ToUpper(old), nil
		},
		Verify: func(c Change) error {
			if strings.Contains(string(c.New), "VETO") {
				return errors.New("vetoed")
			}
			return nil
		},
	}
	dir := folder(t, map[string]string{"a.yaml": "a", "b.yaml": "B", "bad.yaml": "x", "veto.yaml": "veto", "c.yaml": "c"})
	root, _ := openDir(t, dir)
	names := []string{"a.yaml", "b.yaml", "bad.yaml", "veto.yaml", "missing.yaml", "c.yaml"}

	var refused []string
	upper.Refuse = func(name string, err error) error { refused = append(refused, name); return nil }
	changes, err := upper.Plan(root, names)
	if err != nil || len(changes) != 2 || changes[0].Name != "a.yaml" || changes[1].Name != "c.yaml" {
		t.Fatalf("Plan = %+v, %v; want the changes of a.yaml and c.yaml (b.yaml is already upper case)", changes, err)
	}
	if strings.Join(refused, " ") != "bad.yaml veto.yaml missing.yaml" {
		t.Errorf("refused %v", refused)
	}

	stop := errors.New("stop")
	upper.Refuse = func(string, error) error { return stop }
	if _, err := upper.Plan(root, names); err != stop {
		t.Errorf("Plan with a Refuse that stops: %v", err)
	}

	symlink(t, "a.yaml", dir, "link.yaml")
	withLink := append(changes, Change{"link.yaml", []byte("a"), []byte("A")})
	var fe *FileError
	if err := Apply(root, withLink, func(Change) { t.Error("written although a file is a link") }); !errors.As(err, &fe) || fe.Name != "link.yaml" || !errors.Is(err, ErrNotRegular) {
		t.Errorf("Apply with a link: %v", err)
	}
	if got := read(t, dir, "a.yaml"); got != "a" {
		t.Errorf("a.yaml = %q after a refused Apply", got)
	}

	os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("changed"), 0o644)
	var written []string
	err = Apply(root, changes, func(c Change) { written = append(written, c.Name) })
	if !errors.As(err, &fe) || fe.Name != "c.yaml" || !errors.Is(err, ErrChanged) {
		t.Errorf("Apply over a changed file: %v", err)
	}
	if strings.Join(written, " ") != "a.yaml" || read(t, dir, "a.yaml") != "A" || read(t, dir, "c.yaml") != "changed" {
		t.Errorf("written %v; a.yaml %q, c.yaml %q", written, read(t, dir, "a.yaml"), read(t, dir, "c.yaml"))
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestRewriteWithoutRefuse: with no Refuse, Plan stops at the first file
// it cannot read or edit, naming it.
func TestRewriteWithoutRefuse(t *testing.T) {
	root, _ := openDir(t, folder(t, map[string]string{"a.yaml": "a"}))
	_, err := Rewrite{Edit: func(_ string, old []byte) ([]byte, error) { return old, nil }}.Plan(root, []string{"a.yaml", "missing.yaml"})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Name != "missing.yaml" {
		t.Errorf("Plan: %v", err)
	}
}
