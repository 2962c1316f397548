package extract

import (
	"strings"
	"unicode"
)

// scan looks every lexicon phrase up in a sentence, longest match first.
func (a *analysis) scan(s *sentInfo) {
	toks := s.toks
	var buf []byte
	for i := 0; i < len(toks); {
		if i+1 < len(toks) && isCap(toks[i].text) && regionNames[toks[i].lower+" "+toks[i+1].lower] {
			i += 2 // "North America" names a region, not the United States
			continue
		}
		ml := a.ix.maxLen[toks[i].lower]
		if ml > len(toks)-i {
			ml = len(toks) - i
		}
		matched := false
		for n := ml; n >= 1; n-- {
			buf = buf[:0]
			for k := i; k < i+n; k++ {
				if k > i {
					buf = append(buf, ' ')
				}
				buf = append(buf, toks[k].lower...)
			}
			hs, ok := a.ix.phrases[string(buf)]
			if !ok {
				continue
			}
			var keep []hit
			for _, h := range hs {
				if capsOK(toks[i:i+n], h.caps) {
					keep = append(keep, h)
				}
			}
			if len(keep) == 0 || n == 1 && a.partOfLongerName(toks, i, keep) {
				continue
			}
			if !s.title && a.insideLongerName(s, i, keep) {
				for i < len(toks) && isCap(toks[i].text) {
					i++ // the whole name is left to findPersons' organization names
				}
				matched = true
				break
			}
			s.items = append(s.items, item{start: i, end: i + n, hits: keep})
			i += n
			matched = true
			break
		}
		if !matched {
			if it, ok := a.koreanSide(s, i); ok {
				s.items = append(s.items, it)
				i = it.end
				continue
			}
		}
		if !matched {
			if it, ok := a.orderedOut(toks, i); ok {
				s.items = append(s.items, it)
				i = it.end
				continue
			}
		}
		if !matched && ml > 1 {
			// a trigger phrase broken by a quotation mark: would "respond in kind"
			if it, ok := a.quotedPhrase(toks, i, ml); ok {
				s.items = append(s.items, it)
				i = it.end
				matched = true
			}
		}
		if !matched {
			i++
		}
	}
}

// partOfLongerName reports whether a one-word outlet name is only the first
// word of a longer proper name the lexicon does not know ("Mehr Afzar
// Solutions" is a company, not the Mehr news agency).
func (a *analysis) partOfLongerName(toks []token, i int, hs []hit) bool {
	for _, h := range hs {
		if h.kind != hitActor || !a.lex.Actors[h.ref].Media {
			return false
		}
	}
	if i+1 >= len(toks) || !isCap(toks[i+1].text) || isAllCaps(toks[i+1].text) {
		return false
	}
	return a.ix.maxLen[toks[i+1].lower] == 0
}

// insideLongerName reports whether a known agency's or organization's name
// is the tail of a longer capitalized name the lexicon does not know: Iran's
// "Supreme National Security Council" is not the US National Security Council.
func (a *analysis) insideLongerName(s *sentInfo, i int, hs []hit) bool {
	if i < 2 || !isCap(s.toks[i-1].text) || isAllCaps(s.toks[i-1].text) || s.toks[i-1].lower == "the" {
		return false
	}
	if n := len(s.items); n > 0 && s.items[n-1].end == i {
		return false // "US National Security Council": a state names it
	}
	if a.ix.maxLen[s.toks[i-1].lower] > 0 {
		return false
	}
	for _, h := range hs {
		if h.kind != hitActor {
			return false
		}
		if t := a.lex.Actors[h.ref].Type; t != "AGENCY" && t != "ORGANIZATION" || a.lex.Actors[h.ref].Media {
			return false
		}
	}
	return true
}

// namedDescriptors joins a described agency to the name that follows it:
// "the Dutch military intelligence service MIVD" is the MIVD, not a second,
// generic intelligence service of the Netherlands.
func (a *analysis) namedDescriptors(s *sentInfo) {
	for k := 0; k+1 < len(s.ments); k++ {
		m1, m2 := s.ments[k], s.ments[k+1]
		if m1.ent == nil || m2.ent == nil || m1.ent.typ != "AGENCY" || m2.ent.typ != "AGENCY" || m1.ent.pattern < 0 || m2.ent.pattern >= 0 || m1.ent == m2.ent {
			continue
		}
		gap := m2.start - m1.end
		if gap > 1 || gap == 1 && !descriptorHeads[s.lower(m1.end)] {
			continue
		}
		if m2.ent.top() != m1.ent.top() || m2.end-m2.start != 1 || !isAllCaps(s.toks[m2.start].text) {
			continue
		}
		a.addMention(s, m1.start, m2.end, m2.ent, mActor)
		s.sortMentions()
	}
}

var descriptorHeads = map[string]bool{"service": true, "agency": true, "directorate": true, "office": true, "bureau": true}

// koreanSide reads "the North" and "the South" as North and South Korea in an
// article that names either Korea ("the North's foreign ministry", "Seoul
// blamed the North"); "the North Atlantic" or "the South China Sea" go on
// with a capitalized word and are left alone.
func (a *analysis) koreanSide(s *sentInfo, i int) (item, bool) {
	w := s.toks[i].text
	if (w != "North" && w != "South") || s.lower(i-1) != "the" || !a.koreas() {
		return item{}, false
	}
	if i+1 < len(s.toks) && isCap(s.toks[i+1].text) {
		return item{}, false
	}
	name := "North Korea"
	if w == "South" {
		name = "South Korea"
	}
	ref, ok := a.ix.stateBy[name]
	if !ok {
		return item{}, false
	}
	return item{start: i, end: i + 1, hits: []hit{{kind: hitState, ref: ref}}}, true
}

