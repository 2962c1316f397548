package extract

import (
	"strconv"
	"strings"
)

// stmt is one statement found in a sentence.
type stmt struct {
	speaker, target, incident *entity
	kind                      string
	sent                      int
	conf                      float64
}

// blockers are prepositions after which a mention is not a clause subject.
var blockers = map[string]bool{
	"for": true, "in": true, "at": true, "against": true, "on": true, "to": true, "into": true, "with": true, "about": true,
	"than": true, "over": true, "toward": true, "towards": true, "under": true, "including": true, "like": true, "between": true,
	"upon": true, "across": true, "within": true, "among": true, "via": true, "through": true, "after": true, "before": true,
}

// conjunctions also work as prepositions: "after the US expelled ...".
var conjunctions = map[string]bool{"after": true, "before": true, "since": true, "until": true, "as": true, "while": true, "when": true}

var auxiliaries = map[string]bool{"was": true, "were": true, "been": true, "be": true, "is": true, "are": true, "being": true, "get": true, "got": true}

var claimVerbs = map[string]bool{
	"claimed": true, "claims": true, "claim": true, "said": true, "says": true, "alleged": true, "alleging": true, "alleges": true,
	"accused": true, "accusing": true, "suggested": true, "believe": true, "believes": true, "believed": true, "warned": true,
	"concluded": true, "determined": true, "assessed": true, "reported": true, "insisted": true, "added": true, "announced": true,
}

var pastSanction = map[string]bool{"announced": true, "imposed": true, "introduced": true, "slapped": true, "unveiled": true, "levied": true, "adopted": true}

var governingSanction = map[string]bool{
	"responded": true, "responds": true, "retaliated": true, "trigger": true, "face": true, "faces": true,
	"announced": true, "announces": true, "announce": true, "imposed": true, "imposes": true, "impose": true, "introduced": true,
	"unveiled": true, "levied": true, "slapped": true, "expanded": true, "extended": true, "placed": true, "issued": true, "take": true,
	"took": true, "takes": true, "taking": true, "adopted": true, "will": true, "imposing": true, "announcing": true, "introducing": true,
}

// threatGoverning verbs govern a threatened measure: "promised a tough response".
var threatGoverning = map[string]bool{
	"met": true, "promised": true, "promises": true, "vowed": true, "vows": true, "pledged": true, "pledges": true, "threatened": true, "threatens": true,
	"trigger": true, "provoke": true, "prompt": true,
}

var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "eleven": true, "twelve": true, "several": true, "dozens": true, "some": true, "all": true, "one": true,
}

// embeddedSubject words after a mention show it is the subject of another clause.
var embeddedSubject = map[string]bool{
	"have": true, "has": true, "had": true, "was": true, "were": true, "is": true, "are": true, "said": true, "says": true,
	"described": true, "claimed": true, "will": true, "would": true, "could": true, "did": true, "does": true,
}

// stateEchoPenalty lowers a statement coded for a state when an official of
// that state is reported as saying it.
const stateEchoPenalty = 0.3

// stanceEchoPenalty lowers it further when the official states the side's
// stance in the present ("spokesman X said China firmly opposes ...", "said
// Seoul would respond"): the official's words are the statement. An act
// reported in the perfect ("said the ministry has summoned the envoy", "said
// China has repeatedly rejected") is the side's own act, and a headline names
// no official, so both keep the weaker penalty; so does a threat.
const stanceEchoPenalty = 0.45

// echoPenalty is the penalty for the reading of sentence s that codes the
// statement for sp rather than the official reporting it.
func echoPenalty(s *sentInfo, sp *entity, kind string) float64 {
	if s.title || kind == "THREATENS" {
		// "China will take countermeasures, the ministry said": a threat is
		// the state's own act whoever announces it
		return stateEchoPenalty
	}
	for _, m := range s.ments {
		if m.ent != sp {
			continue
		}
		q := m.end
		for q < len(s.toks) && (strings.HasSuffix(s.toks[q].lower, "ly") || s.toks[q].lower == "also") {
			q++
		}
		if w := s.lower(q); w == "has" || w == "have" || w == "had" {
			return stateEchoPenalty
		}
	}
	return stanceEchoPenalty
}

type trig struct {
	it   item
	h    hit
	kind string
	noun bool
}

// triggers lists the sentence's trigger items outside actor mentions.
func (a *analysis) triggers(s *sentInfo) []trig {
	var out []trig
	for _, it := range s.items {
		if mi := s.mentionAt(it.start); mi >= 0 && s.ments[mi].kind != mDemonym {
			continue
		}
		var verb, noun, phrase *hit
		for k := range it.hits {
			h := &it.hits[k]
			switch h.kind {
			case hitVerb:
				verb = h
			case hitNoun:
				noun = h
			case hitPhrase:
				phrase = h
			}
		}
		switch {
		case phrase != nil:
			out = append(out, trig{it: it, h: *phrase, kind: a.lex.Triggers[phrase.ref].Kind, noun: nounPhrase(phrase.word)})
		case verb != nil && noun != nil:
			if a.nounContext(s, it.start) {
				out = append(out, trig{it: it, h: *noun, kind: a.lex.Triggers[noun.ref].Kind, noun: true})
			} else {
				out = append(out, trig{it: it, h: *verb, kind: a.lex.Triggers[verb.ref].Kind})
			}
		case verb != nil:
			out = append(out, trig{it: it, h: *verb, kind: a.lex.Triggers[verb.ref].Kind})
		case noun != nil:
			out = append(out, trig{it: it, h: *noun, kind: a.lex.Triggers[noun.ref].Kind, noun: true})
		}
		if n := len(out); n > 0 && out[n-1].it.start == it.start && out[n-1].kind == "SANCTIONS" && judgedMeasure[s.lower(it.start-1)] {
			out = out[:n-1] // "does not recognise unilateral sanctions": judged, not imposed
		}
	}
	return out
}

// judgedMeasure are the words before a measure noun by which its target
// judges it: "unilateral sanctions", "illegal restrictions".
var judgedMeasure = map[string]bool{"unilateral": true, "illegal": true, "unlawful": true, "illegitimate": true}

// nounContext reports whether an ambiguous word at i reads as a noun ("the charges", "US sanctions").
func (a *analysis) nounContext(s *sentInfo, i int) bool {
	w := s.toks[i].lower
	if n := s.lower(i + 1); auxiliaries[n] || n == "have" || n == "has" {
		return true // "Sanctions were imposed"
	}
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
		return false // "by sanctioning", "the US sanctioned"
	}
	// a verb takes its object right away: "US sanctions Russia", "charges Chinese officers"
	if mi := s.mentionAt(i + 1); mi >= 0 && s.ments[mi].start == i+1 && s.ments[mi].ent != nil {
		return false
	}
	j := i + 1
	if q := s.lower(j); q == "the" || q == "a" || q == "an" || numberWords[q] || isNumber(q) {
		j++
	}
	if mi := s.mentionAt(j); mi >= 0 && s.ments[mi].start == j && s.ments[mi].ent != nil {
		return false
	}
	if i == 0 {
		return false
	}
	p := s.toks[i-1].lower
	if blockers[p] || p == "by" || p == "from" {
		return true
	}
	switch p {
	case "the", "a", "an", "'s", "'", "new", "of", "these", "such", "its", "their", "his", "her", "and", "fresh", "more", "further", "economic", "any", "against", "with", "over", "face", "faces", "imposed", "impose", "imposing", "announced", "criminal", "additional", "sweeping", "tough", "harsh",
		"considering", "considers", "consider", "mulling", "weighing", "discussing", "discussed", "proposed", "proposing", "drafting", "preparing", "prepared", "seeking", "sought", "possible", "potential":
		return true
	}
	if mi := s.mentionAt(i - 1); mi >= 0 {
		m := s.ments[mi]
		return m.kind == mDemonym || (m.ent != nil && m.ent.typ == "STATE" && !isCap(s.toks[i].text) && m.end == i && s.toks[m.start].lower != "it")
	}
	return false
}

// findStatements is stages 5 and 6.
func (a *analysis) findStatements() {
	a.jointSubjects()
	for si := range a.sents {
		s := &a.sents[si]
		ts := a.triggers(s)
		for _, t := range ts {
			if t.noun {
				a.nominal(si, s, t, ts)
			} else {
				a.verbal(si, s, t)
			}
		}
		a.evaluativeDenial(si, s, ts)
		a.warnings(si, s)
		a.reportedWrongs(si, s)
		a.groupDeeds(si, s)
		a.nominalWrongs(si, s)
		a.holdAccountable(si, s)
		a.badConduct(si, s)
		a.calledNames(si, s)
		a.behindClaims(si, s)
		a.threatenedSubjects(si, s)
		a.drawnCriticism(si, s)
		a.mustStop(si, s)
		a.stopSmears(si, s)
		a.listedOn(si, s)
		a.designationList(si, s)
		a.receivedFrom(si, s)
		a.actingFor(si, s)
		a.responsibleApposition(si, s)
		a.prejudged(si, s)
		a.tracedTo(si, s)
		a.linkedTo(si, s)
		a.namedResponsible(si, s)
		a.insteadOfBlaming(si, s)
		a.sentAgents(si, s)
	}
	a.nameLaterSpokespeople()
	a.nameLaterOfficeHolders()
	a.sameSentenceAccusers()
	a.sameSentenceDenials()
	a.headlineDenials()
	a.deniedCampaigns()
	a.precisionFilters()
}

// headlineDenials gives a headline's denial with no accuser the side the
// article's first accusation against the denier comes from: "Congo says
// Rwanda used spyware; Kigali calls claim baseless", the body naming who
// accused.
func (a *analysis) headlineDenials() {
	for i, st := range a.stmts {
		if st.kind != "DENIES" || st.target != nil || !a.sents[st.sent].title {
			continue
		}
		den := st.speaker.top()
		for _, o := range a.stmts {
			if o.sent == st.sent || (o.kind != "ACCUSES" && o.kind != "INDICTS") || o.target == nil || o.target.top() != den {
				continue
			}
			if sp := o.speaker.top(); sp != den && sp.typ != "PERSON" {
				a.stmts[i].target = sp
				break
			}
		}
	}
}

// sameSentenceDenials gives a denial with no accuser the accuser its own
// sentence names, found by a later reading: "Taiwan says Chinese hackers
// stepped up attacks; Beijing dismisses claims".
func (a *analysis) sameSentenceDenials() {
	for i, st := range a.stmts {
		if st.kind != "DENIES" || st.target != nil {
			continue
		}
		var acc *entity
		for _, o := range a.stmts {
			if o.sent != st.sent || (o.kind != "ACCUSES" && o.kind != "INDICTS") || o.target == nil || o.target.top() != st.speaker.top() || o.speaker.top() == st.speaker.top() {
				continue
			}
			if acc != nil && acc != o.speaker.top() {
				acc = nil
				break
			}
			acc = o.speaker.top()
		}
		if acc != nil {
			a.stmts[i].target = acc
		}
	}
}

// documentNouns are texts whose author speaks through them.
var documentNouns = map[string]bool{
	"statement": true, "report": true, "advisory": true, "communique": true, "communiqué": true, "assessment": true,
	"letter": true, "note": true, "declaration": true, "indictment": true,
}

// actorMention reports whether mention k is a resolved actor.
func (s *sentInfo) actorMention(k int) bool {
	m := s.ments[k]
	return m.ent != nil && (m.kind == mActor || m.kind == mDemonym)
}

// subject finds the clause subject left of token i: the nearest actor mention
// that no preposition governs and that is not a possessor.
func (a *analysis) subject(s *sentInfo, i int) (int, bool) {
	if k := s.participleSpeaker(i); k >= 0 {
		return k, true
	}
	p0 := i - 1
	for p0 >= 0 && (s.toks[p0].text == "'" || s.toks[p0].text == `"` || strings.HasSuffix(s.toks[p0].lower, "ly") || s.toks[p0].lower == "also" || auxiliaries[s.toks[p0].lower] || s.toks[p0].lower == "has" || s.toks[p0].lower == "have" || s.toks[p0].lower == "had" && s.lower(p0-1) == "and") {
		p0-- // "said it had identified four suspects and had registered a case"
	}
	if p0 >= 1 && (s.toks[p0].lower == "them" || s.toks[p0].lower == "him" || s.toks[p0].lower == "her" || s.toks[p0].lower == "it") {
		p0 -= 2 // "and declared them persona non grata"
	}
	if k := s.documentAuthor(p0); k >= 0 {
		return k, true
	}
	if k := s.relativeHead(p0); k >= 0 {
		return k, true
	}
	coord := p0 >= 0 && (s.toks[p0].lower == "and" || s.toks[p0].lower == "but" || s.toks[p0].lower == "to")
	if coord {
		// "X accused Y of ... and summoned ...": the first clause's subject
		if e := a.sentenceSubject(s, i); e != nil {
			for k, m := range s.ments {
				if m.ent == e || (m.kind == mWe && e == s.attribution) {
					return k, true
				}
			}
		}
	}
	dl := datelineEnd(s)
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := s.ments[k]
		if m.end > i {
			continue
		}
		if m.end < dl {
			break // "Tehran, IRNA - The spokesman ...": the place and the wire are no subject
		}
		if m.kind == mWe {
			if s.attribution != nil {
				return k, true
			}
			continue
		}
		if m.ent == nil || m.kind == mDemonym {
			continue
		}
		if m.ent == s.attribution && s.attrTok > m.start && s.attrTok < i {
			continue // "The US 'abused...,' Wang said, and 'imposed sanctions'"
		}
		p := m.start - 1
		for p >= 0 && (s.toks[p].lower == "the" || s.toks[p].lower == "a") {
			p--
		}
		if c := s.coordinated(k, -1); len(c) > 1 {
			// "its partners in Britain, Canada and New Zealand": the list's head decides
			h := s.ments[c[len(c)-1]]
			hp := h.start - 1
			for hp >= 0 && (s.toks[hp].lower == "the" || s.toks[hp].lower == "a") {
				hp--
			}
			if hp >= 0 && blockers[s.toks[hp].lower] && !roleHolder(s, hp) && !(m.end == p0+1 && conjunctions[s.toks[hp].lower]) {
				continue // "after Germany and Poland blamed": the clause's own coordinated subject
			}
		}
		if p >= 0 && (blockers[s.toks[p].lower] && !roleHolder(s, p) || coord && (s.toks[p].lower == "from" || s.toks[p].lower == "of" || s.toks[p].lower == "by")) {
			// "days after the US ousted": a conjunction's clause has its own subject
			if !(m.end == p0+1 && conjunctions[s.toks[p].lower]) {
				continue
			}
		}
		if w := s.lower(m.end); w == "'s" || w == "'" {
			// "France's foreign minister summoned": an unnamed holder speaks for the state
			if ri := s.roleItemStarting(m.end + 1); ri >= 0 && s.items[ri].end == p0+1 {
				return k, true
			}
			if documentNouns[s.lower(m.end+1)] && m.end+2 == p0+1 {
				return k, true // "the ministry's statement blamed": its author
			}
			continue
		}
		if m.end < len(s.toks) && m.end < i && s.ments[k].ent.typ == "STATE" && !isCap(s.toks[m.end].text) && isNounish(s.toks[m.end].lower) {
			continue // "US sanctions", "US claims"
		}
		if s.lower(m.end) == "," && m.end == p0 {
			// "the National Cyber Security Centre, part of GCHQ, said": the apposition's head
			if q := partOfStart(s, m.start); q >= 2 && s.lower(q-1) == "," {
				if mj := s.mentionAt(q - 2); mj >= 0 && s.ments[mj].kind == mActor && s.ments[mj].ent != nil && s.ments[mj].end == q-1 {
					return mj, true
				}
			}
		}
		return k, true
	}
	return -1, false
}

