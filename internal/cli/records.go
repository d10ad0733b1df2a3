package cli

import "github.com/dealtrack/dealtrack/internal/deal"

// The helpers of the records that are still made in cli: a value, or nil
// (json null) when it is not known.

func dollarFields(a deal.Amount) (usd, low, high *int64, q *string) {
	return optInt(a.Value(deal.Headline)), optInt(a.Value(deal.Low)), optInt(a.Value(deal.High)), optString(a.Q.String())
}

func optInt(v int64, ok bool) *int64 {
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