// koreas reports whether the article names North or South Korea.
func (a *analysis) koreas() bool {
	if a.korea == 0 {
		a.korea = -1
		for _, s := range a.sents {
			if strings.Contains(s.text, "Korea") || strings.Contains(s.text, "Pyongyang") || strings.Contains(s.text, "Seoul") {
				a.korea = 1
				break
			}
		}
	}
	return a.korea > 0
}

// regionNames are places whose last word is a state's name or alias but
// that are not that state.
var regionNames = map[string]bool{
	"north america": true, "south america": true, "latin america": true, "central america": true,
	"new mexico": true, "new guinea": true,
}

func capsOK(toks []token, caps []uint8) bool {
	for i, c := range caps {
		switch c {
		case 1:
			if !isCap(toks[i].text) {
				return false
			}
		case 2:
			if !isAllCaps(toks[i].text) {
				return false
			}
		}
	}
	return true
}

// findMentions is stages 2 and 3: tokens become actor mentions.
func (a *analysis) findMentions() {
	for si := range a.sents {
		s := &a.sents[si]
		a.scan(s)
		dropCapitalNames(s)
	}
	a.namedCountries = map[string]bool{}
	for si := range a.sents {
		for _, it := range a.sents[si].items {
			if ref, strong, weak := stateHit(it); strong || weak {
				a.namedCountries[a.lex.States[ref].Country] = true
			}
		}
	}
	for si := range a.sents {
		s := &a.sents[si]
		a.composeActors(s)
		a.namedDescriptors(s)
	}
	for si := range a.sents {
		a.findDescribedActors(&a.sents[si])
	}
	for si := range a.sents {
		s := &a.sents[si]
		a.findAdministrations(s)
		a.markDescribed(s)
		a.findGroups(s)
		a.findPersons(s)
		s.sortMentions()
		a.findRegime(si)
		a.findReferring(s)
		s.sortMentions()
	}
	a.describedFirms()
}

// describedFirms reads "a U.S. cybersecurity company" as the one company of
// that state the next two sentences name ("The report by Volexity, published
// on Tuesday, said ..."), when they name exactly one.
func (a *analysis) describedFirms() {
	for si := range a.sents {
		s := &a.sents[si]
		for k := 0; k < len(s.ments); k++ {
			m := s.ments[k]
			if m.ent == nil || m.ent.typ != "STATE" || (m.kind != mDemonym && m.kind != mActor) {
				continue
			}
			if w := s.lower(m.start - 1); w != "a" && w != "an" {
				continue
			}
			j := m.end
			for j < len(s.toks) && j-m.end < 3 && firmKinds[s.lower(j)] {
				j++
			}
			if j == m.end || j >= len(s.toks) {
				continue
			}
			if w := s.lower(j); w != "company" && w != "firm" && w != "vendor" {
				continue
			}
			if j+1 < len(s.toks) && isCap(s.toks[j+1].text) {
				continue // "a U.S. security firm Mandiant": named right there
			}
			var firm *entity
			unique := true
			for sj := si; sj < len(a.sents) && sj-si <= 2 && unique; sj++ {
				for _, o := range a.sents[sj].ments {
					e := o.ent
					if sj == si && o.start <= j || e == nil || o.kind != mActor || e.typ != "ORGANIZATION" || e.media || e.country == "" || e.country != m.ent.country {
						continue
					}
					if firm != nil && firm != e {
						unique = false
						break
					}
					firm = e
				}
			}
			if firm == nil || !unique {
				continue
			}
			a.addMention(s, m.start, j+1, firm, mActor)
			s.sortMentions()
		}
	}
}

// findRegime reads "the regime" as the state it stands for: the latest state
// named before it (itself or as the state behind a group), in its sentence or
// the few before, that is not the side of an official named in the
// sentence or the one before, nor a reporting subject
// ("Washington said the regime ..."). "The Assad regime" and "regime change"
// are left alone.
func (a *analysis) findRegime(si int) {
	s := &a.sents[si]
	for i := 1; i < len(s.toks); i++ {
		if s.toks[i].lower != "regime" || s.lower(i-1) != "the" || s.mentionAt(i) >= 0 || s.mentionAt(i-1) >= 0 {
			continue
		}
		if nx := s.lower(i + 1); nx == "change" || i+1 < len(s.toks) && isCap(s.toks[i+1].text) {
			continue
		}
		if st := a.regimeState(si, i-1); st != nil {
			a.addMention(s, i-1, i+1, st, mActor)
			s.sortMentions()
		}
	}
}

// regimeState is the state "the regime" at token end of sentence si refers to.
func (a *analysis) regimeState(si, end int) *entity {
	// the sides of the officials speaking in this sentence or the one
	// before: "'The regime is trying to blame others,' Price said"
	own := map[*entity]bool{}
	for k := si; k >= 0 && si-k <= 1; k-- {
		for _, m := range a.sents[k].ments {
			if m.kind == mActor && m.ent != nil && (m.ent.typ == "PERSON" || m.ent.typ == "AGENCY") {
				own[m.ent.top()] = true
			}
		}
	}
	for k := si; k >= 0 && si-k <= 4; k-- {
		s := &a.sents[k]
		for mi := len(s.ments) - 1; mi >= 0; mi-- {
			m := s.ments[mi]
			if k == si && m.start >= end || m.kind != mActor || m.ent == nil || m.ent.typ != "STATE" && m.ent.typ != "GROUP" {
				continue
			}
			st := m.ent.top() // "two Iranian hackers" stand for Iran here
			if st.typ != "STATE" || own[st] || speechVerbs[s.lower(m.end)] {
				continue
			}
			return st
		}
	}
	return nil
}

