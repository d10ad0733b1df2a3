package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

// dataSource is where deals are read from.
type dataSource struct {
	fsys fs.FS
	root *os.Root // the folder, opened once per command; nil for the built-in data set
	dir  string   // the folder; "" for the built-in data set
	name string   // how paths are shown
}

// source applies the data rule: --data, $DEALTRACK_DATA, ./deals when it
// holds deal files, else the built-in data set.
func (app *App) source() (dataSource, error) {
	if app.src == nil {
		src, err := app.openSource()
		app.src, app.srcErr = &src, err
	}
	return *app.src, app.srcErr
}

// closeData closes the data folder, if a command opened one.
func (app *App) closeData() {
	if app.src != nil && app.src.root != nil {
		if d, ok := app.src.fsys.(*folder.Dir); ok {
			d.Close()
		}
		app.src.root.Close()
	}
}

// openSource opens the data the rule picks.
func (app *App) openSource() (dataSource, error) {
	dir := app.dataFlag
	if dir == "" {
		dir = app.Getenv("DEALTRACK_DATA")
	}
	if dir == "" && hasDealFiles("deals") {
		dir = "deals"
	}
	if dir == "" {
		return dataSource{fsys: app.Builtin, name: "(built-in)"}, nil
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return dataSource{}, fmt.Errorf("data folder %s: %w", dir, unwrapPath(err))
	}
	return dataSource{fsys: folder.NewDir(root), root: root, dir: dir, name: filepath.Clean(dir)}, nil
}

func hasDealFiles(dir string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	return len(m) > 0
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// load reads the data set and refuses to go on when it has errors: a
// report on broken data would mislead.
func (app *App) load() (*store.Set, error) {
	src, err := app.source()
	if err != nil {
		return nil, err
	}
	set := app.read(src)
	if errs := set.Errors(); len(errs) > 0 {
		for _, p := range errs {
			fmt.Fprintln(app.Err, p.Error())
		}
		return nil, fmt.Errorf("%s has %d %s; fix %s first (dealtrack check lists every problem)", src.name, len(errs), view.Plural(len(errs), "error", "errors"), view.Plural(len(errs), "it", "them"))
	}
	return set, nil
}

// read loads src for a read command: the built-in data set from its
// snapshot while that matches the files, anything else from its files.
func (app *App) read(src dataSource) *store.Set {
	if src.dir == "" && app.Snapshot != nil {
		if set, ok := store.LoadSnapshot(src.fsys, src.name, app.Snapshot); ok {
			return set
		}
	}
	return store.Load(src.fsys, src.name)
}
