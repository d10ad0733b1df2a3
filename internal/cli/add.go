package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/view"
)

type addOptions struct {
	id, title, announced, kind, status string
	parties                            []string
	dollars, gigawatts, amount         string
	valuation, horizon                 string
	flows                              []string
	src                                sourceFlags
	locations, reported                []string
	tags                               []string
	partOf, supersededBy, notes        string
	strict                             bool
}

func newAddCmd(app *App) *cobra.Command {
	var opts addOptions
	cmd := &cobra.Command{
		Use:   "add",
		Short: "record a new deal: write its file, checked, never over another",
		Long: `Record a new deal: write <id>.yaml into the data folder from flags.

The id is --id, else the date and the first words of the title
(2025-09-22-nvidia-invest-up-100b-openai). A source is a --source-title
with a --publisher or a --source URL (or both), and optionally a
--source-date; give each once per --source-title, in the same order.

The deal is checked with the rules of 'dealtrack check', against the
folder's parties and deals (so --part-of must name a deal), before anything
is written; a problem is printed as path:line:col and nothing is written.
An existing file is never replaced, and the file appears whole or not at
all, so scripts may run several adds at once.

At a terminal, add asks for the fields that are missing; otherwise they
are a usage error. It prints the path of the file it wrote.`,
		Example: `  dealtrack add --data ./deals --title 'NVIDIA to invest up to $100B in OpenAI' --announced 2025-09-22 --kind investment --status announced --party NVIDIA --party OpenAI --dollars 'up to $100B' --gigawatts 'at least 10 GW' --source https://openai.com/index/openai-nvidia-systems-partnership/ --source-title 'OpenAI and NVIDIA announce strategic partnership' --publisher OpenAI
  dealtrack add --data ./deals --id oracle-meta-example --title 'Oracle in talks with Meta on a cloud deal' --announced 2025-09 --kind cloud --status in-talks --party Oracle --party Meta --dollars 'about $20B' --source https://example.com/oracle-meta --source-title 'Oracle in talks with Meta' --publisher 'a newsletter' --source-kind copy --strict`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runAdd(app, cmd, &opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.id, "id", "", "the deal's id, its file name without .yaml (default: from --announced and --title)")
	fl.StringVar(&opts.title, "title", "", "what was announced, in one sentence")
	fl.StringVar(&opts.announced, "announced", "", "date of the announcement: YYYY-MM-DD, or YYYY-MM")
	fl.StringVar(&opts.kind, "kind", "", "kind of deal: "+joinEnum(deal.Kinds))
	fl.StringVar(&opts.status, "status", "", "where the deal stands: "+joinEnum(deal.Statuses))
	fl.StringArrayVar(&opts.parties, "party", nil, "a party to the deal, a name or alias from parties.yaml (repeat or comma-separate)")
	fl.StringVar(&opts.dollars, "dollars", "", "the amount: $100B, up to $100B, over $10B, about $40B, $10B-$20B or undisclosed")
	fl.StringVar(&opts.gigawatts, "gigawatts", "", "the power: 10 GW, 750 MW, up to 1 GW, at least 1 GW, or undisclosed")
	fl.StringVar(&opts.amount, "amount", "", "a figure in another currency, as stated: EUR 5.5B, £5B, ¥1 trillion")
	fl.StringVar(&opts.valuation, "valuation", "", "post-money valuation of a funding round: $500B, about $300B")
	fl.StringVar(&opts.horizon, "horizon", "", "the period the figures cover, as stated: 'over four years', 'through 2029'")
	fl.StringArrayVar(&opts.flows, "flow", nil, "money that moves: 'PAYER>PAYEE', 'PAYER>PAYEE:AMOUNT' or 'PAYER>PAYEE:AMOUNT:FOR' (AMOUNT as --dollars; repeatable)")
	fl.StringArrayVar(&opts.locations, "location", nil, "where: 'SITE, REGION, COUNTRY', 'REGION, COUNTRY' or 'COUNTRY' (repeatable)")
	fl.StringVar(&opts.supersededBy, "superseded-by", "", "id of the deal that replaced this one")
	fl.StringArrayVar(&opts.reported, "reported", nil, "a figure known from press reports only: dollars, gigawatts or amount (repeatable)")
	opts.src.bind(cmd, "deal")
	fl.StringArrayVar(&opts.tags, "tag", nil, "a tag (repeat or comma-separate)")
	fl.StringVar(&opts.partOf, "part-of", "", "id of the umbrella deal this one is part of")
	fl.StringVar(&opts.notes, "notes", "", "free text: what the figures mean, what is reported rather than stated")
	fl.BoolVar(&opts.strict, "strict", false, "refuse on warnings too (a party not in parties.yaml)")
	cmd.RegisterFlagCompletionFunc("kind", fixedCompletion(enumStrings(deal.Kinds)))
	cmd.RegisterFlagCompletionFunc("status", fixedCompletion(enumStrings(deal.Statuses)))
	cmd.RegisterFlagCompletionFunc("part-of", app.completeIDs)
	cmd.RegisterFlagCompletionFunc("superseded-by", app.completeIDs)
	cmd.RegisterFlagCompletionFunc("reported", fixedCompletion(deal.Figures))
	return cmd
}

func runAdd(app *App, cmd *cobra.Command, opts *addOptions) error {
	if err := opts.check(cmd); err != nil {
		return err
	}
	root, src, err := app.folder(cmd)
	if err != nil {
		return err
	}
	dir := src.fsys
	load := store.Load
	if opts.strict {
		load = store.LoadStrict
	}
	set := load(dir, src.name)
	if err := opts.complete(app, cmd, set.Registry); err != nil {
		return err
	}
	d, err := opts.deal(cmd, set.Registry)
	if err != nil {
		return err
	}
	name := d.ID + ".yaml"
	shown := filepath.Join(src.name, name)
	if _, err := root.Lstat(name); err == nil {
		return existsError(shown)
	}
	data, err := dealfile.Encode(d)
	if err != nil {
		return err
	}
	if err := app.checkNew(set, name, data, opts.strict); err != nil {
		return err
	}
	err = folder.Create(root, name, data)
	var left *folder.LeftBehind
	if errors.As(err, &left) {
		app.warnf("%s written, but %v", shown, left)
		err = nil
	}
	if err != nil {
		return writeError(shown, err)
	}
	fmt.Fprintln(app.Out, shown)
	return nil
}

// complete asks for the missing required fields at a terminal; elsewhere
// they are a usage error.
func (o *addOptions) complete(app *App, cmd *cobra.Command, reg *deal.Registry) error {
	missing := o.missing()
	switch {
	case !isTerminal(app.In) && len(missing) > 0:
		return usageErrorf(cmd, "missing %s (stdin is not a terminal, so add does not ask for them)", andList(missing))
	case !isTerminal(app.In):
		return nil
	}
	if err := o.interview(newPrompter(app.In, app.Err), reg); err != nil {
		return err
	}
	return o.check(cmd)
}

func writeError(shown string, err error) error {
	if errors.Is(err, fs.ErrExist) {
		return existsError(shown)
	}
	return fmt.Errorf("%s not written: %v", shown, unwrapPath(err))
}

// notes trims notes; notes of several lines end with a line break, as a
// block in the file does.
func notes(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "\n") {
		s += "\n"
	}
	return s
}