// stateHit reports the state an item names: by name or capital (strong) or by demonym (weak).
func stateHit(it item) (ref int, strong, weak bool) {
	for _, h := range it.hits {
		if h.kind == hitState || h.kind == hitCapital {
			return h.ref, true, false
		}
	}
	for _, h := range it.hits {
		if h.kind == hitDemonym {
			return h.ref, false, true
		}
	}
	return -1, false, false
}

func (a *analysis) addMention(s *sentInfo, start, end int, e *entity, kind mentionKind) {
	if e != nil && e.media && (start == 0 && (s.lower(end) == "-" || s.lower(end) == ":") || s.lower(start-1) == "(" && s.lower(end) == ")") {
		return // a credit ("Global Times - ...", "TOKYO (NHK) -") is no actor
	}
	// a new mention replaces the ones it covers
	out := s.ments[:0]
	for _, m := range s.ments {
		if m.end <= start || m.start >= end {
			out = append(out, m)
		} else if m.ent != nil && m.kind == mActor && m.counted {
			m.ent.mentions-- // absorbed into the new mention
		}
	}
	nm := mention{start: start, end: end, ent: e, kind: kind, pattern: -1}
	if e != nil && kind == mActor {
		e.addAlias(s.span(start, end))
		// a dateline or source credit ("(Xinhua)", "/TASS/") is not a mention in the text
		if p, n := s.lower(start-1), s.lower(end); p != "(" && p != "/" && n != ")" && n != "/" {
			e.mentions++
			nm.counted = true
		}
	}
	s.ments = append(out, nm)
	s.idxDirty = true
}

func (s *sentInfo) lower(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].lower
}

// composeActors builds states, organizations and agencies from lexicon items:
// "Chinese Foreign Ministry", "Ministry of Foreign Affairs of Russia",
// "the US Embassy in Moscow", "the Russian government", "Beijing".
func (a *analysis) composeActors(s *sentInfo) {
	items := s.items
	covered := 0 // tokens before this index belong to a composed mention
	for k := 0; k < len(items); k++ {
		it := items[k]
		if it.start < covered {
			continue
		}
		if len(s.ments) > 0 {
			if e := s.ments[len(s.ments)-1].end; e > covered {
				covered = e
			}
			if it.start < covered {
				continue
			}
		}
		next := func(d int) (item, bool) {
			if k+d < len(items) {
				return items[k+d], true
			}
			return item{}, false
		}
		if ref, strong, weak := stateHit(it); strong || weak {
			st := a.stateEntity(ref)
			end := it.end
			if s.lower(end) == "'s" {
				end++
			}
			if nx, ok := next(1); ok && nx.start == end {
				if h, ok := nx.has(hitAgencyHead); ok {
					e, stop := a.locatedAgency(s, h.ref, st, nx.end)
					if stop == nx.end && strings.Contains(strings.ToLower(s.span(nx.start, nx.end)), " of ") {
						stop = s.coordinatedPortfolio(stop) // "New Zealand's Ministry of Foreign Affairs and Trade"
					}
					a.addMention(s, it.start, stop, e, mActor)
					k++
					continue
				}
				if h, ok := nx.has(hitActor); ok && (a.lex.Actors[h.ref].Type == "AGENCY" || a.lex.Actors[h.ref].Type == "ORGANIZATION") &&
					(a.lex.Actors[h.ref].Country == "" || a.lex.Actors[h.ref].Country == st.country) {
					e := a.actorEntity(h.ref)
					stop := a.absorbSeat(s, nx.end, e)
					a.addMention(s, it.start, stop, e, mActor)
					e.addAlias(s.span(nx.start, nx.end)) // "GRU" in "Russia's GRU"
					k++
					continue
				}
				if h, ok := nx.has(hitActor); ok && a.lex.Actors[h.ref].Type == "AGENCY" && a.lex.Actors[h.ref].Country != "" && a.lex.Actors[h.ref].Country != st.country && s.lower(it.end) == "'s" {
					// "Kenya's National Security Council": the possessor's own body of that name
					e := a.get(s.span(nx.start, nx.end), "AGENCY")
					if e.affil == nil {
						e.affil, e.country = st, st.country
					}
					a.addMention(s, it.start, nx.end, e, mActor)
					k++
					continue
				}
				if h, ok := nx.has(hitStateNoun); ok && (nx.start == it.end || possessedStateNoun[h.word]) && !quantified(s, it.start) {
					// "the Chinese side", "North Korea's state media"
					a.addMention(s, it.start, nx.end, st, mActor)
					k++
					continue
				}
			}
			if weak && (s.lower(it.end) == "and" || s.lower(it.end) == ",") {
				// "Vietnamese and Philippine officials": the first demonym shares the noun
				if nx, ok := next(1); ok && nx.start == it.end+1 {
					if _, _, w2 := stateHit(nx); w2 {
						if n2, ok := next(2); ok && n2.start == nx.end {
							if h, ok := n2.has(hitStateNoun); ok && !quantified(s, it.start) && h.word != "" {
								a.addMention(s, it.start, it.end, st, mActor)
								continue
							}
						}
					}
				}
			}
			if strong {
				if _, isCapital := it.has(hitCapital); isCapital {
					if p := s.lower(it.start - 1); (p == "in" || p == "at" || p == "near") && !(p == "in" && rulersBefore[s.lower(it.start-2)]) {
						continue // "talks in Moscow" is a place; "the authorities in Minsk" rule
					}
				}
				a.addMention(s, it.start, it.end, st, mActor)
			} else {
				s.ments = append(s.ments, mention{start: it.start, end: it.end, ent: st, kind: mDemonym, pattern: -1})
			}
			continue
		}
		if _, ok := it.has(hitActor); ok && platformUse(s, it) {
			continue // "wrote on Facebook": a medium, not an actor
		}
		if h, ok := it.has(hitActor); ok && inLongerName(s, it.start) {
			// "Internal Security Service" is not the Security Service (MI5):
			// a body of its own, the possessor's when a state owns it
			if a.lex.Actors[h.ref].Type == "AGENCY" || a.lex.Actors[h.ref].Type == "ORGANIZATION" {
				a.longerBody(s, it.start-1, it.end)
			}
			continue
		}
		if h, ok := it.has(hitActor); ok && s.lower(it.end) != "of" && !a.otherStatesHead(h.ref) {
			if _, head := it.has(hitAgencyHead); head {
				// "the Foreign Office": a head that is also a known agency names that agency
				e := a.actorEntity(h.ref)
				a.addMention(s, it.start, a.absorbSeat(s, it.end, e), e, mActor)
				continue
			}
		}
		if h, ok := it.has(hitAgencyHead); ok {
			// "Ministry of Foreign Affairs of Russia"
			head := strings.ToLower(s.span(it.start, it.end))
			pe := it.end
			if strings.Contains(head, " of ") {
				pe = s.coordinatedPortfolio(it.end) // "Ministry of Foreign Affairs and Trade"
			}
			j := pe
			if s.lower(j) == "of" {
				j++
				if s.lower(j) == "the" {
					j++
				}
				if nx, ok := next(1); ok && nx.start == j {
					if ref, strong, _ := stateHit(nx); strong {
						st := a.stateEntity(ref)
						e, stop := a.locatedAgency(s, h.ref, st, nx.end)
						a.addMention(s, it.start, stop, e, mActor)
						k++
						continue
					}
				}
			}
			// "the foreign ministry in Beijing"
			if s.lower(pe) == "in" {
				if nx, ok := next(1); ok && nx.start == pe+1 {
					if c, isCap := nx.has(hitCapital); isCap {
						e := a.agencyEntity(h.ref, a.stateEntity(c.ref), "")
						a.addMention(s, it.start, nx.end, e, mActor)
						k++
						continue
					}
				}
			}
			if strings.Contains(head, "ministry") || strings.Contains(head, "foreign office") || strings.Contains(head, "prosecutor") || head == "police" {
				s.ments = append(s.ments, mention{start: it.start, end: pe, kind: mBareHead, pattern: h.ref})
			}
			continue
		}
		if h, ok := it.has(hitActor); ok {
			e := a.actorEntity(h.ref)
			stop := a.absorbSeat(s, it.end, e)
			a.addMention(s, it.start, stop, e, mActor)
			continue
		}
		if h, ok := it.has(hitActorDemonym); ok {
			s.ments = append(s.ments, mention{start: it.start, end: it.end, ent: a.actorEntity(h.ref), kind: mDemonym, pattern: -1})
			continue
		}
		if h, ok := it.has(hitDemonymPlural); ok && quantified(s, it.start) {
			// "2 Russians": a group of the state's people
			start := it.start
			for start > 0 && (isNumber(s.toks[start-1].lower) || quantifiers[s.toks[start-1].lower]) && s.toks[start-1].lower != "the" && s.toks[start-1].lower != "a" {
				start--
			}
			st := a.stateEntity(h.ref)
			e := a.get(canonicalGroup(s.span(start, it.end)), "GROUP")
			if e.affil == nil {
				e.affil, e.country = st, st.country
			}
			a.addMention(s, start, it.end, e, mActor)
			continue
		}
	}
}

