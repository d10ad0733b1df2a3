package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/dealfile"
	"github.com/dealtrack/dealtrack/internal/folder"
	"github.com/dealtrack/dealtrack/internal/store"
)

type updateOptions struct {
	date, status               string
	dollars, amount, gigawatts string
	supersededBy, note         string
	src                        sourceFlags
	strict                     bool
}

func newUpdateCmd(app *App) *cobra.Command {
	var opts updateOptions
	cmd := &cobra.Command{
		Use:   "update ID",
		Short: "record a dated change of a deal: status, figures, replacement, note and sources",
		Long: `Append a dated update to a deal and bring its top-level fields to the new
state: the status, a figure (in dollars, another currency or power), the deal
that replaced it, a note, and the update's own sources.

When the update is the first to change a field the deal already states, the
value as announced is recorded first, in an update dated the announcement, so
that the deal on any past date (--as-of) stays exact.

The new file is checked with the rules of 'dealtrack check' against the
folder, must read back as the deal plus the update, keeps its comments as fmt
keeps them, and replaces the old one atomically (a temporary file, synced,
renamed over it). Updates of one folder take its lock (.dealtrack.lock, an
flock) one after another, so two updates at once both land. On any problem
nothing is written and the exit status is 1.`,
		Example: `  dealtrack update nvidia-openai-10gw --date 2026-03-04 --superseded-by nvidia-openai-30b-2026 --note "NVIDIA invested \$30B in the 2026 round instead" --source https://example.com/story --source-title "Huang rules out \$100B" --publisher Bloomberg --source-kind press
  dealtrack update stargate-uk --date 2026-04-09 --status paused --note "paused, citing energy costs"
  dealtrack update openai-cerebras-750mw --dollars 'over $20B' --note 'reported expansion'`,
		Args:              args(cobra.ExactArgs(1)),
		ValidArgsFunction: app.completeIDs,
		RunE:              func(cmd *cobra.Command, ids []string) error { return runUpdate(app, cmd, &opts, ids[0]) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.date, "date", "", "when it happened: YYYY-MM-DD or YYYY-MM (default: today)")
	fl.StringVar(&opts.status, "status", "", "the new status: "+joinEnum(deal.Statuses))
	fl.StringVar(&opts.dollars, "dollars", "", "the new dollar figure: $30B, up to $100B, over $10B, at least $10B, undisclosed")
	fl.StringVar(&opts.amount, "amount", "", "the new figure in another currency, as stated: EUR 5.5B")
	fl.StringVar(&opts.gigawatts, "gigawatts", "", "the new power: 10 GW, 750 MW")
	fl.StringVar(&opts.supersededBy, "superseded-by", "", "id of the deal that replaced this one")
	fl.StringVar(&opts.note, "note", "", "what happened")
	opts.src.bind(cmd, "update")
	fl.BoolVar(&opts.strict, "strict", false, "refuse on warnings too (a source without a url)")
	cmd.RegisterFlagCompletionFunc("status", fixedCompletion(enumStrings(deal.Statuses)))
	cmd.RegisterFlagCompletionFunc("superseded-by", app.completeIDs)
	return cmd
}

// update is the checked flags' update.
func (o *updateOptions) update(cmd *cobra.Command) (deal.Update, error) {
	var u deal.Update
	var err error
	if o.date == "" {
		o.date = time.Now().UTC().Format("2006-01-02")
	}
	if u.Date, err = deal.ParseDate(o.date); err != nil {
		return u, flagValueError(cmd, "date", o.date, err)
	}
	if u.Status, err = parseOptional(deal.Spelling(o.status), deal.ParseStatus); err != nil {
		return u, flagValueError(cmd, "status", o.status, err)
	}
	if u.Dollars, err = parseOptional(o.dollars, deal.ParseAmount); err != nil {
		return u, flagValueError(cmd, "dollars", o.dollars, err)
	}
	if u.Amount, err = parseOptional(o.amount, deal.ParseMoney); err != nil {
		return u, flagValueError(cmd, "amount", o.amount, err)
	}
	if u.Power, err = parseOptional(o.gigawatts, deal.ParsePower); err != nil {
		return u, flagValueError(cmd, "gigawatts", o.gigawatts, err)
	}
	if err := o.src.check(cmd); err != nil {
		return u, err
	}
	u.SupersededBy, u.Note, u.Sources = o.supersededBy, strings.TrimSpace(o.note), o.src.sources()
	if len(u.Sets()) == 0 && u.Note == "" && len(u.Sources) == 0 {
		return u, usageErrorf(cmd, "say what changed: --status, --dollars, --amount, --gigawatts, --superseded-by, --note or a source")
	}
	return u, nil
}

func runUpdate(app *App, cmd *cobra.Command, opts *updateOptions, id string) error {
	u, err := opts.update(cmd)
	if err != nil {
		return err
	}
	root, src, unlock, err := app.lockedFolder(cmd)
	if err != nil {
		return err
	}
	defer unlock()
	load := store.Load
	if opts.strict {
		load = store.LoadStrict
	}
	set := load(src.fsys, src.name)
	name, ok := set.File(id)
	d, loaded := set.Deal(id)
	if !ok || !loaded {
		if errs := set.Errors(); len(errs) > 0 && ok {
			return fmt.Errorf("%s has errors; fix them first (dealtrack check lists them)", filepath.Join(src.name, name))
		}
		return fmt.Errorf("no deal has id %q%s", id, suggestID(id, set.IDs()))
	}
	shown := filepath.Join(src.name, name)
	var want *deal.Deal
	update := folder.Rewrite{
		Edit: func(_ string, old []byte) (data []byte, err error) {
			data, want, err = dealfile.AddUpdate(old, d, u)
			if err != nil {
				return nil, fmt.Errorf("%s not updated: %w", shown, err)
			}
			return data, nil
		},
		Verify: func(c folder.Change) error { return app.checkReplace(set, c.Name, c.New, want, opts.strict) },
		Refuse: func(_ string, err error) error {
			if errors.Is(err, fs.ErrNotExist) || errors.As(err, new(*fs.PathError)) {
				return fmt.Errorf("%s: %v", shown, unwrapPath(err)) // the file could not be read again
			}
			return err
		},
	}
	changes, err := update.Plan(root, []string{name})
	if err != nil {
		return err
	}
	var fe *folder.FileError
	if err := folder.Apply(root, changes, func(folder.Change) { fmt.Fprintln(app.Out, shown) }); errors.As(err, &fe) {
		return fmt.Errorf("%s not updated: %v", shown, unwrapPath(fe.Err))
	}
	return nil
}

// checkReplace prints the problems of the new content of a deal file and
// refuses it on any error (with strict, any warning), or when it does not
// read back as the deal it must hold.
func (app *App) checkReplace(set *store.Set, name string, data []byte, want *deal.Deal, strict bool) error {
	got, probs := set.CheckReplace(name, data)
	if err := app.refuse(probs, "the updated deal", strict); err != nil {
		return err
	}
	if got == nil || !reflect.DeepEqual(*got, *want) {
		return errors.New("internal error: the updated file would not read back as the deal plus the update; nothing written, please report it")
	}
	return nil
}
