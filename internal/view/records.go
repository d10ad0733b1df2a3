package view

import (
	"fmt"

	"github.com/dealtrack/dealtrack/internal/deal"
	"github.com/dealtrack/dealtrack/internal/report"
)

// The json and yaml forms of deals. Keys are a contract: never rename one
// once released; add new ones.

type dealRecord struct {
	ID           string         `json:"id" yaml:"id"`
	Title        string         `json:"title" yaml:"title"`
	Announced    string         `json:"announced" yaml:"announced"`
	Status       string         `json:"status" yaml:"status"`
	Kind         string         `json:"kind" yaml:"kind"`
	Parties      []string       `json:"parties" yaml:"parties"`
	USD          *int64         `json:"usd" yaml:"usd"`
	USDLow       *int64         `json:"usd_low" yaml:"usd_low"`
	USDHigh      *int64         `json:"usd_high" yaml:"usd_high"`
	USDQualifier *string        `json:"usd_qualifier" yaml:"usd_qualifier"`
	GW           *float64       `json:"gw" yaml:"gw"`
	GWLow        *float64       `json:"gw_low" yaml:"gw_low"`
	GWHigh       *float64       `json:"gw_high" yaml:"gw_high"`
	GWQualifier  *string        `json:"gw_qualifier" yaml:"gw_qualifier"`
	Tags         []string       `json:"tags" yaml:"tags"`
	PartOf       *string        `json:"part_of" yaml:"part_of"`
	Sources      []sourceRecord `json:"sources" yaml:"sources"`
	Amount       *moneyRecord   `json:"amount" yaml:"amount"`
	Location     []locationRec  `json:"location" yaml:"location"`
	SupersededBy *string        `json:"superseded_by" yaml:"superseded_by"`
	Reported     []string       `json:"reported" yaml:"reported"`
	Confirmed    bool           `json:"confirmed" yaml:"confirmed"`
	// AnnouncedDay is announced as a full date a spreadsheet reads the same
	// every time (a month-only date as its first day), and
	// AnnouncedPrecision says which it was: day or month.
	AnnouncedDay       string `json:"announced_day" yaml:"announced_day"`
	AnnouncedPrecision string `json:"announced_precision" yaml:"announced_precision"`
}

type sourceRecord struct {
	Publisher   *string `json:"publisher" yaml:"publisher"`
	Title       *string `json:"title" yaml:"title"`
	URL         *string `json:"url" yaml:"url"`
	Date        *string `json:"date" yaml:"date"`
	Description *string `json:"description" yaml:"description"`
	Via         *string `json:"via" yaml:"via"`
	Kind        *string `json:"kind" yaml:"kind"`
}

// moneyRecord is a figure in another currency, in whole units of it.
type moneyRecord struct {
	Currency  string `json:"currency" yaml:"currency"`
	Value     int64  `json:"value" yaml:"value"`
	Low       int64  `json:"low" yaml:"low"`
	High      int64  `json:"high" yaml:"high"`
	Qualifier string `json:"qualifier" yaml:"qualifier"`
}

type locationRec struct {
	Site    *string `json:"site" yaml:"site"`
	Region  *string `json:"region" yaml:"region"`
	Country *string `json:"country" yaml:"country"`
}

// dealDetail is what show prints: a deal and everything else known of it.
type dealDetail struct {
	dealRecord   `yaml:",inline"`
	Flows        []flowRecord   `json:"flows" yaml:"flows"`
	Updates      []updateRecord `json:"updates" yaml:"updates"`
	Notes        *string        `json:"notes" yaml:"notes"`
	ValuationUSD *int64         `json:"valuation_usd" yaml:"valuation_usd"`
	Horizon      *string        `json:"horizon" yaml:"horizon"`
	TWhPerYear   *float64       `json:"twh_per_year" yaml:"twh_per_year"`
	USDPerGW     *float64       `json:"usd_per_gw" yaml:"usd_per_gw"`
}

type flowRecord struct {
	From         string       `json:"from" yaml:"from"`
	To           string       `json:"to" yaml:"to"`
	USD          *int64       `json:"usd" yaml:"usd"`
	USDQualifier *string      `json:"usd_qualifier" yaml:"usd_qualifier"`
	For          *string      `json:"for" yaml:"for"`
	Amount       *moneyRecord `json:"amount" yaml:"amount"`
}

type updateRecord struct {
	Date         string         `json:"date" yaml:"date"`
	Status       *string        `json:"status" yaml:"status"`
	USD          *int64         `json:"usd" yaml:"usd"`
	GW           *float64       `json:"gw" yaml:"gw"`
	Note         *string        `json:"note" yaml:"note"`
	USDQualifier *string        `json:"usd_qualifier" yaml:"usd_qualifier"`
	GWQualifier  *string        `json:"gw_qualifier" yaml:"gw_qualifier"`
	Amount       *moneyRecord   `json:"amount" yaml:"amount"`
	SupersededBy *string        `json:"superseded_by" yaml:"superseded_by"`
	Sources      []sourceRecord `json:"sources" yaml:"sources"`
}