// platforms are social networks a statement is posted on.
var platforms = map[string]bool{"facebook": true, "twitter": true, "telegram": true, "instagram": true, "youtube": true, "whatsapp": true, "tiktok": true}

// platformUse reports a social network named as where something was posted
// ("wrote on Facebook", "Follow us on Twitter"), not as a company that acts.
func platformUse(s *sentInfo, it item) bool {
	if it.end-it.start != 1 || !platforms[s.lower(it.start)] {
		return false
	}
	p := s.lower(it.start - 1)
	return p == "on" || p == "via"
}

// countedPeople nouns name people a legal act may count with no state:
// "identified four suspects", "charged two men".
var countedNouns = map[string]bool{"suspects": true, "men": true, "women": true, "individuals": true, "defendants": true, "persons": true}

// countedStateless reports a group noun of people right after a count
// ("four suspects") in a sentence that charges, arrests or identifies them.
func countedStateless(s *sentInfo, it item) bool {
	if it.end-it.start != 1 || !countedNouns[s.lower(it.start)] {
		return false
	}
	if n := s.lower(it.start - 1); !numberWords[n] && !isNumber(n) || n == "one" || n == "all" || n == "some" {
		return false
	}
	if d := s.lower(it.start - 2); d == "the" || d == "these" || d == "those" || d == "of" {
		return false // "the three men": the group counted before
	}
	for _, t := range s.toks {
		switch t.lower {
		case "charged", "arrested", "indicted", "identified", "detained", "sanctioned", "convicted", "sentenced", "case":
			return true
		}
	}
	return false
}

// inLongerName reports a lexicon name at token start that a word opening a
// body's name precedes: "Internal Security Service", "State Security
// Service", "National Security Council" name other bodies than the
// Security Service or the Security Council.
func inLongerName(s *sentInfo, start int) bool {
	p := start - 1
	return p >= 0 && orgOpeners[s.toks[p].text]
}

