package cli

import "github.com/dealtrack/dealtrack/internal/deal"

// The helpers of the records that are still made in cli: a value, or nil
// (json null) when it is not known.

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
