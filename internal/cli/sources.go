package cli

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/dealtrack/dealtrack/internal/deal"
)

// sourceFlags are the flags that record sources, for add and update: one
// --source-title per source, and the other flags none or one per title, in
// the same order.
type sourceFlags struct {
	urls, titles, publishers []string
	dates, kinds, vias       []string
}

func (s *sourceFlags) bind(cmd *cobra.Command, what string) {
	fl := cmd.Flags()
	fl.StringArrayVar(&s.urls, "source", nil, "URL of a report of the "+what+", one per --source-title in the same order (optional)")
	fl.StringArrayVar(&s.titles, "source-title", nil, "title of a report of the "+what+" (repeatable: one per source)")
	fl.StringArrayVar(&s.publishers, "publisher", nil, "publisher of the report, one per --source-title in the same order (optional)")
	fl.StringArrayVar(&s.dates, "source-date", nil, "date of the report, one per --source-title in the same order (optional)")
	fl.StringArrayVar(&s.kinds, "source-kind", nil, "what the report is: statement, filing, press or copy; one per --source-title (optional)")
	fl.StringArrayVar(&s.vias, "via", nil, "the site a copy was read on, when --source is a repost; one per --source-title (optional)")
	cmd.RegisterFlagCompletionFunc("source-kind", fixedCompletion(enumStrings(deal.SourceKinds)))
}

// check refuses values that are wrong in themselves: a usage error.
func (s *sourceFlags) check(cmd *cobra.Command) error {
	for _, d := range s.dates {
		if _, err := deal.ParseDate(d); err != nil {
			return flagValueError(cmd, "source-date", d, err)
		}
	}
	for _, k := range s.kinds {
		if _, err := deal.ParseSourceKind(deal.Spelling(k)); err != nil {
			return flagValueError(cmd, "source-kind", k, err)
		}
	}
	n := len(s.titles)
	for flag, values := range map[string][]string{"source": s.urls, "publisher": s.publishers, "source-date": s.dates, "source-kind": s.kinds, "via": s.vias} {
		if len(values) != 0 && len(values) != n {
			return usageErrorf(cmd, "--%s: %d given for %d --source-title; give none, or one for each source in the same order", flag, len(values), n)
		}
	}
	for flag, values := range map[string][]string{"source": s.urls, "source-title": s.titles, "publisher": s.publishers, "via": s.vias} {
		for _, v := range values {
			if strings.TrimSpace(v) == "" {
				return usageErrorf(cmd, "--%s: empty value", flag)
			}
			if !utf8.ValidString(v) {
				return flagValueError(cmd, flag, v, errors.New("not valid UTF-8"))
			}
		}
	}
	return nil
}

// sources are the checked flags' sources.
func (s *sourceFlags) sources() []deal.Source {
	var out []deal.Source
	for i, title := range s.titles {
		src := deal.Source{Title: title}
		if i < len(s.urls) {
			src.URL = s.urls[i]
		}
		if i < len(s.publishers) {
			src.Publisher = s.publishers[i]
		}
		if i < len(s.dates) {
			src.Date, _ = deal.ParseDate(s.dates[i])
		}
		if i < len(s.kinds) {
			src.Kind = deal.SourceKind(deal.Spelling(s.kinds[i]))
		}
		if i < len(s.vias) {
			src.Via = s.vias[i]
		}
		out = append(out, src)
	}
	return out
}