// longerBody adds the body named by [p, end) that a lexicon name ends:
// "Georgia's State Security Service", "the Internal Security Service".
func (a *analysis) longerBody(s *sentInfo, p, end int) {
	start := p
	var st *entity
	if mi := s.mentionAt(p); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
		st, start = s.ments[mi].ent, s.ments[mi].start // "Georgia's State" was read as the state
	} else if s.lower(p-1) == "'s" {
		if mi := s.mentionAt(p - 2); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
			st, start = s.ments[mi].ent, s.ments[mi].start
		}
	}
	typ := "ORGANIZATION"
	if st != nil {
		typ = "AGENCY"
	}
	e := a.get(s.span(p, end), typ)
	if st != nil && e.affil == nil {
		e.affil, e.country = st, st.country
	}
	a.addMention(s, start, end, e, mActor)
}

// otherStatesHead reports a known agency named by a generic head ("the
// Foreign Office") in an article datelined in another state that never names
// the agency's own: "ISLAMABAD - ... Foreign Office spokesman" is Pakistan's.
func (a *analysis) otherStatesHead(ref int) bool {
	c := a.lex.Actors[ref].Country
	if c == "" || a.namedCountries[c] {
		return false
	}
	d := a.datelineState()
	return d != nil && d.country != c
}

// coordinatedPortfolio returns the end of a ministry's name that goes on
// after its lexicon head with a second portfolio ("Ministry of Foreign
// Affairs and the National Community Abroad", "Ministry of Foreign Affairs
// and Trade"), or end when it does not: a run of capitalized words no
// lexicon item covers, not ending in another body's suffix ("and the
// Interior Ministry", "and the National Security Council").
func (s *sentInfo) coordinatedPortfolio(end int) int {
	if s.lower(end) != "and" {
		return end
	}
	j := end + 1
	if s.lower(j) == "the" {
		j++
	}
	k := j
	for k < len(s.toks) && k-j < 5 && isCap(s.toks[k].text) && !s.inItem(k, k+1) {
		k++
	}
	if k == j || orgSuffixes[s.toks[k-1].text] {
		return end
	}
	return k
}

// locatedAgency makes the agency of pattern p for state st; a located
// pattern (an embassy) takes its seat from "in City".
func (a *analysis) locatedAgency(s *sentInfo, p int, st *entity, end int) (*entity, int) {
	seat := ""
	if a.lex.AgencyPatterns[p].Located && (s.lower(end) == "in" || s.lower(end) == "to") {
		j := end + 1
		if s.lower(j) == "the" {
			j++
		}
		k := j
		for k < len(s.toks) && isCap(s.toks[k].text) && k-j < 3 {
			k++
		}
		if k > j {
			seat = s.span(j, k)
			end = k
		}
	}
	return a.agencyEntity(p, st, seat), end
}

// absorbSeat extends an agency mention over "in Washington" when the city is
// the agency's own seat of government.
func (a *analysis) absorbSeat(s *sentInfo, end int, e *entity) int {
	if s.lower(end) != "in" || e.country == "" {
		return end
	}
	for _, it := range s.items {
		if it.start == end+1 {
			if h, ok := it.has(hitCapital); ok && a.lex.States[h.ref].Country == e.country {
				return it.end
			}
		}
	}
	return end
}

var quantifiers = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "eleven": true, "twelve": true, "several": true, "dozens": true, "dozen": true, "some": true,
	"many": true, "relevant": true, "hundreds": true, "a": true, "an": true, "the": true, "these": true, "those": true, "other": true,
}

