package deal

import (
	"errors"
	"slices"
	"strings"
	"unicode"
)

// maxIDWords bounds the title words an id made by NewID keeps.
const maxIDWords = 8

// idStopWords are left out of ids made from titles.
var idStopWords = []string{"a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "or", "the", "to", "with"}

// NewID makes an id from a deal's date and title: the date, then the
// title's first words (lower case, without accents, short words such as
// "to" and "the" left out), whole words only, at most 80 characters:
// "NVIDIA to invest up to $100B in OpenAI" on 2025-09-22 gives
// 2025-09-22-nvidia-invest-up-100b-openai.
func NewID(announced Date, title string) (string, error) {
	words := slices.DeleteFunc(idWords(title), func(w string) bool { return slices.Contains(idStopWords, w) })
	if len(words) == 0 {
		return "", errors.New("the title has no word to make an id from")
	}
	id := announced.String()
	for i, w := range words {
		if len(id)+1+len(w) > MaxIDLen || i == maxIDWords {
			break
		}
		id += "-" + w
	}
	if id == announced.String() {
		return "", errors.New("the title's first word is too long for an id")
	}
	return id, CheckID(id)
}

// idWords splits s into lower-case runs of ASCII letters and digits.
// Accented Latin letters lose their accents; apostrophes and commas
// between digits join ("Groq's" is groqs, "900,000" is 900000); anything
// else separates words.
func idWords(s string) []string {
	var words []string
	var w strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			w.WriteRune(r)
		case unaccented[r] != "":
			w.WriteString(unaccented[r])
		case r == '\'' || r == '’':
		case r == ',' && i > 0 && i+1 < len(rs) && isDigitRune(rs[i-1]) && isDigitRune(rs[i+1]):
		default:
			if w.Len() > 0 {
				words = append(words, w.String())
				w.Reset()
			}
		}
	}
	if w.Len() > 0 {
		words = append(words, w.String())
	}
	return words
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// unaccented spells the accented Latin letters of Western European names
// in ASCII.
var unaccented = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
}