// relativeHead returns the mention a relative clause closing with the comma
// at p hangs on ("Beijing, which claims Taiwan as its own territory, has
// denied ..."), or -1: the clause's own actors are not the subject.
func (s *sentInfo) relativeHead(p int) int {
	if p < 0 || s.toks[p].text != "," {
		return -1
	}
	for q := p - 1; q > 0 && p-q <= 16; q-- {
		if w := s.toks[q].lower; w != "," && w != ";" && w != `"` {
			continue
		}
		if w := s.lower(q + 1); w != "which" && w != "who" {
			return -1
		}
		if mi := s.mentionAt(q - 1); mi >= 0 && s.ments[mi].end == q && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			return mi
		}
		return -1
	}
	return -1
}

// authorVerbs introduce a document's author in an apposition.
var authorVerbs = map[string]bool{"written": true, "issued": true, "published": true, "released": true, "prepared": true, "compiled": true, "drafted": true, "signed": true, "authored": true}

// documentAuthor returns the author's mention when the subject before the
// comma at p is a document with an authoring apposition ("The advisory,
// written by the Australian Signals Directorate with agencies from ...,
// said"), or -1: the author speaks, not the last actor of the apposition.
func (s *sentInfo) documentAuthor(p int) int {
	if s.lower(p) != "," {
		return -1
	}
	for b := p - 1; b >= 2 && p-b <= 30; b-- {
		if s.toks[b].lower != "by" || !authorVerbs[s.lower(b-1)] || s.lower(b-2) != "," {
			continue
		}
		k := b + 1
		if s.lower(k) == "the" {
			k++
		}
		if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].start == k {
			return mi
		}
		return -1
	}
	return -1
}

// participleSpeaker returns the mention of the reported speaker when the
// trigger at i is a participle right after the attribution ("...," the G7
// said, urging Beijing to ...; ..., said the minister, calling on ...), or -1:
// the quote before may name other actors, but the one speaking urges.
func (s *sentInfo) participleSpeaker(i int) int {
	if s.attribution == nil || s.attrTok < 0 || s.attrTok >= i || !strings.HasSuffix(s.lower(i), "ing") || s.lower(i-1) != "," {
		return -1
	}
	k := -1
	for j, m := range s.ments {
		if m.ent == s.attribution && m.kind == mActor && m.end <= i {
			k = j
		}
	}
	if k < 0 {
		return -1
	}
	if s.attrTok == i-2 || s.ments[k].start > s.attrTok && s.ments[k].end == i-1 {
		return k
	}
	return -1
}

func isNounish(w string) bool {
	switch w {
	case "claims", "accusations", "allegations", "sanctions", "accusation", "allegation", "officials", "media", "companies", "entities", "diplomats", "people", "infrastructure", "citizens", "networks", "systems", "agencies", "firms":
		return true
	}
	return false
}

func (a *analysis) speakerOf(s *sentInfo, k int) *entity {
	m := s.ments[k]
	if m.kind == mWe {
		return s.attribution
	}
	return m.ent
}

// coordinated expands mention k over a list: "Washington and London", "New
// Zealand, Australia, Japan, the United Kingdom".
func (s *sentInfo) coordinated(k int, dir int) []int {
	out := []int{k}
	cur := k
	for {
		nk := cur + dir
		if nk < 0 || nk >= len(s.ments) {
			break
		}
		var lo, hi int
		if dir < 0 {
			lo, hi = s.ments[nk].end, s.ments[cur].start
		} else {
			lo, hi = s.ments[cur].end, s.ments[nk].start
		}
		ok := hi-lo >= 1 && hi-lo <= 5
		for t := lo; t < hi && ok; t++ {
			switch s.toks[t].lower {
			case ",", "and", "-", "the", "as", "well", "or", "its", "their":
			default:
				// an age between listed persons: "Ahmed Omer, 22, and Alaa Omer"
				ok = age(s, t) && s.ments[cur].ent != nil && s.ments[cur].ent.typ == "PERSON"
			}
		}
		m := s.ments[nk]
		if m.start == 0 && isAllCaps(s.toks[0].text) && (s.lower(m.end) == "-" || s.lower(m.end) == ",") {
			break // a dateline ("JERUSALEM - Israel's ...") is no coordinated actor
		}
		if d := datelineEnd(s); d > 0 && (m.end <= d) != (s.ments[cur].end <= d) {
			break // "Tehran, IRNA - Iran's foreign ministry": the dateline is no list
		}
		if !ok || m.ent == nil || m.kind != mActor || nonState(m.ent) != (s.ments[k].ent != nil && nonState(s.ments[k].ent)) {
			break
		}
		if dir > 0 && s.lower(lo) == "," && s.lower(lo+1) == "and" && startsClause(s, nk) {
			break // "condemned Iran, and Germany and France called on": a new clause
		}
		out = append(out, nk)
		cur = nk
	}
	return out
}

// object finds the first actor right of token i that is not the speaker,
// stopping at a clause break.
func (a *analysis) object(s *sentInfo, i int, speaker *entity, limit int) (int, bool) {
	return a.objectOf(s, i, speaker, limit, false)
}

// objectOf is object; accusing keeps subjects of a reported clause ("alleged
// that APT31 was behind").
func (a *analysis) objectOf(s *sentInfo, i int, speaker *entity, limit int, accusing bool) (int, bool) {
	for k, m := range s.ments {
		if m.start < i || m.ent == nil || m.kind == mWe {
			continue
		}
		if m.start-i > limit {
			return -1, false
		}
		if a.breakBetween(s, i, m.start) || newClause(s, i, m.start) || reasonBetween(s, i, m.start) || unnamedAccused(s, i, m.start) || clauseSubject(s, i, m) {
			return -1, false
		}
		if m.ent == speaker || (speaker != nil && m.ent.top() == speaker.top() && m.ent.typ == "STATE") {
			continue
		}
		if m.kind == mDemonym {
			// "ousted Russian staff": a demonym right after the verb names the target's state
			j := i
			if w := s.lower(j); w == "on" || w == "against" {
				j++ // "imposed sanctions on a North Korean company"
			}
			if w := s.lower(j); w == "the" || w == "a" || w == "an" || numberWords[w] || isNumber(w) {
				j++
			}
			if m.start == j {
				if g := s.loneForeigner(k); g >= 0 {
					return g, true // "sanctioned a Russian man": the man, not his state
				}
				return k, true
			}
			continue
		}
		if m.ent.typ != "STATE" && (incidentHeads[s.lower(m.end)] || (m.end+1 < len(s.toks) && isCap(s.toks[m.end].text) && incidentHeads[s.lower(m.end+1)])) {
			continue // "the Microsoft Exchange hack": the victim's name, not a target
		}
		if (embeddedSubject[s.lower(m.end)] && !accusing) || m.ent == s.attribution {
			continue // "condemned what it and its allies have called"; the reporting source
		}
		p := s.lower(m.start - 1)
		if p == "the" {
			p = s.lower(m.start - 2)
		}
		if p == "in" && !rulersBefore[s.lower(m.start-2)] || p == "during" || p == "since" || (p == "at" && m.ent.typ == "ORGANIZATION") {
			continue // a place, not a target; "the authorities in Minsk" are its rulers
		}
		if partnerBefore(s, m.start) {
			continue // "in cooperation with Washington and Seoul": a partner, not a target
		}
		if s.lower(m.end) == "'s" && s.lower(m.end+2) == "," {
			if pm := s.mentionAt(m.end + 3); pm >= 0 && s.ments[pm].ent != nil && s.ments[pm].ent.typ == "PERSON" {
				continue // "the company's administrators, Alexander Mishin and ...": the persons named
			}
		}
		if n := s.namedAs(m.end); n >= 0 && !namedGroup(m.ent) {
			return n, true // "a GRU unit, known as APT28": the name, not the description
		}
		if m.ent.typ == "STATE" && commaBetween(s, i, m.start) {
			// "charged a group of foreigners, most of them from Ukraine and Belarus": an origin
			c := s.coordinated(k, -1)
			h := s.ments[c[len(c)-1]].start
			if s.lower(h-1) == "the" {
				h--
			}
			if s.lower(h-1) == "from" {
				continue
			}
		}
		return k, true
	}
	return -1, false
}

// loneForeigners are singular nouns for one person of a state.
var loneForeigners = map[string]bool{"man": true, "woman": true, "national": true, "citizen": true, "businessman": true, "businesswoman": true}

// loneForeigner returns the group mention of one person that the demonym
// mention k opens ("a Russian man", "a Chinese national"), or -1.
func (s *sentInfo) loneForeigner(k int) int {
	m := s.ments[k]
	if w := s.lower(m.start - 1); w != "a" && w != "an" {
		return -1
	}
	for g, o := range s.ments {
		if g != k && o.start == m.start && o.kind == mActor && o.ent != nil && o.ent.typ == "GROUP" && loneForeigners[s.lower(o.end-1)] {
			return g
		}
	}
	return -1
}

// loneForeignerName reports a group name of one person of a state: "Russian man".
func loneForeignerName(name string) bool {
	f := strings.Fields(name)
	return len(f) == 2 && isCap(f[0]) && loneForeigners[f[1]]
}

// unnamedAccused reports an unnamed object the words between i and j
// describe as accused: in "to sanction a logistics company accused of
// shipping parts to Russia's military" Russia is in the charge, not the target.
func unnamedAccused(s *sentInfo, i, j int) bool {
	for t := i + 2; t+1 < j; t++ {
		switch s.toks[t].lower {
		case "accused", "suspected", "alleged":
			if s.lower(t+1) == "of" && s.mentionAt(t-1) < 0 && isWordRune([]rune(s.toks[t-1].lower)[0]) && !isCap(s.toks[t-1].text) {
				return true
			}
		}
	}
	return false
}

func (a *analysis) breakBetween(s *sentInfo, i, j int) bool {
	for t := i; t < j; t++ {
		w := s.toks[t].lower
		if w == ";" || w == ":" || (speechVerbs[w] && t > i) {
			return true
		}
	}
	return false
}

// personList returns the persons of a list starting at mention mi, over
// appositions: "Ruslan Peretyatko, an FSB officer, and Andrey Korinets".
func (s *sentInfo) personList(mi int) []*entity {
	var out []*entity
	for {
		c := s.coordinated(mi, 1)
		for _, k := range c {
			out = append(out, s.ments[k].ent)
		}
		e := s.ments[c[len(c)-1]].end
		if s.lower(e) != "," || (s.lower(e+1) != "a" && s.lower(e+1) != "an") {
			return out
		}
		next := -1
		for j := e + 2; j < len(s.toks) && j-e <= 10; j++ {
			if s.toks[j].text == "," {
				k := j + 1
				if s.lower(k) == "and" {
					k++
				}
				if m := s.mentionAt(k); m >= 0 && s.ments[m].ent != nil && s.ments[m].ent.typ == "PERSON" && s.ments[m].start == k {
					next = m
				}
				break
			}
		}
		if next < 0 {
			return out
		}
		mi = next
	}
}

// countedPeople reports a group named by a count of people ("three Iranian
// nationals", "four individuals"): the ones a measure lists, not their state.
func countedPeople(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 || !(numberWords[f[0]] || isNumber(f[0])) {
		return false
	}
	if n, err := strconv.Atoi(f[0]); err == nil && n > 20 {
		return false // "500 Americans" banned: a population, answered by its state
	}
	switch f[len(f)-1] {
	case "nationals", "individuals", "men", "women", "people", "persons", "citizens", "executives", "employees", "engineers", "researchers", "contractors":
		return true
	}
	last := strings.Fields(name)[len(f)-1]
	return len(f) == 2 && isCap(last) // "two Russians", "three Iranians"
}

func (a *analysis) add(si int, kind string, sp, tg *entity, conf float64) {
	if sp == nil || sp == tg || sp.typ == "GROUP" && !(kind == "THREATENS" && namedGroup(sp) && tg != nil && tg.typ == "STATE") || sp.typ == "INCIDENT" {
		return // a group speaks only when a named gang threatens a state
	}
	if tg != nil && kind != "DENIES" && sp.typ == "STATE" && tg.top() == sp {
		return
	}
	if tg != nil && (kind == "SANCTIONS" || kind == "THREATENS") && (tg.typ == "GROUP" && tg.affil != nil && (strings.Contains(tg.name, "diplomat") || !actorGroup(tg.name) && !countedPeople(tg.name) && !loneForeignerName(tg.name)) || tg.typ == "AGENCY" && tg.pattern >= 0 && (strings.Contains(tg.name, "Embassy") || strings.Contains(tg.name, "Mission"))) {
		tg.used = true // still an actor of the article
		tg = tg.top()
	}
	s := &a.sents[si]
	if tg != nil && tg == s.attribution && tg.typ == "AGENCY" && tg.pattern >= 0 && (kind == "ACCUSES" || kind == "CRITICIZES") && (strings.Contains(tg.name, "Embassy") || strings.Contains(tg.name, "Mission")) {
		// "'Brussels produced fabricated accusations,' the mission said": the
		// accusations the mission quotes were made against its state
		tg.used = true
		tg = tg.top()
	}
	if s.title {
		conf -= 0.05
	}
	if s.attribution != nil && s.attribution.typ == "PERSON" && s.attribution.affil == sp && sp.typ == "AGENCY" && strings.HasPrefix(s.text, `"`) {
		sp = s.attribution // a quoted official speaking of their own agency's act
	}
	if s.attribution == nil && sp.typ == "STATE" && kind != "SANCTIONS" && kind != "INDICTS" {
		// "spokesman X warned that Iran would respond": the official speaks
		if o := a.reportingOfficial(s, sp); o != nil {
			a.stmts = append(a.stmts, stmt{speaker: o, target: tg, kind: kind, sent: si, conf: conf, incident: firstIncident(s)})
			conf -= echoPenalty(s, sp, kind)
		}
	}
	if s.attribution != nil && s.attribution != sp && (s.attribution.top() == sp || s.attribution.affil == sp || s.attribution.typ == "PERSON" && sp.typ == "STATE" && (s.attribution.affil == nil && tg != nil && tg.top() != sp && !observerRole(s.attribution.role) || tg == nil && s.attribution.top().typ != "STATE" && officialRole(s.attribution.role))) && kind != "SANCTIONS" && kind != "INDICTS" {
		// an unplaced official (no state known for them or their ministry)
		// speaks for the state they name
		// "China will take countermeasures, the ministry said": the reporting
		// official speaks; the state behind is a weaker second reading
		a.stmts = append(a.stmts, stmt{speaker: s.attribution, target: tg, kind: kind, sent: si, conf: conf, incident: firstIncident(s)})
		conf -= echoPenalty(s, sp, kind)
	}
	a.stmts = append(a.stmts, stmt{speaker: sp, target: tg, kind: kind, sent: si, conf: conf, incident: firstIncident(s)})
	if js := a.joint[si]; len(js) > 1 && sp == js[0] {
		// "the three governments called on North Korea": each of them
		for _, o := range js[1:] {
			if tg == nil || tg.top() != o {
				a.stmts = append(a.stmts, stmt{speaker: o, target: tg, kind: kind, sent: si, conf: conf, incident: firstIncident(s)})
			}
		}
	}
}

