package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

// completeFields completes a comma-separated list of fields, as --sort
// and --columns take; with descending, a field may start with -.
func completeFields(descending bool) cobra.CompletionFunc {
	items := make([][2]string, len(query.Fields))
	for i, f := range query.Fields {
		items[i] = [2]string{f.Name, f.Doc}
	}
	return completeCommaList(items, descending)
}

// completeCommaList completes a comma-separated list of names, each given
// with its description; with descending, a name may start with -.
func completeCommaList(items [][2]string, descending bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		done, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			done, last = toComplete[:i+1], toComplete[i+1:]
		}
		if descending && strings.HasPrefix(last, "-") {
			done += "-"
		}
		var out []cobra.Completion
		for _, it := range items {
			if c := done + it[0]; strings.HasPrefix(c, toComplete) {
				out = append(out, cobra.CompletionWithDesc(c, it[1]))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// completeIDs completes deal ids from the data set, each with its title,
// leaving out the ids already given. It serves arguments (show, compare)
// and flags that take an id (--part-of).
func (app *App) completeIDs(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	set := app.completionData()
	var out []cobra.Completion
	for _, d := range set.Deals {
		if strings.HasPrefix(d.ID, toComplete) && !slices.Contains(args, d.ID) {
			out = append(out, cobra.CompletionWithDesc(d.ID, d.Title))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeParties completes party names from the registry: canonical
// names and aliases, in any case.
// completeTags completes a tag from those the deals use, with how many
// deals use it.
func (app *App) completeTags(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	count := map[string]int{}
	for _, d := range app.completionData().Deals {
		for _, t := range d.Tags {
			count[t]++
		}
	}
	var out []cobra.Completion
	for _, t := range slices.Sorted(maps.Keys(count)) {
		if strings.HasPrefix(t, strings.ToLower(toComplete)) {
			out = append(out, cobra.CompletionWithDesc(t, fmt.Sprintf("%d %s", count[t], view.Plural(count[t], "deal", "deals"))))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func (app *App) completeParties(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	reg := app.completionData().Registry
	if reg == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, p := range reg.Parties {
		for i, name := range append([]string{p.Name}, p.Aliases...) {
			if !strings.HasPrefix(strings.ToLower(name), strings.ToLower(toComplete)) {
				continue
			}
			desc := p.Kind
			if i > 0 {
				desc = "alias of " + p.Name
			}
			out = append(out, cobra.CompletionWithDesc(name, desc))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completionData loads the data set for completion, problems and all: a
// broken file must not stop the rest from completing.
func (app *App) completionData() *store.Set {
	src, err := app.source()
	if err != nil {
		return &store.Set{}
	}
	return app.read(src)
}

// completionExamples are the completion command's examples, by shell.
var completionExamples = map[string]string{
	"bash":       "dealtrack completion bash > ~/.local/share/bash-completion/completions/dealtrack",
	"zsh":        `dealtrack completion zsh > "${fpath[1]}/_dealtrack"`,
	"fish":       "dealtrack completion fish > ~/.config/fish/completions/dealtrack.fish",
	"powershell": "dealtrack completion powershell | Out-String | Invoke-Expression",
}

// addCompletion sets up shell completion: cobra's completion command,
// added now rather than when it runs so that it has examples and a
// manual, and completion from the data set for party and deal flags.
func addCompletion(root *cobra.Command, app *App) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = "print the script that makes a shell complete dealtrack's commands, flags, deal ids and party names"
		c.Args = func(cmd *cobra.Command, args []string) error { // completion tcsh: a usage error naming the shells
			if len(args) == 0 {
				return nil
			}
			return usageErrorf(cmd, "no completion for %q (shells: bash, zsh, fish, powershell)", args[0])
		}
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
		for _, shell := range c.Commands() {
			shell.Short = "print the completion script for " + shell.Name()
			shell.Example = "  " + completionExamples[shell.Name()]
			c.Example += shell.Example + "\n"
		}
		c.Example = strings.TrimSuffix(c.Example, "\n")
	}
	completeFromData(root, app)
}

// completeFromData gives every flag that names a party or a deal, in any
// command, completion from the data set, unless its command set one.
func completeFromData(root *cobra.Command, app *App) {
	byFlag := map[string]cobra.CompletionFunc{
		"party":   app.completeParties,
		"part-of": app.completeIDs,
		"tag":     app.completeTags,
	}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for name, complete := range byFlag {
			if _, done := c.GetFlagCompletionFunc(name); !done && c.Flags().Lookup(name) != nil {
				c.RegisterFlagCompletionFunc(name, complete)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
