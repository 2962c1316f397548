package extract

import (
	"strings"
	"unicode"
)

var nameStop = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true, "And": true, "If": true, "As": true,
	"For": true, "It": true, "He": true, "She": true, "We": true, "They": true, "This": true, "That": true, "These": true,
	"Those": true, "His": true, "Her": true, "Their": true, "Our": true, "Its": true, "Mr.": true, "Mrs.": true, "Ms.": true,
	"Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true, "Monday": true,
	"Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "According": true,
	"Earlier": true, "Later": true, "Last": true, "Next": true, "Today": true, "Yesterday": true, "However": true, "Meanwhile": true,
	"Speaking": true, "After": true, "Before": true, "While": true, "When": true, "Since": true, "So": true, "Such": true,
	"Washington": true, "Beijing": true, "Moscow": true, "London": true, "Regarding": true, "Separately": true, "Also": true,
	"Internet": true, "Cyber": true, "Security": true, "Affairs": true, "Ministry": true, "Department": true, "Office": true,
	"Committee": true, "Council": true, "Agency": true, "Service": true, "Bureau": true, "News": true, "Post": true, "Times": true,
	"Journal": true, "Daily": true, "Press": true, "Reuters": true, "Xinhua": true, "TASS": true, "Sputnik": true, "Global": true,
	"General": true, "State": true, "National": true, "Federal": true, "Foreign": true, "Secretary": true, "President": true,
	"Minister": true, "Director": true, "Spokesman": true, "Spokesperson": true, "Spokeswoman": true, "Prime": true, "Deputy": true,
	"Twitter": true, "Facebook": true, "Telegram": true, "Thursday's": true, "Friday's": true, "More": true, "Source": true,
	"Read": true, "Related": true, "Photo": true, "File": true, "Reporting": true, "Editing": true, "Advertisement": true,
}

// pairNouns name the two sides of an article in "the two countries", "both sides".
var pairNouns = map[string]bool{"countries": true, "sides": true, "nations": true, "governments": true}

// possessives open a role held in the body just named: "the company and its
// director, Name,".
var possessives = map[string]bool{"its": true, "his": true, "her": true, "their": true}

var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "added": true, "stated": true, "noted": true, "stressed": true,
	"emphasized": true, "emphasised": true, "insisted": true, "explained": true, "wrote": true, "tweeted": true, "declared": true,
	"remarked": true, "commented": true, "underlined": true, "pointed": true, "argued": true, "continued": true, "announced": true,
	"asserted": true, "reiterated": true, "warned": true, "posted": true,
}

func isNameTok(t token) bool {
	if nameStop[t.text] {
		return false
	}
	if strings.HasPrefix(t.text, "al-") || strings.HasPrefix(t.text, "el-") {
		return len(t.text) > 4 // "al-Marri", one token (tokenize)
	}
	r := []rune(t.text)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	if len(r) == 2 && r[1] == '.' {
		return true // an initial
	}
	for _, c := range r[1:] {
		if !unicode.IsLetter(c) && c != '\'' && c != '-' && c != '_' {
			return false
		}
	}
	return len(r) > 1 && !isAllCaps(t.text)
}

// nameParticles are lower-case words inside personal names.
// honorifics stand before a name without being part of it: "Sheikh
// Salman bin Nasser Al Khalifa".
var honorifics = map[string]bool{"Sheikh": true, "Sheikha": true, "Sheik": true}

var nameParticles = map[string]bool{
	"bin": true, "bint": true, "ibn": true, "van": true, "von": true, "der": true, "den": true, "de": true,
	"da": true, "dos": true, "del": true, "la": true,
}

// lexical reports whether token i belongs to a lexicon item other than a trigger.
func (s *sentInfo) lexical(i int) bool {
	for _, it := range s.items {
		if it.start <= i && i < it.end {
			for _, h := range it.hits {
				if h.kind <= hitRole {
					return true
				}
			}
		}
	}
	return false
}

// roleItem returns the role item ending at token end, or -1.
func (s *sentInfo) roleItemEnding(end int) int {
	for k, it := range s.items {
		if it.end == end {
			if _, ok := it.has(hitRole); ok {
				return k
			}
		}
	}
	return -1
}

