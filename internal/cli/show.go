package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/suggest"
	"github.com/dealtrack/dealtrack/internal/view"
)

type showOptions struct {
	output outputFlags
	asOf   string
}

func newShowCmd(app *App) *cobra.Command {
	var opts showOptions
	cmd := &cobra.Command{
		Use:   "show <id>...",
		Short: "show everything about deals: fields, flows, sources, updates, derived figures",
		Long: `Show everything about one or more deals: their fields, money flows, sources and
updates, and the figures derived from them: energy per year at full load
(GW × 8.76 = TWh/yr) and dollars per gigawatt.`,
		Example: `  dealtrack show nvidia-openai-10gw
  dealtrack show stargate oracle-openai-cloud
  dealtrack show openai-cerebras-750mw -o json`,
		Args:              args(cobra.MinimumNArgs(1)),
		ValidArgsFunction: app.completeIDs,
		RunE:              func(cmd *cobra.Command, ids []string) error { return runShow(app, cmd, &opts, ids) },
	}
	opts.output.bind(cmd)
	bindAsOf(cmd, &opts.asOf)
	return cmd
}

func runShow(app *App, cmd *cobra.Command, opts *showOptions, ids []string) error {
	if err := opts.output.check(cmd); err != nil {
		return err
	}
	date, err := parseAsOf(cmd, opts.asOf)
	if err != nil {
		return err
	}
	set, err := app.load()
	if err != nil {
		return err
	}
	then := asOf(set, date)
	for _, id := range ids {
		if d, ok := set.Deal(id); ok {
			if _, was := then.Deal(id); !was {
				return fmt.Errorf("%s was announced %s, after --as-of %s", id, d.Announced, date)
			}
		}
	}
	set = then
	ds, err := lookup(set, ids)
	if err != nil {
		return err
	}
	if o := opts.output.options(); o.Records() {
		return render.Render(app.Out, o, view.Details(ds))
	}
	for i, d := range ds {
		if i > 0 && opts.output.format == "table" {
			fmt.Fprintln(app.Out)
		}
		o := opts.output.options()
		o.NoHeaders = o.NoHeaders || i > 0 && o.Format != "table" && o.Format != "markdown"
		o.Wide = true // one deal is read whole: its notes are never cut
		if err := render.Render(app.Out, o, view.Detail(d, set.Parts(d.ID))); err != nil {
			return err
		}
	}
	return nil
}

// lookup finds every id, or says which one is missing and what was meant.
func lookup(set *store.Set, ids []string) ([]*deal.Deal, error) {
	ds := make([]*deal.Deal, len(ids))
	for i, id := range ids {
		d, ok := set.Deal(id)
		if !ok {
			return nil, fmt.Errorf("no deal has id %q%s", id, suggestID(id, set.IDs()))
		}
		ds[i] = d
	}
	return ds, nil
}

// suggestID names the id nearest to id, or the ids that contain it.
func suggestID(id string, ids []string) string {
	var containing []string
	for _, other := range ids {
		if strings.Contains(other, id) {
			containing = append(containing, other)
		}
	}
	if len(containing) > 0 && len(containing) <= 5 {
		return " (did you mean " + strings.Join(containing, " or ") + "?)"
	}
	if s := suggest.Nearest(id, ids); s != "" {
		return " (did you mean " + s + "?)"
	}
	return " (dealtrack list shows every id)"
}
