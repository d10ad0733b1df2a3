package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

type initOptions struct {
	bundled bool
}

func newInitCmd(app *App) *cobra.Command {
	var opts initOptions
	cmd := &cobra.Command{
		Use:   "init <dir>",
		Short: "make a new data folder (--bundled: a copy of the built-in deals)",
		Long: `Make a new data folder DIR: a parties.yaml with no party yet and a README.md
that explains the format of a deal file. With --bundled, the folder gets a
copy of the built-in data set instead of the empty registry.

DIR is created if needed; a folder that already holds files (other than
hidden ones, such as .git) is refused, so nothing is ever overwritten. The
files are written all or nothing: into a hidden folder first, then moved
into place; on a full disk or any other failure DIR is left as it was.`,
		Example: `  dealtrack init ./mydeals
  dealtrack init --bundled ./deals-copy && dealtrack --data ./deals-copy check`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, dirs []string) error { return runInit(app, &opts, dirs[0]) },
	}
	cmd.Flags().BoolVar(&opts.bundled, "bundled", false, "copy the built-in data set into the folder")
	return cmd
}

func runInit(app *App, opts *initOptions, dir string) error {
	_, statErr := os.Lstat(dir)
	made := errors.Is(statErr, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make %s: %w", dir, unwrapPath(err))
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", dir, unwrapPath(err))
	}
	defer root.Close()
	if err := refuseNonEmpty(root, dir); err != nil {
		return err
	}
	files := map[string][]byte{"README.md": []byte(readmeStub), store.RegistryFile: []byte(partiesStub)}
	if opts.bundled {
		if err := builtinFiles(app.Builtin, files); err != nil {
			return err
		}
	}
	if err := writeAll(root, dir, files); err != nil {
		root.Close()
		if made {
			os.Remove(dir) // empty again: all or nothing
		}
		return err
	}
	what := "README.md and " + store.RegistryFile
	if opts.bundled {
		n := len(files) - 2
		what = fmt.Sprintf("README.md, %s and %d deal %s", store.RegistryFile, n, view.Plural(n, "file", "files"))
	}
	fmt.Fprintf(app.Out, "made %s with %s\n", filepath.Clean(dir), what)
	return nil
}

// writeAll writes files into root all or nothing: first into a hidden
// folder inside it (which the loader skips), then moved into place by
// renames, which need no room on the disk; if anything fails, what was
// written or moved is removed again and root is left as it was.
func writeAll(root *os.Root, dir string, files map[string][]byte) error {
	staging := fmt.Sprintf(".init-%d", os.Getpid())
	if err := root.Mkdir(staging, 0o755); err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	defer root.RemoveAll(staging)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		in := path.Join(staging, name)
		if err := root.MkdirAll(path.Dir(in), 0o755); err != nil {
			return fmt.Errorf("%s: %w; nothing written", filepath.Join(dir, name), unwrapPath(err))
		}
		if err := folder.Create(root, in, files[name]); err != nil {
			return fmt.Errorf("%s not written: %w; nothing written", filepath.Join(dir, name), unwrapPath(err))
		}
	}
	tops := map[string]bool{}
	for name := range files {
		tops[strings.SplitN(name, "/", 2)[0]] = true
	}
	var moved []string
	for _, top := range slices.Sorted(maps.Keys(tops)) {
		if err := root.Rename(path.Join(staging, top), top); err != nil {
			for _, m := range moved {
				root.RemoveAll(m)
			}
			return fmt.Errorf("%s not moved into place: %w; nothing written", filepath.Join(dir, top), unwrapPath(err))
		}
		moved = append(moved, top)
	}
	return nil
}

// refuseNonEmpty refuses a folder with anything in it but hidden entries.
func refuseNonEmpty(root *os.Root, dir string) error {
	f, err := root.Open(".")
	if err != nil {
		return err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", dir, unwrapPath(err))
	}
	var visible []string
	for _, n := range names {
		if !strings.HasPrefix(n, ".") {
			visible = append(visible, n)
		}
	}
	if len(visible) > 0 {
		slices.Sort(visible)
		if len(visible) > 3 {
			visible = append(visible[:3], "…")
		}
		return fmt.Errorf("%s is not empty (it holds %s); init makes a new folder — to use this one, pass --data %s", dir, strings.Join(visible, ", "), dir)
	}
	return nil
}

// builtinFiles adds every file of the built-in data set to files.
func builtinFiles(fsys fs.FS, files map[string][]byte) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files[p] = data
		return err
	})
}

const partiesStub = `# The party registry: every company, fund, government or person that takes
# part in a deal, one per line, with the other names it goes by:
#
#   NVIDIA: {aliases: [Nvidia, NVIDIA Corp], kind: company, sector: chipmaker, ticker: NVDA, country: US}
#   OpenAI: {aliases: [Open AI], kind: company, sector: ai-lab, country: US}
#
# kind is one of company, fund, government, person; sector one of ai-lab,
# hyperscaler, neocloud, chipmaker, hardware, data-centre, energy, utility,
# investor, bank, government, telecom, other; aliases, ticker and country
# (where it is based) are optional. Deal files may name a party by its name or an alias, in any case;
# reports use the name on the left. 'dealtrack check' warns about a party
# that is not listed here and suggests the nearest one.
`

// readmeStub is the README of a new folder: how to use it, and the keys
// of the deal file, from the one schema.
var readmeStub = "# Deals\n\n" +
	"One deal per file, `<id>.yaml`: the id is lower-case letters, digits and single\n" +
	"hyphens, 3 to 80 characters (`nvidia-openai-10gw`). Sub-folders are read too.\n" +
	"`parties.yaml` lists the parties, with their aliases.\n\n" +
	"```yaml\n" +
	"title: NVIDIA to invest up to $100B in OpenAI to deploy at least 10 GW of NVIDIA systems\n" +
	"announced: 2025-09-22\n" +
	"status: announced\n" +
	"kind: investment\n" +
	"parties: [NVIDIA, OpenAI]\n" +
	"dollars: up to $100B\n" +
	"gigawatts: at least 10 GW\n" +
	"flows:\n" +
	"  - {from: NVIDIA, to: OpenAI, dollars: up to $100B, for: equity}\n" +
	"sources:\n" +
	"  - publisher: OpenAI\n" +
	"    title: OpenAI and NVIDIA announce strategic partnership\n" +
	"    date: 2025-09-22\n" +
	"    url: https://openai.com/index/openai-nvidia-systems-partnership/\n" +
	"    kind: statement\n" +
	"```\n\n" +
	"The keys, in the order `dealtrack fmt` writes them:\n\n" +
	dealfile.Reference() + "\n" +
	"Statuses: " + joinEnum(deal.Statuses) + ". Kinds: " + joinEnum(deal.Kinds) + ".\n\n" +
	"Unknown keys are errors. Figures are as reports state them; a figure that is not\n" +
	"given is `undisclosed`, never guessed.\n\n" +
	"- `dealtrack --data DIR add …` records a deal; it never overwrites a file.\n" +
	"- `dealtrack --data DIR check` lists every problem as `path:line:col`.\n" +
	"- `dealtrack --data DIR fmt` rewrites the files in canonical form; `fmt --check` is for CI.\n"
