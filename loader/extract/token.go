package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	text  string
	lower string
	start int // byte offset in the sentence
	end   int
	space bool // whitespace precedes it
}

var textNormalizer = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2013", " - ", "\u2014", " - ", "\u00a0", " ", "\u2022", " ", "\u200b", "",
)

// normalizeText folds typographic quotes, apostrophes and dashes to ASCII so
// that lexicon phrases and article text compare equal.
func normalizeText(s string) string { return textNormalizer.Replace(s) }

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits normalized text into words and punctuation. It keeps
// abbreviations with inner periods ("U.S.") and initials ("L.") whole, splits
// the possessive "'s" off its word, and makes hyphens and quotes tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	i := 0
	space := true
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
			i += w
			continue
		}
		start := i
		if isWordRune(r) {
			j := i
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += w2
					continue
				}
				// an apostrophe inside a word ("don't", "N'Djamena") but not the possessive 's
				if r2 == '\'' && j+1 < len(s) && j > i {
					r3, _ := utf8.DecodeRuneInString(s[j+1:])
					if isWordRune(r3) && !(r3 == 's' || r3 == 'S') || (r3 == 's' || r3 == 'S') && j+2 < len(s) && isWordRune(rune(s[j+2])) {
						j += 1
						continue
					}
				}
				// an underscore inside a handle: "Cyber_Horus"
				if r2 == '_' && j+1 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+1:]); isWordRune(r3) {
						j++
						continue
					}
				}
				// a period inside an abbreviation: U.S., U.K., D.C.
				if r2 == '.' && j+1 < len(s) && j-i <= 2 {
					r3, _ := utf8.DecodeRuneInString(s[j+1:])
					if unicode.IsUpper(r3) && j+2 <= len(s) && (j+2 == len(s) || s[j+2] == '.') {
						j += 2
						continue
					}
				}
				break
			}
			// a romanized given name joined by a hyphen: "Chia-tsun", "Jae-in"
			if k := nameSyllableEnd(s, i, j, toks, space); k > j {
				j = k
			}
			// an Arabic article joined to a name: "al-Marri", "Al-Ansari", "el-Sisi"
			if k := articleNameEnd(s, i, j); k > j {
				j = k
			}
			// a compound given name: "Jean-Noel", "Anne-Marie", "Hans-Peter"
			if k := givenNameEnd(s, i, j); k > j {
				j = k
			}
			// trailing period of an abbreviation or an initial: "U.S." "L."
			if j < len(s) && s[j] == '.' {
				word := s[i:j]
				if strings.Contains(word, ".") || (len(word) == 1 && unicode.IsUpper(r)) || abbrevs[word] {
					j++
				}
			}
			toks = append(toks, token{text: s[i:j], start: start, end: j, space: space})
			i = j
			space = false
			continue
		}
		if r == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || !isWordRune(rune(s[i+2]))) && i > 0 && !space {
			toks = append(toks, token{text: s[i : i+2], start: i, end: i + 2, space: false})
			i += 2
			continue
		}
		toks = append(toks, token{text: s[i : i+w], start: start, end: i + w, space: space})
		i += w
		space = false
	}
	for k := range toks {
		toks[k].lower = strings.ToLower(toks[k].text)
	}
	return toks
}

// compoundSuffixes are lower-case words that follow a capitalised word and a
// hyphen as a compound modifier ("Kremlin-led", "Soviet-era"), not as the
// second syllable of a name.
var compoundSuffixes = map[string]bool{
	"led": true, "era": true, "run": true, "made": true, "born": true, "held": true, "type": true,
	"wide": true, "like": true, "free": true, "only": true, "size": true, "old": true, "day": true,
	"year": true, "based": true, "owned": true, "style": true, "bound": true, "area": true,
	"tied": true, "level": true, "class": true, "scale": true, "party": true, "state": true,
	"fed": true, "funded": true, "linked": true, "backed": true, "nexus": true, "ally": true,
}

// nameSyllableEnd returns the end of a lower-case syllable joined by a hyphen
// to the capitalised word s[i:j] when both follow another capitalised word,
// as romanized East Asian given names are written ("Liu Chia-tsun", "Cho
// Jung-tai", "Moon Jae-in"); otherwise j.
func nameSyllableEnd(s string, i, j int, toks []token, space bool) int {
	if j+2 >= len(s) || s[j] != '-' || !space || len(toks) == 0 || !isCap(s[i:j]) || !isCap(toks[len(toks)-1].text) || isAllCaps(s[i:j]) {
		return j
	}
	prev := toks[len(toks)-1].text
	if len(prev) < 2 || isAllCaps(prev) {
		return j
	}
	k := j + 1
	for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
		k++
	}
	if n := k - j - 1; n < 2 || n > 5 || compoundSuffixes[s[j+1:k]] {
		return j
	}
	if k < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[k:]); isWordRune(r) || r == '-' {
			return j
		}
	}
	return k
}

// articleNameEnd returns the end of a capitalised word joined by a hyphen
// to the Arabic article s[i:j] ("al-Marri", "El-Sisi"), otherwise j.
func articleNameEnd(s string, i, j int) int {
	if w := s[i:j]; (w != "al" && w != "Al" && w != "el" && w != "El") || j+2 >= len(s) || s[j] != '-' || s[j+1] < 'A' || s[j+1] > 'Z' {
		return j
	}
	k := j + 1
	for k < len(s) {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !isWordRune(r) {
			break
		}
		k += w
	}
	if k-j-1 < 2 {
		return j
	}
	return k
}

