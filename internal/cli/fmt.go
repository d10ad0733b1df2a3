package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

type fmtOptions struct {
	check bool
}

func newFmtCmd(app *App) *cobra.Command {
	var opts fmtOptions
	cmd := &cobra.Command{
		Use:   "fmt [FILE...]",
		Short: "rewrite deal files in canonical form (--check lists the ones that differ)",
		Long: `Rewrite every deal file of the data folder in one canonical form: keys in
the order of the format, figures in their canonical notation ($100B, up to
10 GW), names on one line ([NVIDIA, OpenAI]), each flow, source and update on
one line ({from: …, to: …}) when every item of its list fits in 100 columns
(a list with comments beside its items keeps its layout), multi-line notes
as a block, quotes only where YAML needs them. Comments and every value are
kept; running fmt twice changes nothing the second time.

fmt prints the path of each file it rewrites. Each is replaced atomically.
When a file has errors, fmt prints them as check does and rewrites nothing.

With --check, fmt writes nothing: it lists the files that are not in
canonical form and exits 1 when there is one, for CI.

Name files to format only those (a pre-commit hook passes the staged ones);
they must be in the data folder and free of errors, the others need not be.`,
		Example: `  dealtrack fmt --data ./deals
  dealtrack fmt --data ./deals --check
  dealtrack fmt --check deals/stargate.yaml deals/stargate-uk.yaml`,
		Args: args(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, files []string) error { return runFmt(app, cmd, &opts, files) },
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "write nothing; list the files that differ and fail if any does")
	return cmd
}

// runFmt rewrites the files not in canonical form; each new form must
// read back as the same deal with the same comments, or that file is left
// as it is and named, and the others are formatted all the same.
func runFmt(app *App, cmd *cobra.Command, opts *fmtOptions, files []string) error {
	root, src, err := app.folder(cmd)
	if err != nil {
		return err
	}
	dir := src.fsys
	set := store.Load(dir, src.name)
	probs, err := problemsOf(cmd, set, src, files)
	if err != nil {
		return err
	}
	var errs []store.Problem
	for _, p := range probs {
		if p.Severity == store.Error {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		for _, p := range errs {
			fmt.Fprintln(app.Err, p.Error())
		}
		return fmt.Errorf("%s has %d %s; nothing rewritten (fix %s first)", src.name, len(errs), view.Plural(len(errs), "error", "errors"), view.Plural(len(errs), "it", "them"))
	}
	var refused []error
	format := folder.Rewrite{
		Edit: func(name string, old []byte) ([]byte, error) {
			canon, err := dealfile.Canonical(old)
			if err == nil && len(canon) > folder.MaxFileSize {
				err = fmt.Errorf("its canonical form would be larger than the %d KiB a deal file may be", folder.MaxFileSize>>10)
			}
			if err != nil {
				return nil, fmt.Errorf("not formatted: %w", err)
			}
			return canon, nil
		},
		Verify: func(c folder.Change) error { return sameDeal(set, c) },
		Refuse: func(name string, err error) error {
			refused = append(refused, fmt.Errorf("%s: %w", filepath.Join(src.name, name), unwrapPath(err)))
			return nil // one file that cannot be kept does not hold up the others
		},
	}
	rewrites, _ := format.Plan(root, only(set.Files(), named(src, files)))
	for _, err := range refused {
		fmt.Fprintln(app.Err, err)
	}
	if opts.check {
		for _, r := range rewrites {
			fmt.Fprintln(app.Out, filepath.Join(src.name, r.Name))
		}
	} else {
		err := folder.Apply(root, rewrites, func(c folder.Change) { fmt.Fprintln(app.Out, filepath.Join(src.name, c.Name)) })
		var fe *folder.FileError
		switch {
		case errors.As(err, &fe) && errors.Is(fe.Err, folder.ErrNotRegular):
			return fmt.Errorf("%s is not in canonical form, but it is not a regular file (a symbolic link?): format the file itself; nothing rewritten", filepath.Join(src.name, fe.Name))
		case errors.As(err, &fe):
			return fmt.Errorf("%s not rewritten: %w", filepath.Join(src.name, fe.Name), unwrapPath(fe.Err))
		}
	}
	if opts.check && len(rewrites) > 0 {
		return fmt.Errorf("%d %s not in canonical form (dealtrack fmt rewrites %s)", len(rewrites), view.Plural(len(rewrites), "file is", "files are"), view.Plural(len(rewrites), "it", "them"))
	}
	if len(refused) > 0 {
		return fmt.Errorf("%d %s left as %s: %s", len(refused), view.Plural(len(refused), "file", "files"), view.Plural(len(refused), "it is", "they are"), "see above")
	}
	return nil
}

// only is the files of all that are in names, or all when names is nil.
func only(all []string, names map[string]bool) []string {
	if names == nil {
		return all
	}
	var out []string
	for _, f := range all {
		if names[f] {
			out = append(out, f)
		}
	}
	return out
}

// named is the set of files, relative to the folder, the arguments name,
// or nil for every file.
func named(src dataSource, files []string) map[string]bool {
	if len(files) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, f := range files {
		if rel, err := filepath.Rel(src.dir, f); err == nil {
			out[filepath.ToSlash(rel)] = true
		}
	}
	return out
}

// sameDeal makes sure formatting kept every value of a file.
func sameDeal(set *store.Set, c folder.Change) error {
	before, _ := set.Decode(c.Name, c.Old)
	after, probs := set.Decode(c.Name, c.New)
	for _, p := range probs {
		if p.Severity == store.Error {
			return fmt.Errorf("not formatted: internal error: its canonical form would not read back (%v); please report it", p)
		}
	}
	if before == nil || after == nil || !reflect.DeepEqual(*before, *after) {
		return errors.New("not formatted: internal error: its canonical form would change a value; please report it")
	}
	return nil
}
