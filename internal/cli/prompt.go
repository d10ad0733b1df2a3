package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// prompter asks questions at a terminal, one line per answer.
type prompter struct {
	in  *bufio.Reader
	out io.Writer
}

func newPrompter(in io.Reader, out io.Writer) *prompter {
	return &prompter{in: bufio.NewReader(in), out: out}
}

// ask asks question until check accepts the answer. An optional question
// accepts an empty answer. The end of input cancels.
func (p *prompter) ask(question string, optional bool, check func(string) error) (string, error) {
	for {
		fmt.Fprintf(p.out, "%s: ", question)
		line, err := p.in.ReadString('\n')
		answer := strings.TrimSpace(line)
		if err != nil && answer == "" {
			fmt.Fprintln(p.out)
			return "", fmt.Errorf("no answer to %q; nothing written", question)
		}
		switch {
		case answer == "" && optional:
			return "", nil
		case answer == "":
			fmt.Fprintln(p.out, "  (required)")
		case check != nil && check(answer) != nil:
			fmt.Fprintf(p.out, "  %v\n", check(answer))
		default:
			return answer, nil
		}
	}
}

// confirm asks a yes-or-no question, yes by default, until it gets one.
func (p *prompter) confirm(question string) (bool, error) {
	for {
		answer, err := p.ask(question+" [Y/n]", true, nil)
		switch strings.ToLower(answer) {
		case "", "y", "yes":
			return err == nil, err
		case "n", "no":
			return false, err
		}
		fmt.Fprintln(p.out, "  (y or n)")
	}
}

// interview asks for the required fields that are missing, and for the
// figures when they were not given; when it asked for anything, for the
// optional parts too. A party that is not in the registry (reg, which may
// be nil) but is near one is offered that one. Enum answers are read in
// any case.
func (o *addOptions) interview(p *prompter, reg *deal.Registry) error {
	var err error
	asked := false
	text := func(dst *string, question string, optional bool, check func(string) error) {
		if err == nil && *dst == "" {
			*dst, err = p.ask(question, optional, check)
			asked = true
		}
	}
	spelt := func(parse func(string) error) func(string) error {
		return func(s string) error { return parse(deal.Spelling(s)) }
	}
	text(&o.title, "Title (what was announced, in one sentence)", false, nil)
	text(&o.announced, "Announced (YYYY-MM-DD, or YYYY-MM)", false, ignore(deal.ParseDate))
	text(&o.kind, "Kind ("+joinEnum(deal.Kinds)+")", false, spelt(ignore(deal.ParseKind)))
	text(&o.status, "Status ("+joinEnum(deal.Statuses)+")", false, spelt(ignore(deal.ParseStatus)))
	o.kind, o.status = deal.Spelling(o.kind), deal.Spelling(o.status)
	if err == nil && len(o.parties) == 0 {
		var names string
		text(&names, "Parties, separated by commas (NVIDIA, OpenAI)", false, func(s string) error {
			if len(splitNames(s)) == 0 {
				return errors.New("name at least one party")
			}
			return nil
		})
		o.parties = splitNames(names)
	}
	for i, name := range o.parties {
		if err != nil || reg == nil || reg.Party(name) != nil {
			continue
		}
		if near := reg.Suggest(name); near != "" {
			var yes bool
			if yes, err = p.confirm(fmt.Sprintf("%s is not in parties.yaml: did you mean %s?", name, near)); yes {
				o.parties[i] = near
			}
		}
	}
	text(&o.dollars, "Dollars, Enter to leave out ($100B, up to $10B, over $1B, about $40B, $10B-$20B, undisclosed)", true, ignore(deal.ParseAmount))
	text(&o.gigawatts, "Gigawatts, Enter to leave out (10 GW, up to 1 GW, 750 MW, undisclosed)", true, ignore(deal.ParsePower))
	if err == nil && len(o.src.titles) == 0 {
		var url, title, publisher string
		text(&title, "Source title (the report's headline)", false, nil)
		text(&publisher, "Source publisher", false, nil)
		text(&url, "Source URL, Enter to leave out", true, nil)
		o.src.titles, o.src.publishers = []string{title}, []string{publisher}
		if url != "" {
			o.src.urls = []string{url}
		}
	}
	if asked && len(o.tags) == 0 {
		var tags string
		text(&tags, "Tags, separated by commas, Enter to leave out", true, nil)
		o.tags = splitNames(tags)
	}
	if asked && len(o.locations) == 0 {
		var place string
		text(&place, "Where (SITE, REGION, COUNTRY), Enter to leave out", true, ignore(parseLocation))
		if place != "" {
			o.locations = []string{place}
		}
	}
	if asked {
		text(&o.partOf, "Part of (the id of an umbrella deal), Enter to leave out", true, nil)
		text(&o.notes, "Notes, Enter to leave out", true, nil)
	}
	return err
}

func splitNames(s string) []string {
	var names []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}
