package extract

import (
	"strconv"
	"strings"
)

// incidentHeads are the nouns that name an incident.
var incidentHeads = map[string]bool{
	"cyberattack": true, "cyberattacks": true, "cyber-attack": true, "cyber-attacks": true, "hack": true, "hacking": true,
	"breach": true, "breaches": true, "intrusion": true, "intrusions": true, "campaign": true, "espionage": true,
	"incident": true, "attacks": true, "attack": true, "interference": true, "meddling": true, "poisoning": true,
	"theft": true, "shootdown": true, "operation": true, "program": true, "programme": true,
}

// incidentModifiers may stand left of an incident head inside its name.
var incidentModifiers = map[string]bool{
	"recent": true, "massive": true, "global": true, "widespread": true, "cyber": true, "data": true, "state-sponsored": true,
	"planned": true, "major": true, "large-scale": true, "malicious": true, "hacker": true, "hacking": true, "router": true,
	"ransomware": true, "espionage": true, "election": true, "spy": true, "balloon": true, "supply-chain": true, "alleged": true,
	"great": true, "new": true, "series": true, "sweeping": true, "sophisticated": true, "hacker-led": true, "-": true,
	"government-backed": true, "cyber-espionage": true, "computer": true, "network": true, "email": true, "phishing": true,
}

var incidentStops = map[string]bool{
	"that": true, "which": true, "who": true, "was": true, "were": true, "is": true, "are": true, "had": true, "has": true,
	"have": true, "by": true, "to": true, "in": true, "as": true, "but": true, "while": true, "with": true, "for": true,
	"said": true, "from": true, "because": true, "after": true, "before": true, "could": true, "would": true, "will": true,
	"between": true, "during": true, "since": true, "last": true, "this": true, "when": true,
	"did": true, "does": true, "do": true, "may": true, "might": true, "should": true, "can": true, "on": true,
}

// incident is one incident phrase of a sentence.
type incidentSpan struct {
	start, end int
	text       string
}

// findIncidents is part of stage 6: incident phrases ("the recent
// cyberattacks on US government agencies", "the 2017 Equifax breach"),
// clustered across the article by shared words.
func (a *analysis) findIncidents() {
	var clusters []*entity
	var words []map[string]bool
	for si := range a.sents {
		s := &a.sents[si]
		if s.headline() {
			continue // title case hides which words name the incident
		}
		for i, t := range s.toks {
			if !incidentHeads[t.lower] || (i > 0 && incidentHeads[s.toks[i-1].lower] && s.toks[i-1].lower != "hacking") {
				continue
			}
			if i+1 < len(s.toks) && incidentHeads[s.toks[i+1].lower] {
				continue // the head is the last of "hacking attacks"
			}
			switch s.lower(i + 1) {
			case "group", "groups", "unit", "team", "tools", "crew", "gang", "network", "operations", "activity", "activities", "capabilities",
				"accusations", "allegations", "claims", "charges", "threat", "threats", "suspect", "suspects":
				continue // a modifier: "hacking group"
			}
			start := i
			year := 0
			for j := i - 1; j >= 0 && i-j <= 5; j-- {
				w := s.toks[j]
				if incidentModifiers[w.lower] || incidentHeads[w.lower] {
					start = j
					continue
				}
				if y, err := strconv.Atoi(w.lower); err == nil && y > 1900 && y < 2100 {
					year, start = y, j
					continue
				}
				if mi := s.mentionAt(j); mi >= 0 {
					start = s.ments[mi].start
					j = start
					continue
				}
				if isCap(w.text) && w.lower != "the" && !nameStop[w.text] && j > 0 {
					start = j
					continue
				}
				break
			}
			end := i + 1
			if w := s.lower(end); w == "on" || w == "against" || w == "of" || w == "into" || w == "targeting" {
				k := end + 1
				for k < len(s.toks) && k-end <= 8 {
					w := s.toks[k].lower
					if w == "," || w == "." || w == ";" || w == "\"" || w == "?" || w == "!" || w == "(" || w == ")" || w == ":" || incidentStops[w] || (k > end+1 && w == "and" && !startsWord(s.lower(k+1))) {
						break
					}
					k++
				}
				if k > end+1 {
					end = k
				}
			}
			if end == i+1 && start == i {
				continue // a bare "the attacks"
			}
			if t.lower == "campaign" || t.lower == "operation" || t.lower == "program" || t.lower == "programme" {
				if p := s.lower(i - 1); p == "smear" || p == "pressure" || p == "disinformation" || p == "election" || p == "military" || start == i {
					continue
				}
			}
			if p := s.lower(i + 2); p == "them" || p == "it" || p == "us" || p == "him" || p == "her" {
				end = i + 1
				if start == i {
					continue
				}
			}
			for end > start && (s.toks[end-1].lower == "and" || s.toks[end-1].lower == "the" || s.toks[end-1].lower == "of") {
				end--
			}
			text := s.span(start, end)
			ws := incidentWords(text)
			if len(ws) < 2 {
				continue
			}
			// cluster with an earlier incident sharing most words
			var inc *entity
			for c, cw := range words {
				if overlap(ws, cw) >= 0.5 {
					inc = clusters[c]
					for w := range ws {
						cw[w] = true
					}
					break
				}
			}
			if inc == nil {
				inc = a.get(text, "INCIDENT")
				clusters = append(clusters, inc)
				words = append(words, ws)
				if year == 0 {
					year = a.yearNear(s)
				}
				inc.year = year
			}
			inc.addAlias(text)
			inc.mentions++
			s.incidents = append(s.incidents, inc)
		}
	}
}

// yearNear is a year the sentence states ("As early as 2015"), else the article's year.
func (a *analysis) yearNear(s *sentInfo) int {
	for _, t := range s.toks {
		if y, err := strconv.Atoi(t.lower); err == nil && y > 1990 && y < 2100 && len(t.lower) == 4 {
			return y
		}
	}
	if !a.doc.Published.IsZero() {
		return a.doc.Published.Year()
	}
	return 0
}

func incidentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) }) {
		switch w {
		case "the", "of", "on", "a", "in", "and", "s", "recent", "alleged", "new":
			continue
		}
		out[w] = true
	}
	return out
}

// overlap is the share of the smaller word set found in the other.
func overlap(a, b map[string]bool) float64 {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	m := len(a)
	if len(b) < m {
		m = len(b)
	}
	if m == 0 {
		return 0
	}
	return float64(n) / float64(m)
}

// namedIncident reports an incident named well enough to list: recurring,
// dated, or named with a proper noun.
func (a *analysis) namedIncident(e *entity) bool {
	if e.mentions >= 2 || len(incidentWords(e.name)) >= 3 {
		return true
	}
	for _, w := range strings.Fields(e.name) {
		if isCap(w) || isNumber(w) {
			return true
		}
	}
	return false
}

func startsWord(w string) bool {
	for _, r := range w {
		return isWordRune(r)
	}
	return false
}