// findPersons finds named persons: "Chinese foreign ministry spokesman Wang
// Wenbin", "Zhao Lijian, spokesman for the Chinese Foreign Ministry", "the
// spokesman for the Chinese Foreign Ministry, Zhao Lijian", "Peskov said".
func (a *analysis) findPersons(s *sentInfo) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		if end := officeOf(s, i); end > 0 && s.mentionAt(i) < 0 {
			// "the Office of the National Security Adviser": a state's office
			e := a.get(s.span(i, end), "AGENCY")
			if e.affil == nil {
				if st := a.datelineState(); st != nil {
					e.affil, e.country = st, st.country
				}
			}
			a.addMention(s, i, end, e, mActor)
			i = end - 1
			continue
		}
		if !isNameTok(toks[i]) || s.inItem(i, i+1) || s.mentionAt(i) >= 0 || honorifics[toks[i].text] {
			continue
		}
		j := i
		for j < len(toks) && j-i < 4 && isNameTok(toks[j]) && (!s.inItem(j, j+1) && s.mentionAt(j) < 0 || j == i+1 && surnameLike(s, i)) {
			j++
			if q := j; j-i < 3 {
				for q < len(toks) && q-j < 2 && nameParticles[toks[q].text] {
					q++
				}
				if q > j && q < len(toks) && isNameTok(toks[q]) && s.mentionAt(q) < 0 {
					j = q // a particle inside the name: "Ali bin Fetais", "Ursula von der Leyen"
				}
			}
		}
		if j-i >= 2 && j+1 < len(toks) && toks[j].text == "Al" && isNameTok(toks[j+1]) && s.mentionAt(j+1) < 0 {
			j += 2 // a Gulf family name after the given names: "Salman bin Nasser Al Khalifa"
		} else if j-i >= 3 && j < len(toks) && toks[j-1].text == "Al" && isNameTok(toks[j]) && s.mentionAt(j) < 0 {
			j++ // the family name past the run's four words: "Fahad bin Yousef Al Sabah"
		}
		// "Jian G": a surname abbreviated to its initial
		if j > i && j < len(toks) && len(toks[j].text) == 1 && isCap(toks[j].text) && j-i < 4 {
			j++
		}
		if end := ofInstitution(s, i); end > 0 {
			// "the University of California", "the Academy of Military Sciences"
			e := a.get(s.span(i, end), "ORGANIZATION")
			e.company = true
			a.addMention(s, i, end, e, mActor)
			i = end - 1
			continue
		}
		if org := orgSuffix(s, i, j); org > j || orgSuffixes[toks[j-1].text] && j-i >= 2 {
			// "Political and Security Committee", "Electoral Commission": an organization
			for i > 0 && (orgOpeners[toks[i-1].text] || nameWords[toks[i-1].text]) && s.mentionAt(i-1) < 0 && !s.inItem(i-1, i) {
				i-- // "Federal Investigation Agency", "National Electric Power Regulatory Authority"
			}
			start := i
			var st *entity
			if agencySuffixes[toks[org-1].text] {
				// "India's Computer Emergency Response Team": the state's agency
				q := i - 1
				if s.lower(q) == "'s" || s.lower(q) == "'" {
					q--
				}
				if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].end == q+1 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
					st, start = s.ments[mi].ent, s.ments[mi].start
				}
				if mi := s.mentionAt(i - 1); st == nil && mi >= 0 && s.ments[mi].end == i && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "AGENCY" && s.ments[mi].ent.affil != nil {
					// "Taiwan's Ministry of Justice Investigation Bureau": a
					// bureau of the ministry, named with it, is one agency
					m := s.ments[mi]
					q := m.start
					for k := m.start; k < i; k++ {
						if w := s.lower(k); w == "'s" || w == "'" {
							q = k + 1
						}
					}
					e := a.get(s.span(q, org), "AGENCY")
					if e.affil == nil {
						e.affil, e.country = m.ent.affil, m.ent.country
					}
					a.addMention(s, m.start, org, e, mActor)
					i = org - 1
					continue
				}
			}
			if st != nil {
				e := a.get(s.span(i, org), "AGENCY")
				if e.affil == nil {
					e.affil, e.country = st, st.country
				}
				a.addMention(s, start, org, e, mActor)
			} else {
				e := a.get(s.span(i, org), "ORGANIZATION")
				e.company = true
				a.addMention(s, i, org, e, mActor)
			}
			i = org - 1
			continue
		}
		if f := s.lower(i - 1); (f == "firm" || f == "company" || f == "vendor") && firmKinds[s.lower(i-2)] {
			// "security firm Mandiant", "cybersecurity company Recorded Future"
			e := a.get(s.span(i, j), "ORGANIZATION")
			e.company = true
			a.addMention(s, i, j, e, mActor)
			i = j - 1
			continue
		}
		if j-i < 2 {
			continue
		}
		name := s.span(i, j)
		start, end := i, j
		var role string
		var affil *entity
		// role before the name, with the organization before the role
		ri := s.roleItemEnding(i)
		if ri < 0 && i > 0 && honorifics[toks[i-1].text] {
			ri = s.roleItemEnding(i - 1) // "Interior Minister Sheikh Name"
		}
		if ri >= 0 {
			rs := s.items[ri].start
			for rk := ri - 1; rk >= 0; rk-- {
				if s.items[rk].end == rs {
					if _, ok := s.items[rk].has(hitRole); ok {
						rs = s.items[rk].start
						continue
					}
				}
				break
			}
			role = s.span(rs, i)
			if honorifics[toks[i-1].text] {
				role = s.span(rs, i-1) // "Interior Minister", not "Interior Minister Sheikh"
			}
			start = rs
			p := rs
			for q := 0; q < 2 && p > 1 && titleModifiers[s.lower(p-1)]; q++ {
				p-- // "Japan's top government spokesman"
			}
			if s.lower(p-1) == "'s" {
				p--
			} else if p != rs && s.mentionAt(p-1) < 0 {
				p = rs
			}
			if mi := s.mentionAt(p - 1); mi >= 0 {
				m := s.ments[mi]
				affil = a.mentionEntity(s, m)
				start = m.start
			}
			if w := s.lower(start - 1); w == "outgoing" || w == "former" || w == "incoming" || w == "acting" {
				start--
			}
		} else if mi := s.mentionAt(i - 1); mi >= 0 && s.ments[mi].end == i && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "AGENCY" && titleAgency(s.span(s.ments[mi].start, i)) {
			// an agency named by its head's title: "Director of National Intelligence Avril Haines"
			role = s.span(s.ments[mi].start, i)
			affil = s.ments[mi].ent
			start = s.ments[mi].start
		} else if mi := s.mentionAt(i - 1); mi >= 0 && s.ments[mi].end == i && s.ments[mi].ent != nil && s.lower(s.ments[mi].start-1) == "to" && s.roleItemEnding(s.ments[mi].start-1) >= 0 {
			// "Russian Ambassador to the EU Vladimir Chizhov"
			ri := s.roleItemEnding(s.ments[mi].start - 1)
			role = s.span(s.items[ri].start, i)
			start = s.items[ri].start
			if pm := s.mentionAt(start - 1); pm >= 0 && s.ments[pm].ent != nil {
				affil = a.mentionEntity(s, s.ments[pm])
				start = s.ments[pm].start
			}
		} else if s.lower(j) == "," && !s.headline() {
			// apposition after: "Name, (the) spokesman for the Foreign Ministry,"
			k := j + 1
			if w := s.lower(k); w == "the" || w == "a" || w == "an" {
				k++
			}
			for lim := k + 7; k < len(toks) && k < lim && toks[k].text != "," && toks[k].text != "."; k++ {
				if ri := s.roleItemEnding(k + 1); ri >= 0 && role == "" {
					role = s.span(s.items[ri].start, k+1)
					if mi := s.mentionAt(s.items[ri].start - 1); mi >= 0 {
						affil = a.mentionEntity(s, s.ments[mi])
					}
				}
				if mi := s.mentionAt(k); mi >= 0 && role != "" && affil == nil {
					if p := s.lower(s.ments[mi].start - 1); p == "for" || p == "of" || p == "at" || p == "the" {
						affil = a.mentionEntity(s, s.ments[mi])
					}
				}
			}
		}
		if role == "" && s.lower(i-1) == "," {
			// apposition before: "the spokesman for the Foreign Ministry, Name,"
			for k := i - 2; k >= 0 && i-k < 15; k-- {
				if ri := s.roleItemEnding(k + 1); ri >= 0 {
					wq := s.items[ri].start - 1
					w := s.lower(wq)
					for wq > 0 && wq >= s.items[ri].start-2 && w != "the" && w != "a" && w != "'s" && !possessives[w] && !isCap(s.toks[wq].text) && isWordRune([]rune(w)[0]) {
						wq--
						w = s.lower(wq) // "Japan's chief cabinet secretary"
					}
					if mi := s.mentionAt(wq); mi >= 0 && w != "the" && w != "a" && w != "'s" && s.ments[mi].ent != nil && (s.ments[mi].kind == mDemonym || s.ments[mi].kind == mActor) && s.ments[mi].end <= k {
						// "a Qatari government spokesperson, Name,": the demonym places the role
						if pw := s.lower(s.ments[mi].start - 1); pw == "a" || pw == "an" || pw == "the" || s.ments[mi].start == 0 {
							role = s.span(max(wq+1, s.ments[mi].end), k+1)
							affil = a.mentionEntity(s, s.ments[mi])
							start = s.ments[mi].start
							if s.lower(j) == "," {
								end = j + 1
							}
							break
						}
					}
					if possessives[w] {
						w = "the" // "Its minister of state for foreign affairs, Name,"
					}
					if w == "the" || w == "a" || w == "'s" {
						role = s.span(wq+1, k+1)
						start = wq
						if w == "'s" {
							start = wq + 1 // "the directorate's head, Name": the possessor is no part of the name
						}
						if w == "'s" {
							if mi := s.mentionAt(wq - 1); mi >= 0 && s.ments[mi].ent != nil {
								affil = s.ments[mi].ent
								start = s.ments[mi].start
							}
						}
						for q := k + 1; q < i-1; q++ {
							if mi := s.mentionAt(q); mi >= 0 {
								affil = a.mentionEntity(s, s.ments[mi])
								break
							}
						}
						if affil == nil && w != "'s" {
							// "a foreign ministry spokesman, Name,": the agency inside the role
							for q := wq + 1; q <= k; q++ {
								if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].kind == mBareHead {
									affil = a.mentionEntity(s, s.ments[mi])
									break
								}
							}
						}
						if s.lower(j) == "," {
							end = j + 1
						}
					}
					break
				}
			}
		}
		if org := orgSuffix(s, i, j); org > j {
			// "Wuhan Xiaoruizhi Science and Technology Company": a company
			e := a.get(s.span(i, org), "ORGANIZATION")
			e.company = true
			a.addMention(s, i, org, e, mActor)
			i = org - 1
			continue
		}
		if role == "" && a.listedName(s, i) {
			role = "-"
		}
		known := a.ents["PERSON\x00"+canonicalPerson(name)]
		if role == "" && known == nil && (s.headline() || s.inItem(i, j)) {
			continue
		}
		speaks := speechVerbs[s.lower(j)] || speechVerbs[s.lower(i-1)] || a.personCue(s, i, j)
		if role == "" && known == nil && !speaks {
			continue
		}
		if affil == nil && role != "" && role != "-" && len(toks) > 3 && toks[0].lower == "in" {
			// "In Kigali, government spokesperson Name": the place opening the
			// sentence is the official's state
			for _, it := range s.items {
				if ref, strong, _ := stateHit(it); it.start == 1 && strong && s.lower(it.end) == "," && start > it.end && start-it.end <= 3 {
					affil = a.stateEntity(ref)
				}
			}
		}
		if affil == nil && role != "" && role != "-" {
			affil = a.roleAgency(role) // "Treasury Secretary" works for the Treasury
		}
		if affil == nil && role != "" && role != "-" {
			affil = a.roleHome(role) // "Secretary of State" is the United States'
		}
		e := a.get(canonicalPerson(name), "PERSON")
		if role == "-" {
			role = ""
			if g := a.listGroup(s, i); g != nil && affil == nil {
				affil = g.affil
			}
		}
		if e.role == "" && role != "" {
			e.role = role
		}
		if e.affil == nil && affil != nil && affil != e {
			e.affil = affil
			e.country = affil.country
		}
		f := strings.Fields(name)
		e.surname = strings.TrimSuffix(f[len(f)-1], "'s")
		if len(f) == 2 {
			e.given = f[0]
		}
		a.addMention(s, start, end, e, mActor)
		e.addAlias(name)
		i = j - 1
	}
}

