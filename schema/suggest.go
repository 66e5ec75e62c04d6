package schema

import "strings"

// maxSuggestDistance is how far a misspelling may be from what was meant
// for a did-you-mean: product-rules.md says edit distance 2.
const maxSuggestDistance = 2

// maxSuggestKey bounds the did-you-mean search: a key longer than this
// many bytes (no known key is half as long) is never within distance 2 of
// one, and is not compared, so an unknown key costs a bounded time however
// long it is.
const maxSuggestKey = 64

// nearest returns the one candidate within maxSuggestDistance of s, the
// nearest, and whether there is exactly one such nearest candidate. A
// case-insensitive match is nearest of all ("EAN13" means "ean13").
func nearest(s string, candidates []string) (string, bool) {
	best, bestD, ties := "", maxSuggestDistance+1, 0
	for _, c := range candidates {
		d := distance(s, c)
		if d > 0 && strings.EqualFold(s, c) {
			d = 0
		}
		switch {
		case d < bestD:
			best, bestD, ties = c, d, 1
		case d == bestD:
			ties++
		}
	}
	return best, ties == 1 && bestD <= maxSuggestDistance && best != s
}

// distance is the optimal string alignment distance between a and b, in
// runes: insertions, deletions, substitutions and transpositions of two
// neighbours each count 1, so "retial" is 1 from "retail" and "fales" 1
// from "false". It gives up early: anything over maxSuggestDistance + 1
// is reported as maxSuggestDistance + 1.
func distance(a, b string) int {
	const far = maxSuggestDistance + 1
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > maxSuggestDistance || -d > maxSuggestDistance {
		return far
	}
	// Three rows of the dynamic programme: i-2, i-1 and i.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= far {
			return far
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], far)
}