func existsError(shown string) error {
	return fmt.Errorf("%s already exists and is left unchanged; give the new deal another id with --id", shown)
}

// checkNew prints the problems of the new file; any error (with strict,
// any warning) refuses it.
func (app *App) checkNew(set *store.Set, name string, data []byte, strict bool) error {
	_, probs := set.CheckNew(name, data)
	return app.refuse(probs, "the new deal", strict)
}

// refuse prints probs, the problems of a file about to be written (what,
// "the new deal"), and refuses it on any error, or with strict any
// warning.
func (app *App) refuse(probs []store.Problem, what string, strict bool) error {
	errs, warns := 0, 0
	for _, p := range probs {
		fmt.Fprintln(app.Err, p.Error())
		if p.Severity == store.Error {
			errs++
		} else {
			warns++
		}
	}
	switch {
	case errs > 0:
		return fmt.Errorf("nothing written: %s has %d %s", what, errs, view.Plural(errs, "error", "errors"))
	case strict && warns > 0:
		return fmt.Errorf("nothing written: %s has %d %s (--strict)", what, warns, view.Plural(warns, "warning", "warnings"))
	}
	return nil
}

// check refuses flag values that are wrong in themselves: a usage error.
func (o *addOptions) check(cmd *cobra.Command) error {
	o.parties, o.tags = splitList(o.parties), splitList(o.tags)
	if o.id != "" {
		if err := deal.CheckID(o.id); err != nil {
			return usageErrorf(cmd, "--%v", err)
		}
	}
	for _, f := range []struct {
		flag, value string
		parse       func(string) error
	}{
		{"announced", o.announced, ignore(deal.ParseDate)},
		{"kind", o.kind, ignore(deal.ParseKind)},
		{"status", o.status, ignore(deal.ParseStatus)},
		{"dollars", o.dollars, ignore(deal.ParseAmount)},
		{"gigawatts", o.gigawatts, ignore(deal.ParsePower)},
		{"amount", o.amount, ignore(deal.ParseMoney)},
		{"valuation", o.valuation, ignore(deal.ParseAmount)},
	} {
		if f.value == "" {
			continue
		}
		if err := f.parse(f.value); err != nil {
			return flagValueError(cmd, f.flag, f.value, err)
		}
	}
	for _, l := range o.locations {
		if _, err := parseLocation(l); err != nil {
			return flagValueError(cmd, "location", l, err)
		}
	}
	for _, f := range o.flows {
		if _, err := parseFlow(f); err != nil {
			return flagValueError(cmd, "flow", f, err)
		}
	}
	if err := o.src.check(cmd); err != nil {
		return err
	}
	return o.checkText(cmd)
}

