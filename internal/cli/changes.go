package cli

import (
	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/view"
)

type changesOptions struct {
	filter filterFlags
	output outputFlags
}

func newChangesCmd(app *App) *cobra.Command {
	var opts changesOptions
	cmd := &cobra.Command{
		Use:   "changes",
		Short: "list what happened in a span: deals announced, statuses changed, figures revised, deals replaced",
		Long: `List every event of the data in date order: a deal announced (with its figures
as first stated), a status changed, a figure revised (old → new, with their
wording), a deal superseded by another, and updates that only add a note, each
with its deal, date and the source of the update.

--since and --until bound the events, not the deals: a deal announced in 2025
whose status changed in May 2026 is in 'changes --since 2026-05'. The other
filters choose the deals. An update dated the day of the announcement records
the deal as announced and is part of that event.

-o markdown writes a list to paste into a newsletter: one line per event, with
a link to its source.`,
		Example: `  dealtrack changes --since 2026-04-01
  dealtrack changes --since 2026-01 --until 2026-03 --party OpenAI
  dealtrack changes --since 2026-06 -o markdown > this-week.md
  dealtrack changes --since 2025 -o json | jq '.[] | select(.event == "status")'`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runChanges(app, cmd, &opts) },
	}
	opts.filter.bind(cmd)
	opts.output.bind(cmd)
	return cmd
}

func runChanges(app *App, cmd *cobra.Command, opts *changesOptions) error {
	filter, err := opts.filter.parse(cmd)
	if err != nil {
		return err
	}
	if err := opts.output.check(cmd); err != nil {
		return err
	}
	since, until := filter.Since, filter.Until // the span of the events, not a filter of deals
	filter.Since, filter.Until = deal.Date{}, deal.Date{}
	_, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	cs := report.Changes(ds, since, until)
	app.noteEmpty(len(cs), "nothing changed in that span")
	o := opts.output.options()
	if o.Format == "markdown" {
		return view.ChangesMarkdown(app.Out, cs, since, until, o.NoHeaders)
	}
	return render.Render(app.Out, o, view.Changes(cs))
}