// findGroups finds non-state groups: "four alleged Chinese hackers",
// "Russian-government backed hackers", "a hacking group backed by the Chinese
// government", "Four members of China's military".
func (a *analysis) findGroups(s *sentInfo) {
	// code names on their own: "APT31", "Volt Typhoon"
	for i := 0; i < len(s.toks); i++ {
		if s.mentionAt(i) >= 0 || (i > 0 && isCap(s.toks[i-1].text) && !isCodeName(s.toks[i].text)) {
			continue
		}
		if c := codeNameEnd(s, i); c > i {
			e := a.get(s.span(i, c), "GROUP")
			if e.affil == nil && (s.lower(i-1) == "'s" || s.lower(i-1) == "'") {
				// "the GRU's Unit 26165": the possessor runs it
				if pm := s.mentionAt(i - 2); pm >= 0 && s.ments[pm].ent != nil && s.ments[pm].kind == mActor && (s.ments[pm].ent.typ == "AGENCY" || s.ments[pm].ent.typ == "STATE") {
					e.affil, e.country = s.ments[pm].ent, s.ments[pm].ent.country
				}
			}
			a.addMention(s, i, c, e, mActor)
			i = c - 1
		}
	}
	for _, it := range s.items {
		_, isGroup := it.has(hitGroupNoun)
		if h, ok := it.has(hitStateNoun); ok && !isGroup && (h.word == "officials" || h.word == "official") && quantified(s, it.start) {
			isGroup = true
		}
		if !isGroup {
			continue
		}
		switch s.lower(it.end) {
		case "attacks", "attack", "activity", "activities", "campaign", "campaigns", "operation", "operations", "threat", "threats", "intrusions", "intrusion", "tools", "infrastructure":
			continue
		}
		if s.mentionAt(it.start) >= 0 {
			continue
		}
		// left: modifiers back to a demonym or state
		var st *entity
		start := it.start
		for j := it.start - 1; j >= 0 && it.start-j <= 5; j-- {
			mi := s.mentionAt(j)
			if mi >= 0 {
				m := s.ments[mi]
				if m.kind == mDemonym || (m.kind == mActor && (m.ent.typ == "STATE" || m.ent.typ == "AGENCY" || m.ent.typ == "ORGANIZATION")) {
					st = m.ent
					start = m.start
					j = m.start
					continue
				}
				break
			}
			w := s.toks[j].lower
			if w == "-" || w == "backed" || w == "linked" || w == "sponsored" || w == "government" || w == "state" || w == "alleged" ||
				w == "military" || w == "intelligence" || w == "cyber" || w == "hacking" || w == "suspected" || w == "so-called" ||
				w == "affiliated" || w == "aligned" || w == "directed" || w == "controlled" || w == "funded" || w == "based" || w == "nexus" ||
				st == nil && j == it.start-1 && sectorWords[w] { // "14 Chinese technology companies"
				if st != nil && (w == "alleged" || w == "suspected") {
					start = j
				}
				continue
			}
			if st != nil && (quantifiers[w] || isNumber(w)) {
				start = j
				continue
			}
			if st != nil && w == "pro" && s.lower(j+1) == "-" && j+2 == start {
				start = j // "pro-Pakistan hacker groups": sympathizers, named with their prefix
				continue
			}
			break
		}
		end := it.end
		// "companies and institutions", "individuals and entities"
		if s.lower(end) == "and" && end+1 < len(s.toks) {
			for _, it2 := range s.items {
				if it2.start == end+1 {
					if _, ok := it2.has(hitGroupNoun); ok {
						end = it2.end
					}
				}
			}
			if w := s.lower(end + 1); end == it.end && (w == "institutions" || w == "organizations" || w == "organisations" || w == "entities") {
				end += 2
			}
		}
		// right: "backed by the Chinese government", "with links to Moscow"
		if st == nil {
			j := it.end
			// "a hacker group believed to be linked to ...": a hedge before the link
			if h := s.lower(j); (h == "believed" || h == "thought" || h == "said" || h == "suspected" || h == "widely") && s.lower(j+1) == "to" && s.lower(j+2) == "be" {
				j += 3
			} else if h == "reportedly" || h == "allegedly" {
				j++
			}
			if w := s.lower(j); w == "backed" || w == "linked" || w == "sponsored" || w == "tied" || w == "with" || w == "working" || w == "operating" || w == "based" {
				for k := j; k < len(s.toks) && k-j < 6; k++ {
					if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor {
						st = s.ments[mi].ent
						end = s.ments[mi].end
						break
					} else if mi >= 0 && s.ments[mi].kind == mDemonym && s.ments[mi].ent != nil && (s.lower(s.ments[mi].end) == "soil" || s.lower(s.ments[mi].end) == "territory") {
						st = s.ments[mi].ent // "operating from Afghan soil"
						end = s.ments[mi].end + 1
						break
					}
				}
			}
			if st != nil {
				if w := s.lower(start - 1); w == "a" || w == "an" {
					start--
				}
			}
		}
		code := ""
		if c := codeNameEnd(s, end); c > end {
			code, end = s.span(end, c), c // "hacking group APT31"
		}
		if st == nil && code == "" && !(start == it.start && countedStateless(s, it)) {
			continue
		}
		if st == nil && code == "" {
			start-- // "four suspects": people counted with no state, one group
		}
		if w := s.lower(start); code == "" && s.lower(start-1) == "," && (w == "a" || w == "an") {
			// "the Lazarus Group, a hacking team linked to ...": an apposition
			// describes the group before it
			if pm := s.mentionAt(start - 2); pm >= 0 && s.ments[pm].end == start-1 && s.ments[pm].kind == mActor && s.ments[pm].ent != nil && (s.ments[pm].ent.typ == "GROUP" || s.ments[pm].ent.typ == "ORGANIZATION") {
				prev := s.ments[pm].ent
				if prev.affil == nil && st != nil {
					prev.affil, prev.country = st, st.country
				}
				a.addMention(s, start, it.end, prev, mActor)
				continue
			}
		}
		phrase := s.span(start, end)
		name := canonicalGroup(phrase)
		if code != "" {
			name = code
		}
		e := a.get(name, "GROUP")
		if e.affil == nil && st != nil {
			e.affil = st
			e.country = st.country
		}
		a.addMention(s, start, end, e, mActor)
		if name != phrase {
			e.addAlias(phrase)
		}
	}
	// a counted sanctions list with no state named: "two individuals and one entity"
	for i := 0; i+4 < len(s.toks); i++ {
		if w := s.lower(i); !(isNumber(w) || numberWords[w]) || !listNouns[s.lower(i+1)] || s.lower(i+2) != "and" {
			continue
		}
		if w := s.lower(i + 3); !(isNumber(w) || numberWords[w]) || !listNouns[s.lower(i+4)] || s.mentionAt(i) >= 0 || s.mentionAt(i+4) >= 0 {
			continue
		}
		if p := s.lower(i - 1); p != "against" && p != "on" && p != "sanctioned" && p != "listed" && p != "designated" && p != "targeted" {
			continue // only the object of a measure is a listed group
		}
		e := a.get(s.span(i, i+5), "GROUP")
		a.addMention(s, i, i+5, e, mActor)
	}
	// "four members of China's military", "members of the Chinese military"
	for i := 0; i+2 < len(s.toks); i++ {
		if !servingNouns[s.toks[i+1].lower] || s.toks[i+2].lower != "of" {
			continue
		}
		start := i
		if s.toks[i+1].lower != "members" && !isNumber(s.toks[i].lower) && !numberWords[s.toks[i].lower] {
			continue // "officers of the MOIS" alone names no group; "four officers of" does
		}
		if !(isNumber(s.toks[i].lower) || quantifiers[s.toks[i].lower]) {
			if s.mentionAt(i) >= 0 {
				continue
			}
			start = i + 1 // no quantifier: the group starts at "members"
		}
		j := i + 3
		if s.lower(j) == "the" {
			j++
		}
		mi := s.mentionAt(j)
		if mi < 0 && (s.lower(j) == "unit" || s.lower(j) == "group") && s.lower(j-1) == "the" && (isNumber(s.toks[i].lower) || numberWords[s.toks[i].lower]) {
			// "Three officers of the unit": the unit the article named before
			if u := a.earlierNamedGroup(s); u != nil {
				phrase := s.span(start, j+1)
				e := a.get(canonicalGroup(phrase), "GROUP")
				if e.affil == nil {
					e.affil, e.country = u, u.country
				}
				a.addMention(s, start, j+1, e, mActor)
				continue
			}
		}
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].start != j || s.ments[mi].ent.typ == "GROUP" {
			continue
		}
		m := s.ments[mi]
		if noun := s.lower(start - 2); s.lower(start-1) == "," && personNouns[noun] {
			if d := s.lower(start - 3); d == "the" || d == "these" || d == "those" {
				// "The defendants, members of the RGB,": an apposition to the group before
				a.addMention(s, start, m.end, nil, mRoleNoun)
				s.ments[len(s.ments)-1].role = "group:" + noun
				continue
			}
		}
		phrase := s.span(start, m.end)
		e := a.countedGroup(s.toks[i].lower, s.toks[i+1].lower)
		if e == nil {
			e = a.get(canonicalGroup(phrase), "GROUP")
		} else {
			e.addAlias(phrase) // "six GRU officers" ... "six officers of Russia's military intelligence"
		}
		if e.affil == nil {
			e.affil, e.country = m.ent, m.ent.country
		}
		a.addMention(s, start, m.end, e, mActor)
	}
}