// triggerPhraseAt reports a trigger phrase starting at token i ("called on").
func (s *sentInfo) triggerPhraseAt(i int) bool {
	for _, it := range s.items {
		if it.start == i {
			if _, ok := it.has(hitPhrase); ok {
				return true
			}
		}
	}
	return false
}

// jointCounts are the counts of a joint subject ("the three countries").
var jointCounts = map[string]int{"three": 3, "four": 4, "five": 5, "six": 6}

// jointSubjects finds "the three countries", "the four governments" whose
// states an earlier sentence (or the same one) lists, and names them there:
// "The United States, Japan and South Korea accused ... The three
// governments urged ...".
func (a *analysis) jointSubjects() {
	for si := range a.sents {
		s := &a.sents[si]
		for i := 0; i+2 < len(s.toks); i++ {
			n := jointCounts[s.lower(i+1)]
			if s.toks[i].lower != "the" || n == 0 || s.mentionAt(i) >= 0 {
				continue
			}
			switch s.lower(i + 2) {
			case "countries", "governments", "nations", "allies", "states":
			default:
				continue
			}
			if b := s.lower(i - 1); blockers[b] || b == "of" || b == "by" {
				continue // "in all three countries": a place, not a speaker
			}
			v := i + 3
			for strings.HasSuffix(s.lower(v), "ly") || s.lower(v) == "also" {
				v++
			}
			if !s.triggerVerbAt(v) && !s.triggerPhraseAt(v) {
				continue // "the three countries said ...": a summary of what each said, read elsewhere
			}
			if list := a.listedStates(si, i, n); list != nil {
				a.addMention(s, i, i+3, list[0], mActor)
				s.sortMentions()
				if a.joint == nil {
					a.joint = map[int][]*entity{}
				}
				a.joint[si] = list
			}
			break
		}
	}
}

// listedStates returns the n states a sentence at or before si (before token
// end in si itself) coordinates, the latest such list, or nil.
func (a *analysis) listedStates(si, end, n int) []*entity {
	for sj := si; sj >= 0 && si-sj <= 4; sj-- {
		s := &a.sents[sj]
		for k := len(s.ments) - 1; k >= 0; k-- {
			if sj == si && s.ments[k].end > end {
				continue
			}
			c := s.coordinated(k, -1)
			if len(c) != n {
				continue
			}
			var out []*entity
			for q := len(c) - 1; q >= 0; q-- {
				e := s.ments[c[q]].ent
				if e == nil || e.typ != "STATE" {
					out = nil
					break
				}
				out = append(out, e)
			}
			if out != nil {
				return out
			}
		}
	}
	return nil
}

// verbal handles a trigger verb or phrase: active "X accuses Y of", passive
// "Y was accused by X", and claims "X said Y was behind".
func (a *analysis) verbal(si int, s *sentInfo, t trig) {
	i, end := t.it.start, t.it.end
	w := t.h.word
	inferred := false // the target is the opponent named before, not in the sentence
	if s.lower(end) == "d'affaires" || s.lower(end) == "d" && s.lower(end+1) == "'" {
		return // "the charge d'affaires" is a diplomat, not a charge
	}
	if negated(s, i) {
		return // "did not accuse", "stopped short of blaming", "declined to condemn"
	}
	if strings.HasPrefix(s.toks[i].lower, "claim") && territorialClaim(s, end) {
		return // "Beijing, which claims Taiwan as its own territory": no one is accused
	}
	if strings.HasPrefix(s.toks[i].lower, "ask") {
		// "Asked about China, ...", "asked whether": a question, not a request
		switch s.lower(end) {
		case "about", "whether", "if", "by", "how", "what", "why", "when", "where", "who", "during", "at", "in", ",", "to":
			if !(s.lower(end) == "to" && i > 0) {
				return
			}
		}
		if i == 0 || s.lower(i-1) == "when" || s.lower(i-1) == "if" {
			return
		}
	}
	if t.kind == "DEMANDS" && inquiryRequest(s, end) {
		return // "would ask the United Nations to investigate": help sought, no one's wrong
	}
	if t.kind == "SANCTIONS" && strings.HasSuffix(s.toks[i].lower, "ing") && weighedAct[s.lower(i-1)] {
		return // "was considering expelling Rwandan diplomats": not yet done
	}
	if hypotheticalAct(s, i) {
		return // "would regret any decision to expel Iranian diplomats"
	}
	if openQuestion(s, i) {
		return // "did not say whether Seoul would retaliate"
	}
	if enabledAct(s, i) {
		return // "an ecosystem that allowed Beijing to deny involvement"
	}
	if t.kind == "SANCTIONS" && requestedAct(s, i) {
		return // "urged partners to impose new sanctions on Moscow" asks, sanctions no one
	}
	if t.kind == "INDICTS" && relativeAside(s, i) {
		return // "said U.S. Attorney X, whose office is prosecuting the case": an aside
	}
	if t.kind == "SANCTIONS" && strings.HasPrefix(s.toks[i].lower, "expel") && expelledCraft(s, end) {
		return // "to expel Philippine vessels": ships driven off, not diplomats expelled
	}
	if t.kind == "INDICTS" && strings.HasPrefix(s.toks[i].lower, "charg") && priceAfter(s, end) {
		return // "charged security services $10,000 for each inbox": a fee, not a charge
	}
	if t.kind == "THREATENS" && strings.HasPrefix(w, "warn") {
		// "warns of Chinese hackers targeting utilities": a warning about an actor reports its wrong
		q := end
		if s.lower(q) == "a" || s.lower(q) == "the" {
			q++
		}
		if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "GROUP" {
			if k, ok := a.subject(s, i); ok {
				if sp := a.speakerOf(s, k); sp != nil {
					a.add(si, "ACCUSES", sp, s.ments[mi].ent, 0.7)
				}
			}
			return
		}
	}
	if t.kind == "THREATENS" && t.h.kind == hitPhrase && measurePhrase(w) && !intentBefore(s, i) {
		return // "urged China to take action against them" threatens no one
	}
	if t.kind == "SANCTIONS" && sanctionsInForce(s, i) {
		return // "enforce United Nations sanctions on Pyongyang"
	}
	if t.kind == "DENIES" && rejectsRequest(s, end) {
		return // "rejected the committee's call for an inquiry" denies no accusation
	}
	if t.h.kind == hitVerb {
		switch s.lower(i - 1) {
		case "a", "an", "the", "its", "their", "his", "her", "our", "'s", "'":
			return // a noun or an adjective: "a press release", "Russia's alleged attacks"
		}
		next := s.lower(end)
		if s.toks[i].lower == "alleged" || s.toks[i].lower == "suspected" {
			if next != "that" && next != "," && next != "on" && next != "in" && next != "to" {
				return
			}
		}
		if prev := s.lower(i - 1); (prev == "it" || prev == "they") && (next == "of" || next == "for" || next == "with") {
			// "three diplomats it accused of spying": the relative clause's head is the target
			sp := a.sentenceSubject(s, i)
			if mi := s.mentionAt(i - 2); mi >= 0 && s.ments[mi].ent != nil && sp != nil && s.ments[mi].ent != sp {
				a.add(si, t.kind, sp, s.ments[mi].ent, 0.8)
			}
			return
		}
		if (next == "of" || next == "with") && strings.HasSuffix(s.toks[i].lower, "ed") && s.mentionAt(i-1) >= 0 {
			// "sanctions on three Chinese firms accused of supplying": a reduced
			// relative on an object; the accuser is not named
			if m := s.ments[s.mentionAt(i-1)]; m.end == i {
				q := m.start - 1
				if s.lower(q) == "the" {
					q--
				}
				switch s.lower(q) {
				case "on", "against", "to", "with", "for", "of", "from", "including":
					return
				}
			}
		}
		if (next == "of" || next == "with") && strings.HasSuffix(s.toks[i].lower, "ed") && s.mentionAt(i-1) < 0 && !auxiliaries[s.lower(i-1)] && s.lower(i-1) != "has" && s.lower(i-1) != "have" && s.lower(i-1) != "had" {
			return // a reduced relative: "hackers, accused of breaking into"
		}
		if next == "on" && strings.HasSuffix(s.toks[i].lower, "ed") && reducedRelativeHead(s, i-1) {
			return // "a string of heists blamed on Pyongyang": no one is said to blame
		}
	}
	// "Y is behind / responsible for": the accused is the subject, the accuser reports it
	if strings.Contains(w, "behind") || strings.Contains(w, "responsible") {
		k, ok := a.subject(s, i)
		if !ok {
			return
		}
		c := s.coordinated(k, -1) // "Israel and America were behind it": each of them
		sp := a.claimant(s, s.ments[c[len(c)-1]].start)
		for _, x := range c {
			if tg := s.ments[x].ent; sp != nil && tg != sp.top() {
				a.add(si, "ACCUSES", sp, tg, 0.7)
			}
		}
		return
	}
	// "diplomats declared persona non grata by/from X"
	q := i - 1
	for q > 0 && (s.toks[q].text == "'" || s.toks[q].text == `"`) {
		q--
	}
	if w == "persona non grata" && s.lower(q) == "declared" && s.mentionAt(q-1) < 0 && !auxiliaries[s.lower(q-1)] && s.lower(q-1) != "and" && s.lower(q-1) != "has" && s.lower(q-1) != "have" {
		for j := end; j < len(s.toks) && j-end <= 6; j++ {
			if w := s.toks[j].lower; w == "from" || w == "by" {
				k := j + 1
				if s.lower(k) == "the" {
					k++
				}
				if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].kind == mActor {
					sp := s.ments[mi].ent
					a.add(si, t.kind, sp, a.opponent(sp), 0.7)
				}
				break
			}
		}
		return
	}
	// passive: "was accused by X", "have been indicted by the US government"
	p := i - 1
	for p >= 0 && (strings.HasSuffix(s.toks[p].lower, "ly") || s.toks[p].lower == "also" || s.toks[p].lower == "not" || s.toks[p].lower == "been") {
		if s.toks[p].lower == "been" {
			break
		}
		p--
	}
	if reducedPassive(s, i, end) {
		// a headline's passive has no auxiliary: "Russia accused of
		// targeting ...", "Six hackers sanctioned by EU over ..."
		p = i
	}
	if p >= 0 && (auxiliaries[s.toks[p].lower] || p == i) && strings.HasSuffix(s.toks[i].lower, "ed") {
		var agent *entity
		for k, m := range s.ments {
			if m.start >= end && m.start-end <= 8 && s.lower(m.start-1) == "by" || (m.start >= end && m.start-end <= 8 && s.lower(m.start-1) == "the" && s.lower(m.start-2) == "by") {
				if s.actorMention(k) && m.kind == mActor {
					agent = m.ent
					break
				}
			}
		}
		if agent == nil && t.kind == "SANCTIONS" && s.lower(end) == "from" {
			// "Four GRU officers were expelled from the Netherlands"
			q := end + 1
			if s.lower(q) == "the" {
				q++
			}
			if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
				agent = s.ments[mi].ent
			}
		}
		k, ok := a.subject(s, p)
		if agent == nil && (t.kind == "ACCUSES" || t.kind == "INDICTS") && a.lawActs(s, i, end) {
			// "Two men were arrested on suspicion of spying for China,
			// prosecutors said": the authority that reports it acts
			if sp := a.lawAuthority(s); sp != nil {
				for _, tg := range a.suspectList(s, p) {
					if tg != sp {
						a.add(si, t.kind, sp, tg, 0.7)
					}
				}
			}
			return
		}
		if agent == nil && ok && t.kind == "SANCTIONS" && s.attribution == nil && p != i {
			// "Saw Htoo Eh Moo and Saw Chit Chit were designated for ...": a
			// press release's later listings are the sanctioner's it named
			if sp := a.lastSanctioner(si); sp != nil {
				for _, c := range s.coordinated(k, -1) {
					if tg := s.ments[c].ent; tg != nil && tg.top() != sp.top() {
						a.add(si, t.kind, sp, tg, 0.7)
					}
				}
			}
			return
		}
		if agent != nil && t.kind == "ACCUSES" && strings.HasPrefix(w, "blame") && s.lower(end) == "on" {
			// "the attacks were blamed on Russian military intelligence by the
			// Lithuanian government": the accused follows "on", the accuser "by"
			if mi := s.mentionAt(skipArticle(s, end+1)); mi >= 0 && s.actorMention(mi) && s.ments[mi].kind == mActor && s.ments[mi].ent != agent && s.ments[mi].ent.top() != agent.top() {
				a.add(si, t.kind, agent, s.ments[mi].ent, 0.8)
				return
			}
		}
		if agent != nil && ok {
			// "Six Russian nationals and the GRU's Unit 26165 were sanctioned by": each subject
			for _, c := range s.coordinated(k, -1) {
				a.add(si, t.kind, agent, s.ments[c].ent, 0.85)
			}
		} else if agent != nil && (t.kind == "CRITICIZES" || t.kind == "ACCUSES") && wrongSubject(s, p) {
			// "The attacks were condemned by Germany and France": whoever the article holds behind them
			if ai := s.mentionAt(end + 1); ai >= 0 {
				for _, c := range s.coordinated(ai, 1) {
					if tg := a.opponent(s.ments[c].ent); tg != nil {
						a.add(si, t.kind, s.ments[c].ent, tg, 0.65)
					}
				}
			} else if tg := a.opponent(agent); tg != nil {
				a.add(si, t.kind, agent, tg, 0.65)
			}
		} else if agent != nil && t.kind == "DENIES" {
			// "The US allegations were rejected by Beijing": the accuser owns the subject
			var tg *entity
			for q := p - 1; q >= 0 && p-q <= 4; q-- {
				if accusationNouns[s.toks[q].lower] {
					tg = a.possessor(s, q)
					break
				}
			}
			if tg == nil {
				tg = a.antecedentAccuser(agent)
			}
			if tg != nil {
				a.add(si, t.kind, agent, tg, 0.75)
			}
		}
		return
	}
	// "the two countries traded accusations": each side against the other
	if k := a.pairBefore(s, i); k >= 0 {
		if x, y := a.mainPair(); x != nil && y != nil {
			a.add(si, t.kind, x, y, 0.7)
			a.add(si, t.kind, y, x, 0.7)
		}
		return
	}
	// active
	var speakers []*entity
	conf := 0.9
	if strings.HasSuffix(s.toks[i].lower, "ing") && s.lower(i-1) == "in" {
		// "Britain and the United States joined the Netherlands in accusing the GRU": all of them
		for q := i - 2; q >= 0 && i-q <= 8; q-- {
			if w := s.toks[q].lower; w == "joined" || w == "joins" || w == "join" {
				if k, ok := a.subject(s, q); ok {
					for _, c := range s.coordinated(k, -1) {
						speakers = append(speakers, s.ments[c].ent)
					}
				}
				for k, m := range s.ments {
					if m.start > q && m.end < i-1 && m.kind == mActor && m.ent != nil {
						for _, c := range s.coordinated(k, 1) {
							speakers = append(speakers, s.ments[c].ent)
						}
						break
					}
				}
				break
			}
		}
	}
	if participle(s, i) && t.h.kind == hitVerb && len(speakers) == 0 {
		// "Britain imposed sanctions on ..., accusing them of": the main clause's subject
		if k := s.participleSpeaker(i); k >= 0 {
			speakers = []*entity{s.ments[k].ent}
		} else if sp := a.sentenceSubject(s, i); sp != nil {
			speakers = []*entity{sp}
		}
	}
	if k, ok := a.subject(s, i); ok && len(speakers) == 0 {
		for _, c := range s.coordinated(k, -1) {
			if sp := a.speakerOf(s, c); sp != nil {
				speakers = append(speakers, sp)
			}
		}
	}
	if len(speakers) == 0 {
		// "countries ... lashed out at ..., including the Netherlands, Britain"
		for q := end; q < len(s.toks); q++ {
			if s.toks[q].lower == "including" {
				for k, m := range s.ments {
					if m.start > q && m.kind == mActor && m.ent != nil {
						for _, c := range s.coordinated(k, 1) {
							speakers = append(speakers, s.ments[c].ent)
						}
						break
					}
				}
				break
			}
		}
		conf = 0.75
	}
	if len(speakers) == 1 && speakers[0].typ == "GROUP" && s.attribution != nil && pronounSubject(s, i) {
		speakers = nil // "... hackers attacked us, and this will not remain without consequences," X said
	}
	if len(speakers) == 0 && s.attribution != nil {
		speakers = []*entity{s.attribution}
		conf = 0.7
		q := i - 1
		for q > 0 && (strings.HasSuffix(s.toks[q].lower, "ly") || s.toks[q].lower == "also" || s.toks[q].lower == "had" || s.toks[q].lower == "has" || s.toks[q].lower == "would" || s.toks[q].lower == "will" || s.toks[q].text == `"`) {
			q-- // said it "firmly rejects"
		}
		if w := s.lower(q); (w == "it" || w == "they") && (speechVerbs[s.lower(q-1)] || s.lower(q-1) == "that") {
			conf = 0.85 // "the embassy said it firmly opposed ...": the speaker's own act
		}
	}
	if len(speakers) == 0 && t.kind == "INDICTS" && chargingDocument(s, i) {
		// "An indictment unsealed today charges four officers ...": the
		// justice department the release names brings it
		if sp := a.justiceAgency(); sp != nil {
			speakers = []*entity{sp}
			conf = 0.75
		}
	}
	if len(speakers) == 0 && (i == 0 || i == 1 && (s.toks[0].lower == "and" || s.toks[0].lower == "also" || s.toks[0].text == `"`)) && si > 0 {
		if sp := a.lastSpeaker(si); sp != nil {
			speakers = []*entity{sp}
			conf = 0.6
		}
	}
	if len(speakers) == 0 {
		return
	}
	if t.kind == "DEMANDS" {
		if mi := s.mentionAt(end); mi >= 0 && s.ments[mi].kind == mPair {
			// "urged both sides to avoid escalation": each of the article's two main states
			if x, y := a.mainPair(); x != nil && y != nil && a.namedBefore(x, si, i) && a.namedBefore(y, si, i) {
				for _, sp := range speakers {
					for _, tg := range []*entity{x, y} {
						if tg.top() != sp.top() {
							a.add(si, t.kind, sp, tg, conf-0.1)
						}
					}
				}
			}
			return
		}
	}
	var targets []*entity
	lim := 12
	if strings.HasPrefix(t.h.word, "attribut") {
		// "attributed the attack to Russia's GRU": the target follows "to"
		for q := end; q < len(s.toks) && q-end <= 10; q++ {
			if s.toks[q].lower == "to" {
				end = q
				break
			}
		}
	}
	if k, ok := a.objectOf(s, end, speakers[0], lim, t.kind == "ACCUSES"); ok && (t.kind == "THREATENS" || !conjunctionBetween(s, end, s.ments[k].start)) && !(t.kind == "DENIES" && deniedContent(s, end, s.ments[k].start)) && !(t.kind == "DEMANDS" && infinitiveBetween(s, end, s.ments[k].start)) {
		if s.ments[k].pronoun {
			conf -= 0.15 // "they claim he passed ...": a pronoun target is a guess
		}
		last := k
		for _, c := range s.coordinated(k, 1) {
			targets = append(targets, s.ments[c].ent)
			last = c
		}
		if t.kind == "SANCTIONS" || t.kind == "INDICTS" {
			// "sanctioned the KNA, a Burma-based militia, and its leader Saw Chit Thu"
			if mi := s.listedAfterApposition(last); mi >= 0 {
				for _, c := range s.coordinated(mi, 1) {
					targets = append(targets, s.ments[c].ent)
				}
			}
		}
		// "two Chinese nationals, Zhao Wei and Li Na"
		if e := s.ments[last].end; s.lower(e) == "," && s.ments[last].ent.typ == "GROUP" {
			if mi := s.mentionAt(e + 1); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "PERSON" {
				targets = append(targets, s.personList(mi)...)
			}
		} else if s.ments[last].ent.typ == "PERSON" {
			// "two Russians, Ruslan Peretyatko, an FSB officer, and Andrey Korinets"
			targets = append(targets, s.personList(last)[1:]...)
		}
		// "sanctions against US officials, including President Joe Biden"
		if e := s.ments[last].end; s.lower(e) == "," && s.lower(e+1) == "including" {
			if mi := s.mentionAt(e + 2); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].kind == mActor {
				for _, c := range s.coordinated(mi, 1) {
					targets = append(targets, s.ments[c].ent)
				}
			}
		}
	}
	if len(targets) == 0 {
		switch t.kind {
		case "DENIES":
			if q := skipArticle(s, end); measureNouns[s.lower(q)] || s.lower(q) == "move" || s.lower(q) == "measures" {
				// "Moscow rejected the move": whoever took the measure
				if tg := a.sanctioner(speakers[0]); tg != nil {
					if !tg.media {
						tg = tg.top()
					}
					targets = []*entity{tg}
					conf -= 0.1
					break
				}
			}
			if tg := accuserBy(s, end); tg != nil && tg.top() != speakers[0].top() {
				// "denied involvement, calling such accusations a smear campaign by Washington"
				targets = []*entity{tg}
				conf -= 0.1
			} else if habitual(s, i) {
				// "Russia has repeatedly denied such allegations": a standing
				// denial answers no one accuser of the article
				targets = []*entity{nil}
				conf -= 0.25
			} else if relativeDenial(s, i) && a.accusedHere(si) {
				// "Germany blamed APT28 for the attacks, which Russia denied":
				// the accusers of the sentence, filled in by sameSentenceAccusers
				targets = []*entity{nil}
			} else if tg := a.antecedentAccuser(speakers[0]); tg != nil {
				targets = []*entity{tg}
				conf -= 0.2
			} else if tg := noEvidenceFrom(s); tg != nil && tg.top() != speakers[0].top() {
				// "said Australia had presented no evidence and rejected ...":
				// the side said to lack proof is the accuser
				targets = []*entity{tg}
				conf -= 0.1
			} else if tg := deniedVictim(s, end); tg != nil && tg.top() != speakers[0].top() {
				// "denies any involvement in actions of this kind against
				// Paraguay": the side said to be wronged is the one accusing
				targets = []*entity{tg}
				conf -= 0.05
			} else if tg := a.groupAccuser(speakers[0]); tg != nil {
				targets = []*entity{tg}
				conf -= 0.2
			} else {
				targets = []*entity{nil}
				conf -= 0.25
			}
		default:
			if t.kind == "CRITICIZES" && a.opposesAccusations(s, end) {
				break // "firmly opposed the smears": a denial, its target below
			}
			if t.kind == "CRITICIZES" {
				// "condemned a campaign of cyberattacks that it blamed on Russia"
				if c := culpritAfter(s, end); c != nil && c.top() != speakers[0].top() {
					targets = []*entity{c}
					conf -= 0.1
					break
				}
			}
			pron := false
			for end < len(s.toks)-1 && (s.toks[end].text == `"` || s.toks[end].text == "'") {
				end++ // "firmly opposes" the statement
			}
			switch s.lower(end) {
			case "it", "them", "they", "him", "her", "the", "such", "this", "these", "that", "what":
				pron = true // "condemned what he called acts of interference"
			}
			if strings.Contains(" "+t.h.word+" ", " it ") {
				pron = true // "hope it will"
			}
			if pron && participle(s, i) {
				// "sanctioned six officers, accusing them of ...": the main clause's object
				for k := len(a.stmts) - 1; k >= 0 && a.stmts[k].sent == si; k-- {
					if a.stmts[k].speaker == speakers[0] && a.stmts[k].target != nil {
						targets = []*entity{a.stmts[k].target}
						break
					}
				}
				if len(targets) > 0 {
					break
				}
			}
			if pron && s.lower(end) == "them" && (t.kind == "INDICTS" || t.kind == "SANCTIONS") {
				// "identified four suspects and registered a case against them":
				// the group counted just before
				if g := a.groupBefore(si, i); g != nil {
					targets = []*entity{g}
					conf -= 0.1
					break
				}
			}
			if tg := urgedAfter(s, end); tg != nil && pron && (t.kind == "CRITICIZES" || t.kind == "ACCUSES") && tg.top() != speakers[0].top() {
				// "condemns this malicious behaviour and urged Russia to stop": the one urged
				targets = []*entity{tg}
				conf -= 0.1
				inferred = true
				break
			}
			if t.kind == "THREATENS" || pron {
				tg := a.opponent(speakers[0])
				if s.partner(tg) {
					tg = nil // "would respond firmly in cooperation with Washington"
				}
				if speakers[0].typ == "GROUP" && !pronounAfter(s, end, 5) {
					// a gang's threat names its victim: "threatened to publish
					// patients' data", not "threatening to overthrow it"
					tg = nil
				}
				if t.kind != "THREATENS" && s.lower(end) == "the" && !a.arguedWith(speakers[0], tg) && !a.accused(tg) && !namedAfter(s, end, tg) {
					tg = nil // "condemned the attack": whose attack the article must say
				}
				if t.kind == "DEMANDS" && s.lower(end) == "the" && !namedAfter(s, end, tg) {
					tg = nil // "urged the armed forces to ...": the addressee is the noun, not an opponent
				}
				if tg != nil {
					targets = []*entity{tg}
					conf -= 0.3
					inferred = true
					if t.kind == "THREATENS" && a.measuredAgainst(tg, speakers[0]) {
						conf += 0.1 // a vowed response to a measure the article reports: whoever took it
					}
				}
			}
		}
	}
	if t.h.word == "claim" {
		conf -= 0.2 // "claimed" reports more than it accuses
	}
	kind := t.kind
	if kind == "CRITICIZES" && len(targets) == 0 && a.opposesAccusations(s, end) {
		// "firmly opposed the groundless smears": whoever made them
		kind = "DENIES"
		targets = []*entity{a.antecedentAccuser(speakers[0])}
		conf -= 0.1
	} else if kind == "CRITICIZES" && len(targets) > 0 && a.opposesAccusations(s, end) && !(diplomaticProtest(t.h.word) && overClaims(s, end)) {
		// "firmly opposes groundless accusations by the Netherlands"; a summons
		// "over spying claims" protests, its claims are the reason
		kind = "DENIES"
	} else if kind == "CRITICIZES" && len(targets) > 0 && !diplomaticProtest(t.h.word) && !(inferred && (s.lower(end) == "the" || s.lower(end) == "what")) && a.criticismAsAccusation(s, end, len(speakers), targets[0]) {
		// a summons or a protest stays a protest whatever it is about;
		// "condemned the attack" with the doer named only before stays a
		// criticism: the accusation was made where the doer was named
		kind = "ACCUSES"
	}
	if kind == "SANCTIONS" && modal(s, i) {
		kind = "THREATENS" // "will impose sanctions", "threatened to expel"
	}
	for _, sp := range speakers {
		for _, tg := range targets {
			a.add(si, kind, sp, tg, conf)
		}
	}
}

