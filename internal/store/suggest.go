package store

import "strings"

// Nearest returns the candidate closest to name by edit distance, ignoring
// case, when it is close enough to be a likely typo; otherwise "".
func Nearest(name string, candidates []string) string {
	low := strings.ToLower(name)
	best, bestDist := "", len(name)/3+2
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(low, lc)
		if len(lc) > len(low) {
			d = min(d, editDistance(low, lc[:len(low)])+1) // a typo in the start of a long name
		}
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
