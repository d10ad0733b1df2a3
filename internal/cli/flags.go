package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/query"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/suggest"
)

// filterFlags are the filters every read command takes.
type filterFlags struct {
	parties, kinds, statuses, tags []string
	countries, sectors             []string
	since, until, asOf             string
	minDollars, minGW              string
	where                          string
	search                         string
	names                          []string // the filter flags, for messages that name them
}

// bind adds the filter flags, and --as-of, to cmd.
func (f *filterFlags) bind(cmd *cobra.Command) {
	fl := pflag.NewFlagSet("filters", pflag.ContinueOnError)
	fl.StringArrayVar(&f.parties, "party", nil, "only deals this party takes part in, a name or alias in any case (repeat or comma-separate: all must take part)")
	fl.StringSliceVar(&f.kinds, "kind", nil, "only deals of this kind (repeatable: any of them): "+joinEnum(deal.Kinds))
	fl.StringSliceVar(&f.statuses, "status", nil, "only deals with this status (repeatable: any of them): "+joinEnum(deal.Statuses))
	fl.StringArrayVar(&f.tags, "tag", nil, "only deals with this tag, in any case (repeat or comma-separate: all must be present)")
	fl.StringSliceVar(&f.countries, "country", nil, "only deals located in this country, an ISO code or a name (repeatable: any of them)")
	fl.StringSliceVar(&f.sectors, "sector", nil, "only deals with a party in this sector (repeatable: any of them): "+strings.Join(deal.Sectors, ", "))
	fl.StringVar(&f.since, "since", "", "only deals announced on or after DATE (YYYY, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.until, "until", "", "only deals announced on or before DATE (YYYY, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.minDollars, "min-dollars", "", "only deals of at least AMOUNT dollars (headline figure), e.g. $10B")
	fl.StringVar(&f.minGW, "min-gw", "", "only deals of at least POWER (headline figure), e.g. 1 GW or 500 MW")
	fl.StringVar(&f.search, "search", "", "only deals whose title, notes, parties (names or aliases) or source publishers hold TEXT, in any case")
	cmd.RegisterFlagCompletionFunc("search", cobra.NoFileCompletions)
	fl.StringVar(&f.where, "where", "", "only deals for which `EXPR` is true, e.g. 'usd >= 10e9 and year >= 2025' (dealtrack help where)")
	fl.VisitAll(func(p *pflag.Flag) { f.names = append(f.names, p.Name) })
	cmd.Flags().AddFlagSet(fl)
	bindAsOf(cmd, &f.asOf)
	cmd.RegisterFlagCompletionFunc("where", cobra.NoFileCompletions)
	cmd.RegisterFlagCompletionFunc("kind", fixedCompletion(enumStrings(deal.Kinds)))
	cmd.RegisterFlagCompletionFunc("status", fixedCompletion(enumStrings(deal.Statuses)))
	cmd.RegisterFlagCompletionFunc("sector", fixedCompletion(deal.Sectors))
	cmd.RegisterFlagCompletionFunc("country", fixedCompletion(deal.Countries()))
}

// parse checks the flag values that need no data; a bad one is a usage
// error.
func (f *filterFlags) parse(cmd *cobra.Command) (*query.Filter, error) {
	q := &query.Filter{Tags: splitList(f.tags), Search: strings.TrimSpace(f.search)}
	if cmd.Flags().Changed("search") && q.Search == "" {
		return nil, flagValueError(cmd, "search", f.search, errors.New("empty: give some text to look for"))
	}
	for _, k := range f.kinds {
		kind, err := deal.ParseKind(deal.Spelling(k))
		if err != nil {
			return nil, flagValueError(cmd, "kind", k, err)
		}
		q.Kinds = append(q.Kinds, kind)
	}
	for _, s := range f.statuses {
		st, err := deal.ParseStatus(deal.Spelling(s))
		if err != nil {
			return nil, flagValueError(cmd, "status", s, err)
		}
		q.Statuses = append(q.Statuses, st)
	}
	for _, c := range f.countries {
		code, err := deal.ParseCountry(c)
		if err != nil {
			return nil, flagValueError(cmd, "country", c, err)
		}
		q.Countries = append(q.Countries, code)
	}
	for _, s := range f.sectors {
		if !slices.Contains(deal.Sectors, deal.Spelling(s)) {
			return nil, flagValueError(cmd, "sector", s, fmt.Errorf("unknown sector%s (use %s)", suggest.Hint(deal.Spelling(s), deal.Sectors), strings.Join(deal.Sectors, ", ")))
		}
		q.Sectors = append(q.Sectors, deal.Spelling(s))
	}
	var err error
	if f.since != "" {
		if q.Since, _, err = deal.ParsePeriod(f.since); err != nil {
			return nil, flagValueError(cmd, "since", f.since, err)
		}
	}
	if f.until != "" {
		if _, q.Until, err = deal.ParsePeriod(f.until); err != nil {
			return nil, flagValueError(cmd, "until", f.until, err)
		}
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Since.First() > q.Until.Last() {
		return nil, usageErrorf(cmd, "--since %s is after --until %s: nothing could match (swap them?)", f.since, f.until)
	}
	if q.AsOf, err = parseAsOf(cmd, f.asOf); err != nil {
		return nil, err
	}
	if q.MinDollars, err = minimum(f.minDollars, deal.ParseAmount); err != nil {
		return nil, flagValueError(cmd, "min-dollars", f.minDollars, err)
	}
	if q.MinWatts, err = minimum(f.minGW, deal.ParsePower); err != nil {
		return nil, flagValueError(cmd, "min-gw", f.minGW, err)
	}
	if f.where != "" {
		if q.Where, err = query.CompileWhere(f.where); err != nil {
			return nil, usageErrorf(cmd, "--where: %v", err)
		}
	}
	q.Parties = splitList(f.parties)
	return q, nil
}

// resolveParties turns the --party names into canonical names, and checks
// the names a --where expression looks for in parties. An unknown name is
// a usage error with a suggestion, not a silent empty result.
func resolveParties(cmd *cobra.Command, q *query.Filter, reg *deal.Registry) error {
	if reg == nil {
		return nil
	}
	q.SearchAliases(reg)
	for i, p := range q.Parties {
		c, err := canonicalParty(reg, p)
		if err != nil {
			return usageErrorf(cmd, "--party: %v", err)
		}
		q.Parties[i] = c
	}
	if q.Where == nil {
		return nil
	}
	for _, p := range q.Where.Parties() {
		c, err := canonicalParty(reg, p)
		if err == nil && c != p {
			err = fmt.Errorf("parties holds canonical names: write %q, not %q", c, p)
		}
		if err != nil {
			return usageErrorf(cmd, "--where: %v", err)
		}
	}
	return nil
}

// resolveTags turns the --tag values into the tags the deals use, in any
// case; a tag no deal has is a usage error with the nearest one, not a
// silent empty result.
func resolveTags(cmd *cobra.Command, q *query.Filter, ds []*deal.Deal) error {
	if len(q.Tags) == 0 {
		return nil
	}
	var known []string
	for _, d := range ds {
		for _, t := range d.Tags {
			if !slices.Contains(known, t) {
				known = append(known, t)
			}
		}
	}
	for i, t := range q.Tags {
		j := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, t) })
		if j < 0 {
			return usageErrorf(cmd, "--tag: no deal has the tag %q%s", t, suggest.Hint(strings.ToLower(t), known))
		}
		q.Tags[i] = known[j]
	}
	return nil
}