// territorialClaim reports a claim on land after token end: "claims
// democratically governed Taiwan as its own territory", "claims the islands
// as part of its territory", "claims sovereignty over".
func territorialClaim(s *sentInfo, end int) bool {
	for q := end; q < len(s.toks) && q-end <= 8; q++ {
		switch s.toks[q].lower {
		case "sovereignty", "territory", "province":
			return true
		case "as":
			if w := s.lower(q + 1); w == "its" || w == "part" || w == "their" {
				return true
			}
		case ",", ";", ".", "of", "that":
			return false
		}
	}
	return false
}

// claimant finds who reports an accusation made left of token i: the subject
// of a claim verb, the possessor of an accusation noun, or the sentence's speaker.
func (a *analysis) claimant(s *sentInfo, i int) *entity {
	for v := i - 1; v >= 0; v-- {
		w := s.toks[v].lower
		if (w == "saying" || w == "alleging" || w == "claiming" || w == "arguing") && s.lower(v-1) == "," {
			// "sanctioned a company, saying it helped hackers ...": the main clause's subject
			return a.sentenceSubject(s, v)
		}
		if claimVerbs[w] {
			if k, ok := a.subject(s, v); ok {
				return a.speakerOf(s, k)
			}
			if s.lower(v-1) == "report" || s.lower(v-1) == "reports" {
				return a.laterOutlet(s) // "A US media report said ...", the outlet named later
			}
			return nil
		}
		if (w == "accusations" || w == "allegations" || w == "claims" || w == "accusation" || w == "allegation") && s.lower(v+1) == "that" {
			// "Washington's accusations that China was behind ..."
			if sp := a.possessor(s, v); sp != nil {
				return sp
			}
		}
	}
	return s.attribution
}

// possessor finds the actor owning a noun at i: "Washington's accusations",
// "US' baseless accusations", "the U.S. accusation".
func (a *analysis) possessor(s *sentInfo, i int) *entity {
	for j := i - 1; j >= 0 && i-j <= 6; j-- {
		if mi := s.mentionAt(j); mi >= 0 {
			m := s.ments[mi]
			if m.ent != nil && (m.kind == mActor || m.kind == mDemonym) {
				return m.ent
			}
			return nil
		}
		w := s.toks[j].lower
		if w == "'s" || w == "'" || w == "and" || w == "-" || w == "," {
			continue
		}
		if judgeVerbs[w] || w == "calls" || w == "brands" || w == "dubbed" {
			return nil // "Beijing calls report a smear": the judge owns nothing
		}
		if isWordRune([]rune(w)[0]) && !isCap(s.toks[j].text) && !blockers[w] && w != "the" && w != "of" && w != "by" && w != "from" && w != "a" && !auxiliaries[w] && !speechVerbs[w] {
			continue
		}
		return nil
	}
	return nil
}