// mentionEntity is the entity a mention stands for, resolving bare agency heads.
func (a *analysis) mentionEntity(s *sentInfo, m mention) *entity {
	if m.ent != nil {
		return m.ent
	}
	if m.kind == mBareHead {
		return a.bareAgency(s, m.pattern)
	}
	return nil
}

// bareAgency resolves "Foreign Ministry" with no state named: the last agency
// of that pattern the article named, else that agency of the dateline's state,
// else of the first state the article names.
func (a *analysis) bareAgency(s *sentInfo, p int) *entity {
	if st := a.openerState(s); st != nil {
		// "In Tehran, foreign ministry spokesman ...", "North Korea's news agency quoted a foreign ministry spokesman"
		return a.agencyEntity(p, st, "")
	}
	if st := openingSubjectState(s); st != nil {
		// "Beijing has lodged representations, foreign ministry spokesman Lin Jian said"
		return a.agencyEntity(p, st, "")
	}
	if st := a.previousSubjectState(s); st != nil {
		// "Moscow rejected the move. Foreign Ministry spokeswoman Maria Zakharova ..."
		return a.agencyEntity(p, st, "")
	}
	var last *entity
	for _, e := range a.order {
		if e.pattern == p && e.typ == "AGENCY" && e.mentions > 0 {
			last = e
		}
	}
	if last != nil {
		return last
	}
	// the dateline's capital ("TEHRAN, Jan. 9 -"), else the state a
	// transcript's answers speak of, else the first state named
	if st := a.datelineState(); st != nil {
		return a.agencyEntity(p, st, "")
	}
	if st := a.answersState(); st != nil {
		return a.agencyEntity(p, st, "")
	}
	for _, e := range a.order {
		if e.typ == "STATE" {
			return a.agencyEntity(p, e, "")
		}
	}
	return nil
}

var roleNouns = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "diplomat": true, "minister": true, "president": true,
	"secretary": true, "director": true, "ambassador": true, "envoy": true, "chancellor": true, "premier": true, "official": true,
	"prime minister": true, "foreign minister": true, "attorney general": true, "ministry": true, "diplomatic representative": true,
	"deputy foreign minister": true, "secretary of state": true, "chief": true, "leader": true,
}

// findReferring marks pronouns, "we" and definite role nouns for coreference.
func (a *analysis) findReferring(s *sentInfo) {
	for i, t := range s.toks {
		if s.mentionAt(i) >= 0 {
			continue
		}
		switch t.lower {
		case "hackers", "officers", "diplomats", "agents", "spies", "officials", "suspects", "men", "nationals", "individuals",
			"defendants", "accused", "operatives", "citizens", "women", "people", "pair", "trio", "employees", "perpetrators", "attackers", "group",
			"companies", "firms", "workers":
			d, st := s.lower(i-1), i-1
			if numberWords[d] || isNumber(d) {
				d, st = s.lower(i-2), i-2 // "the two officers"
			}
			if d == "same" && s.lower(i-2) == "the" {
				d, st = "the", i-2 // "the same group": the one named before
			}
			if d == "both" && (t.lower == "men" || t.lower == "defendants" || t.lower == "women" || t.lower == "suspects") {
				d = "the" // "designated both men"
			}
			if t.lower == "accused" && d != "the" {
				continue // only "the accused" is a noun
			}
			if (d == "the" || d == "these" || d == "those") && s.mentionAt(st) < 0 && s.mentionAt(i-1) < 0 {
				s.ments = append(s.ments, mention{start: st, end: i + 1, kind: mRoleNoun, role: "group:" + t.lower, pattern: -1})
			}
			continue
		case "he", "she":
			s.ments = append(s.ments, mention{start: i, end: i + 1, kind: mPronoun, pattern: -1})
			continue
		case "it", "they":
			if t.lower == "it" && i > 1 && s.triggerVerbAt(i-1) && (s.lower(i+1) == "of" || s.lower(i+1) == "for") {
				// "Kigali had no intention of ... and accused it of sabotaging":
				// the state the sentence named last before the verb
				for k := len(s.ments) - 1; k >= 0; k-- {
					if m := s.ments[k]; m.end < i && m.kind == mActor && m.ent != nil && m.ent.typ == "STATE" {
						s.ments = append(s.ments, mention{start: i, end: i + 1, kind: mActor, ent: m.ent, pattern: -1, pronoun: true})
						break
					}
				}
				continue
			}
			// a sentence-opening "It said ..." continues the last acting institution
			if i == 0 && (speechVerbs[s.lower(1)] || s.lower(1) == "also" || s.lower(1) == "has" || s.lower(1) == "had" || s.lower(1) == "have" || s.lower(1) == "claim" || s.lower(1) == "claimed" || s.lower(1) == "allege" || s.lower(1) == "accuse" || s.triggerVerbAt(1)) {
				s.ments = append(s.ments, mention{start: i, end: i + 1, kind: mRoleNoun, role: "it", pattern: -1})
			}
			continue
		case "we", "our", "us":
			if t.text == "US" {
				continue
			}
			s.ments = append(s.ments, mention{start: i, end: i + 1, kind: mWe, pattern: -1})
			continue
		case "a", "an":
			// "an embassy spokesman said": the agency the article named
			j := i + 1
			if (s.lower(j) == "ministry" || s.lower(j) == "embassy" || s.lower(j) == "mission") && s.mentionAt(j) < 0 && isSpokesWord(s.lower(j+1)) {
				s.ments = append(s.ments, mention{start: j, end: j + 1, kind: mRoleNoun, role: s.lower(j), pattern: -1})
			}
			continue
		case "both":
			// "both countries expelled ...", "urged both sides to ...": no article
			if s.lower(i-1) != "the" && pairNouns[s.lower(i+1)] {
				s.ments = append(s.ments, mention{start: i, end: i + 2, kind: mPair, pattern: -1})
			}
			continue
		case "the":
			j := i + 1
			if (s.lower(j) == "two" || s.lower(j) == "both") && pairNouns[s.lower(j+1)] {
				s.ments = append(s.ments, mention{start: i, end: j + 2, kind: mPair, pattern: -1})
				continue
			}
			if s.lower(j) == "diplomatic" && s.lower(j+1) == "representative" {
				s.ments = append(s.ments, mention{start: i, end: j + 2, kind: mRoleNoun, role: "diplomatic representative", pattern: -1})
				continue
			}
			if s.lower(j) == "government" && s.mentionAt(j) < 0 && s.lower(j+1) != "of" && s.lower(j+1) != "'s" {
				// "The government imposed sanctions": the dateline's state, resolved below
				s.ments = append(s.ments, mention{start: i, end: j + 1, kind: mRoleNoun, role: "government", pattern: -1})
				continue
			}
			if bodyNouns[s.lower(j)] && s.mentionAt(j) < 0 && !(s.lower(j+1) == "of" && j+2 < len(s.toks) && isCap(s.toks[j+2].text)) {
				// "the Department of Information and Communications Technology" names a body, it refers to none
				s.ments = append(s.ments, mention{start: i, end: j + 1, kind: mRoleNoun, role: s.lower(j), pattern: -1})
				continue
			}
			if describedRefs[s.lower(j)] != "" && s.mentionAt(j) < 0 && len(a.described) > 0 {
				// "the firm", "the militia": the latest actor so described
				s.ments = append(s.ments, mention{start: i, end: j + 1, kind: mRoleNoun, role: "described:" + describedRefs[s.lower(j)], pattern: -1})
				continue
			}
			for _, it := range s.items {
				if it.start != j || s.mentionAt(j) >= 0 {
					continue
				}
				if h, ok := it.has(hitRole); ok && roleNouns[h.word] {
					if j2 := it.end; j2 < len(s.toks) && (isNameTok(s.toks[j2]) || s.toks[j2].lower == "of" || s.toks[j2].lower == "for") {
						break
					}
					s.ments = append(s.ments, mention{start: i, end: it.end, kind: mRoleNoun, role: h.word, pattern: -1})
				}
			}
		}
	}
}