// countedGroup returns a group the article already counted with the same
// number and noun ("six GRU officers" for "six officers of the GRU"), or nil.
func (a *analysis) countedGroup(count, noun string) *entity {
	if noun == "members" {
		return nil
	}
	for _, g := range a.order {
		f := strings.Fields(strings.ToLower(g.name))
		if g.typ == "GROUP" && len(f) >= 2 && f[0] == count && (f[len(f)-1] == noun || len(f) > 2 && f[1] == noun && f[2] == "of") {
			return g
		}
	}
	return nil
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	digits := 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			digits++
		} else if r != ',' {
			return false
		}
	}
	return digits > 0
}

// canonicalGroup drops articles and hedges: "four alleged Chinese hackers" → "four Chinese hackers".
func canonicalGroup(p string) string {
	for _, h := range []string{" widely believed to be ", " believed to be ", " thought to be ", " said to be ", " suspected to be ", " reportedly ", " allegedly "} {
		if strings.Contains(p, h) {
			p = strings.Replace(p, h, " ", 1)
		}
	}
	f := strings.Fields(p)
	out := f[:0:0]
	for i, w := range f {
		lw := strings.ToLower(w)
		if (i == 0 && (lw == "a" || lw == "an" || lw == "the")) || lw == "alleged" || lw == "suspected" || lw == "so-called" {
			continue
		}
		if i == 0 {
			w = lw
			if isCap(f[i]) && !isAllCaps(f[i]) && len(f) > 1 && (quantifiers[lw] || isNumber(lw)) {
				w = lw
			} else if !quantifiers[lw] {
				w = f[i]
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// quantified reports whether a number or quantifier precedes token i within
// a few modifiers ("seven alleged Russian").
func quantified(s *sentInfo, i int) bool {
	for j := i - 1; j >= 0 && i-j <= 6; j-- {
		w := s.toks[j].lower
		if isNumber(w) || (quantifiers[w] && w != "a" && w != "an" && w != "the" && w != "other") {
			return true
		}
		if !(w == "alleged" || w == "suspected" || w == "military" || w == "intelligence" || isCap(s.toks[j].text)) {
			return false
		}
	}
	return false
}

// isCodeName reports a threat actor's code name token: "APT31", "UNC2452", "TA505".
func isCodeName(w string) bool {
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			if digits > 0 {
				return false
			}
			letters++
		case r >= '0' && r <= '9':
			digits++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 4 && digits >= 1
}

// codeNameSuffixes end the two-word names vendors give threat actors.
var codeNameSuffixes = map[string]bool{
	"Typhoon": true, "Panda": true, "Bear": true, "Blizzard": true, "Sandstorm": true, "Sleet": true, "Tempest": true,
	"Kitten": true, "Chollima": true, "Spider": true, "Tsunami": true, "Hail": true, "Dust": true, "Rain": true,
}

// codeNameEnd returns the end of a code name starting at i, or i.
func codeNameEnd(s *sentInfo, i int) int {
	if i >= len(s.toks) {
		return i
	}
	if isCodeName(s.toks[i].text) {
		return i + 1
	}
	if i+1 < len(s.toks) && isCap(s.toks[i].text) && codeNameSuffixes[s.toks[i+1].text] && !nameStop[s.toks[i].text] {
		return i + 2
	}
	if s.toks[i].text == "Unit" && i+1 < len(s.toks) && isNumber(s.toks[i+1].text) && len(s.toks[i+1].text) >= 4 {
		return i + 2 // a military unit's number: "Unit 26165", "Unit 61398"
	}
	if (camelCase(s.toks[i].text) || isCap(s.toks[i].text) && strings.Contains(s.toks[i].text, "_")) && i > 0 {
		// "a group known as MirrorFace", "dubbed BlackTech", "the group DarkHotel",
		// "which calls itself Cyber_Horus"
		switch p := s.toks[i-1].lower; {
		case p == "as" || p == "dubbed" || p == "codenamed" || p == "group" || p == "named" || p == "called" || p == "calls" || p == "call" || p == "nicknamed" || p == "itself" || p == "themselves":
			return i + 1
		}
	}
	switch s.toks[i].text {
	case "Sandworm", "Turla", "Lazarus", "Kimsuky", "Hafnium", "Gamaredon", "Fancy", "Cozy":
		if i+1 < len(s.toks) && (s.toks[i+1].text == "Group" || s.toks[i+1].text == "Bear" || s.toks[i+1].text == "Team") {
			return i + 2
		}
		return i + 1
	}
	return i
}

// camelCase reports a single token with a capital inside it: "MirrorFace".
func camelCase(w string) bool {
	if len(w) < 4 || !isCap(w) || isAllCaps(w) {
		return false
	}
	for i, r := range w {
		if i > 0 && r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// possessedStateNoun are state nouns that name the state after a possessive
// too: "North Korea's state media", "Iran's government".
var possessedStateNoun = map[string]bool{
	"government": true, "leadership": true, "authorities": true, "state media": true, "state news agency": true,
	"state television": true, "state TV": true, "state-run media": true, "official media": true,
	"military authorities": true, "military government": true,
}

// orderedOut reads an order to leave that names who must go between its
// words as an expulsion ("ordered two Russian diplomats to leave the
// country", "told the ambassador to leave within 72 hours"), and a closure
// of another state's mission ("close the Belarusian consulate") as a
// measure. It matches the verb alone, so the ordered stay its object.
func (a *analysis) orderedOut(toks []token, i int) (item, bool) {
	switch toks[i].lower {
	case "ordered", "orders", "order", "ordering", "told", "tells", "gave", "gives", "giving":
	case "close", "closed", "closes", "closing", "shut", "shuts", "shutting":
		// "would close the Belarusian consulate in Bialystok": a closure of
		// the other side's mission
		for k := i + 1; k < len(toks) && k-i <= 4; k++ {
			switch toks[k].lower {
			case "consulate", "consulates", "embassy", "embassies", "consulate-general":
				if hs := a.ix.phrases["closed the embassy"]; len(hs) > 0 && k > i+1 {
					return item{start: i, end: i + 1, hits: hs}, true
				}
				return item{}, false
			case ".", ",", ";", "its", "their", "our", "his", "her":
				return item{}, false
			}
		}
		return item{}, false
	default:
		return item{}, false
	}
	for k := i + 1; k+1 < len(toks) && k-i <= 8; k++ {
		switch toks[k].lower {
		case ".", ";", ":", "said", "says", "and", "but":
			return item{}, false
		case "to":
			if w := toks[k+1].lower; w == "leave" || w == "depart" {
				if k == i+1 {
					return item{}, false // "ordered to leave": the phrase itself
				}
				hs := a.ix.phrases["ordered to leave"]
				if len(hs) == 0 {
					return item{}, false
				}
				return item{start: i, end: i + 1, hits: hs}, true
			}
		}
	}
	return item{}, false
}

// quotedPhrase matches a multiword trigger phrase starting at token i whose
// words a quotation mark interrupts ("would \"respond"), longest first. Only
// trigger phrases match this way, never names.
func (a *analysis) quotedPhrase(toks []token, i, ml int) (item, bool) {
	var words []string
	var ends []int
	for k := i; k < len(toks) && len(words) < ml; k++ {
		if toks[k].text == `"` {
			continue
		}
		words = append(words, toks[k].lower)
		ends = append(ends, k+1)
	}
	if len(ends) == 0 || ends[len(ends)-1]-i == len(words) {
		return item{}, false // no quotation mark inside: the plain scan decided
	}
	for n := len(words); n >= 2; n-- {
		if ends[n-1]-i == n {
			return item{}, false // no quotation mark inside the first n words
		}
		var keep []hit
		for _, h := range a.ix.phrases[strings.Join(words[:n], " ")] {
			if h.kind == hitPhrase || h.kind == hitAttack || h.kind == hitVerb || h.kind == hitNoun {
				keep = append(keep, h)
			}
		}
		if len(keep) > 0 {
			return item{start: i, end: ends[n-1], hits: keep}, true
		}
	}
	return item{}, false
}

// listNouns count the listed in a sanctions announcement.
var listNouns = map[string]bool{
	"individuals": true, "individual": true, "persons": true, "person": true, "entities": true, "entity": true,
	"companies": true, "company": true, "organisations": true, "organizations": true,
}

// earlierNamedGroup is the latest code-named group ("Unit 74455",
// "Sandworm") mentioned in a sentence before s.
func (a *analysis) earlierNamedGroup(s *sentInfo) *entity {
	var last *entity
	for si := range a.sents {
		p := &a.sents[si]
		if p == s {
			break
		}
		for _, m := range p.ments {
			if m.kind == mActor && m.ent != nil && m.ent.typ == "GROUP" && namedGroup(m.ent) {
				last = m.ent
			}
		}
	}
	return last
}

// sectorWords say what trade a company is in, between its state and the noun:
// "Chinese technology companies", "Iranian shipping firms".
var sectorWords = map[string]bool{
	"technology": true, "tech": true, "cybersecurity": true, "security": true, "software": true, "telecom": true,
	"telecommunications": true, "shipping": true, "defence": true, "defense": true, "internet": true, "hosting": true,
	"surveillance": true, "state-owned": true, "semiconductor": true, "chip": true, "drone": true,
}

// memberNouns head a group of people named by the body they serve: "four
// members of China's military", "two officers of Iran's intelligence ministry".
var servingNouns = map[string]bool{"members": true, "officers": true, "agents": true, "operatives": true, "employees": true, "officials": true}

// rulersBefore name those who govern a capital after "in": "the authorities
// in Minsk", "the regime in Tehran", "the leadership in Beijing".
var rulersBefore = map[string]bool{
	"authorities": true, "regime": true, "leadership": true, "government": true, "rulers": true, "junta": true,
}
