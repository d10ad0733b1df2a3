package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

func newPartyCmd(app *App) *cobra.Command {
	party := &cobra.Command{
		Use:     "party",
		Short:   "keep the party registry: rename a party in every deal",
		Example: "  dealtrack party rename Crusoe 'Crusoe AI' --dry-run",
		Args:    args(cobra.NoArgs),
		RunE:    func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	var dryRun bool
	rename := &cobra.Command{
		Use:   "rename OLD NEW",
		Short: "rename a party, or fix a misspelt one, in every deal file that names it",
		Long: `Rewrite every deal file of the data folder that names OLD (in parties, or as
the payer or payee of a flow) to name NEW instead, keeping comments and layout
as fmt keeps them. When OLD is a party of parties.yaml and NEW is not, its
entry is renamed too, with OLD kept as its first alias. When both are
parties, merge their entries by hand first (OLD as an alias of NEW), then
run rename to rewrite the deals. A misspelt party is fixed the same way:
dealtrack party rename Antropic Anthropic.

Every new file is checked as check would check it before anything is
written; each file is replaced atomically, under the folder's lock.
--dry-run lists the files that would change and writes nothing.`,
		Example: `  dealtrack party rename Crusoe 'Crusoe AI' --dry-run
  dealtrack party rename Crusoe 'Crusoe AI'`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, names []string) error {
			return runPartyRename(app, cmd, strings.TrimSpace(names[0]), strings.TrimSpace(names[1]), dryRun)
		},
	}
	rename.Flags().BoolVar(&dryRun, "dry-run", false, "list the files that would change; write nothing")
	party.AddCommand(rename)
	return party
}

func runPartyRename(app *App, cmd *cobra.Command, old, to string, dryRun bool) error {
	switch {
	case old == "" || to == "":
		return usageErrorf(cmd, "give the old name and the new one")
	case old == to:
		return usageErrorf(cmd, "%q is already that name", old)
	}
	root, src, unlock, err := app.lockedFolder(cmd)
	if err != nil {
		return err
	}
	defer unlock()
	set := store.Load(src.fsys, src.name)
	if errs := set.Errors(); len(errs) > 0 {
		return fmt.Errorf("%s has %d %s; fix %s first (dealtrack check lists them)", src.name, len(errs), view.Plural(len(errs), "error", "errors"), view.Plural(len(errs), "it", "them"))
	}
	names := set.Files()
	if p := set.Registry.Party(old); p != nil && p.Name == old {
		if other := set.Registry.Party(to); other != nil {
			return fmt.Errorf("%s and %s are both parties of %s; merge their entries by hand (%s as an alias of %s), then run rename again", old, other.Name, store.RegistryFile, old, other.Name)
		}
		names = append([]string{store.RegistryFile}, names...)
	}
	rename := folder.Rewrite{
		Edit: func(name string, data []byte) ([]byte, error) {
			if name == store.RegistryFile {
				return dealfile.RenameRegistryParty(data, old, to)
			}
			renamed, changed, err := dealfile.RenameParty(data, []string{old}, to)
			if !changed {
				return data, err
			}
			return renamed, err
		},
		Refuse: func(name string, err error) error {
			return fmt.Errorf("%s: %w; nothing written", filepath.Join(src.name, name), unwrapPath(err))
		},
	}
	changes, err := rename.Plan(root, names)
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		return fmt.Errorf("no deal names %q and it is not a party of %s%s", old, store.RegistryFile, suggestParty(set, old))
	}
	if err := checkRenamed(app, set, src, changes, to); err != nil {
		return err
	}
	written := func(c folder.Change) { fmt.Fprintln(app.Out, filepath.Join(src.name, c.Name)) }
	if dryRun {
		for _, c := range changes {
			written(c)
		}
		return nil
	}
	var fe *folder.FileError
	err = folder.Apply(root, changes, written)
	switch {
	case errors.As(err, &fe) && errors.Is(fe.Err, folder.ErrNotRegular):
		return fmt.Errorf("%s names %s, but it is not a regular file (a symbolic link?): rename it in the file itself; nothing written", filepath.Join(src.name, fe.Name), old)
	case errors.As(err, &fe):
		return fmt.Errorf("%s not rewritten: %v (the files listed above were)", filepath.Join(src.name, fe.Name), unwrapPath(fe.Err))
	}
	return err
}

// checkRenamed checks every new file as check would, against the folder,
// and refuses the rename on any error; the registry must still read, with
// its renamed party.
func checkRenamed(app *App, set *store.Set, src dataSource, changes []folder.Change, to string) error {
	errs := 0
	for _, c := range changes {
		var probs []store.Problem
		if c.Name == store.RegistryFile {
			reg, ps := store.CheckRegistry(filepath.Join(src.name, c.Name), c.New)
			probs = ps
			if reg == nil || reg.Party(to) == nil {
				probs = append(probs, store.Problem{Path: filepath.Join(src.name, c.Name), Msg: "internal error: the renamed registry would not hold " + to + "; please report it"})
			}
		} else {
			_, probs = set.CheckReplace(c.Name, c.New)
		}
		for _, p := range probs {
			if p.Severity == store.Error {
				fmt.Fprintln(app.Err, p.Error())
				errs++
			}
		}
	}
	if errs > 0 {
		return errors.New("nothing written: the renamed files would have errors")
	}
	return nil
}

// suggestParty is ", did you mean X?" for a name close to a party, or "".
func suggestParty(set *store.Set, name string) string {
	if s := set.Registry.Suggest(name); s != "" {
		return fmt.Sprintf(" (did you mean %s?)", s)
	}
	return ""
}