// resolveCoref is stage 4: bare agency heads, surnames, role nouns and
// pronouns get their entities, and each sentence its reported speaker.
func (a *analysis) resolveCoref() {
	var lastPerson, lastAgency, lastSpeaker, lastInstitution *entity
	lastAgencyPara := -1
	type roleHolder struct {
		role string
		ent  *entity
		seen int
	}
	var holders []roleHolder
	var persons []*entity
	for _, e := range a.order {
		if e.typ == "PERSON" && e.surname != "" {
			persons = append(persons, e)
		}
	}
	var prevAttr *entity
	prevPara := -1
	seen := 0
	for si := range a.sents {
		s := &a.sents[si]
		// surnames
		for i, t := range s.toks {
			if s.mentionAt(i) >= 0 || !isCap(t.text) {
				continue
			}
			for _, p := range persons {
				if (p.surname == t.text || p.given == t.text || articleSurname(p.surname, t.text)) && !strings.Contains(p.name, " "+t.text+" ") {
					s.ments = append(s.ments, mention{start: i, end: i + 1, ent: p, kind: mActor, pattern: -1})
					p.mentions++
					p.addAlias(t.text)
					break
				}
			}
		}
		s.sortMentions()
		for k := range s.ments {
			m := &s.ments[k]
			switch m.kind {
			case mBareHead:
				if e := a.federalAgency(s, *m); e != nil {
					m.ent, m.kind = e, mActor
					e.mentions++
					e.addAlias(s.span(m.start, m.end))
				} else if e := a.priorProsecutors(s, *m); e != nil {
					m.ent, m.kind = e, mActor
					e.mentions++
					e.addAlias(s.span(m.start, m.end))
				} else if e := a.bareAgency(s, m.pattern); e != nil {
					m.ent, m.kind = e, mActor
					e.mentions++
					e.addAlias(s.span(m.start, m.end))
				}
			case mPronoun:
				// "she said": the pronoun continues the quoted speaker; "X said he
				// would ...": the person who just spoke
				if k > 0 && speechVerbs[s.lower(m.start-1)] && s.ments[k-1].kind == mActor && s.ments[k-1].ent != nil && s.ments[k-1].ent.typ == "PERSON" && s.ments[k-1].end == m.start-1 {
					m.ent, m.kind = s.ments[k-1].ent, mActor
				} else if subj := openingPerson(s, m.start); subj != nil {
					// "Sandu blamed Moscow for a scheme that she said ...": the sentence's subject
					m.ent, m.kind = subj, mActor
				} else if lastSpeaker != nil && (speechVerbs[s.lower(m.end)] || speechVerbs[s.lower(m.start-1)]) {
					m.ent, m.kind = lastSpeaker, mActor
				} else if lastPerson != nil {
					m.ent, m.kind = lastPerson, mActor
				}
				m.pronoun = true
			case mRoleNoun:
				var e *entity
				if m.role == "it" {
					e = lastInstitution
				} else if m.role == "government" {
					e = a.datelineState()
				} else if strings.HasPrefix(m.role, "described:") {
					typ := strings.TrimPrefix(m.role, "described:")
					for _, d := range a.described {
						if d.typ == typ && d.seen > 0 && (e == nil || d.seen > e.seen) {
							e = d
						}
					}
				} else if strings.HasPrefix(m.role, "group:") {
					// "the hackers": the latest group of that kind
					noun := strings.TrimPrefix(m.role, "group:")
					for _, g := range a.order {
						if g.typ == "GROUP" && g.seen > 0 && (strings.HasSuffix(g.name, noun) || strings.Contains(g.name, " "+noun+" of ")) && (e == nil || g.seen > e.seen) {
							// "the officials": also "six officials of Iran's IRGC"
							e = g
						}
					}
					if e == nil && (noun == "group" || noun == "hackers" || noun == "attackers") {
						// "the group": the latest named hacking group ("Flax Typhoon", "APT40")
						for _, g := range a.order {
							if g.typ == "GROUP" && g.seen > 0 && (!strings.Contains(g.name, " ") || codeNameSuffixes[g.name[strings.LastIndexByte(g.name, ' ')+1:]] || strings.Contains(strings.ToLower(g.name), "group") || noun == "group" && namedGroup(g)) && (e == nil || g.seen > e.seen) {
								e = g
							}
						}
					}
					if e == nil && personNouns[noun] {
						// "the men", "these defendants": the latest group of people
						for _, g := range a.order {
							if g.typ == "GROUP" && g.seen > 0 && peopleGroup(g.name) && (e == nil || g.seen > e.seen) {
								e = g
							}
						}
					}
				} else if bodyNouns[m.role] {
					e = lastAgency
					if !bodyNouns[m.role] || namedOnly[m.role] {
						e = nil // "the centre", "the council": only a body of that name
					}
					for _, g := range a.order {
						// "the bureau": the latest body so named, an agency or a public body
						// the lexicon did not know ("Harbin Public Security Bureau")
						if (g.typ == "AGENCY" || g.typ == "ORGANIZATION" && g.company && agencySuffixes[lastWord(g.name)]) && g.seen > 0 && strings.Contains(strings.ToLower(g.name), m.role) && (e == nil || !strings.Contains(strings.ToLower(e.name), m.role) || g.seen > e.seen) {
							e = g
						}
					}
					if e == nil && m.role == "council" && isCap(s.toks[m.end-1].text) {
						e = a.euCouncil() // "The Council today decided ..." in an EU text
					}
				} else {
					best := 0
					for _, p := range persons {
						if p.seen > best && roleMatches(p.role, m.role) {
							e, best = p, p.seen
						}
					}
					for _, h := range holders {
						if h.seen > best && roleMatches(h.role, m.role) {
							e, best = h.ent, h.seen
						}
					}
					if e == nil && lastPerson != nil && (lastPerson.role == "" || m.role == "official" || m.role == "diplomat") {
						e = lastPerson
					}
				}
				if e != nil {
					m.ent, m.kind = e, mActor
					e.addAlias(s.span(m.start, m.end))
				}
			}
			if m.kind == mActor && m.ent != nil {
				seen++
				m.ent.seen = seen
				// "a spokesman for the North Korean foreign ministry": an unnamed holder
				if m.ent.typ != "PERSON" {
					q := m.start - 1
					if s.lower(q) == "the" {
						q--
					}
					if w := s.lower(q); (w == "for" || w == "of" || w == "at") && q > 0 {
						if ri := s.roleItemEnding(q); ri >= 0 {
							h, _ := s.items[ri].has(hitRole)
							holders = append(holders, roleHolder{role: h.word, ent: m.ent, seen: seen})
						}
					}
				}
				// "a State Department spokesperson": an unnamed holder of a role
				if m.ent.typ != "PERSON" {
					if ri := s.roleItemStarting(m.end); ri >= 0 {
						if e := s.items[ri].end; e >= len(s.toks) || !isNameTok(s.toks[e]) {
							h, _ := s.items[ri].has(hitRole)
							// "the Chinese Foreign Ministry spokesman": its named spokesman when known
							var named *entity
							for _, p := range persons {
								if p.affil == m.ent && p.seen > 0 && roleMatches(p.role, h.word) && (named == nil || p.seen > named.seen) {
									named = p
								}
							}
							if named != nil {
								m.ent, m.end = named, s.items[ri].end
								s.idxDirty = true
								named.seen = seen
								named.addAlias(s.span(m.start, m.end))
							} else {
								holders = append(holders, roleHolder{role: h.word, ent: m.ent, seen: seen})
							}
						}
					}
				}
				if m.ent.typ == "PERSON" && m.ent.affil == nil && lastAgency != nil && lastAgencyPara >= s.para-1 && isSpokesWord(strings.ToLower(m.ent.role)) {
					// "Spokesperson Wang Wenbin" after "China's foreign ministry": its spokesperson
					m.ent.affil, m.ent.country = lastAgency, lastAgency.country
				}
				switch {
				case m.ent.typ == "PERSON":
					lastPerson = m.ent
					if m.ent.affil != nil && m.ent.affil.typ == "AGENCY" {
						lastAgency, lastAgencyPara = m.ent.affil, s.para
					}
				case m.ent.typ == "AGENCY":
					lastAgency, lastAgencyPara = m.ent, s.para
				}
				if m.ent.typ != "PERSON" && m.ent.typ != "INCIDENT" && m.ent.typ != "GROUP" && (k == 0 || s.attribution == m.ent) {
					lastInstitution = m.ent // a sentence subject
				}
			}
		}
		a.findAttribution(s)
		if s.attribution != nil && strings.ContainsRune(s.text, '"') {
			s.quoted = true
		}
		if s.attribution != nil && s.attribution.typ == "PERSON" {
			lastSpeaker = s.attribution
		} else if p := openingPerson(s, len(s.toks)); s.attribution == nil && p != nil {
			// "Grushko dismissed the accusations ... He warned that ...": the
			// official who opened the last sentence is who "he" continues
			lastSpeaker = p
		}
		// a quote the sentence before opened and left open goes on here:
		// "Russia has allowed ..." after `"Bitter Frost's members ... profit.`
		openQuote := si > 0 && a.sents[si-1].para == s.para && a.sents[si-1].attribution == prevAttr && strings.Count(a.sents[si-1].text, `"`)%2 == 1
		if s.attribution == nil && prevAttr != nil && (openQuote || !a.ownSubject(s, prevAttr)) && (s.para == prevPara && (strings.ContainsRune(s.text, '"') || s.hasWe()) || s.para == prevPara+1 && strings.HasPrefix(s.text, `"`) && (a.sents[si-1].quoted || introducesQuote(&a.sents[si-1]))) {
			s.attribution = prevAttr
			s.quoted = true
		}
		if s.attribution != nil {
			prevAttr, prevPara = s.attribution, s.para
		} else if s.para != prevPara {
			prevAttr = nil
		}
	}
	// a quote opened in one sentence and attributed at the end of a later one
	for si := range a.sents {
		s := &a.sents[si]
		if s.attribution != nil || !strings.HasPrefix(s.text, `"`) || strings.Count(s.text, `"`)%2 == 0 {
			continue
		}
		for k := si + 1; k < len(a.sents) && k <= si+2 && a.sents[k].para == s.para; k++ {
			if a.sents[k].attribution != nil {
				s.attribution, s.quoted = a.sents[k].attribution, true
				break
			}
		}
	}
	a.attributeAnswers()
}