// nominal handles trigger nouns: "the accusations of the United States",
// "X's denial", "sanctions against Y", "countermeasures against Y".
func (a *analysis) nominal(si int, s *sentInfo, t trig, ts []trig) {
	i, end := t.it.start, t.it.end
	if t.kind == "SANCTIONS" && requestedAct(s, i) {
		return // "called on the EU to impose sanctions": a request, not a measure
	}
	if openQuestion(s, i) {
		return // "asked whether Ankara would take countermeasures"
	}
	if k := a.pairBefore(s, i); k >= 0 && t.kind != "DENIES" {
		// "the two countries traded accusations"
		if x, y := a.mainPair(); x != nil && y != nil {
			a.add(si, t.kind, x, y, 0.7)
			a.add(si, t.kind, y, x, 0.7)
		}
		return
	}
	sp := a.possessor(s, i)
	conf := 0.8
	if p := s.lower(i - 1); sp == nil && (p == "his" || p == "her") && i == 1 && si > 0 && (t.kind == "DEMANDS" || t.kind == "THREATENS" || t.kind == "CRITICIZES") {
		// "... by Minister X, who ... . His demand that China rein in ...": the
		// person the sentence before named last
		for _, m := range a.sents[si-1].ments {
			if m.kind == mActor && m.ent != nil && m.ent.typ == "PERSON" {
				sp = m.ent
			}
		}
		conf = 0.7
	}
	if voiced := voicedBy(s, end); voiced != nil && (t.kind == "CRITICIZES" || t.kind == "DEMANDS" || t.kind == "DENIES") && (sp == nil || voiced.top() == sp.top() || voiced.typ == "PERSON" && voiced.affil == nil) {
		// "India's condemnation of the intrusions was repeated on Saturday by
		// External Affairs Minister X": the one voicing it speaks
		sp = voiced
		conf = 0.9 // named as voicing a stance the article reports: an opponent target stays likely
	}
	var coSpeakers []*entity
	// "accusations of/by/from X"
	tgIdx := -1
	if sp == nil {
		for _, prep := range []string{"of", "by", "from"} {
			if prep == "of" && (t.kind == "SANCTIONS" || t.kind == "INDICTS") {
				continue // "the expulsion of 10 diplomats": of names the target
			}
			if s.lower(end) == prep {
				j := end + 1
				if s.lower(j) == "the" {
					j++
				}
				if mi := s.mentionAt(j); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
					if s.ments[mi].ent.typ != "GROUP" || t.kind != "ACCUSES" {
						sp = s.ments[mi].ent
					}
				}
			}
		}
	}
	kind := t.kind
	if kind == "THREATENS" && s.lower(i-1) == "in" {
		return // "in retaliation for": a motive, not a threat
	}
	if kind == "SANCTIONS" && sanctionsInForce(s, i) {
		return // "enforce United Nations sanctions on Pyongyang": no new measure
	}
	// "Sanctions were imposed on X by Y", "restrictions imposed by the EU against China"
	if sp == nil && kind == "SANCTIONS" && (auxiliaries[s.lower(end)] || s.lower(end) == "have" || s.lower(end) == "has" || s.lower(end) == "imposed" || s.lower(end) == "announced") {
		for q := end; q < len(s.toks) && q-end <= 10; q++ {
			if s.toks[q].lower == "by" {
				k := q + 1
				if s.lower(k) == "the" {
					k++
				}
				if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
					sp = s.ments[mi].ent
				}
				break
			}
		}
	}
	if sp == nil && (kind == "SANCTIONS" || kind == "THREATENS" || kind == "CRITICIZES" || kind == "DEMANDS" || kind == "INDICTS") {
		gov := false
		govAt := i
		for q := i - 1; q >= 0 && i-q <= 10; q-- {
			if governingSanction[s.toks[q].lower] || kind == "THREATENS" && threatGoverning[s.toks[q].lower] {
				gov = true
				if govAt == i {
					govAt = q // the subject is the governing verb's
				}
				// "announced countermeasures against": done, not threatened
				if kind == "THREATENS" && pastSanction[s.toks[q].lower] {
					kind = "SANCTIONS"
				}
			}
		}
		if gov {
			if k, ok := a.subject(s, govAt); ok {
				sp = a.speakerOf(s, k)
				conf = 0.8
				// "The United States and Britain announced matching sanctions": each of them
				for _, c := range s.coordinated(k, -1)[1:] {
					if e := s.ments[c].ent; e != nil && e != sp {
						coSpeakers = append(coSpeakers, e)
					}
				}
			} else if s.attribution != nil {
				sp = s.attribution
				conf = 0.7
			}
		}
	}
	if sp == nil && kind == "SANCTIONS" && s.attribution != nil && (auxiliaries[s.lower(end)] || s.lower(end) == "have" || s.lower(end) == "has") {
		sp = s.attribution // "X said that travel bans have been imposed on ..."
		conf = 0.75
	}
	if sp == nil {
		return
	}
	// "announced the sanctions" with no target: the sanctions the speaker's side announced before
	if kind == "SANCTIONS" && (s.lower(i-1) == "the" || s.lower(i-1) == "these") {
		if w := s.lower(end); w != "against" && w != "of" && (w != "on" || dateWord(s.lower(end+1))) {
			var prev []*entity
			last := -1
			for _, st := range a.stmts {
				if st.kind == "SANCTIONS" && st.target != nil && st.speaker.top() == sp.top() && st.sent < si {
					if st.sent != last {
						prev, last = prev[:0], st.sent
					}
					prev = append(prev, st.target)
				}
			}
			if len(prev) > 0 {
				for _, tg := range prev {
					a.add(si, kind, sp, tg, conf-0.1)
				}
				return
			}
		}
	}
	// target: "against Y", "on Y", "that Y", "of <demonym>"
	var tg *entity
	for q := end; q < len(s.toks) && q-end <= 10; q++ {
		w := s.toks[q].lower
		if w == "on" && dateWord(s.lower(q+1)) {
			continue // "announced on Friday by ... against"
		}
		if w == "against" || w == "on" || w == "over" || w == "that" || w == "about" || w == "regarding" || w == "targeting" || (w == "of" && (t.kind == "ACCUSES" || strings.HasPrefix(t.h.word, "expulsion"))) {
			// "imposed on the two men: Igor Petrov, ..., and Ivan Sidorov"
			if c := strings.IndexByte(s.text[s.toks[q].start:], ':'); c >= 0 && kind == "SANCTIONS" {
				var listed []*entity
				for _, m := range s.ments {
					if m.start > q && m.ent != nil && m.ent.typ == "PERSON" && s.toks[m.start].start > s.toks[q].start+c {
						listed = append(listed, m.ent)
					}
				}
				if len(listed) > 0 {
					for _, p := range listed {
						a.add(si, kind, sp, p, conf)
					}
					return
				}
			}
			for k, m := range s.ments {
				if m.start > q && m.start-q <= 6 && m.ent != nil && m.ent != sp && m.ent.top() != sp.top() {
					if a.breakBetween(s, q, m.start) {
						break
					}
					tg = m.ent
					tgIdx = k
					break
				}
			}
			break
		}
		if w == "," || w == "." {
			break
		}
	}
	if tg == nil {
		// the object of a denial: the denier is the accused
		for _, o := range ts {
			if o.kind == "DENIES" && !o.noun && o.it.start < i {
				if k, ok := a.subject(s, o.it.start); ok {
					if e := a.speakerOf(s, k); e != nil {
						tg = e.top()
					}
				} else if s.attribution != nil {
					tg = s.attribution.top()
				}
			}
		}
	}
	if tg == nil && (kind == "THREATENS" || kind == "CRITICIZES") {
		// "promised a tough response to the new sanctions": to whoever imposed them
		for q := end; q < len(s.toks) && q-end <= 3; q++ {
			if w := s.toks[q].lower; w == "to" || w == "for" || w == "over" {
				if measureNouns[s.lower(skipArticle(s, q+1))] {
					if x := a.sanctioner(sp); x != nil {
						if !x.media {
							x = x.top()
						}
						tg = x
					}
				}
				break
			}
		}
	}
	if tg == nil && kind == "DENIES" && s.lower(end) == "of" {
		// "China's rejection of Indian accusations": the accusations' owner;
		// "its denial of the allegations": whoever made them
		q := skipArticle(s, end+1)
		if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].ent != nil && (s.ments[mi].kind == mActor || s.ments[mi].kind == mDemonym) && accusationNouns[s.lower(s.ments[mi].end)] {
			if e := s.ments[mi].ent; e.top() != sp.top() {
				tg = e
			}
		} else if accusationNouns[s.lower(q)] {
			tg = a.antecedentAccuser(sp)
		}
		conf -= 0.05
	}
	if tg == nil && kind != "ACCUSES" && kind != "DENIES" {
		tg = a.opponent(sp)
		conf -= 0.25
		if kind == "THREATENS" && s.attribution == sp && futureGoverned(s, i) {
			// "'Such behaviour will trigger a resolute retaliation,' X
			// said": a promised response needs no named target
			conf += 0.15
		}
	}
	if tg == nil {
		return
	}
	for _, speaker := range append([]*entity{sp}, coSpeakers...) {
		if tgIdx >= 0 {
			cs := s.coordinated(tgIdx, 1)
			for _, c := range cs {
				a.add(si, kind, speaker, s.ments[c].ent, conf)
			}
			if l := cs[len(cs)-1]; s.ments[l].ent != nil && s.ments[l].ent.typ == "PERSON" {
				// "on two Russians, Ruslan Peretyatko, an FSB officer, and Andrey Korinets"
				for _, p := range s.personList(l)[1:] {
					a.add(si, kind, speaker, p, conf)
				}
			}
			continue
		}
		a.add(si, kind, speaker, tg, conf)
	}
}

// lastSpeaker is the speaker of the latest statement before sentence si.
func (a *analysis) lastSpeaker(si int) *entity {
	for k := len(a.stmts) - 1; k >= 0; k-- {
		if a.stmts[k].sent < si {
			return a.stmts[k].speaker
		}
	}
	if si > 0 {
		return a.sents[si-1].attribution
	}
	return nil
}

// antecedentAccuser answers "X denied the allegations": the side behind the
// latest accusation or charge against X's side. An official or agency
// accuses for its state, so the denial answers the state; a news outlet
// answers for itself.
func (a *analysis) antecedentAccuser(den *entity) *entity {
	return a.antecedentAccuserOf(den, false)
}

// groupAccuser is the last resort for a denial by a state's official or
// agency when no one accused the state itself: "a report that linked a
// hacking group known as OceanLotus to the Vietnamese government" accused
// only the group, which the article ties to the denier's state.
func (a *analysis) groupAccuser(den *entity) *entity {
	if den.typ == "STATE" || den.top().typ != "STATE" {
		return nil
	}
	for _, st := range a.stmts {
		if (st.kind == "ACCUSES" || st.kind == "INDICTS") && st.target != nil && st.target.top() == den.top() && st.speaker.top() != den.top() {
			return nil
		}
	}
	acc := a.antecedentAccuserOf(den, true)
	if acc != nil && acc.typ == "PERSON" {
		// the researcher's firm, the minister's state: the side answered;
		// an unplaced person is no side to answer
		if acc.affil == nil {
			return nil
		}
		acc = acc.top()
	}
	return acc
}

func (a *analysis) antecedentAccuserOf(den *entity, viaGroup bool) *entity {
	accuses := func(st stmt) bool {
		if (st.kind != "ACCUSES" && st.kind != "INDICTS") || st.target == nil || st.speaker.top() == den.top() {
			return false
		}
		if viaGroup {
			return st.target.typ == "GROUP" && st.target.affil == nil && den.top().typ == "STATE" && a.coMentioned(st.target, den.top())
		}
		return st.target.top() == den.top()
	}
	sideOf := func(sp *entity) *entity {
		if sp.media {
			return sp
		}
		side := sp.top()
		if side.typ == "PERSON" {
			// an unplaced official ("Prime Minister Edi Rama" under a TIRANA dateline)
			if ds := a.datelineState(); ds != nil && ds != den.top() {
				side = ds
			}
		}
		return side
	}
	for k := len(a.stmts) - 1; k >= 0; k-- {
		st := a.stmts[k]
		if !accuses(st) {
			continue
		}
		// several accusers in one sentence: the denial answers them all,
		// unless they are one side (an unplaced official and the state he speaks for)
		var side *entity
		for _, o := range a.stmts {
			if o.sent != st.sent || !accuses(o) {
				continue
			}
			os := sideOf(o.speaker)
			if os.typ == "PERSON" {
				continue
			}
			if side != nil && os != side {
				return nil
			}
			side = os
		}
		if side == nil {
			side = sideOf(st.speaker)
		}
		return side
	}
	return nil
}

// opponent is the actor the speaker's side argues with: the latest target of
// a statement by the same side, else the state other than its own the article names most.
func (a *analysis) opponent(sp *entity) *entity {
	side := sp.top()
	if sp.typ == "PERSON" && sp.affil == nil {
		// an unplaced official ("Foreign Minister X" under an OTTAWA dateline)
		// speaks for the dateline's state when there is one
		if st := a.datelineState(); st != nil {
			side = st
		}
	}
	for k := len(a.stmts) - 1; k >= 0; k-- {
		st := a.stmts[k]
		if st.target != nil && st.speaker.top() == side && st.target.top() != side {
			return st.target.top()
		}
	}
	// else the side that last acted against the speaker's ("reserves the
	// right to respond" to the sanctions the EU imposed)
	var against *entity
	count := map[*entity]int{}
	for _, st := range a.stmts {
		if st.target != nil && st.target.top() == side && st.speaker.top() != side && st.speaker.top().typ != "PERSON" && st.kind != "DENIES" {
			e := st.speaker.top()
			count[e]++
			if against == nil || count[e] >= count[against] {
				against = e // the most active, the latest on a tie
			}
		}
	}
	if against != nil {
		return against
	}
	// else the side the article's statements most often target ("the bloc
	// would not rule out further sanctions" after Lithuania accused Belarus)
	targeted := map[*entity]int{}
	var most *entity
	for _, st := range a.stmts {
		if st.target == nil || st.target.top() == side || st.target.top().typ != "STATE" {
			continue
		}
		e := st.target.top()
		targeted[e]++
		if most == nil || targeted[e] > targeted[most] {
			most = e
		}
	}
	if most != nil {
		return most
	}
	var best *entity
	for _, e := range a.order {
		if e.typ == "STATE" && e != side && (best == nil || e.mentions > best.mentions) {
			best = e
		}
	}
	return best
}

// pronounAfter reports "it" or "them" within n tokens after end.
func pronounAfter(s *sentInfo, end, n int) bool {
	for q := end; q < len(s.toks) && q-end < n; q++ {
		if w := s.toks[q].lower; w == "it" || w == "them" {
			return true
		}
	}
	return false
}

// measuredAgainst reports whether the article has tg sanction (expel,
// designate) the speaker's side, so that a vowed response answers tg:
// "Latvia expelled two Belarusian diplomats ... the embassy said it would
// respond in kind".
func (a *analysis) measuredAgainst(tg, sp *entity) bool {
	side := sp.top()
	for _, st := range a.stmts {
		by := st.speaker.top() == tg.top() || st.speaker.typ == "PERSON" && st.speaker.affil == nil && a.datelineState() == tg.top()
		if st.kind == "SANCTIONS" && st.target != nil && by && st.target.top() == side && st.conf >= DefaultMinConfidence {
			return true
		}
	}
	return false
}

// dateOpener returns the token after a date that opens the sentence without
// a comma ("In 2018 Britain ...", "In March 2024 the United States ...",
// "On Monday Seoul ..."), or 0.
func dateOpener(s *sentInfo) int {
	if len(s.toks) < 3 || (s.toks[0].lower != "in" && s.toks[0].lower != "on") {
		return 0
	}
	k := 1
	for k < len(s.toks) && (isNumber(s.toks[k].lower) || dateWord(s.toks[k].lower) || monthAbbrev(s.toks[k].text)) {
		k++
	}
	if k == 1 || s.mentionAt(k) < 0 && s.lower(k) != "the" {
		return 0
	}
	return k
}

// commaBetween reports whether a comma stands between tokens i and j.
func commaBetween(s *sentInfo, i, j int) bool {
	for t := i; t < j && t < len(s.toks); t++ {
		if s.toks[t].text == "," {
			return true
		}
	}
	return false
}

