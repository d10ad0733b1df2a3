// Package suggest finds the word a user probably meant: dealtrack's one
// "did you mean" rule, used for ids, party names, keys, countries, flags
// and field names alike.
//
// The rule: ignoring case, the candidate with the smallest edit distance
// (optimal string alignment: Levenshtein with swaps of neighbours, in
// bytes) wins, provided the distance is below a third of
// the typed word's length plus two. A typo in the start of a long name
// counts as the distance to that start plus one. Ties go to the candidate
// that sorts first.
package suggest

import "strings"

// MaxLen is the longest word a suggestion is looked for: past it a typo
// is not the likely story, and comparing costs the square of the length.
const MaxLen = 128

// Nearest returns the candidate closest to name by the rule above, or "".
// Its work is bounded: a name over MaxLen bytes gets no suggestion, and a
// candidate whose length alone puts it out of reach costs no comparison.
func Nearest(name string, candidates []string) string {
	if name == "" || len(name) > MaxLen {
		return ""
	}
	low := strings.ToLower(name)
	best, bestDist := "", len(name)/3+2
	for _, c := range candidates {
		d := bestDist + 1
		if len(c) > len(low) {
			d = editDistance(low, strings.ToLower(c[:len(low)])) + 1 // a typo in the start of a long name
		}
		if diff := len(c) - len(low); diff < bestDist && -diff < bestDist {
			d = min(d, editDistance(low, strings.ToLower(c)))
		}
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b,
// in bytes: insertions, deletions, substitutions, and swaps of two
// neighbours ("lsit" is one step from "list"), each costing one.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
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
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Hint is " (did you mean X?)" for the nearest candidate, or "".
func Hint(name string, candidates []string) string {
	if s := Nearest(name, candidates); s != "" {
		return " (did you mean " + s + "?)"
	}
	return ""
}