// introducesQuote reports a line that hands the word to the next paragraph's
// quote, as press releases print it: "The Foreign Secretary, Name, said:".
func introducesQuote(s *sentInfo) bool {
	n := len(s.toks)
	return s.attribution != nil && n >= 2 && s.toks[n-1].text == ":" && speechVerbs[s.toks[n-2].lower]
}

func (s *sentInfo) hasWe() bool {
	for _, m := range s.ments {
		if m.kind == mWe {
			return true
		}
	}
	return false
}

// findAttribution finds who the sentence reports as speaking: "X said",
// "said X", "according to X".
func (a *analysis) findAttribution(s *sentInfo) {
	for v, t := range s.toks {
		if t.lower == "quoted" || t.lower == "quotes" || t.lower == "quoting" {
			// "KCNA quoted a foreign ministry spokesman as saying": the one quoted speaks
			for k := v + 1; k < len(s.toks) && k-v <= 10; k++ {
				if s.lower(k) == "as" && speechVerbs[s.lower(k+1)] || s.lower(k) == "saying" {
					for q := k - 1; q > v; q-- {
						if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
							s.attribution, s.attrTok = s.ments[mi].ent, k
							return
						}
					}
					break
				}
			}
		}
		if t.lower == "according" && s.lower(v+1) == "to" {
			if mi := s.mentionAt(v + 2); mi >= 0 && s.ments[mi].kind == mActor {
				s.attribution, s.attrTok = s.ments[mi].ent, v
				return
			}
			if s.lower(v+2) == "the" {
				if mi := s.mentionAt(v + 3); mi >= 0 && s.ments[mi].kind == mActor {
					s.attribution, s.attrTok = s.ments[mi].ent, v
					return
				}
			}
			// "according to a report in The Wall Street Journal", "a report
			// published by the National Cyber Security Centre"
			if q := s.lower(v + 2); q == "a" || q == "an" || q == "the" {
				switch s.lower(v + 3) {
				case "report", "statement", "article", "investigation", "story", "assessment", "advisory":
					p, k := s.lower(v+4), v+5
					if p == "published" || p == "released" || p == "issued" {
						p, k = s.lower(v+5), v+6
					}
					if p == "in" || p == "by" || p == "from" || p == "of" {
						if s.lower(k) == "the" && s.mentionAt(k) < 0 {
							k++
						}
						if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].start == k {
							if e := s.ments[mi].end; s.lower(e) == "'s" {
								// "Lithuania's National Cyber Security Centre": the possessed agency
								if mj := s.mentionAt(e + 1); mj >= 0 && s.ments[mj].kind == mActor && s.ments[mj].ent != nil && s.ments[mj].ent.typ == "AGENCY" {
									mi = mj
								}
							}
							s.attribution, s.attrTok = s.ments[mi].ent, v
							return
						}
					}
				}
			}
			continue
		}
		if !speechVerbs[t.lower] {
			continue
		}
		p := v - 1
		for p >= 0 && (s.toks[p].lower == "also" || s.toks[p].lower == "has" || s.toks[p].lower == "had" || strings.HasSuffix(s.toks[p].lower, "ly")) {
			p--
		}
		if ri := s.roleItemEnding(p + 1); ri >= 0 && s.mentionAt(p) < 0 {
			p = s.items[ri].start - 1 // "a State Department spokesperson said"
			for q := 0; q < 2 && p >= 0 && s.mentionAt(p) < 0 && !isCap(s.toks[p].text) && startsWord(s.toks[p].lower) && s.toks[p].lower != "the" && s.toks[p].lower != "a"; q++ {
				p-- // "the EU foreign policy chief said"
			}
		}
		if s.lower(p) == "," && p > 0 {
			if q := knownAsStart(s, p); q > 0 {
				p = q - 1 // "the foreign ministry, known as Itamaraty, said"
			}
		}
		if s.lower(p) == "," && p > 0 {
			// "Hiroshi Tanaka, said": an apposition closes before the verb
			if mi := s.mentionAt(p - 1); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "PERSON" {
				p--
			}
			// "the National Cyber Security Centre, part of GCHQ, said": the
			// head of the apposition speaks, not the body it belongs to
			if mi := s.mentionAt(p - 1); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].end == p {
				if q := partOfStart(s, s.ments[mi].start); q >= 2 && s.lower(q-1) == "," {
					if mj := s.mentionAt(q - 2); mj >= 0 && s.ments[mj].kind == mActor && s.ments[mj].end == q-1 && s.ments[mj].ent != nil {
						s.attribution, s.attrTok = s.ments[mj].ent, v
						return
					}
				}
			}
		}
		if mi := s.mentionAt(p); mi >= 0 && s.ments[mi].kind == mActor && (s.ments[mi].end == p+1 || s.ments[mi].end == p+2 && s.lower(p+1) == "," && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "PERSON") {
			// also "the directorate's head, Gaby Portnoy, told": the named
			// apposition, its closing comma inside the mention
			s.attribution, s.attrTok = s.ments[mi].ent, v
			return
		}
		if memberNouns[s.lower(p)] && s.mentionAt(p) < 0 {
			// "the G7 ministers said", "NATO allies said": the body speaks
			if mi := s.mentionAt(p - 1); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].end == p && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "ORGANIZATION" {
				s.attribution, s.attrTok = s.ments[mi].ent, v
				return
			}
		}
		// inverted: `..." said the spokesman`, ", said Treasury Secretary ..."
		if b := s.lower(v - 1); b == "," || b == `"` || b == "'" {
			n := v + 1
			if mi := s.mentionAt(n); mi >= 0 && s.ments[mi].kind == mActor {
				s.attribution, s.attrTok = s.ments[mi].ent, v
				return
			}
		}
	}
}

