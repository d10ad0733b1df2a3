package cli

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteAllIsAllOrNothing: when a file cannot be written or moved into
// place, init's folder is left as it was, with no file of the half-done
// copy and no staging folder.
func TestWriteAllIsAllOrNothing(t *testing.T) {
	files := map[string][]byte{"README.md": []byte("r\n"), "parties.yaml": []byte("{}\n"), "a.yaml": []byte("t\n")}
	for _, tt := range []struct {
		name    string
		setup   func(dir string)
		files   map[string][]byte
		want    []string // what the folder holds afterwards
		wantErr bool
	}{
		{"everything written", nil, files, []string{"README.md", "a.yaml", "parties.yaml"}, false},
		{"a file cannot be written: nothing is", nil,
			map[string][]byte{"README.md": []byte("r\n"), "x.yaml": []byte("t\n"), "x.yaml/y.yaml": []byte("t\n")}, nil, true},
		{"a file cannot be moved into place: those moved before it go again", func(dir string) {
			os.MkdirAll(filepath.Join(dir, "parties.yaml", "keep"), 0o755)
		}, files, []string{"parties.yaml"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.setup != nil {
				tt.setup(dir)
			}
			root, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			err = writeAll(root, dir, tt.files)
			if (err != nil) != tt.wantErr {
				t.Errorf("writeAll: %v, want an error: %v", err, tt.wantErr)
			}
			entries, _ := os.ReadDir(dir)
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("the folder holds %q, want %q", got, tt.want)
			}
		})
	}
}