// priceAfter reports whether a price follows "charged" before any "with"
// ("charged clients between $10,000 and $75,000", "charged a fee").
func priceAfter(s *sentInfo, end int) bool {
	for j := end; j < len(s.toks) && j-end <= 8; j++ {
		switch w := s.toks[j].lower; w {
		case "with", "over", "for", "in":
			if w != "for" || j+1 < len(s.toks) && s.lower(j+1) != "each" && s.lower(j+1) != "every" {
				return false
			}
		case "$", "€", "£", "¥", "fee", "fees", "dollars", "euros", "pounds", "yuan", "per":
			return true
		default:
			if strings.HasPrefix(w, "$") || strings.HasPrefix(w, "€") || strings.HasPrefix(w, "£") {
				return true
			}
		}
	}
	return false
}

// datelineEnd returns the token after a dateline that opens the sentence
// ("BRUSSELS/BEIJING (Wire) -", "SEOUL, Jan 15 -"), or 0 when there is none:
// cities in capitals, then a date or an agency in parentheses, then a dash.
func datelineEnd(s *sentInfo) int {
	if len(s.toks) >= 4 && isCap(s.toks[0].text) && !isAllCaps(s.toks[0].text) && s.lower(1) == "," && s.mentionAt(0) >= 0 {
		// a press release's "Brussels, 14 October - ": a place and a date
		for j := 2; j < len(s.toks) && j <= 7; j++ {
			switch w := s.toks[j].text; {
			case w == "-":
				if j > 2 {
					return j + 1
				}
				return 0
			case w == "," || isNumber(w) || monthAbbrev(w) || len(w) >= 3 && isAllCaps(w):
				// "Tehran, IRNA - ": the agency that filed it, no actor
			default:
				return 0
			}
		}
		return 0
	}
	if len(s.toks) < 3 || len(s.toks[0].text) < 3 || !isAllCaps(s.toks[0].text) {
		return 0
	}
	paren := false
	for j := 1; j < len(s.toks) && j <= 12; j++ {
		w := s.toks[j].text
		switch {
		case w == "-" || w == "–" || w == "—":
			return j + 1
		case w == "(":
			paren = true
		case w == ")":
			paren = false
		case paren || w == "/" || w == "," || w == "." || isAllCaps(w) || isNumber(w) || monthAbbrev(w):
		default:
			return 0
		}
	}
	return 0
}

// monthAbbrev reports whether w names a month ("Jan", "March").
func monthAbbrev(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
		"jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december":
		return true
	}
	return false
}

// sentenceSubject is the first actor of the sentence before token i that no
// preposition governs and that is not a possessor.
func (a *analysis) sentenceSubject(s *sentInfo, i int) *entity {
	from := 0
	if d := dateOpener(s); d > 0 {
		from = d // "In 2018 Britain blamed ..., and expelled": the date is no clause
	} else if len(s.toks) > 0 && (blockers[s.toks[0].lower] || s.toks[0].lower == "as" || s.toks[0].lower == "according") {
		// "At his press conference on Tuesday, a day after ..., the spokesman ..."
		for j, t := range s.toks {
			if j >= i {
				break
			}
			if t.text == "," {
				from = j
			}
			if s.mentionAt(j) >= 0 && (s.lower(j-1) == "," && from == j-1 || s.lower(j-1) == "the" && s.lower(j-2) == "," && from == j-2) {
				break // "In a separate statement, the FIA, which ..., said"
			}
		}
	}
	if d := datelineEnd(s); d > from {
		from = d // "BRUSSELS/BEIJING (Wire) - NATO allies condemned ...": the city is no subject
	}
	for _, m := range s.ments {
		if m.end > i {
			break
		}
		if m.start < from {
			continue
		}
		if m.ent == nil || m.kind == mDemonym {
			continue
		}
		p := m.start - 1
		for p >= 0 && (s.toks[p].lower == "the" || s.toks[p].lower == "a") {
			p--
		}
		if p >= 0 && blockers[s.toks[p].lower] && !roleHolder(s, p) {
			continue
		}
		if w := s.lower(m.end); w == "'s" || w == "'" {
			continue
		}
		if m.kind == mWe {
			return s.attribution
		}
		return m.ent
	}
	return nil
}

func firstIncident(s *sentInfo) *entity {
	if len(s.incidents) > 0 {
		return s.incidents[0]
	}
	return nil
}

// newClause reports a coordinated clause between tokens i and j: "opposes
// this and will take ...".
func newClause(s *sentInfo, i, j int) bool {
	for t := i; t+1 < j; t++ {
		if s.toks[t].lower == "and" || s.toks[t].lower == "but" {
			switch s.toks[t+1].lower {
			case "will", "would", "has", "have", "had", "is", "was", "said", "called", "urged", "vowed", "warned", "added":
				return true
			}
		}
	}
	return false
}

// clauseSubject reports a mention after the verb at i that opens a clause
// of its own, as the subject of a past-tense verb after ", and": "designated
// the same five individuals, and Australia imposed ...".
func clauseSubject(s *sentInfo, i int, m mention) bool {
	p := m.start
	if s.lower(p-1) == "the" {
		p--
	}
	if p-2 <= i || s.lower(p-1) != "and" || s.lower(p-2) != "," {
		return false
	}
	w := s.lower(m.end)
	return len(w) > 3 && strings.HasSuffix(w, "ed") && !isCap(s.toks[m.end].text)
}

// modal reports a future or hypothetical frame before token i in its clause:
// "will", "would", "could", "threatened to", "vowed to", "ready to".
func modal(s *sentInfo, i int) bool {
	for j := i - 1; j >= 0 && i-j <= 8; j-- {
		switch w := s.toks[j].lower; w {
		case ".", ";", ",":
			return false
		case "will", "would", "could", "may", "might", "shall":
			return true
		case "to":
			if p := s.lower(j - 1); p == "threatened" || p == "threatens" || p == "vowed" || p == "vows" || p == "ready" || p == "prepared" || p == "considering" || p == "plans" || p == "planning" {
				return true
			}
		}
	}
	return false
}

// reasonBetween reports a reason or circumstance phrase between tokens i and
// j: the target comes before "over the cyberattack", "for", "amid".
func reasonBetween(s *sentInfo, i, j int) bool {
	for t := i; t < j; t++ {
		switch s.toks[t].lower {
		case "over", "for", "amid", "because", "despite", "regarding":
			return t > i
		}
	}
	return false
}

// nounPhrase reports a phrase trigger that names a measure ("travel bans").
func nounPhrase(p string) bool {
	first, _, _ := strings.Cut(p, " ")
	switch first {
	case "travel", "asset", "retaliatory", "reciprocal":
		return true
	}
	return false
}

// nonState reports persons, groups and companies, which coordinate with each
// other but not with states and agencies.
func nonState(e *entity) bool {
	return e.typ == "PERSON" || e.typ == "GROUP" || e.company
}

// dateWord reports a weekday or month name: "on Monday" is a date, not a target.
func dateWord(w string) bool {
	_, wd := weekdays[w]
	_, mo := months[w]
	return wd || mo
}

// startsClause reports whether the list starting at mention k is the subject
// of a new clause: a verb follows the list.
func startsClause(s *sentInfo, k int) bool {
	for k+1 < len(s.ments) {
		gap := s.toks[s.ments[k].end:s.ments[k+1].start]
		if len(gap) == 0 || len(gap) > 2 {
			break
		}
		ok := true
		for _, t := range gap {
			if t.lower != "and" && t.lower != "," && t.lower != "the" {
				ok = false
			}
		}
		if !ok {
			break
		}
		k++
	}
	w := s.lower(s.ments[k].end)
	if auxiliaries[w] || embeddedSubject[w] || speechVerbs[w] || w == "also" {
		return true
	}
	for _, it := range s.items {
		if it.start == s.ments[k].end {
			for _, h := range it.hits {
				if h.kind == hitVerb || h.kind == hitPhrase {
					return true
				}
			}
		}
	}
	return false
}

// pairBefore returns the index of a "the two countries" mention that is the
// subject of the trigger at i, or -1.
func (a *analysis) pairBefore(s *sentInfo, i int) int {
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := s.ments[k]
		if m.end > i {
			continue
		}
		if m.kind == mPair && i-m.end <= 3 {
			return k
		}
		if m.kind == mActor {
			return -1
		}
	}
	return -1
}

// groupBefore is the last group of people mentioned before token i of
// sentence si or in the sentence before it, or nil.
func (a *analysis) groupBefore(si, i int) *entity {
	for k := si; k >= 0 && k >= si-1; k-- {
		ms := a.sents[k].ments
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			if k == si && m.end > i {
				continue
			}
			if m.kind == mActor && m.ent != nil && m.ent.typ == "GROUP" && (countedPeople(m.ent.name) || actorGroup(m.ent.name)) {
				return m.ent
			}
		}
	}
	return nil
}

// namedBefore reports whether e is mentioned before token i of sentence si:
// "both sides" refers back to the two it stands for.
func (a *analysis) namedBefore(e *entity, si, i int) bool {
	for k := 0; k <= si && k < len(a.sents); k++ {
		for _, m := range a.sents[k].ments {
			if m.ent == e && (k < si || m.end <= i) {
				return true
			}
		}
	}
	return false
}

// mainPair is the two states the article names most (ties: named first).
func (a *analysis) mainPair() (*entity, *entity) {
	var x, y *entity
	for _, e := range a.order {
		if e.typ != "STATE" || e.mentions == 0 {
			continue
		}
		switch {
		case x == nil || e.mentions > x.mentions:
			x, y = e, x
		case y == nil || e.mentions > y.mentions:
			y = e
		}
	}
	return x, y
}

// opposesAccusations reports whether a criticism's object is an accusation
// ("opposes the groundless accusations by X", "slammed the claims of X"):
// criticizing an accusation rejects it, so the reading is a denial of X.
func (a *analysis) opposesAccusations(s *sentInfo, end int) bool {
	for j := end; j < len(s.toks) && j-end <= 4; j++ {
		w := s.toks[j].lower
		switch w {
		case "accusations", "accusation", "allegations", "allegation", "claims", "accusing", "smears", "smear", "slander", "slanders", "lies", "fabrications", "hype", "hyping":
			n := s.lower(j + 1)
			if n == `"` || n == "'" {
				n = s.lower(j + 2)
			}
			return n == "by" || n == "from" || n == "of" || n == "made" || n == "against" || n == "that" || n == "," || n == "." || n == "and" || n == ";" || n == ""
		}
		if s.mentionAt(j) >= 0 && !(j > end && s.ments[s.mentionAt(j)].kind == mDemonym) {
			if mi := s.mentionAt(j); s.ments[mi].kind != mDemonym {
				// "X's accusations": possessor then the noun
				k := s.ments[mi].end
				if s.lower(k) == "'s" || s.lower(k) == "'" {
					k++
				}
				for s.lower(k) == `"` || s.lower(k) == "'" || isEvaluative(s.lower(k)) {
					k++ // Japan's "unfounded" accusations
				}
				if w2 := s.lower(k); w2 == "accusations" || w2 == "allegations" || w2 == "claims" || w2 == "accusation" || claimDocument[w2] {
					return true
				}
				return false
			}
		}
	}
	return false
}

// claimDocument are the papers a side's claims come in: opposing "the EU
// declaration" or "Washington's report" rejects what its author claims.
var claimDocument = map[string]bool{"declaration": true, "statement": true, "report": true, "findings": true, "charges": true, "remarks": true}

// lawActs reports whether a passive legal act is the arrest or charge of
// suspects ("were arrested on suspicion of", "was charged with spying").
func (a *analysis) lawActs(s *sentInfo, i, end int) bool {
	w := s.toks[i].lower
	if strings.HasPrefix(w, "arrest") || strings.HasPrefix(w, "detain") {
		for j := end; j < len(s.toks) && j-end <= 8; j++ {
			switch s.toks[j].lower {
			case "suspicion", "charges", "accused", "spying", "espionage", "sabotage", "treason":
				return true
			}
		}
		return false
	}
	return strings.HasPrefix(w, "charg") || strings.HasPrefix(w, "indict")
}

// lawAuthority is the agency that reports a legal act in its sentence
// ("..., federal prosecutors said"): a prosecutor, court, police or
// ministry, never a person or a news outlet.
func (a *analysis) lawAuthority(s *sentInfo) *entity {
	e := s.attribution
	if e == nil || e.typ != "AGENCY" {
		return nil
	}
	n := strings.ToLower(e.name)
	for _, w := range []string{"prosecut", "police", "justice", "court", "investigat", "law enforcement", "security", "intelligence", "interior", "home office", "bureau", "attorney"} {
		if strings.Contains(n, w) {
			return e
		}
	}
	return nil // "..., the foreign ministry said" reports an arrest it did not make
}

// suspects is the subject right before the auxiliary at p of a passive legal
// act: a person or group mention ("Two German citizens were arrested"), or a
// counted group noun the lexicon knows ("Two men were arrested").
func (a *analysis) suspects(s *sentInfo, p int) *entity {
	for _, m := range s.ments {
		if m.end == p && m.ent != nil && m.kind == mActor && (m.ent.typ == "PERSON" || m.ent.typ == "GROUP") {
			return m.ent
		}
	}
	for _, it := range s.items {
		if it.end != p {
			continue
		}
		if _, ok := it.has(hitGroupNoun); !ok || s.mentionAt(it.start) >= 0 {
			continue
		}
		start := it.start
		if start > 0 && (isNumber(s.toks[start-1].lower) || numberWords[s.toks[start-1].lower]) {
			start--
		} else {
			continue
		}
		if start > 0 && s.mentionAt(start-1) >= 0 {
			continue
		}
		e := a.get(canonicalGroup(s.span(start, p)), "GROUP")
		a.addMention(s, start, p, e, mActor)
		return e
	}
	return nil
}

// reportingOfficial is a person of state st who opens the sentence and
// reports what the state will do: "spokesman X ... warned that Iran would
// respond", "X said Russia reserved the right to retaliate".
func (a *analysis) reportingOfficial(s *sentInfo, st *entity) *entity {
	for k, m := range s.ments {
		if m.ent == nil || m.kind != mActor {
			continue
		}
		agency := m.ent.typ == "AGENCY" && m.ent.top() == st && k < 3
		// an unplaced official ("He added that Israel would respond") reports for the state named
		if !agency && (m.ent.typ != "PERSON" || m.ent.top() != st && m.ent.affil != nil) {
			if m.ent.typ != "PERSON" && m.ent.top() == st && k < 3 {
				continue // the dateline
			}
			return nil
		}
		for j := m.end; j < len(s.toks); j++ {
			switch s.toks[j].lower {
			case "warned", "warning", "said", "saying", "added", "told", "stressed", "vowed":
				n := j + 1
				if s.lower(n) == "the" {
					n++
				}
				if mi := s.mentionAt(n); mi >= 0 && s.ments[mi].ent == st || s.lower(j+1) == "that" {
					return m.ent // "The White House said the United States would ..."
				}
			}
			if mi := s.mentionAt(j); mi >= 0 && s.ments[mi].ent == st && !blockers[s.lower(s.ments[mi].start-1)] {
				break // the state is named before any report verb ("attacks on Poland" does not count)
			}
		}
		if agency {
			continue // the person's ministry
		}
		return nil
	}
	return nil
}

// negated reports whether the trigger at i is negated or withheld: "did not
// accuse", "has never blamed", "stopped short of accusing", "declined to
// condemn", "without naming" ("not only" is no negation).
func negated(s *sentInfo, i int) bool {
	for j := i - 1; j >= 0 && i-j <= 3; j-- {
		switch w := s.toks[j].lower; w {
		case "not", "n't", "never", "without", "neither", "nor":
			n := s.lower(j + 1)
			return n != "only" && n != "hesitate" && n != "hesitated" && n != "stopped" && n != "ceased"
		case "short":
			return s.lower(j+1) == "of"
		case "declined", "refused", "declines", "refuses", "declining", "refusing", "failed", "fails":
			return s.lower(j+1) == "to"
		case ",", ";", `"`, "and", "but", "that", "which", "who":
			return false
		}
	}
	return false
}