// bodyNouns refer back to a named public body: "the ministry", "the bureau",
// "the centre".
var bodyNouns = map[string]bool{
	"ministry": true, "department": true, "embassy": true, "agency": true, "bureau": true, "mission": true,
	"centre": true, "center": true, "council": true, "directorate": true, "commission": true,
}

// namedOnly body nouns refer only to a body whose name holds them.
var namedOnly = map[string]bool{"centre": true, "center": true, "council": true, "directorate": true, "commission": true}

func lastWord(name string) string {
	return name[strings.LastIndexByte(name, ' ')+1:]
}

// memberNouns follow an organization's name for its members speaking as one.
var memberNouns = map[string]bool{
	"ministers": true, "leaders": true, "officials": true, "ambassadors": true, "envoys": true,
	"members": true, "allies": true, "governments": true, "states": true, "diplomats": true,
}

// partOfStart returns where a "part of" apposition starts when the mention at
// start is its object ("part of GCHQ", "a unit of the FSB", "which is part
// of the ministry"), or -1.
func partOfStart(s *sentInfo, start int) int {
	q := start
	if s.lower(q-1) == "the" {
		q--
	}
	if s.lower(q-1) != "of" {
		return -1
	}
	switch s.lower(q - 2) {
	case "part":
		q -= 2
		if s.lower(q-1) == "is" && s.lower(q-2) == "which" {
			q -= 2
		}
		return q
	case "unit", "arm", "division", "branch", "wing", "subsidiary", "department", "agency", "component":
		if d := s.lower(q - 3); d == "a" || d == "an" {
			return q - 3
		}
	}
	return -1
}

// roleMatches reports whether a role noun ("the diplomat") fits a person's role.
func roleMatches(role, noun string) bool {
	role = strings.ToLower(role)
	if strings.Contains(role, noun) {
		return true
	}
	switch noun {
	case "diplomat", "diplomatic representative", "official":
		return strings.Contains(role, "spokes") || strings.Contains(role, "minister") || strings.Contains(role, "ambassador") || strings.Contains(role, "envoy") || strings.Contains(role, "secretary")
	case "spokesman", "spokeswoman", "spokesperson":
		return strings.Contains(role, "spokes")
	}
	return false
}

// findAdministrations finds named administrations: "the Biden
// administration", "the Barack Obama Administration" → "Obama administration".
func (a *analysis) findAdministrations(s *sentInfo) {
	for i, t := range s.toks {
		if t.lower != "administration" || i == 0 || s.mentionAt(i) >= 0 {
			continue
		}
		j := i
		for j > 0 && i-j < 3 && isNameTok(s.toks[j-1]) && !s.lexical(j-1) {
			j--
		}
		if j == i {
			continue
		}
		surname := strings.TrimSuffix(s.toks[i-1].text, "'s")
		st := a.byName("United States")
		start := j
		if mi := s.mentionAt(j - 1); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
			st = s.ments[mi].ent
			start = s.ments[mi].start
		}
		e := a.get(surname+" administration", "AGENCY")
		if e.affil == nil {
			e.affil, e.country = st, st.country
		}
		a.addMention(s, start, i+1, e, mActor)
	}
}

