package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/render"
	"github.com/dealtrack/dealtrack/internal/report"
	"github.com/dealtrack/dealtrack/internal/store"
	"github.com/dealtrack/dealtrack/internal/suggest"
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
	if f := opts.output.format; f == "json" || f == "yaml" {
		details := make([]shownDeal, len(ds))
		for i, d := range ds {
			details[i] = shownDeal{newDealDetail(d), nearestRecords(d)}
		}
		return render.Render(app.Out, opts.output.options(), tableRecord{nil, details})
	}
	for i, d := range ds {
		if i > 0 && opts.output.format == "table" {
			fmt.Fprintln(app.Out)
		}
		o := opts.output.options()
		o.NoHeaders = o.NoHeaders || i > 0 && o.Format != "table" && o.Format != "markdown"
		o.Wide = true // one deal is read whole: its notes are never cut
		if err := render.Render(app.Out, o, tableRecord{detailTable(d, parts(set, d.ID)), nil}); err != nil {
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

// parts lists the deals that are part_of id.
func parts(set *store.Set, id string) []string {
	var out []string
	for _, d := range set.Deals {
		if d.PartOf == id {
			out = append(out, d.ID)
		}
	}
	return out
}

// detailTable lays out one deal as field/value rows.
func detailTable(d *deal.Deal, parts []string) *render.Table {
	t := &render.Table{Columns: []render.Column{{Key: "field"}, {Key: "value"}}}
	add := func(field string, c render.Cell) {
		if c.Text != "" || c.Plain != "" {
			t.Rows = append(t.Rows, []render.Cell{render.Str(field), c})
		}
	}
	text := func(field, s string) { add(field, render.Str(s)) }
	text("id", d.ID)
	text("title", d.Title)
	text("announced", d.Announced.String())
	text("status", string(d.Status))
	text("kind", string(d.Kind))
	add("parties", render.Cell{Text: strings.Join(d.Parties, ", "), Plain: strings.Join(d.Parties, ";")})
	add("dollars", reportedCell(usdCell(d.Dollars), d.IsReported("dollars")))
	add("amount", reportedCell(render.Cell{Text: d.Amount.Human(), Plain: d.Amount.String()}, d.IsReported("amount")))
	add("gigawatts", reportedCell(gwCell(d.Power), d.IsReported("gigawatts")))
	add("valuation", usdCell(d.Valuation))
	text("horizon", d.Horizon)
	for _, l := range d.Locations {
		text("location", l.String())
	}
	text("part_of", d.PartOf)
	text("parts", strings.Join(parts, ", "))
	text("superseded_by", d.SupersededBy)
	add("confirmed", render.Cell{Text: confirmedText(d), Plain: strconv.FormatBool(d.Confirmed())})
	if twh, ok := d.TWhPerYear(deal.Headline); ok {
		add("twh_per_year", render.Cell{Text: fmt.Sprintf("%.3g TWh/yr at full load", twh), Plain: strconv.FormatFloat(twh, 'f', -1, 64)})
	}
	if v, ok := d.USDPerGW(); ok {
		add("usd_per_gw", render.Cell{Text: deal.FormatDollars(int64(v), false) + " per GW", Plain: strconv.FormatFloat(v, 'f', 0, 64)})
	}
	if twh, ok := d.TWhPerYear(deal.Headline); ok {
		for _, e := range report.Nearest(twh) {
			text("energy_equivalent", e.Human())
		}
	}
	text("tags", strings.Join(d.Tags, ", "))
	for _, f := range d.Flows {
		money := f.Dollars.Human()
		if f.Amount.Q != deal.None {
			money = strings.TrimSpace(money + " " + f.Amount.Human())
		}
		text("flow", strings.TrimSpace(fmt.Sprintf("%s → %s  %s  %s", f.From, f.To, money, f.For)))
	}
	for _, s := range d.Sources {
		text("source", sourceLine(s))
	}
	for _, u := range d.Updates {
		text("update", updateLine(u))
		for _, s := range u.Sources {
			text("  its source", sourceLine(s))
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(d.Notes), "\n") {
		text("notes", line)
	}
	return t
}

// sourceLine is a source for people: the headline as published, or the
// description in brackets, which is never passed off as a headline.
func sourceLine(s deal.Source) string {
	parts := []string{}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher+":")
	}
	if s.Title != "" {
		parts = append(parts, s.Title)
	} else {
		parts = append(parts, "["+s.Description+"]")
	}
	if !s.Date.IsZero() {
		parts = append(parts, "("+s.Date.String()+")")
	}
	if s.Kind != "" {
		parts = append(parts, string(s.Kind))
	}
	if s.Via != "" {
		parts = append(parts, "via "+s.Via)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, " ")
}

// reportedCell marks a figure that rests on press reports only.
func reportedCell(c render.Cell, reported bool) render.Cell {
	if reported && c.Text != "" {
		c.Text += " (press reports only)"
	}
	return c
}

func confirmedText(d *deal.Deal) string {
	if d.Confirmed() {
		return "yes: a party's statement or a filing"
	}
	return "no: press reports and copies only"
}

func updateLine(u deal.Update) string {
	parts := []string{u.Date.String()}
	if u.Status != "" {
		parts = append(parts, string(u.Status))
	}
	if u.Dollars.Q != deal.None {
		parts = append(parts, u.Dollars.Human())
	}
	if u.Amount.Q != deal.None {
		parts = append(parts, u.Amount.Human())
	}
	if u.Power.Q != deal.None {
		parts = append(parts, u.Power.Human())
	}
	if u.SupersededBy != "" {
		parts = append(parts, "superseded by "+u.SupersededBy)
	}
	if u.Note != "" {
		parts = append(parts, "— "+u.Note)
	}
	return strings.Join(parts, " ")
}

// shownDeal is show's json and yaml form: the deal's detail and the
// references nearest to its yearly energy.
type shownDeal struct {
	dealDetail        `yaml:",inline"`
	EnergyEquivalents []equivalentRecord `json:"energy_equivalents" yaml:"energy_equivalents"`
}

// nearestRecords measures d's energy in a year against the nearest
// references; none when d gives no power.
func nearestRecords(d *deal.Deal) []equivalentRecord {
	out := []equivalentRecord{}
	if twh, ok := d.TWhPerYear(deal.Headline); ok {
		for _, e := range report.Nearest(twh) {
			out = append(out, newEquivalentRecord(e))
		}
	}
	return out
}