// rejectsRequest reports whether a rejection's object is a request or an
// offer rather than a claim: "rejected the call for an inquiry".
func rejectsRequest(s *sentInfo, end int) bool {
	for j := end; j < len(s.toks) && j-end <= 5; j++ {
		switch s.toks[j].lower {
		case "call", "calls", "request", "requests", "proposal", "proposals", "offer", "offers", "invitation", "plan", "plans", "bid", "appeal", "appeals", "application", "demand", "demands", "motion", "resolution", "draft":
			return true
		case ",", ".", "as", "that", "accusations", "allegations", "claims", "claim", "accusation", "allegation", "charges", "report", "reports":
			return false
		}
	}
	return false
}

// nameLaterSpokespeople gives a statement made by "a Foreign Ministry
// spokesman" to the one spokesperson of that agency the article names
// ("The spokesman, Li Ming, said ..."): the speaker is the most specific actor.
func (a *analysis) nameLaterSpokespeople() {
	for k := range a.stmts {
		st := &a.stmts[k]
		if st.speaker.typ != "AGENCY" {
			continue
		}
		s := &a.sents[st.sent]
		unnamed := false
		for mi, m := range s.ments {
			if m.ent == st.speaker && m.kind == mActor && isSpokesWord(s.lower(m.end)) && (mi+1 >= len(s.ments) || s.ments[mi+1].start > m.end+1 || s.ments[mi+1].ent == nil || s.ments[mi+1].ent.typ != "PERSON") {
				unnamed = true
			}
		}
		if !unnamed {
			continue
		}
		var person *entity
		n := 0
		for _, e := range a.order {
			if e.typ == "PERSON" && (e.affil == st.speaker || e.affil == nil) && isSpokesWord(strings.ToLower(e.role)) && e.mentions > 0 {
				person = e
				n++
			}
		}
		if n == 1 {
			if person.affil == nil {
				person.affil, person.country = st.speaker, st.speaker.country
			}
			st.speaker = person
		}
	}
}

func isSpokesWord(w string) bool {
	return strings.HasPrefix(w, "spokes") || w == "deputy spokesperson" || w == "press secretary"
}

// conjunctionBetween reports a subordinate clause opening between a trigger
// and a candidate target: "urged all sides to show restraint after Iran
// launched drones" does not urge Iran.
func conjunctionBetween(s *sentInfo, i, j int) bool {
	for t := i + 1; t < j; t++ {
		switch s.toks[t].lower {
		case "after", "because", "when", "while", "amid", "before":
			return true
		}
	}
	return false
}

// arguedWith reports whether an earlier statement links the speaker's side
// and tg, either way round.
func (a *analysis) arguedWith(sp, tg *entity) bool {
	if tg == nil {
		return false
	}
	for _, st := range a.stmts {
		if st.target == nil {
			continue
		}
		if st.speaker.top() == sp.top() && st.target.top() == tg.top() || st.speaker.top() == tg.top() && st.target.top() == sp.top() {
			return true
		}
	}
	return false
}

// accused reports whether some statement already accuses tg's side.
func (a *analysis) accused(tg *entity) bool {
	for _, st := range a.stmts {
		if st.target != nil && tg != nil && st.target.top() == tg.top() && (st.kind == "ACCUSES" || st.kind == "INDICTS") {
			return true
		}
	}
	return false
}

// namedAfter reports whether tg's side is named after token i in s.
func namedAfter(s *sentInfo, i int, tg *entity) bool {
	for _, m := range s.ments {
		if m.start >= i && m.ent != nil && tg != nil && m.ent.top() == tg.top() {
			return true
		}
	}
	return false
}

// hypotheticalAct reports a measure only imagined: "any decision to expel",
// "any attempt to sanction".
// inquiryVerbs ask a third party for help rather than an opponent to stop.
var inquiryVerbs = map[string]bool{
	"investigate": true, "probe": true, "examine": true, "mediate": true, "verify": true, "assist": true,
	"inquire": true,
}

// inquiryRequest reports a request whose infinitive, within a few words of
// the addressee, asks for an inquiry or help: "asked the UN to investigate".
func inquiryRequest(s *sentInfo, end int) bool {
	for q := end; q < len(s.toks) && q-end <= 6; q++ {
		if s.toks[q].lower == "to" {
			return inquiryVerbs[s.lower(q+1)]
		}
		if w := s.toks[q].text; w == "," || w == "." || w == ";" {
			return false
		}
	}
	return false
}

// voicedBy returns the agent of "was repeated/echoed/voiced ... by X" after a
// stance noun ending at end, or nil.
func voicedBy(s *sentInfo, end int) *entity {
	for q := end; q < len(s.toks) && q-end <= 8; q++ {
		switch s.toks[q].lower {
		case "repeated", "echoed", "voiced", "reiterated", "expressed", "delivered", "conveyed":
			if !auxiliaries[s.lower(q-1)] {
				return nil
			}
			for k := q + 1; k < len(s.toks) && k-q <= 5; k++ {
				if s.toks[k].lower != "by" {
					continue
				}
				for j := namedAgent(s, k+1); j < len(s.toks) && j-k <= 5; j++ {
					// past a title the lexicon does not hold: "by External Affairs Minister X"
					if mi := s.mentionAt(j); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
						return s.ments[mi].ent
					}
					if !isCap(s.toks[j].text) {
						return nil
					}
				}
				return nil
			}
			return nil
		case ",", ".", ";":
			return nil
		}
	}
	return nil
}

// weighedAct are verbs that put a measure under consideration.
var weighedAct = map[string]bool{
	"considering": true, "weighing": true, "mulling": true, "contemplating": true, "discussing": true,
	"consider": true, "weigh": true, "mull": true, "contemplate": true, "discuss": true, "considers": true, "weighs": true,
}

func hypotheticalAct(s *sentInfo, i int) bool {
	if s.lower(i-1) != "to" {
		return false
	}
	switch s.lower(i - 2) {
	case "whether", "how", "if":
		return true // "has not decided whether to sanction"
	case "decision", "attempt", "move", "plan", "plans", "bid", "effort", "efforts", "decisions", "attempts", "moves":
		q := s.lower(i - 3)
		return q == "any" || q == "further" || q == "future"
	}
	return false
}

// openQuestion reports a cue inside a question left open before it: "did
// not say whether Seoul would retaliate", "it was unclear whether Tokyo would
// respond".
func openQuestion(s *sentInfo, i int) bool {
	for k := i - 1; k > 0 && i-k <= 8; k-- {
		if w := s.lower(k); w == "," || w == ";" {
			return false
		}
		if s.lower(k) != "whether" {
			continue
		}
		switch s.lower(k - 1) {
		case "say", "said", "says", "unclear", "clear", "know", "known", "disclose", "specify", "confirm", "asked", "asking":
			return true // "Asked whether Tokyo would respond, ..." is a question too
		}
		return false
	}
	return false
}

// deniedContent reports whether an actor after a denial is part of what is
// denied, not its accuser: "denied supplying drones to Russia", "denied any
// involvement in the attack on Israel".
func deniedContent(s *sentInfo, i, j int) bool {
	for t := i; t < j; t++ {
		w := s.toks[t].lower
		if strings.HasSuffix(w, "ing") && w != "including" && len(w) > 4 {
			return true
		}
		switch w {
		case "involvement", "role", "responsibility", "participation", "links", "ties", "that", "any", "having", "part":
			return true
		}
	}
	return false
}

// sameSentenceAccusers gives a denial without a target the one accuser the
// same sentence names later: "North Korea denied any involvement in the hack,
// which the FBI blamed on Pyongyang".
//
// Accusers the sentence coordinates ("Germany and Poland blamed APT28 for the
// attacks, which Russia denied") are each answered.
func (a *analysis) sameSentenceAccusers() {
	for k, n := 0, len(a.stmts); k < n; k++ {
		d := a.stmts[k]
		if d.kind != "DENIES" || d.target != nil {
			continue
		}
		var accs []*entity
		var conf float64
		for _, st := range a.stmts[:n] {
			if st.sent == d.sent && st.kind == "ACCUSES" && st.target != nil && (st.target.top() == d.speaker.top() || st.target.typ == "GROUP" && st.target.affil == nil) && st.speaker.top() != d.speaker.top() {
				// an unplaced group accused ("blamed APT28, which Russia denied") counts as the denier's side
				if len(accs) == 0 || st.speaker != accs[len(accs)-1] {
					accs = append(accs, st.speaker)
					conf = st.conf
				} else {
					continue
				}
			}
		}
		if len(accs) == 1 {
			a.stmts[k].target = accs[0]
			continue
		}
		if len(accs) < 2 || len(accs) > 4 || conf < 0.85 || !sameKind(accs) {
			continue // several accusers of unlike standing: no one answered for sure
		}
		a.stmts[k].target = accs[0]
		for _, acc := range accs[1:] {
			o := d
			o.target = acc
			a.stmts = append(a.stmts, o)
		}
	}
}

// sameKind reports whether the actors are all of one type (all states, all
// agencies), as coordinated accusers are.
func sameKind(es []*entity) bool {
	for _, e := range es[1:] {
		if e.typ != es[0].typ {
			return false
		}
	}
	return true
}

// accuserBy finds the author of a claim named after token i: "accusations
// by X", "a smear campaign by X", "claims from X".
func accuserBy(s *sentInfo, i int) *entity {
	// "rejected the Czech accusations", "dismissed Washington's claims"
	for j := i; j < len(s.toks) && j-i <= 4; j++ {
		if s.toks[j].text == "," || s.toks[j].text == "." {
			break
		}
		mi := s.mentionAt(j)
		if mi < 0 || s.ments[mi].ent == nil || s.ments[mi].ent.typ != "STATE" {
			continue
		}
		e := s.ments[mi].end
		if w := s.lower(e); w == "'s" || w == "'" {
			e++
		}
		for q := e; q < len(s.toks) && q-e <= 2; q++ {
			switch s.toks[q].lower {
			case "accusations", "accusation", "allegations", "allegation", "claims", "claim", "charges":
				return s.ments[mi].ent
			}
		}
		break
	}
	for j := i; j+1 < len(s.toks); j++ {
		if w := s.toks[j].lower; w != "by" && w != "from" {
			continue
		}
		claim := false
		if v := s.lower(j - 1); (v == "up" && s.lower(j-2) == "cooked" || v == "fabricated" || v == "concocted" || v == "invented" || v == "orchestrated") && j-i <= 12 {
			claim = true // "a smear campaign" cooked up by "the U.S."
		}
		for q := j - 1; q >= i && j-q <= 3; q-- {
			switch s.toks[q].lower {
			case "accusations", "accusation", "allegations", "allegation", "claims", "campaign", "smear", "lies", "slander", "fabrication", "fabrications":
				claim = true
			}
		}
		if !claim {
			continue
		}
		k := j + 1
		if s.lower(k) == `"` || s.lower(k) == "'" {
			k++
		}
		if s.lower(k) == "the" {
			k++
		}
		if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			return s.ments[mi].ent
		}
	}
	return nil
}

// relativeSpeaker returns the actor a relative "who" before token n hangs
// on: "a statement by a foreign ministry spokesperson who called the
// accusations ...", or nil.
func relativeSpeaker(s *sentInfo, n int) *entity {
	for q := n - 1; q > 0 && n-q <= 4; q-- {
		if s.lower(q) != "who" {
			continue
		}
		p := q - 1
		if isSpokesWord(s.lower(p)) || s.lower(p) == "official" || s.lower(p) == "officials" {
			p--
		}
		if mi := s.mentionAt(p); mi >= 0 && s.ments[mi].end == p+1 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ != "GROUP" {
			return s.ments[mi].ent
		}
		return nil
	}
	return nil
}

// laterOutlet is the news outlet a later sentence names as the author of a
// report ("the report by The New York Times", "The Times report"), for an
// unnamed "media report" before it; nil unless exactly one outlet is named so.
func (a *analysis) laterOutlet(s *sentInfo) *entity {
	si := -1
	for k := range a.sents {
		if &a.sents[k] == s {
			si = k
		}
	}
	if si < 0 {
		return nil
	}
	var out *entity
	for k := si + 1; k < len(a.sents); k++ {
		t := &a.sents[k]
		for _, m := range t.ments {
			if m.ent == nil || !m.ent.media || m.kind != mActor {
				continue
			}
			after := t.lower(m.end)
			before := t.lower(m.start - 1)
			if m.start > 0 && t.lower(m.start-1) == "the" {
				before = t.lower(m.start - 2)
			}
			if after == "report" || after == "reported" || after == "'s" && t.lower(m.end+1) == "report" || before == "by" && (t.lower(m.start-2) == "report" || t.lower(m.start-3) == "report") {
				if out != nil && out != m.ent {
					return nil
				}
				out = m.ent
			}
		}
	}
	return out
}

// reducedPassive reports a past participle right after an actor that reads
// as a passive without its auxiliary: "Russia accused of targeting ..." (an
// active "accused" takes its object before "of"), "hackers sanctioned by EU".
func reducedPassive(s *sentInfo, i, end int) bool {
	if !strings.HasSuffix(s.toks[i].lower, "ed") || i == 0 {
		return false
	}
	mi := s.mentionAt(i - 1)
	if mi < 0 || s.ments[mi].end != i || s.ments[mi].ent == nil {
		return false
	}
	switch s.lower(end) {
	case "by":
		return true
	case "of", "over", "for", "with":
		return s.title || s.headline() || s.lower(s.ments[mi].start-1) == ","
	}
	return false
}

// participle reports a present participle opening a clause after a comma:
// "..., accusing them of", "..., saying".
func participle(s *sentInfo, i int) bool {
	return strings.HasSuffix(s.toks[i].lower, "ing") && s.lower(i-1) == ","
}

// wrongSubject reports a passive clause whose subject (ending before the
// auxiliary at p) is an attack or another wrong: "The attacks were condemned".
func wrongSubject(s *sentInfo, p int) bool {
	for q := p - 1; q >= 0 && p-q <= 3; q-- {
		if w := s.toks[q].lower; attackWords[w] || wrongNouns[w] {
			return true
		}
	}
	return false
}

// pronounSubject reports a clause subject "this", "that" or "it" right before
// token i, past auxiliaries, modals and negation: "this will not remain".
func pronounSubject(s *sentInfo, i int) bool {
	q := i - 1
	for q > 0 {
		switch s.toks[q].lower {
		case "will", "would", "shall", "not", "never", "also", "must", "can", "cannot", "could":
			q--
			continue
		}
		break
	}
	w := s.lower(q)
	return w == "this" || w == "that" || w == "it"
}