func canonicalParty(reg *deal.Registry, name string) (string, error) {
	c, ok := reg.Canonical(name)
	if ok {
		return c, nil
	}
	hint := ""
	if s := reg.Suggest(name); s != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", s)
	}
	return "", fmt.Errorf("no party is called %q%s", name, hint)
}

// selectDeals loads the data set and keeps the deals that pass filter,
// after resolving its party names. The set is returned too, for what needs
// every deal (umbrellas whose parts are filtered out).
func (app *App) selectDeals(cmd *cobra.Command, filter *query.Filter) (*store.Set, []*deal.Deal, error) {
	set, err := app.load()
	if err != nil {
		return nil, nil, err
	}
	set = asOf(set, filter.AsOf)
	if err := resolveParties(cmd, filter, set.Registry); err != nil {
		return nil, nil, err
	}
	if err := resolveTags(cmd, filter, set.Deals); err != nil {
		return nil, nil, err
	}
	return set, app.choose(set.Deals, filter), nil
}

// choose selects the deals filter keeps. It remembers the filter's
// --where: when the expression failed on some deal (an index out of
// range, say), the command fails once its output is written (Main asks
// whereFailed).
func (app *App) choose(ds []*deal.Deal, filter *query.Filter) []*deal.Deal {
	if filter.Where != nil {
		app.wheres = append(app.wheres, filter.Where)
	}
	return query.Select(ds, filter)
}

// whereFailed is the error of a --where that failed on some deal.
func (app *App) whereFailed() error {
	for _, w := range app.wheres {
		if err := w.Err(); err != nil {
			return fmt.Errorf("--where: %w", err)
		}
	}
	return nil
}

// bindAsOf adds --as-of, the date to read the data as of.
func bindAsOf(cmd *cobra.Command, asOf *string) {
	cmd.Flags().StringVar(asOf, "as-of", "", "the data as it stood on DATE (YYYY, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD, through its end): deals announced by then, each with the status and figures of its last update by then")
	cmd.RegisterFlagCompletionFunc("as-of", cobra.NoFileCompletions)
}

// parseAsOf reads --as-of; a bad value is a usage error.
func parseAsOf(cmd *cobra.Command, s string) (deal.Date, error) {
	if s == "" {
		return deal.Date{}, nil
	}
	_, d, err := deal.ParsePeriod(s)
	if err != nil {
		return deal.Date{}, flagValueError(cmd, "as-of", s, err)
	}
	return d, nil
}