// compoundGiven are the first parts of hyphenated Western given names.
var compoundGiven = map[string]bool{
	"Jean": true, "Anne": true, "Marie": true, "Hans": true, "Karl": true, "Jose": true, "José": true,
	"Maria": true, "Pierre": true, "Louis": true, "Paul": true, "Klaus": true, "Eva": true,
	"Ana": true, "Juan": true, "Luis": true, "Carl": true, "Mary": true, "Ann": true, "Lars": true,
}

// givenNameEnd returns the end of a capitalised name joined by a hyphen to
// the given name s[i:j] when a capitalised surname follows ("Jean-Noel
// Barrot", "Hans-Peter Friedrich"), otherwise j.
func givenNameEnd(s string, i, j int) int {
	if !compoundGiven[s[i:j]] || j+3 >= len(s) || s[j] != '-' || s[j+1] < 'A' || s[j+1] > 'Z' {
		return j
	}
	k := j + 2
	for k < len(s) {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsLower(r) {
			break
		}
		k += w
	}
	if k-j-1 < 2 || k+1 >= len(s) || s[k] != ' ' || s[k+1] < 'A' || s[k+1] > 'Z' {
		return j
	}
	return k
}

var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Sen": true, "Rep": true, "Gov": true,
	"Lt": true, "Col": true, "Maj": true, "Capt": true, "Prof": true, "St": true, "Jr": true, "Sr": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"No": true, "Inc": true, "Corp": true, "Ltd": true, "Co": true, "vs": true,
}

// sentence is one sentence of the article with its tokens.
type sentence struct {
	text  string
	toks  []token
	para  int
	title bool
	// turn is 'Q' or 'A' for a sentence that opens a question or an answer
	// of a transcript ("Q: ...", "A: ..."), whose label is cut off its text.
	turn byte
}

// segment splits a text into sentences: paragraphs at newlines, then at
// sentence-final punctuation followed by a capital letter or a quote, never
// after an abbreviation or an initial.
func segment(text string, para int, out []sentence) []sentence {
	first := len(out)
	defer func() { namedAnswers(out[first:]) }()
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		start := 0
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < len(line) && (line[j] == '"' || line[j] == '\'' || line[j] == ')') {
				j++
			}
			if j >= len(line) || line[j] != ' ' {
				continue
			}
			k := j
			for k < len(line) && line[k] == ' ' {
				k++
			}
			if k >= len(line) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(line[k:])
			if !unicode.IsUpper(r) && r != '"' && r != '\'' && !unicode.IsDigit(r) {
				continue
			}
			if c == '.' && endsWithAbbrev(line[start:i]) {
				continue
			}
			out = appendSentence(out, line[start:j], para)
			start = k
			i = k - 1
		}
		out = appendSentence(out, line[start:], para)
		para++
	}
	return out
}

// namedAnswers marks the answers of a transcript whose questions are
// labelled "Q:" but whose answers are labelled with the answerer's name
// ("Lin Wei: ...", "Spokesperson Wang: ..."): a line that opens with a
// short capitalized label and a colon becomes an 'A' turn, its label cut off.
func namedAnswers(ss []sentence) {
	questions := false
	for _, s := range ss {
		if s.turn == 'Q' {
			questions = true
			break
		}
	}
	if !questions {
		return
	}
	// a label counts when it answers twice or the heading names it
	// ("Photo: ..." or "Source: ..." once is no answerer)
	labels := map[string]int{}
	for i := range ss {
		if l := answerLabel(ss, i); l != "" {
			labels[l]++
		}
	}
	for i := range ss {
		s := &ss[i]
		l := answerLabel(ss, i)
		if l == "" || (labels[l] < 2 && !strings.Contains(ss[0].text, l)) || ss[0].text == s.text {
			continue
		}
		rest := strings.TrimSpace(s.text[len(l)+1:])
		s.text, s.toks, s.turn = rest, tokenize(rest), 'A'
	}
}

// answerLabel is the speaker label that opens sentence i of a transcript
// ("Lin Wei" in "Lin Wei: I have noted ..."): up to four capitalized words
// and a colon at the start of a line, with text after it; else "".
func answerLabel(ss []sentence, i int) string {
	s := ss[i]
	if s.turn != 0 || (i > 0 && ss[i-1].para == s.para) {
		return ""
	}
	k := strings.Index(s.text, ": ")
	if k <= 0 || k > 40 || strings.TrimSpace(s.text[k+1:]) == "" {
		return ""
	}
	words := strings.Fields(s.text[:k])
	if len(words) > 4 {
		return ""
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789,\"") {
			return ""
		}
	}
	return s.text[:k]
}

func appendSentence(out []sentence, s string, para int) []sentence {
	s = strings.TrimSpace(s)
	var turn byte
	for _, l := range []string{"Q:", "A:", "Question:", "Answer:"} {
		if rest, ok := strings.CutPrefix(s, l); ok && strings.HasPrefix(rest, " ") {
			s, turn = strings.TrimSpace(rest), l[0]
			break
		}
	}
	if s == "" {
		return out
	}
	return append(out, sentence{text: s, toks: tokenize(s), para: para, turn: turn})
}

func endsWithAbbrev(s string) bool {
	k := strings.LastIndexAny(s, " (\"")
	w := s[k+1:]
	if w == "" {
		return false
	}
	if abbrevs[w] || strings.Contains(w, ".") {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}
