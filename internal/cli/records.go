package cli

// optString is s, or nil (json null) when s is empty.
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