// checkText refuses empty names and text that is not UTF-8.
func (o *addOptions) checkText(cmd *cobra.Command) error {
	for _, f := range []struct {
		flag     string
		values   []string
		nonEmpty bool
	}{
		{"party", o.parties, true}, {"tag", o.tags, true},
		{"title", []string{o.title}, false}, {"notes", []string{o.notes}, false}, {"part-of", []string{o.partOf}, false},
		{"superseded-by", []string{o.supersededBy}, false},
	} {
		for _, v := range f.values {
			if f.nonEmpty && strings.TrimSpace(v) == "" {
				return usageErrorf(cmd, "--%s: empty value", f.flag)
			}
			if !utf8.ValidString(v) {
				return flagValueError(cmd, f.flag, v, errors.New("not valid UTF-8"))
			}
		}
	}
	return nil
}

func ignore[T any](parse func(string) (T, error)) func(string) error {
	return func(s string) error {
		_, err := parse(s)
		return err
	}
}

// missing lists the flags of required fields that were not given.
func (o *addOptions) missing() []string {
	var out []string
	for _, f := range []struct {
		flag  string
		empty bool
	}{
		{"--title", strings.TrimSpace(o.title) == ""},
		{"--announced", o.announced == ""},
		{"--kind", o.kind == ""},
		{"--status", o.status == ""},
		{"--party", len(o.parties) == 0},
		{"--source-title", len(o.src.titles) == 0},
	} {
		if f.empty {
			out = append(out, f.flag)
		}
	}
	return out
}

// deal builds the deal from the checked options; party names become the
// registry's canonical names.
func (o *addOptions) deal(cmd *cobra.Command, reg *deal.Registry) (*deal.Deal, error) {
	d := &deal.Deal{
		Title:        strings.TrimSpace(o.title),
		PartOf:       o.partOf,
		SupersededBy: o.supersededBy,
		Reported:     o.reported,
		Tags:         o.tags,
		Notes:        notes(o.notes),
	}
	d.Amount, _ = parseOptional(o.amount, deal.ParseMoney)
	d.Valuation, _ = parseOptional(o.valuation, deal.ParseAmount)
	d.Horizon = strings.TrimSpace(o.horizon)
	for _, f := range o.flows {
		fl, _ := parseFlow(f)
		for _, end := range []*string{&fl.From, &fl.To} {
			if c, ok := reg.Canonical(*end); ok {
				*end = c
			}
		}
		d.Flows = append(d.Flows, fl)
	}
	for _, l := range o.locations {
		loc, _ := parseLocation(l)
		d.Locations = append(d.Locations, loc)
	}
	d.Announced, _ = deal.ParseDate(o.announced)
	d.Kind, _ = deal.ParseKind(o.kind)
	d.Status, _ = deal.ParseStatus(o.status)
	d.Dollars, _ = parseOptional(o.dollars, deal.ParseAmount)
	d.Power, _ = parseOptional(o.gigawatts, deal.ParsePower)
	for _, p := range o.parties {
		if c, ok := reg.Canonical(p); ok {
			p = c
		}
		d.Parties = append(d.Parties, p)
	}
	d.Sources = o.src.sources()
	d.ID = o.id
	if d.ID == "" {
		id, err := deal.NewID(d.Announced, d.Title)
		if err != nil {
			return nil, usageErrorf(cmd, "cannot make an id: %v; give one with --id", err)
		}
		d.ID = id
	}
	return d, nil
}

// parseFlow reads a flow as --flow gives it: 'PAYER>PAYEE', then
// optionally ':AMOUNT' and ':FOR' ("NVIDIA>OpenAI:up to $100B:equity").
func parseFlow(s string) (deal.Flow, error) {
	ends, rest, _ := strings.Cut(s, ":")
	from, to, ok := strings.Cut(ends, ">")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" {
		return deal.Flow{}, errors.New("write 'PAYER>PAYEE', then optionally ':AMOUNT' and ':FOR'")
	}
	f := deal.Flow{From: from, To: to}
	amount, what, _ := strings.Cut(rest, ":")
	if amount = strings.TrimSpace(amount); amount != "" {
		a, err := deal.ParseAmount(amount)
		if err != nil {
			return deal.Flow{}, fmt.Errorf("the amount: %v", err)
		}
		f.Dollars = a
	}
	f.For = strings.TrimSpace(what)
	return f, nil
}

// parseLocation reads a place as people write it: "Abilene, Texas, US",
// "Texas, US" or "US"; the last part is the country, a code or a name.
func parseLocation(s string) (deal.Location, error) {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	country, err := deal.ParseCountry(parts[len(parts)-1])
	if err != nil {
		return deal.Location{}, fmt.Errorf("%v; write 'SITE, REGION, COUNTRY' with the country last", err)
	}
	l := deal.Location{Country: country}
	if n := len(parts); n >= 2 {
		l.Region = parts[n-2]
		l.Site = strings.Join(parts[:n-2], ", ")
	}
	return l, nil
}

// andList joins items as people write a list: "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