// headline reports a title-case sentence, where capitals do not mark names.
func (s *sentInfo) headline() bool {
	if n := len(s.toks); n >= 2 && s.toks[n-1].text == ":" && speechVerbs[s.toks[n-2].lower] {
		return false // "Name, Director General of the Agency, said:" hands over a quote
	}
	caps, words := 0, 0
	for _, t := range s.toks {
		if isWordRune([]rune(t.text)[0]) && !isNumber(t.lower) {
			words++
			if isCap(t.text) {
				caps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*6
}

// inItem reports whether any token in [i, j) belongs to a lexicon item.
func (s *sentInfo) inItem(i, j int) bool {
	if len(s.inItems) != len(s.toks) {
		s.inItems = make([]bool, len(s.toks))
		for _, it := range s.items {
			for t := it.start; t < it.end; t++ {
				s.inItems[t] = true
			}
		}
	}
	for t := max(i, 0); t < j && t < len(s.toks); t++ {
		if s.inItems[t] {
			return true
		}
	}
	return false
}

// roleItemStarting returns the role item starting at token start, or -1.
func (s *sentInfo) roleItemStarting(start int) int {
	for k, it := range s.items {
		if it.start == start {
			if _, ok := it.has(hitRole); ok {
				return k
			}
		}
	}
	return -1
}

var orgSuffixes = map[string]bool{
	"Company": true, "Co.": true, "Corporation": true, "Corp.": true, "Inc.": true, "Inc": true, "Ltd": true, "Ltd.": true,
	"Limited": true, "Technologies": true, "Technology": true, "Holdings": true, "Bank": true, "Institute": true, "University": true,
	"Laboratory": true, "Lab": true, "Labs": true, "Networks": true, "Systems": true, "Group": true, "Committee": true,
	"Commission": true, "Authority": true, "Foundation": true, "Party": true,
	// public bodies: "Computer Emergency Response Team", "National Cyber Directorate"
	"Team": true, "Centre": true, "Center": true, "Agency": true, "Bureau": true, "Directorate": true, "Council": true,
	"Office": true, "Service": true, "Command": true, "Department": true, "Ministry": true,
}

// orgOpeners are words a person's name never starts with (nameStop) that
// open a body's name before an organization suffix.
var orgOpeners = map[string]bool{"Federal": true, "National": true, "Central": true, "State": true, "General": true, "Internal": true}

// agencySuffixes end the names of state bodies: a run ending in one after a
// state's possessive or demonym is that state's agency.
var agencySuffixes = map[string]bool{
	"Team": true, "Centre": true, "Center": true, "Agency": true, "Bureau": true, "Directorate": true, "Council": true,
	"Office": true, "Service": true, "Command": true, "Department": true, "Ministry": true, "Commission": true, "Authority": true,
	"Committee": true, "Institute": true,
}

// ofInstitution returns the end of an institution named "University of X"
// ("Academy of ...", "Institute of ..."), where X is a run of capitalized
// words no mention covers, or 0.
func ofInstitution(s *sentInfo, i int) int {
	switch s.toks[i].text {
	case "University", "Academy", "Institute":
	default:
		return 0
	}
	if s.lower(i+1) != "of" {
		return 0
	}
	k := i + 2
	for k < len(s.toks) && k-i < 8 && isCap(s.toks[k].text) && s.mentionAt(k) < 0 {
		k++
	}
	if k == i+2 {
		return 0
	}
	return k
}

// officeOf returns the end of an office named for the post it serves,
// "Office of the National Security Adviser", "Office of the Prosecutor
// General", or of a department named for its portfolio, "Department of
// Information and Communications Technology", or 0.
func officeOf(s *sentInfo, i int) int {
	k := i + 2
	switch {
	case s.toks[i].text == "Office" && s.lower(i+1) == "of" && s.lower(i+2) == "the":
		k = i + 3
	case s.toks[i].text == "Department" && s.lower(i+1) == "of" && i+2 < len(s.toks) && isCap(s.toks[i+2].text):
	default:
		return 0
	}
	from := k
	for k < len(s.toks) && k-i < 10 && (isCap(s.toks[k].text) || s.lower(k) == "and" && k > from && k+1 < len(s.toks) && isCap(s.toks[k+1].text)) && s.mentionAt(k) < 0 {
		k++
	}
	if k-from < 2 {
		return 0 // at least two words of the post: not "Office of the President" alone
	}
	return k
}

// orgSuffix extends a capitalized run from i over "and"-joined capitalized
// words to a company suffix ("Science and Technology Company"); it returns
// the end of the organization's name, or j when there is none.
func orgSuffix(s *sentInfo, i, j int) int {
	k := i
	end := j
	for k < len(s.toks) && k-i < 8 {
		t := s.toks[k]
		if t.lower == "and" && k+1 < len(s.toks) && isCap(s.toks[k+1].text) {
			k++
			continue
		}
		if !isCap(t.text) || s.mentionAt(k) >= 0 {
			break
		}
		if orgSuffixes[t.text] && k > i {
			end = k + 1
			if k+1 < len(s.toks) && isNumber(s.toks[k+1].lower) {
				end = k + 2 // "Advanced Persistent Threat Group 31"
			}
		}
		k++
	}
	return end
}

// listedName reports a name in a list that follows a group ("two Chinese
// nationals, Zhao Wei and Li Na") or a cue ("identified as", "named").
func (a *analysis) listedName(s *sentInfo, i int) bool {
	p := s.lower(i - 1)
	if s.hasCue(i) {
		return true
	}
	if p != "," && p != "and" && p != "as" && p != ":" && p != "named" {
		return false
	}
	return a.listGroup(s, i) != nil
}

// listGroup returns the group a list of names right of it explains.
func (a *analysis) listGroup(s *sentInfo, i int) *entity {
	// walk back over the list: persons, commas and "and", to a group and its comma
	for j := i - 1; j >= 0 && i-j <= 24; {
		if a := appositionBefore(s, j); a >= 0 {
			j = a // "Ruslan Peretyatko, an FSB intelligence officer, and Andrey Korinets"
			continue
		}
		mi := s.mentionAt(j)
		if mi < 0 {
			if w := s.toks[j].lower; w == "," || w == "and" {
				j--
				continue
			}
			return nil
		}
		m := s.ments[mi]
		if m.ent != nil && m.ent.typ == "GROUP" && s.lower(m.end) == "," {
			return m.ent
		}
		if m.ent == nil || m.ent.typ != "PERSON" {
			return nil
		}
		j = m.start - 1
	}
	return nil
}

// appositionBefore returns the last token of the person before an apposition
// ", a/an ... ," that ends at token j (the comma, or "and" after it), or -1.
func appositionBefore(s *sentInfo, j int) int {
	if s.lower(j) == "and" {
		j--
	}
	if s.lower(j) != "," {
		return -1
	}
	for k := j - 1; k >= 1 && j-k <= 8; k-- {
		if s.toks[k].text != "," {
			continue
		}
		if w := s.lower(k + 1); w != "a" && w != "an" && w != "the" {
			return -1
		}
		if mi := s.mentionAt(k - 1); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "PERSON" && s.ments[mi].end == k {
			return k - 1
		}
		return -1
	}
	return -1
}

func (s *sentInfo) hasCue(i int) bool {
	for j := i - 1; j >= 1 && i-j <= 12; j-- {
		w := s.toks[j].lower
		if w == "namely" {
			return true
		}
		if w == "as" {
			for k := j - 1; k >= 0 && j-k <= 4; k-- {
				if p := s.toks[k].lower; p == "identified" || p == "named" {
					return true
				}
			}
		}
	}
	// "sanctions against Zhao Wei and Li Na", "sanctioned Zhao Wei"
	k := i - 1
	for k >= 0 {
		if s.toks[k].lower == "and" || s.toks[k].lower == "," {
			k--
			continue
		}
		if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "PERSON" {
			k = s.ments[mi].start - 1 // "against Zhao Wei and Li Na"
			continue
		}
		break
	}
	if k >= 0 && (s.toks[k].lower == "against" || s.toks[k].lower == "on") {
		for _, it := range s.items {
			if it.end <= k && k-it.end <= 2 {
				if h, ok := it.has(hitNoun); ok && (h.word == "sanctions" || h.word == "charges" || h.word == "indictment") {
					return true
				}
			}
		}
	}
	switch s.lower(i - 1) {
	case "sanctioned", "indicted", "charged", "sanctioning", "blacklisted":
		return true
	}
	return false
}

// canonicalPerson drops middle initials so that "Janet L. Yellen" and "Janet
// Yellen" are one person across articles; the full form stays an alias.
func canonicalPerson(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 {
		return name
	}
	out := f[:0:0]
	for i, w := range f {
		if i > 0 && i < len(f)-1 && len(w) == 2 && w[1] == '.' {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// roleAgency finds an agency named inside a role title ("Treasury Secretary",
// "FBI Director").
func (a *analysis) roleAgency(role string) *entity {
	for _, w := range strings.Fields(role) {
		for _, h := range a.ix.phrases[strings.ToLower(w)] {
			if h.kind == hitActor && a.lex.Actors[h.ref].Type == "AGENCY" && isCap(w) {
				return a.actorEntity(h.ref)
			}
		}
	}
	return nil
}

// datelineState is the state whose capital opens the body in capitals
// ("BEIJING, May 3 (Xinhua) -"), or nil.
func (a *analysis) datelineState() *entity {
	for _, s := range a.sents {
		if s.title || len(s.toks) == 0 {
			continue
		}
		if len(s.ments) > 0 && s.ments[0].start == 0 && s.ments[0].ent != nil && s.ments[0].ent.typ == "STATE" && isAllCaps(s.toks[0].text) && (len(s.toks[0].text) > 3 || s.ments[0].end > 1 && isAllCaps(s.toks[1].text)) {
			return s.ments[0].ent
		}
		return nil
	}
	return nil
}

// firmKinds precede "firm" or "company" before a company's name.
var firmKinds = map[string]bool{
	"security": true, "cybersecurity": true, "cyber-security": true, "cyber": true, "tech": true, "technology": true,
	"software": true, "research": true, "intelligence": true, "threat": true, "antivirus": true, "consulting": true,
}

// federalAgency reads "federal prosecutors", "federal court" with no state
// named as the United States' unless the dateline places the article in
// another federation ("BERLIN - ... federal prosecutors said").
func (a *analysis) federalAgency(s *sentInfo, m mention) *entity {
	if s.lower(m.start) != "federal" && s.lower(m.start-1) != "federal" {
		return nil
	}
	if a.datelineState() != nil {
		return nil
	}
	if us := a.byName("United States"); us != nil && us.typ == "STATE" {
		return a.agencyEntity(m.pattern, us, "")
	}
	return nil
}

// nationalTitles are role titles that only one state's (or body's) officials
// bear, with the agency or state they place an unplaced person in.
var nationalTitles = map[string]string{
	"secretary of state":                "United States Department of State",
	"attorney general":                  "United States Department of Justice",
	"deputy attorney general":           "United States Department of Justice",
	"assistant attorney general":        "United States Department of Justice",
	"director of national intelligence": "Office of the Director of National Intelligence",
	"treasury secretary":                "United States Department of the Treasury",
	"secretary of the treasury":         "United States Department of the Treasury",
	"homeland security secretary":       "United States Department of Homeland Security",
	"secretary of homeland security":    "United States Department of Homeland Security",
	"defense secretary":                 "United States Department of Defense",
	"secretary of defense":              "United States Department of Defense",
	"commerce secretary":                "United States Department of Commerce",
	"foreign secretary":                 "Foreign, Commonwealth and Development Office",
	"u.s. attorney":                     "United States Department of Justice",
	"us attorney":                       "United States Department of Justice",
	"united states attorney":            "United States Department of Justice",
	"home secretary":                    "Home Office",
	"chief cabinet secretary":           "Japan",
	"state councilor":                   "China",
	"foreign policy chief":              "European Union",
	"high representative":               "European Union",
}

// roleHome places a person whose title names no agency or state by a title
// only one state's officials bear; nil when the title is generic.
func (a *analysis) roleHome(role string) *entity {
	r := strings.ToLower(role)
	name, ok := nationalTitles[strings.TrimPrefix(r, "former ")] // "U.S. Attorney" before "u.s. " goes
	for _, w := range []string{"former ", "acting ", "outgoing ", "incoming ", "u.s. ", "us "} {
		r = strings.TrimPrefix(r, w)
	}
	if !ok {
		name, ok = nationalTitles[r]
	}
	if !ok {
		return nil
	}
	if i, ok := a.ix.stateBy[name]; ok {
		return a.stateEntity(i)
	}
	if i, ok := a.ix.actorBy[name]; ok {
		return a.actorEntity(i)
	}
	return nil
}

// personNouns refer back to any group of people ("the men", "the defendants").
var personNouns = map[string]bool{
	"men": true, "women": true, "defendants": true, "accused": true, "suspects": true, "individuals": true,
	"pair": true, "trio": true, "perpetrators": true, "people": true, "nationals": true, "officers": true, "hackers": true,
}

// peopleGroup reports whether a group's name counts people ("three Iranian
// nationals", "six officers of the GRU") rather than naming an organization
// ("APT31", "Volt Typhoon").
func peopleGroup(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 {
		return false
	}
	if firmNouns[f[len(f)-1]] {
		return false // "Israeli companies" are no defendants
	}
	return numberWords[f[0]] || isNumber(f[0]) || strings.HasSuffix(f[len(f)-1], "s") && !strings.HasSuffix(f[len(f)-1], "ss")
}

// firmNouns name organizations, not people, at the end of a group's name.
var firmNouns = map[string]bool{
	"companies": true, "firms": true, "entities": true, "institutions": true, "organizations": true,
	"organisations": true, "banks": true, "exchanges": true, "businesses": true, "enterprises": true,
}

// titleAgency reports an agency name that is its head's title: "Director of
// National Intelligence", "Attorney General's Office" is not.
func titleAgency(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "director", "secretary", "commissioner", "chief", "head", "minister":
		return true
	}
	return false
}

// openerState is the state a sentence opens with as a place or a possessor:
// "In Tehran, ...", "North Korea's official news agency quoted ...", or nil.
func (a *analysis) openerState(s *sentInfo) *entity {
	if s.lower(0) == "in" {
		for _, it := range s.items {
			if it.start == 1 && s.lower(it.end) == "," {
				if ref, strong, _ := stateHit(it); strong {
					return a.stateEntity(ref)
				}
			}
		}
		return nil
	}
	if len(s.ments) == 0 {
		return nil
	}
	m := s.ments[0]
	if m.start > 1 || m.ent == nil || m.ent.typ != "STATE" || m.kind != mActor {
		return nil
	}
	if w := s.lower(m.end); w != "'s" && w != "'" {
		return nil
	}
	return m.ent
}

// surnameLike reports a surname that is also a lexicon word, right after a
// first name that a role title precedes: "Deputy Attorney General Lisa Monaco".
func surnameLike(s *sentInfo, i int) bool {
	if s.roleItemEnding(i) < 0 || i+1 >= len(s.toks) {
		return false
	}
	for _, it := range s.items {
		if it.start == i+1 {
			return it.end == i+2 && s.lower(i+2) != "'s" && s.lower(i+2) != "'"
		}
	}
	return false
}

// previousSubjectState is the state that opens the sentence before s in the
// same paragraph as its subject ("Moscow rejected the move."), or nil.
func (a *analysis) previousSubjectState(s *sentInfo) *entity {
	for i := range a.sents {
		if &a.sents[i] != s {
			continue
		}
		if i == 0 || a.sents[i-1].para != s.para || a.sents[i-1].title {
			return nil
		}
		prev := &a.sents[i-1]
		if len(prev.ments) == 0 {
			return nil
		}
		m := prev.ments[0]
		if m.start != 0 || m.ent == nil || m.ent.typ != "STATE" || m.kind != mActor || isAllCaps(prev.toks[0].text) {
			return nil
		}
		if w := prev.lower(m.end); (w == "'s" || w == "'") && responseNouns[prev.lower(m.end+1)] {
			return m.ent // "Beijing's denial came within hours. Foreign ministry spokesperson ..."
		}
		if w := prev.lower(m.end); w == "'s" || w == "'" || w == "-" || w == "," {
			return nil
		}
		return m.ent
	}
	return nil
}

// articleSurname reports a surname with an Arabic article capitalised at
// the start of a sentence: "Al-Ansari" for "al-Ansari".
func articleSurname(surname, w string) bool {
	return (strings.HasPrefix(surname, "al-") || strings.HasPrefix(surname, "el-")) && strings.EqualFold(surname, w)
}

// responseNouns name a state's answer; the official named next gives it.
var responseNouns = map[string]bool{
	"denial": true, "response": true, "reaction": true, "rejection": true, "reply": true, "answer": true, "riposte": true, "rebuttal": true,
}

// titleModifiers stand between a state's possessive and a role title:
// "Japan's top government spokesman".
var titleModifiers = map[string]bool{
	"top": true, "chief": true, "government": true, "senior": true, "deputy": true, "former": true, "acting": true, "new": true,
	"official": true, "principal": true, "lead": true,
}

// openingSubjectState is the state that opens the sentence as its subject
// before any bare agency head ("Beijing has lodged ..., foreign ministry
// spokesman Lin Jian said"), or nil.
func openingSubjectState(s *sentInfo) *entity {
	head := -1
	for _, m := range s.ments {
		if m.kind == mBareHead {
			head = m.start
			break
		}
	}
	if head < 0 || len(s.ments) == 0 {
		return nil
	}
	m := s.ments[0]
	start := 0
	if s.lower(0) == "the" {
		start = 1
	}
	if m.start != start || m.end > head || m.ent == nil || m.ent.typ != "STATE" || m.kind != mActor || isAllCaps(s.toks[0].text) {
		return nil
	}
	if w := s.lower(m.end); w == "'s" || w == "'" || w == "-" || w == "," {
		return nil
	}
	return m.ent
}

// answersState is the state the answers of a press-conference transcript
// ("Q: ... A: ...") name most often as an actor: the spokesperson's own ("China
// firmly rejects ...", "the Chinese side"), whatever state the questions name
// first. It is nil for other texts and on a tie.
func (a *analysis) answersState() *entity {
	count := map[*entity]int{}
	for s := range a.answers() {
		for _, m := range s.ments {
			if m.kind == mActor && m.ent != nil && m.ent.typ == "STATE" {
				count[m.ent]++
				if smearedSide[s.lower(m.start-1)] {
					count[m.ent] += 2 // "stop smearing China": the answerer's own side
				}
			}
		}
	}
	var best *entity
	n, tie := 0, false
	for e, c := range count {
		switch {
		case c > n:
			best, n, tie = e, c, false
		case c == n:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// smearedSide holds the words after which a transcript's answers name their
// own state as the wronged side ("stop smearing China", "accusations against
// China").
var smearedSide = map[string]bool{
	"smearing": true, "smear": true, "smears": true, "slandering": true, "slander": true,
	"vilifying": true, "vilify": true, "discrediting": true, "discredit": true,
}

// priorProsecutors resolves a bare "Prosecutors" or "investigators" to the
// prosecuting agency the article already named ("Federal prosecutors
// unsealed charges against two Sudanese brothers ... Prosecutors said"),
// rather than to a state a nearby demonym names.
func (a *analysis) priorProsecutors(s *sentInfo, m mention) *entity {
	if m.end-m.start != 1 {
		return nil // "German prosecutors" names its state
	}
	head := s.lower(m.start)
	if head != "prosecutors" && head != "investigators" {
		return nil
	}
	var found *entity
	for _, e := range a.order {
		if e.typ != "AGENCY" || e.mentions == 0 {
			continue
		}
		for _, al := range e.aliases {
			if f := strings.Fields(strings.ToLower(al)); len(f) > 0 && f[len(f)-1] == head {
				found = e
			}
		}
	}
	return found
}