// measurePhrase reports a threat phrase that names a measure without the
// intent to take it ("take countermeasures", "corresponding measures").
func measurePhrase(w string) bool {
	for _, p := range []string{"take ", "further ", "corresponding ", "resolute ", "firm ", "strong ", "decisive ", "countermeasures against", "retaliatory measures", "reciprocal measures"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// intentBefore reports a modal or a verb of intent shortly before token i:
// "would take", "vowed to take", "reserves the right to take", "is ready to".
func intentBefore(s *sentInfo, i int) bool {
	for q := i - 1; q >= 0 && i-q <= 5; q-- {
		w := s.toks[q].lower
		switch {
		case w == "will" || w == "would" || w == "shall" || w == "'ll" || w == "ready" || w == "right" || w == "going" || w == "prepared" || w == "determined":
			return true
		case strings.HasPrefix(w, "vow") || strings.HasPrefix(w, "pledg") || strings.HasPrefix(w, "threat") || strings.HasPrefix(w, "warn") || strings.HasPrefix(w, "promis"):
			return true
		case w == "." || w == ";" || w == "urged" || w == "called" || w == "asked":
			return false
		}
	}
	return false
}

// skipArticle skips "the", "a", "an", "these", "this" and "new" at token i.
func skipArticle(s *sentInfo, i int) int {
	for {
		switch s.lower(i) {
		case "the", "a", "an", "these", "this", "new", "latest":
			i++
			continue
		}
		return i
	}
}

// infinitiveBetween reports a "to" + verb between a request and a candidate
// target: "asked its partners to consider measures against Minsk" asks the
// partners, not Minsk.
func infinitiveBetween(s *sentInfo, i, j int) bool {
	for q := i; q < j; q++ {
		if s.toks[q].lower == "to" && q+1 < j && !isCap(s.toks[q+1].text) && s.mentionAt(q+1) < 0 && s.lower(q+1) != "the" {
			return true
		}
	}
	return false
}

// roleHolder reports an unnamed office holder opening the sentence before
// the preposition at p: "A spokesperson for the Chinese embassy called ..."
// speaks for the embassy.
func roleHolder(s *sentInfo, p int) bool {
	if w := s.lower(p); w != "for" && w != "of" && w != "at" {
		return false
	}
	ri := s.roleItemEnding(p)
	if ri < 0 {
		return false
	}
	q := s.items[ri].start
	if w := s.lower(q - 1); w == "a" || w == "an" || w == "the" {
		q--
	}
	return q == 0
}

// culpritAfter finds the doer a criticized wrong is pinned on shortly after
// token i: "the attacks that it blamed on Russia", "the intrusions by APT31",
// "a campaign attributed to Moscow".
func culpritAfter(s *sentInfo, i int) *entity {
	sawWrong := false
	for q := i; q < len(s.toks) && q-i <= 12; q++ {
		w := s.toks[q].lower
		if attackWords[w] || wrongNouns[w] || w == "sabotage" || w == "activities" || w == "activity" {
			sawWrong = true
			continue
		}
		if w == "." || w == ";" {
			return nil
		}
		if !sawWrong {
			continue
		}
		var at int
		switch {
		case (w == "on" && (s.lower(q-1) == "blamed" || s.lower(q-1) == "blames")) || (w == "to" && (s.lower(q-1) == "attributed" || s.lower(q-1) == "linked")) || w == "by":
			at = q + 1
		default:
			continue
		}
		if s.lower(at) == "the" {
			at++
		}
		if mi := s.mentionAt(at); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].start == at {
			return s.ments[mi].ent
		}
		return nil
	}
	return nil
}

// sanctionsInForce reports sanctions named as already in force rather than
// imposed: "enforce UN sanctions", "evading sanctions", "under sanctions".
func sanctionsInForce(s *sentInfo, i int) bool {
	for q := i - 1; q >= 0 && i-q <= 5; q-- {
		switch s.toks[q].lower {
		case "enforce", "enforcing", "enforced", "evade", "evading", "evaded", "violate", "violating", "violated", "breach", "breaching",
			"circumvent", "circumventing", "under", "despite", "lift", "lifting", "lifted", "ease", "easing", "eased", "existing",
			"monitor", "monitors", "monitored", "monitoring", "oversee", "oversees", "oversaw", "overseeing":
			return true
		case ".", ",", ";":
			return false
		}
	}
	return false
}

// diplomaticProtest reports a criticism trigger that is a diplomatic act
// ("summoned", "lodged a protest", "stern representations"): it stays a
// criticism even when it is about an attack.
func diplomaticProtest(w string) bool {
	return w == "summon" || strings.Contains(w, "protest") || strings.Contains(w, "representations")
}

// reducedRelativeHead reports whether token q, right before a past
// participle, is a common noun that the participle modifies ("heists blamed
// on Pyongyang", "attacks blamed on Russia"): a plain lower-case word that no
// mention covers and that is no pronoun, auxiliary or function word.
func reducedRelativeHead(s *sentInfo, q int) bool {
	if q < 0 || s.mentionAt(q) >= 0 {
		return false
	}
	w := s.toks[q].lower
	if w != s.toks[q].text || !isWordRune([]rune(w)[0]) || auxiliaries[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "it", "they", "he", "she", "we", "who", "which", "that", "has", "have", "had", "also", "and", "or", "not", "then", "later", "previously":
		return false
	}
	return true
}

// habitual reports a perfect with an adverb of repetition before the verb at
// i: "has repeatedly denied", "have long rejected", "has previously dismissed",
// "have in the past denied".
func habitual(s *sentInfo, i int) bool {
	adv := false
	for q := i - 1; q >= 0 && i-q <= 4; q-- {
		switch s.toks[q].lower {
		case "repeatedly", "long", "consistently", "always", "previously", "routinely", "frequently", "often":
			adv = true
		case "past":
			if q >= 2 && s.toks[q-1].lower == "the" && s.toks[q-2].lower == "in" {
				adv = true
				q -= 2
				continue
			}
			return false
		case "has", "have", "had":
			return adv
		default:
			return false
		}
	}
	return false
}

// coMentioned reports whether one sentence names both g and the state st.
func (a *analysis) coMentioned(g, st *entity) bool {
	for si := range a.sents {
		var hasG, hasSt bool
		for _, m := range a.sents[si].ments {
			if m.ent == g {
				hasG = true
			} else if m.ent != nil && m.ent.top() == st {
				hasSt = true
			}
		}
		if hasG && hasSt {
			return true
		}
	}
	return false
}

// noEvidenceFrom returns the actor a sentence says has given no proof:
// "Australia had presented no evidence", "London has provided no proof".
func noEvidenceFrom(s *sentInfo) *entity {
	for v := 1; v+2 < len(s.toks); v++ {
		switch s.toks[v].lower {
		case "presented", "provided", "offered", "produced", "shown", "given", "presents", "provides", "offers", "produces", "shows", "gives":
		default:
			continue
		}
		if s.lower(v+1) != "no" && !(s.lower(v+1) == "any" && s.lower(v-1) == "not") {
			continue
		}
		if w := s.lower(v + 2); w != "evidence" && w != "proof" && w != "facts" {
			continue
		}
		p := v - 1
		for p > 0 && (auxiliaries[s.lower(p)] || s.lower(p) == "had" || s.lower(p) == "has" || s.lower(p) == "have" || s.lower(p) == "not" || s.lower(p) == "yet" || s.lower(p) == "still") {
			p--
		}
		if mi := s.mentionAt(p); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			return s.ments[mi].ent
		}
	}
	return nil
}

// deniedVictim returns the state the denied deed is said to be against:
// "denied any involvement in attacks against Paraguay". It looks a short way
// into the denied content, stopping at a clause break.
func deniedVictim(s *sentInfo, end int) *entity {
	for q := end; q < len(s.toks) && q-end <= 12; q++ {
		switch w := s.toks[q].lower; w {
		case ",", ".", ";", "and", "but", "said", "says":
			return nil
		case "against", "targeting", "on":
			if w == "on" && !attackWords[s.lower(q-1)] {
				continue
			}
			k := q + 1
			if s.lower(k) == "the" {
				k++
			}
			if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
				return s.ments[mi].ent
			}
			return nil
		}
	}
	return nil
}

// officialRole reports a role that speaks for a government: a spokesperson,
// a minister, an ambassador ("Foreign Ministry Spokesperson Mao Ning" in a
// transcript that never names the ministry's state).
func officialRole(role string) bool {
	r := strings.ToLower(role)
	return strings.Contains(r, "spokes") || strings.Contains(r, "minister") || strings.Contains(r, "ambassador")
}

// observerRole reports a role that comments on governments without speaking
// for one: "a Gulf security researcher" who notes that Bahrain has accused
// Iran reports Bahrain's accusation, not her own.
func observerRole(role string) bool {
	r := strings.ToLower(role)
	for _, w := range []string{"researcher", "analyst", "expert", "professor", "scholar", "fellow"} {
		if strings.Contains(r, w) {
			return true
		}
	}
	return false
}

// lastSanctioner is the speaker of the latest sanction before sentence si
// in the same or the previous paragraph.
func (a *analysis) lastSanctioner(si int) *entity {
	for k := len(a.stmts) - 1; k >= 0; k-- {
		st := a.stmts[k]
		if st.sent >= si || a.sents[si].para-a.sents[st.sent].para > 1 {
			continue
		}
		if st.kind == "SANCTIONS" {
			return st.speaker
		}
	}
	return nil
}

// namedGroup reports a group known by a proper name ("Conti", "LockBit",
// "Anonymous Sudan") rather than by a description ("Russian hackers").
func namedGroup(e *entity) bool {
	for _, f := range strings.Fields(e.name) {
		if !isCap(f) && !isNumber(f) {
			return false
		}
	}
	return e.name != "" && isCap(e.name)
}

// enabledAct reports a trigger verb that is only made possible for an actor:
// "allowed Beijing to deny involvement", "helped Moscow to evade sanctions".
func enabledAct(s *sentInfo, i int) bool {
	if s.lower(i-1) != "to" {
		return false
	}
	mi := s.mentionAt(i - 2)
	if mi < 0 {
		return false
	}
	switch s.lower(s.ments[mi].start - 1) {
	case "allow", "allows", "allowed", "allowing", "enable", "enables", "enabled", "enabling",
		"help", "helps", "helped", "helping", "let", "lets", "permit", "permits", "permitted":
		return true
	}
	return false
}

// futureGoverned reports a threat noun at i that a future modal governs
// within a few words: "will undoubtedly trigger a resolute retaliation",
// "would be met with an adequate response".
func futureGoverned(s *sentInfo, i int) bool {
	for q := i - 1; q >= 0 && i-q <= 6; q-- {
		switch s.toks[q].lower {
		case "will", "would", "shall":
			return true
		case ",", ".", ";", "said", "says":
			return false
		}
	}
	return false
}

// namedAs returns the mention of the group a description ending at end is
// named as ("a GRU unit, known as APT28", "a unit tracked by researchers as
// Sandworm", "a group dubbed Volt Typhoon"), or -1.
func (s *sentInfo) namedAs(end int) int {
	q := end
	if s.lower(q) == "," {
		q++
	}
	if s.lower(q) == "also" {
		q++
	}
	switch s.lower(q) {
	case "known", "tracked":
		for k := q + 1; k < len(s.toks) && k-q <= 6; k++ {
			if w := s.lower(k); w == "as" {
				q = k + 1
				break
			} else if w == "," || w == "." || w == "and" || w == "that" {
				return -1
			}
		}
		if s.lower(q-1) != "as" {
			return -1
		}
	case "dubbed", "nicknamed", "codenamed":
		q++
	default:
		return -1
	}
	if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].start == q && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "GROUP" && namedGroup(s.ments[mi].ent) {
		return mi
	}
	return -1
}

// relativeDenial reports a denial verb at i in a clause hung on an
// accusation: "..., which Russia also denied", "..., an allegation Beijing
// denied at the time".
func relativeDenial(s *sentInfo, i int) bool {
	p := i - 1
	for p > 0 && (s.lower(p) == "also" || s.lower(p) == "has" || s.lower(p) == "had" || s.lower(p) == "have") {
		p--
	}
	mi := s.mentionAt(p)
	if mi < 0 || s.ments[mi].end != p+1 {
		return false
	}
	q := s.ments[mi].start - 1
	if s.lower(q) == "the" {
		q--
	}
	switch s.lower(q) {
	case "which", "allegation", "allegations", "accusation", "accusations", "claim", "claims", "charge", "charges":
		return q > 0 && (s.lower(q) == "which" && s.lower(q-1) == "," || s.lower(q) != "which")
	}
	return false
}

// accusedHere reports an accusation already found in sentence si.
func (a *analysis) accusedHere(si int) bool {
	for _, st := range a.stmts {
		if st.sent == si && st.kind == "ACCUSES" && st.target != nil {
			return true
		}
	}
	return false
}

// urgedAfter returns the actor a coordinated demand later in the sentence
// addresses ("... and urged Russia to abide by ..."), or nil.
func urgedAfter(s *sentInfo, end int) *entity {
	for q := end; q+1 < len(s.toks) && q-end <= 20; q++ {
		w := s.toks[q].lower
		if w == "." || w == ";" || w == "?" {
			return nil
		}
		if w != "and" {
			continue
		}
		k := q + 1
		switch s.lower(k) {
		case "urged", "urges", "pressed", "presses":
			k++
		case "called", "calls":
			if s.lower(k+1) != "on" && s.lower(k+1) != "upon" {
				return nil
			}
			k += 2
		default:
			continue
		}
		if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].start == k && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			return s.ments[mi].ent
		}
		return nil
	}
	return nil
}

// chargingDocument reports a charge whose subject is the charging document:
// "An indictment unsealed today charges ...", "A criminal complaint filed in
// Boston charges ...".
func chargingDocument(s *sentInfo, i int) bool {
	k := 0
	if w := s.lower(k); w == "a" || w == "an" || w == "the" {
		k++
	}
	if s.lower(k) == "criminal" || s.lower(k) == "federal" || s.lower(k) == "superseding" {
		k++
	}
	if w := s.lower(k); (w != "indictment" && w != "complaint") || k >= i {
		return false
	}
	for _, m := range s.ments {
		if m.start < i && m.kind == mActor && m.ent != nil && m.ent.typ != "STATE" && m.ent.typ != "AGENCY" {
			return false
		}
	}
	return true
}

// justiceAgency is the first justice department or prosecutor's office the
// article names, or nil.
func (a *analysis) justiceAgency() *entity {
	for _, e := range a.order {
		if e.typ != "AGENCY" {
			continue
		}
		n := strings.ToLower(e.name)
		if strings.Contains(n, "justice") || strings.Contains(n, "prosecutor") || strings.Contains(n, "attorney") {
			return e
		}
	}
	return nil
}

// officeWords follow an organization's name for an office one person holds:
// "The UN Special Rapporteur on ...", "the UN human rights chief".
var officeWords = map[string]bool{"rapporteur": true, "commissioner": true, "expert": true, "chief": true, "envoy": true}

// nameLaterOfficeHolders gives an organization's office holder, unnamed where
// they act but named as the next sentence's subject, the acts: "The UN
// Special Rapporteur on Belarus condemned ... Nils Muiznieks said ...".
func (a *analysis) nameLaterOfficeHolders() {
	for k := range a.stmts {
		st := &a.stmts[k]
		if st.speaker.typ != "ORGANIZATION" || st.sent+1 >= len(a.sents) {
			continue
		}
		s := &a.sents[st.sent]
		office := false
		for _, m := range s.ments {
			if m.ent != st.speaker {
				continue
			}
			for q := m.end; q < len(s.toks) && q-m.end <= 3 && isCap(s.toks[q].text); q++ {
				if officeWords[s.toks[q].lower] {
					office = true
				}
			}
			break
		}
		if !office {
			continue
		}
		next := &a.sents[st.sent+1]
		p := openingPerson(next, len(next.toks))
		if p == nil || p.affil != nil && p.affil.top() != st.speaker.top() {
			continue
		}
		if p.affil == nil {
			p.affil, p.country = st.speaker, st.speaker.country
		}
		st.speaker = p
	}
}