func newDealRecord(d *deal.Deal) dealRecord {
	r := dealRecord{
		ID:           d.ID,
		Title:        d.Title,
		Announced:    d.Announced.String(),
		Status:       string(d.Status),
		Kind:         string(d.Kind),
		Parties:      nonNil(d.Parties),
		Tags:         nonNil(d.Tags),
		PartOf:       optString(d.PartOf),
		Sources:      sourceRecords(d.Sources),
		Amount:       newMoneyRecord(d.Amount),
		Location:     make([]locationRec, len(d.Locations)),
		SupersededBy: optString(d.SupersededBy),
		Reported:     nonNil(d.Reported),
		Confirmed:    d.Confirmed(),
	}
	r.AnnouncedDay, r.AnnouncedPrecision = dayAndPrecision(d.Announced)
	r.USD, r.USDLow, r.USDHigh, r.USDQualifier = dollarFields(d.Dollars)
	r.GW, r.GWLow, r.GWHigh, r.GWQualifier = gwFields(d.Power)
	for i, l := range d.Locations {
		r.Location[i] = locationRec{optString(l.Site), optString(l.Region), optString(l.Country)}
	}
	return r
}

// dayAndPrecision is a date as YYYY-MM-DD, a month-only one as its first
// day, and whether it was known to the day or the month.
func dayAndPrecision(d deal.Date) (string, string) {
	day := fmt.Sprintf("%04d-%02d-%02d", d.Year, max(d.Month, 1), max(d.Day, 1))
	if d.Day == 0 {
		return day, "month"
	}
	return day, "day"
}

func sourceRecords(ss []deal.Source) []sourceRecord {
	out := make([]sourceRecord, len(ss))
	for i, s := range ss {
		out[i] = sourceRecord{optString(s.Publisher), optString(s.Title), optString(s.URL), optString(s.Date.String()),
			optString(s.Description), optString(s.Via), optString(string(s.Kind))}
	}
	return out
}

func newMoneyRecord(m deal.Money) *moneyRecord {
	v, ok := m.Value(deal.Headline)
	if !ok {
		return nil
	}
	lo, _ := m.Value(deal.Low)
	hi, _ := m.Value(deal.High)
	return &moneyRecord{m.Currency, v, lo, hi, m.Q.String()}
}

func newDealDetail(d *deal.Deal) dealDetail {
	r := dealDetail{
		dealRecord:   newDealRecord(d),
		Flows:        make([]flowRecord, len(d.Flows)),
		Updates:      make([]updateRecord, len(d.Updates)),
		Notes:        optString(d.Notes),
		ValuationUSD: optInt(d.Valuation.Value(deal.Headline)),
		Horizon:      optString(d.Horizon),
		USDPerGW:     optFloat(d.USDPerGW()),
		TWhPerYear:   optFloat(d.TWhPerYear(deal.Headline)),
	}
	for i, f := range d.Flows {
		usd, _, _, q := dollarFields(f.Dollars)
		r.Flows[i] = flowRecord{f.From, f.To, usd, q, optString(f.For), newMoneyRecord(f.Amount)}
	}
	for i, u := range d.Updates {
		r.Updates[i] = updateRecord{u.Date.String(), optString(string(u.Status)), optInt(u.Dollars.Value(deal.Headline)), optGW(u.Power.Value(deal.Headline)), optString(u.Note),
			optString(u.Dollars.Q.String()), optString(u.Power.Q.String()), newMoneyRecord(u.Amount), optString(u.SupersededBy), sourceRecords(u.Sources)}
	}
	return r
}

func dollarFields(a deal.Amount) (usd, low, high *int64, q *string) {
	return optInt(a.Value(deal.Headline)), optInt(a.Value(deal.Low)), optInt(a.Value(deal.High)), optString(a.Q.String())
}

func gwFields(p deal.Power) (gw, low, high *float64, q *string) {
	return optGW(p.Value(deal.Headline)), optGW(p.Value(deal.Low)), optGW(p.Value(deal.High)), optString(p.Q.String())
}

func optInt(v int64, ok bool) *int64 {
	if !ok {
		return nil
	}
	return &v
}

func optGW(w int64, ok bool) *float64 { return optFloat(deal.GW(w), ok) }

func optFloat(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// equivalentRecord is a deal or a party's yearly energy measured against
// a reference.
type equivalentRecord struct {
	Key         string  `json:"key" yaml:"key"`
	Name        string  `json:"name" yaml:"name"`
	Measure     string  `json:"measure" yaml:"measure"`
	TWh         float64 `json:"twh" yaml:"twh"`
	Approximate bool    `json:"approximate" yaml:"approximate"`
	Year        string  `json:"year" yaml:"year"`
	Source      string  `json:"source" yaml:"source"`
	Each        *string `json:"each" yaml:"each"`
	Ratio       float64 `json:"ratio" yaml:"ratio"`
}

func newEquivalentRecord(e report.Equivalent) equivalentRecord {
	return equivalentRecord{e.Key, e.Name, e.Measure, e.TWh, e.About, e.Year, e.Source, optString(e.Each), e.Ratio}
}
