package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/store"
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

// rewrite is a file to replace: its new content, and the content it was
// read with (fmt, party rename).
type rewrite struct {
	name     string // relative to the folder
	old, new []byte
}

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
		return fmt.Errorf("%s has %d %s; nothing rewritten (fix %s first)", src.name, len(errs), plural(len(errs), "error", "errors"), plural(len(errs), "it", "them"))
	}
	rewrites, refused := canonicalForms(root, set, src.name, named(src, files))
	for _, err := range refused {
		fmt.Fprintln(app.Err, err)
	}
	if !opts.check {
		if err := regularFiles(root, src.name, rewrites); err != nil {
			return err
		}
	}
	for _, r := range rewrites {
		shown := filepath.Join(src.name, r.name)
		if !opts.check {
			if err := store.Replace(root, r.name, r.old, r.new); err != nil {
				return fmt.Errorf("%s not rewritten: %w", shown, unwrapPath(err))
			}
		}
		fmt.Fprintln(app.Out, shown)
	}
	if opts.check && len(rewrites) > 0 {
		return fmt.Errorf("%d %s not in canonical form (dealtrack fmt rewrites %s)", len(rewrites), plural(len(rewrites), "file is", "files are"), plural(len(rewrites), "it", "them"))
	}
	if len(refused) > 0 {
		return fmt.Errorf("%d %s left as %s: %s", len(refused), plural(len(refused), "file", "files"), plural(len(refused), "it is", "they are"), "see above")
	}
	return nil
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

// canonicalForms formats every deal file of set and returns those that
// change. Each new form is read back and must hold the same deal and the
// same comments, or that file is left as it is and named in refused; the
// others are formatted all the same.
func canonicalForms(root *os.Root, set *store.Set, folder string, only map[string]bool) (out []rewrite, refused []error) {
	for _, name := range set.Files() {
		if only != nil && !only[name] {
			continue
		}
		shown := filepath.Join(folder, name)
		old, err := store.ReadFile(root, name)
		if err != nil {
			refused = append(refused, fmt.Errorf("%s: %w", shown, unwrapPath(err)))
			continue
		}
		canon, err := dealfile.Canonical(old)
		if err == nil && len(canon) > store.MaxFileSize {
			err = fmt.Errorf("its canonical form would be larger than the %d KiB a deal file may be", store.MaxFileSize>>10)
		}
		if err == nil && !bytes.Equal(old, canon) {
			err = sameDeal(set, name, old, canon)
		}
		switch {
		case err != nil:
			refused = append(refused, fmt.Errorf("%s: not formatted: %w", shown, err))
		case !bytes.Equal(old, canon):
			out = append(out, rewrite{name, old, canon})
		}
	}
	return out, refused
}

// regularFiles refuses to rewrite anything when one of the files is a
// symbolic link: replacing it would cut the link.
func regularFiles(root *os.Root, folder string, rewrites []rewrite) error {
	for _, r := range rewrites {
		if info, err := root.Lstat(r.name); err != nil || !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not in canonical form, but it is not a regular file (a symbolic link?): format the file itself; nothing rewritten", filepath.Join(folder, r.name))
		}
	}
	return nil
}

// sameDeal makes sure formatting kept every value of a file.
func sameDeal(set *store.Set, name string, old, canon []byte) error {
	before, _ := set.Decode(name, old)
	after, probs := set.Decode(name, canon)
	for _, p := range probs {
		if p.Severity == store.Error {
			return fmt.Errorf("internal error: its canonical form would not read back (%v); please report it", p)
		}
	}
	if before == nil || after == nil || !reflect.DeepEqual(*before, *after) {
		return errors.New("internal error: its canonical form would change a value; please report it")
	}
	return nil
}
