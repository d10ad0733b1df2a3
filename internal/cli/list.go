package cli

import (
	"cmp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/view"
)

type listOptions struct {
	filter  filterFlags
	output  outputFlags
	sort    string
	columns string
	limit   int
}

func newListCmd(app *App) *cobra.Command {
	var opts listOptions
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "list deals, one row each",
		Long: `List deals, one row each: id, announced, status, kind, parties, dollars (usd)
and power (gw). Filters narrow the list; --sort orders it; --columns picks and
orders the columns from every field (dealtrack help where lists them), in every
format: json and yaml then hold only those keys.

Figures for people: ≤ is a ceiling ("up to"), > a floor ("over"), ~ approximate,
– a range. In csv, tsv, json and yaml, figures are plain numbers: usd in dollars,
gw in gigawatts, empty or null when undisclosed.`,
		Example: `  dealtrack list
  dealtrack list --party OpenAI --since 2025 --sort -usd
  dealtrack list --kind cloud --kind compute --min-dollars '$10B'
  dealtrack list --party OpenAI -o tsv | cut -f1,6
  dealtrack list --where 'usd >= 10e9 and "OpenAI" in parties and year >= 2025'
  dealtrack list --columns id,usd,gw,part_of --sort -gw,id
  dealtrack list -o json | jq '.[] | select(.gw_qualifier == "up to") | .id'`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runList(app, cmd, &opts) },
	}
	opts.filter.bind(cmd)
	opts.output.bind(cmd)
	cmd.Flags().StringVar(&opts.sort, "sort", "announced", "sort by fields, comma-separated, - in front for descending: "+strings.Join(query.FieldNames(), ", "))
	cmd.Flags().StringVar(&opts.columns, "columns", "", "show these fields, comma-separated, in this order (default "+view.DefaultColumns+"; any field --sort takes)")
	cmd.RegisterFlagCompletionFunc("sort", completeFields(true))
	cmd.RegisterFlagCompletionFunc("columns", completeFields(false))
	cmd.Flags().IntVar(&opts.limit, "limit", 0, "show at most N deals (0: all)")
	return cmd
}

func runList(app *App, cmd *cobra.Command, opts *listOptions) error {
	filter, err := opts.filter.parse(cmd)
	if err != nil {
		return err
	}
	order, err := query.ParseOrder(opts.sort)
	if err != nil {
		return usageErrorf(cmd, "--sort: %v", err)
	}
	columns, err := query.ParseFields(cmp.Or(opts.columns, view.DefaultColumns))
	if err != nil {
		return usageErrorf(cmd, "--columns: %v", err)
	}
	if opts.limit < 0 {
		return usageErrorf(cmd, "--limit: must be 0 or more")
	}
	if err := opts.output.check(cmd); err != nil {
		return err
	}
	_, ds, err := app.selectDeals(cmd, filter)
	if err != nil {
		return err
	}
	app.noteEmpty(len(ds), "no deal matches these filters")
	query.Sort(ds, order)
	if opts.limit > 0 && len(ds) > opts.limit {
		ds = ds[:opts.limit]
	}
	return render.Render(app.Out, opts.output.options(), view.List(ds, columns, opts.columns != ""))
}
