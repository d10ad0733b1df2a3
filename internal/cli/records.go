package cli

// optString is s, or nil (json null) when s is empty, for check's
// problem records.
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
