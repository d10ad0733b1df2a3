package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/folder"
)

// folder opens the data folder that cmd writes to. Every file operation
// goes through the returned root, so no name or symbolic link can lead
// outside the folder. The built-in data set is read-only: the error says
// how to get a folder.
func (app *App) folder(cmd *cobra.Command) (*os.Root, dataSource, error) {
	src, err := app.source()
	if err != nil {
		return nil, src, err
	}
	if src.root == nil {
		return nil, src, usageErrorf(cmd, `%s writes to a data folder, and none is set: the built-in data set is read-only
hint: make a folder with 'dealtrack init DIR' ('dealtrack init --bundled DIR' copies the built-in deals),
hint: then pass --data DIR or set DEALTRACK_DATA=DIR`, cmd.Name())
	}
	return src.root, src, nil
}

// lockedFolder opens the data folder for a command that rewrites files in
// it, under the folder's lock (update, party rename): the root, the
// source, and the function that lets the lock go. Main closes the folder.
func (app *App) lockedFolder(cmd *cobra.Command) (*os.Root, dataSource, func(), error) {
	root, src, err := app.folder(cmd)
	if err != nil {
		return nil, src, nil, err
	}
	unlock, err := folder.Lock(root)
	if err != nil {
		return nil, src, nil, fmt.Errorf("%s: cannot take the folder's lock: %v", src.name, unwrapPath(err))
	}
	return root, src, unlock, nil
}