// asOf is set as it stood on date, or set itself for the zero date.
func asOf(set *store.Set, date deal.Date) *store.Set {
	if date.IsZero() {
		return set
	}
	return set.AsOf(date)
}

// splitList reads a repeatable flag that also takes comma-separated
// values, as --kind and --status do: --party OpenAI,NVIDIA is --party
// OpenAI --party NVIDIA. Names hold no commas.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			out = append(out, strings.TrimSpace(part))
		}
	}
	return out
}

func parseOptional[T any](s string, parse func(string) (T, error)) (T, error) {
	var zero T
	if s == "" {
		return zero, nil
	}
	return parse(s)
}

// minimum reads a lower bound: its headline value.
func minimum[T interface {
	Value(deal.Bound) (int64, bool)
}](s string, parse func(string) (T, error)) (int64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := parse(s)
	if err != nil {
		return 0, err
	}
	n, ok := v.Value(deal.Headline)
	if !ok {
		return 0, fmt.Errorf("not a figure (write for example $10B or 1 GW)")
	}
	return n, nil
}

// outputFlags choose the format of a read command's output.
type outputFlags struct {
	format    string
	noHeaders bool
	wide      bool // -o wide: a table, printed whole
}

// outputValue is --output: a format, or "wide", a table that a terminal's
// width does not cut, as kubectl's -o wide.
type outputValue struct{ o *outputFlags }

func (v outputValue) String() string {
	if v.o.wide {
		return "wide"
	}
	return v.o.format
}

func (v outputValue) Set(s string) error {
	v.o.format, v.o.wide = s, s == "wide"
	if v.o.wide {
		v.o.format = "table"
	}
	return nil
}

func (v outputValue) Type() string { return "string" }

func (o *outputFlags) bind(cmd *cobra.Command, extra ...string) {
	formats := append([]string{render.Formats[0], "wide"}, append(render.Formats[1:], extra...)...)
	o.format = "table"
	cmd.Flags().VarP(outputValue{o}, "output", "o", "output format: "+strings.Join(formats, ", ")+" (table cuts long text to the terminal's width; wide prints it whole)")
	cmd.Flags().BoolVar(&o.noHeaders, "no-headers", false, "rows only: leave out the header (table, csv, tsv; markdown: the header and the line under it, to append to a table)")
	cmd.RegisterFlagCompletionFunc("output", fixedCompletion(formats))
}

func (o *outputFlags) check(cmd *cobra.Command, extra ...string) error {
	if err := render.CheckFormat(o.format, extra...); err != nil {
		return usageErrorf(cmd, "--output: %v", err)
	}
	return nil
}

func (o *outputFlags) options() render.Options {
	return render.Options{Format: o.format, NoHeaders: o.noHeaders, Wide: o.wide}
}

func fixedCompletion(values []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func enumStrings[T ~string](set []T) []string {
	out := make([]string, len(set))
	for i, v := range set {
		out[i] = string(v)
	}
	return out
}

func joinEnum[T ~string](set []T) string { return strings.Join(enumStrings(set), ", ") }

// bindBound adds --bound, which end of each figure a sum takes.
func bindBound(cmd *cobra.Command, bound *string) {
	cmd.Flags().StringVar(bound, "bound", "headline", "which end of each figure to sum: headline (exact, ceiling of up to, floor of over, middle of a range), low or high")
	cmd.RegisterFlagCompletionFunc("bound", fixedCompletion([]string{"headline", "low", "high"}))
}

// bindIncludeCancelled binds --include-cancelled: sums and graphs leave
// out cancelled and superseded deals unless it is given.
func bindIncludeCancelled(cmd *cobra.Command, retired *bool) {
	cmd.Flags().BoolVar(retired, "include-cancelled", false, "count cancelled and superseded deals too (sums and graphs leave them out)")
}

// bindPeriods binds --periods, how periods of time count a part whose
// umbrella is in an earlier one.
func bindPeriods(cmd *cobra.Command, periods *string) {
	cmd.Flags().StringVar(periods, "periods", string(report.Once), "how periods count parts of an earlier umbrella: once (each dollar once; the periods add up to the total) or full (each period's deals in full)")
	cmd.RegisterFlagCompletionFunc("periods", fixedCompletion([]string{string(report.Once), string(report.Full)}))
}

// parsePeriods reads --periods; a bad value is a usage error.
func parsePeriods(cmd *cobra.Command, s string) (report.Periods, error) {
	p, err := report.ParsePeriods(s)
	if err != nil {
		return "", flagValueError(cmd, "periods", s, err)
	}
	return p, nil
}

// parseBound reads --bound; a bad value is a usage error.
func parseBound(cmd *cobra.Command, s string) (deal.Bound, error) {
	b, err := deal.ParseBound(s)
	if err != nil {
		return 0, flagValueError(cmd, "bound", s, err)
	}
	return b, nil
}
