package extract

import "strings"

// Named non-state actors the lexicon does not know, recognized by what the
// sentence says they are: an apposition ("Zservers, a Russia-based hosting
// provider,"), a head noun after the name ("the LockBit ransomware gang",
// "the Russian-speaking Conti gang") or before it ("a UK-registered front
// company, XHOST Internet Solutions"), or a naming cue after a group noun
// ("a hacker group called Solntsepyok").

// describedGroupHeads are nouns that describe a non-state group of people.
var describedGroupHeads = map[string]bool{
	"group": true, "gang": true, "militia": true, "collective": true, "syndicate": true, "crew": true, "outfit": true,
	"cartel": true, "faction": true, "network": true, "ring": true, "actor": true,
}

// selfNameHeads end the names hacktivist groups give themselves even where
// the word alone names a body: "Sahel Cyber Army", "People's Cyber Front".
var selfNameHeads = map[string]bool{"Army": true, "Front": true, "Brigade": true, "Legion": true, "Team": true}

// selfNamed returns where a name starts after a naming clause at k that
// gives a group the name it uses or is given: "calling itself (the) X",
// "which calls itself X", "it calls X"; k when there is none.
func selfNamed(s *sentInfo, k int) int {
	if w := s.lower(k); w == "which" || w == "that" {
		k++
	}
	switch {
	case (s.lower(k) == "calling" || s.lower(k) == "calls" || s.lower(k) == "called") && (s.lower(k+1) == "itself" || s.lower(k+1) == "themselves"):
		k += 2
	case (s.lower(k) == "it" || s.lower(k) == "they" || s.lower(k) == "researchers") && (s.lower(k+1) == "calls" || s.lower(k+1) == "call" || s.lower(k+1) == "called" || s.lower(k+1) == "dubbed"):
		k += 2
	default:
		return k
	}
	if s.lower(k) == "the" && k+1 < len(s.toks) && isCap(s.toks[k+1].text) {
		k++
	}
	return k
}

// describedOrgHeads are nouns that describe a company or a formal body.
var describedOrgHeads = map[string]bool{
	"company": true, "firm": true, "provider": true, "operator": true, "contractor": true, "exchange": true,
	"startup": true, "developer": true, "maker": true, "vendor": true, "manufacturer": true, "subsidiary": true,
	"conglomerate": true, "organisation": true, "organization": true, "broadcaster": true, "platform": true,
}

// describedModifiers may stand between a name and a group head noun: "the
// LockBit ransomware gang", "the Conti hacking group".
var describedModifiers = map[string]bool{
	"ransomware": true, "hacking": true, "hacker": true, "hackers": true, "cybercrime": true, "cybercriminal": true,
	"criminal": true, "extortion": true, "cyber": true, "armed": true, "rebel": true, "hacktivist": true, "scam": true,
}

// nameWords are words nameStop keeps out of persons' names that may be part
// of a company's name ("XHOST Internet Solutions").
var nameWords = map[string]bool{
	"Internet": true, "Cyber": true, "Security": true, "Global": true, "National": true, "Press": true, "News": true,
}

// namedTok reports a token that may be part of an unknown actor's name:
// capitalized, not a sentence-function word, not punctuation.
func namedTok(t token) bool {
	if nameStop[t.text] && !nameWords[t.text] || !isCap(t.text) {
		return false
	}
	for _, r := range t.text {
		if !isWordRune(r) && r != '.' && r != '&' {
			return false
		}
	}
	return true
}

// nameRunBefore returns the start of a run of one to four name tokens ending
// at token end (exclusive) that no lexicon item or mention covers, or -1. The
// last word may be a state's name after an unknown word ("Anonymous Sudan").
func (a *analysis) nameRunBefore(s *sentInfo, end int) int {
	start := end
	for k := end - 1; k >= 0 && end-k <= 4; k-- {
		if !namedTok(s.toks[k]) {
			break
		}
		if s.mentionAt(k) >= 0 || s.lexical(k) {
			if k != end-1 || k == 0 || !namedTok(s.toks[k-1]) || s.mentionAt(k-1) >= 0 || s.lexical(k-1) {
				break
			}
		}
		start = k
	}
	if start == end || start == end-1 && (s.mentionAt(start) >= 0 || s.lexical(start)) {
		return -1
	}
	if start == 0 && end-start == 1 && !s.title {
		// a lone capitalized word opening a sentence is usually not a name
		if w := s.toks[0].text; !camelCase(w) && !isAllCaps(w) {
			return -1
		}
	}
	return start
}

// nameRunAfter returns the end of a run of one to four name tokens starting
// at token start that no mention covers, or start.
func (a *analysis) nameRunAfter(s *sentInfo, start int) int {
	end := start
	for end < len(s.toks) && end-start < 4 && namedTok(s.toks[end]) && (s.mentionAt(end) < 0 && !s.lexical(end) || end > start && selfNameHeads[s.toks[end].text]) {
		end++
	}
	if end < len(s.toks) && (namedTok(s.toks[end]) || s.lower(end) == "'s") {
		return start // the name goes on, or is a possessor: "XHOST's"
	}
	return end
}

// describedHead returns the head noun of a description starting at token k
// ("a Russia-based provider of ...", "the front company") and its type, within
// a few modifiers; "" when there is none.
func (a *analysis) describedHead(s *sentInfo, k int) (int, string) {
	for q := k; q < len(s.toks) && q-k < 6; q++ {
		w := s.lower(q)
		if w == "," || w == "." || w == "of" || w == "that" || w == "which" || w == "who" || w == "and" {
			return -1, ""
		}
		if s.roleItemStarting(q) >= 0 {
			return -1, "" // "Name, the group's chief analyst": a person's title
		}
		if (describedGroupHeads[w] || describedOrgHeads[w]) && s.lower(q+1) == "'s" {
			continue // a possessor, not the head: "the company's founder"
		}
		if describedGroupHeads[w] {
			return q, "GROUP"
		}
		if describedOrgHeads[w] {
			return q, "ORGANIZATION"
		}
	}
	return -1, ""
}

// findDescribedActors adds mentions of named non-state actors recognized by
// their description.
func (a *analysis) findDescribedActors(s *sentInfo) {
	if s.title {
		return
	}
	toks := s.toks
	for i := 1; i+1 < len(toks); i++ {
		// apposition after the name: "NAME, a/an <modifiers> HEAD"
		if toks[i].text == "," {
			if w := s.lower(i + 1); w == "a" || w == "an" || w == "the" {
				if h, typ := a.describedHead(s, i+2); h >= 0 {
					end := i
					if s.lower(i-1) == ")" && s.lower(i-3) == "(" && i >= 4 {
						end = i - 3 // "the Karen National Army (KNA), a militia"
					}
					if start := a.nameRunBefore(s, end); start >= 0 && !a.personRun(s, start, end) {
						if e := a.addDescribed(s, start, end, typ); e != nil && end < i && isAllCaps(s.toks[i-2].text) {
							a.addMention(s, i-2, i-1, e, mActor) // its acronym: "(KNA)"
						}
					}
				}
			}
		}
		// head noun after the name: "the LockBit ransomware gang"
		if describedGroupHeads[s.lower(i)] && toks[i].text == s.lower(i) {
			k := i
			for k > 0 && describedModifiers[s.lower(k-1)] {
				k--
			}
			if k < i || s.lower(i) == "gang" || s.lower(i) == "militia" {
				if start := a.nameRunBefore(s, k); start > 0 {
					if d := s.lower(start - 1); d == "the" || d == "-" || strings.HasSuffix(d, "speaking") || d == "notorious" || d == "so-called" {
						a.addDescribed(s, start, k, "GROUP")
					}
				}
			}
		}
		// head noun before the name: "the front company XHOST Internet
		// Solutions", "a hacker group called Solntsepyok"
		if w := s.lower(i); (describedOrgHeads[w] || describedGroupHeads[w]) && toks[i].text == w {
			typ := "ORGANIZATION"
			if describedGroupHeads[w] {
				typ = "GROUP"
			}
			k := i + 1
			if s.lower(k) == "," && typ == "ORGANIZATION" {
				k++
			}
			if c := s.lower(k); c == "called" || c == "dubbed" || c == "named" || c == "codenamed" {
				k++
			} else if c == "known" && s.lower(k+1) == "as" {
				k += 2
			} else if n := selfNamed(s, k); n > k {
				k = n // "a ransomware gang calling itself X", "a group it calls X"
			} else if typ == "GROUP" && k == i+1 {
				continue // "group Kenya": only a naming cue makes a group's name
			}
			if !frontDescribed(s, i) && k == i+1 {
				continue
			}
			if end := a.nameRunAfter(s, k); end > k {
				a.addDescribed(s, k, end, typ)
			}
		}
	}
}

// frontDescribed reports a head noun whose modifiers say what kind of
// company it is ("front company", "hosting firm", "state-owned company").
func frontDescribed(s *sentInfo, i int) bool {
	switch s.lower(i - 1) {
	case "front", "shell", "hosting", "telecom", "telecoms", "telecommunications", "crypto", "cryptocurrency",
		"defense", "defence", "energy", "logistics", "shipping", "trading", "state-owned", "registered", "based", "mining":
		return true
	}
	return false
}

// personRun reports a run of words that findPersons will take for a person
// ("Alexander Mishin, a Russian national").
func (a *analysis) personRun(s *sentInfo, start, end int) bool {
	if a.ents["PERSON\x00"+canonicalPerson(s.span(start, end))] != nil {
		return true
	}
	switch s.lower(end + 2) {
	case "national", "citizen", "resident", "businessman", "businesswoman", "man", "woman", "hacker", "officer", "spokesman",
		"spokeswoman", "spokesperson", "lawyer", "former", "senior", "deputy", "member", "researcher":
		return true
	}
	return false
}

// addDescribed adds a mention of the named actor at [start, end) and returns
// it, or nil when the span names nothing.
func (a *analysis) addDescribed(s *sentInfo, start, end int, typ string) *entity {
	if end <= start {
		return nil
	}
	name := s.span(start, end)
	if len(name) < 2 {
		return nil
	}
	e := a.get(name, typ)
	if typ == "ORGANIZATION" {
		e.company = true
	}
	a.addMention(s, start, end, e, mActor)
	for _, d := range a.described {
		if d == e {
			return e
		}
	}
	a.described = append(a.described, e)
	return e
}

// markDescribed adds a mention wherever a described actor's name recurs,
// over any shorter mention inside it ("Anonymous Sudan's attacks" is not
// Sudan's).
func (a *analysis) markDescribed(s *sentInfo) {
	for _, e := range a.described {
		words := tokenize(e.name)
		if len(words) == 0 {
			continue
		}
	next:
		for i := 0; i+len(words) <= len(s.toks); i++ {
			for k, w := range words {
				if s.toks[i+k].text != w.text {
					continue next
				}
			}
			end := i + len(words)
			if end < len(s.toks) && namedTok(s.toks[end]) {
				continue // part of a longer name
			}
			if i > 0 && namedTok(s.toks[i-1]) && s.mentionAt(i-1) < 0 {
				continue
			}
			covered := false
			for _, m := range s.ments {
				if m.start < end && m.end > i && (m.start < i || m.end > end || m.ent == e) {
					covered = true // inside a longer mention, or already this one
				}
			}
			if !covered {
				a.addMention(s, i, end, e, mActor)
			}
			i = end - 1
		}
	}
}

// personCueNouns say that the name after them is a person's: "Russian
// national Dmitry Khoroshev", "its leader Saw Chit Thu", "the company's
// administrators, Alexander Mishin and Aleksandr Bolshakov".
var personCueNouns = map[string]bool{
	"national": true, "nationals": true, "citizen": true, "citizens": true, "resident": true, "residents": true,
	"businessman": true, "businesswoman": true, "businessmen": true, "tycoon": true, "oligarch": true,
	"defendant": true, "defendants": true, "administrator": true, "administrators": true, "leader": true,
	"son": true, "sons": true, "brother": true, "brothers": true, "associate": true, "associates": true,
	"operative": true, "operatives": true, "suspect": true, "suspects": true, "co-conspirator": true,
	"employee": true, "employees": true, "founder": true, "co-founder": true, "owner": true, "executives": true,
}

// personCue reports a cue that the capitalized run [i, j) names a person when
// no role title or speech verb does: an age in apposition ("Ahmed Omer, 22,")
// or a person noun before it or before the list it is in.
func (a *analysis) personCue(s *sentInfo, i, j int) bool {
	if s.lower(j) == "," && isNumber(s.lower(j+1)) && len(s.lower(j+1)) <= 2 && (s.lower(j+2) == "," || s.lower(j+2) == ")") {
		return true
	}
	if personCueNouns[s.lower(i-1)] {
		return true
	}
	if i == 0 && j-i >= 2 && s.lower(j) == "," && openerApposition(s, j) {
		return true
	}
	if j-i >= 2 && s.lower(i-1) == "that" && perfectAux[s.lower(j)] {
		// "told reporters that Aleksandr Ermolov had stolen": a full name
		// opening reported speech with an auxiliary after it
		for k := i - 2; k >= 0 && i-k <= 4; k-- {
			if speechVerbs[s.lower(k)] {
				return true
			}
		}
	}
	// a later name in a list: walk back over persons, ages, commas and "and"
	k := i - 1
	for k >= 0 && i-k <= 16 {
		w := s.lower(k)
		if w == "and" || w == "," || isNumber(w) && len(w) <= 2 {
			k--
			continue
		}
		if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "PERSON" {
			k = s.ments[mi].start - 1
			continue
		}
		break
	}
	return k < i-1 && k >= 0 && personCueNouns[s.lower(k)]
}

// openerApposition reports a full name opening a sentence whose comma at j
// starts a relative "who" clause or an apposition that a speech verb closes:
// "Name, who developed the tools.", "Name, Director General of the Agency,
// said:".
func openerApposition(s *sentInfo, j int) bool {
	if s.lower(j+1) == "who" {
		return true
	}
	for k := j + 2; k+1 < len(s.toks) && k-j <= 14; k++ {
		switch s.lower(k) {
		case ".", ";", `"`:
			return false
		case ",":
			return speechVerbs[s.lower(k+1)]
		}
	}
	return false
}

// perfectAux follow the subject of a reported deed: "said that X had stolen".
var perfectAux = map[string]bool{"had": true, "has": true, "was": true, "is": true, "were": true}

// requestWords ask someone else to act: a measure in their infinitive
// complement ("urged partners to impose sanctions") is requested, not taken.
var requestWords = map[string]bool{
	"urged": true, "urge": true, "urges": true, "urging": true, "called": true, "calling": true, "calls": true,
	"asked": true, "asking": true, "asks": true, "pressed": true, "pressing": true, "appealed": true, "appealing": true,
	"encouraged": true, "encouraging": true, "lobbied": true, "lobbying": true, "demanded": true, "demanding": true,
}

// requestedAct reports a trigger at token i inside the "to ..." complement of
// a request verb in the same clause: "urged partners to recognise ... and to
// impose new sanctions on Moscow".
func requestedAct(s *sentInfo, i int) bool {
	sawTo := false
	for q := i - 1; q >= 0 && i-q <= 14; q-- {
		w := s.toks[q].lower
		switch {
		case w == "." || w == ";" || w == `"` || speechVerbs[w]:
			return false
		case w == "to":
			sawTo = true
		case requestWords[w]:
			return sawTo
		}
	}
	return false
}

// partnerBefore reports a mention at token j (or in a list starting right
// after such a phrase) introduced as a partner of the act: "in cooperation
// with Washington and Seoul", "together with our allies", "alongside Britain".
func partnerBefore(s *sentInfo, j int) bool {
	for q := j - 1; q >= 0 && j-q <= 8; q-- {
		w := s.toks[q].lower
		switch w {
		case "the", ",", "and", "its", "their", "our":
			continue
		case "alongside":
			return true
		case "with":
			switch s.lower(q - 1) {
			case "cooperation", "coordination", "concert", "together", "conjunction", "partnership", "tandem", "close":
				return true
			}
			return false
		}
		if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].ent != nil {
			q = s.ments[mi].start // an earlier member of the same list
			continue
		}
		return false
	}
	return false
}

// age reports a person's age in apposition at token t: ", 22,".
func age(s *sentInfo, t int) bool {
	w := s.lower(t)
	return isNumber(w) && len(w) <= 2 && s.lower(t-1) == "," && (s.lower(t+1) == "," || s.lower(t+1) == ")")
}

// suspectList is every suspect of a passive legal act whose auxiliary is at
// p: "Ahmed Omer, 22, and Alaa Omer, 27, were charged" charges both.
func (a *analysis) suspectList(s *sentInfo, p int) []*entity {
	q := p
	if s.lower(q-1) == "," && age(s, q-2) {
		q -= 3 // the last suspect's age
	}
	for k, m := range s.ments {
		if m.end != q || m.ent == nil || m.kind != mActor || m.ent.typ != "PERSON" {
			continue
		}
		var out []*entity
		for _, c := range s.coordinated(k, -1) {
			if e := s.ments[c].ent; e != nil && e.typ == "PERSON" {
				out = append(out, e)
			}
		}
		return out
	}
	if e := a.suspects(s, p); e != nil {
		return []*entity{e}
	}
	return nil
}

// knownAsStart returns the comma opening an apposition that names the actor
// before it ("the foreign ministry, known as Itamaraty,") and closes at the
// comma at token p, or -1.
func knownAsStart(s *sentInfo, p int) int {
	for q := p - 2; q > 0 && p-q <= 6; q-- {
		if s.lower(q) != "," {
			continue
		}
		w := s.lower(q + 1)
		if w == "also" || w == "formerly" {
			w = s.lower(q + 2)
		}
		if w == "known" || w == "dubbed" || w == "nicknamed" || w == "called" {
			return q
		}
		return -1
	}
	return -1
}

// ownSubject reports a sentence that opens with an actor of its own, other
// than the one the quote before was attributed to: "The Russian embassy
// called the accusations "unfounded"" is the embassy's, not the previous
// speaker's.
func (a *analysis) ownSubject(s *sentInfo, prev *entity) bool {
	if strings.HasPrefix(s.text, `"`) {
		return false
	}
	for _, m := range s.ments {
		if m.start > 1 {
			break
		}
		if m.kind != mActor || m.ent == nil || m.ent == prev || m.ent.typ == "INCIDENT" {
			continue
		}
		if m.start == 1 && s.lower(0) != "the" {
			continue
		}
		if w := s.lower(m.end); w == "'s" || w == "'" {
			continue // a possessor: "China's position ..."
		}
		return true
	}
	return false
}

// openingPerson is the person a sentence opens with, when a pronoun at token
// i comes later in it, or nil.
func openingPerson(s *sentInfo, i int) *entity {
	for _, m := range s.ments {
		if m.start >= i || m.start > 2 {
			return nil
		}
		if m.kind == mActor && m.ent != nil {
			if m.ent.typ == "PERSON" {
				return m.ent
			}
			return nil
		}
	}
	return nil
}

// describedRefs are the nouns that refer back to a described actor ("the
// firm", "the militia"), with the type of actor they refer to.
var describedRefs = map[string]string{
	"firm": "ORGANIZATION", "company": "ORGANIZATION", "provider": "ORGANIZATION", "operator": "ORGANIZATION",
	"militia": "GROUP", "gang": "GROUP", "syndicate": "GROUP", "collective": "GROUP",
}

// triggerVerbAt reports a statement trigger verb at token i: "It designated
// the company's administrators".
func (s *sentInfo) triggerVerbAt(i int) bool {
	for _, it := range s.items {
		if it.start == i {
			if _, ok := it.has(hitVerb); ok {
				return true
			}
		}
	}
	return false
}

// attributeAnswers gives the answers of a press-conference transcript ("Q:
// ... A: ...") to the spokesperson who holds the conference, named in the
// title or the first lines: every sentence from an "A:" up to the next "Q:"
// is theirs unless it names its own speaker.
func (a *analysis) attributeAnswers() {
	answered := false
	for range a.answers() {
		answered = true
		break
	}
	if !answered {
		a.attributeComment()
		return
	}
	var host *entity
	for si := range a.sents {
		s := &a.sents[si]
		if host == nil && (s.title || si < 3) {
			for _, m := range s.ments {
				if m.kind == mActor && m.ent != nil && m.ent.typ == "PERSON" && isSpokesRole(m.ent.role) {
					host = m.ent
					break
				}
			}
		}
	}
	if host == nil {
		host = a.headingCommenter()
	}
	if host == nil {
		return
	}
	for s := range a.answers() {
		if s.attribution == nil {
			s.attribution, s.quoted = host, true
		}
	}
}

// attributeComment gives a ministry's comment printed as prose under its
// heading ("Comment of the <role> of <ministry> <Name> on ...", then "We
// reject ...") to the commenter: its first-person sentences that name no
// other speaker are the commenter's words.
func (a *analysis) attributeComment() {
	host := a.headingCommenter()
	if host == nil {
		host = a.declarant()
	}
	if host == nil {
		return
	}
	for si := range a.sents {
		s := &a.sents[si]
		if s.attribution == nil && !s.title && s.hasWe() && !a.commentHeading(s) {
			s.attribution, s.quoted = host, true
		}
	}
}

// declarant is who a declaration's heading says it is made for:
// "Declaration by the High Representative on behalf of the European Union",
// "Joint statement on behalf of NATO Allies". Its "we" sentences are that
// body's. It looks only at the title and the first lines.
func (a *analysis) declarant() *entity {
	for si := range a.sents {
		s := &a.sents[si]
		if si > 6 {
			return nil
		}
		if !s.title && !s.headline() {
			continue
		}
		for i := 0; i+3 < len(s.toks); i++ {
			if s.lower(i) != "on" || s.lower(i+1) != "behalf" || s.lower(i+2) != "of" {
				continue
			}
			k := skipArticle(s, i+3)
			if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ != "PERSON" {
				return s.ments[mi].ent
			}
		}
	}
	return nil
}

// commentHeading reports the heading line of a comment: "Comment of ...".
func (a *analysis) commentHeading(s *sentInfo) bool {
	for i := 0; i < len(s.toks) && i < 8; i++ {
		if commentHeads[s.toks[i].lower] && isCap(s.toks[i].text) && (s.lower(i+1) == "of" || s.lower(i+1) == "by") {
			return true
		}
	}
	return false
}

// commentHeads open the heading of a ministry's commented answer: "Comment
// of the Head of the Press Service Department of the Ministry of Foreign
// Affairs of X Name on the statement of ...".
var commentHeads = map[string]bool{"comment": true, "comments": true, "commentary": true, "remarks": true, "answer": true, "answers": true}

// headingCommenter finds who answers a transcript whose heading names the
// commenter with a role that is no spokesperson's: the name right after the
// agency in "Comment of the <role> of <agency> <Name> on ...", or else the
// agency. It looks only at the lines before the first question.
func (a *analysis) headingCommenter() *entity {
	for si := range a.sents {
		s := &a.sents[si]
		if s.turn != 0 || si > 6 {
			return nil
		}
		c := -1
		for i := 0; i < len(s.toks) && i < 8; i++ {
			if commentHeads[s.toks[i].lower] && isCap(s.toks[i].text) && (s.lower(i+1) == "of" || s.lower(i+1) == "by") {
				c = i
				break
			}
		}
		if c < 0 {
			continue
		}
		for _, m := range s.ments {
			if m.start <= c+1 || m.kind != mActor || m.ent == nil || m.ent.typ != "AGENCY" {
				continue
			}
			q := m.end
			for q < len(s.toks) && q-m.end < 3 && isNameTok(s.toks[q]) && s.mentionAt(q) < 0 {
				q++
			}
			if q-m.end < 2 || q < len(s.toks) && isCap(s.toks[q].text) {
				return m.ent
			}
			e := a.get(s.span(m.end, q), "PERSON")
			if e.affil == nil {
				e.affil, e.country = m.ent, m.ent.country
			}
			if r0, r1 := skipArticle(s, c+2), m.start; e.role == "" && r1 > r0 {
				for r1 > r0 && (s.lower(r1-1) == "of" || s.lower(r1-1) == "the") {
					r1--
				}
				if r1 > r0 {
					e.role = s.span(r0, r1)
				}
			}
			a.addMention(s, m.end, q, e, mActor)
			s.sortMentions()
			return e
		}
		return nil
	}
	return nil
}

// isSpokesRole reports a spokesperson's role title: "Foreign Ministry
// Spokesperson", "spokesman".
func isSpokesRole(role string) bool {
	r := strings.ToLower(role)
	return strings.Contains(r, "spokes")
}

// listedAfterApposition returns the mention that continues a list after an
// apposition describing mention k ("the KNA, a Burma-based militia, and its
// leader Saw Chit Thu"), or -1.
func (s *sentInfo) listedAfterApposition(k int) int {
	e := s.ments[k].end
	if s.lower(e) == "(" && s.lower(e+2) == ")" {
		e += 3 // "(KNA)"
	}
	if s.lower(e) != "," {
		return -1
	}
	if w := s.lower(e + 1); w != "a" && w != "an" {
		return -1
	}
	for j := e + 2; j < len(s.toks) && j-e <= 10; j++ {
		if s.toks[j].text != "," {
			if s.mentionAt(j) >= 0 && s.ments[s.mentionAt(j)].kind == mActor && s.ments[s.mentionAt(j)].ent != nil && s.ments[s.mentionAt(j)].ent.typ != "STATE" {
				return -1 // the apposition names an actor of its own
			}
			continue
		}
		q := j + 1
		if s.lower(q) != "and" {
			return -1
		}
		q++
		switch s.lower(q) {
		case "its", "his", "her", "their":
			q++
		}
		if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].start == q && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			return mi
		}
		return -1
	}
	return -1
}

// partner reports whether the sentence names e as a partner of its act
// ("in cooperation with Washington and Seoul").
func (s *sentInfo) partner(e *entity) bool {
	if e == nil {
		return false
	}
	for _, m := range s.ments {
		if m.ent == e && partnerBefore(s, m.start) {
			return true
		}
	}
	return false
}

// overClaims reports "over" before an accusation noun right of token end:
// "summons Brazilian envoy over spying claims" gives the claims as the reason.
func overClaims(s *sentInfo, end int) bool {
	for q := end; q < len(s.toks) && q-end <= 8; q++ {
		if s.toks[q].lower != "over" {
			continue
		}
		for k := q + 1; k < len(s.toks) && k-q <= 4; k++ {
			if accusationNouns[s.toks[k].lower] {
				return true
			}
		}
	}
	return false
}

// movedAway are the things a coast guard or navy expels, which no sanction
// targets: "expel Philippine vessels".
var movedAway = map[string]bool{
	"vessels": true, "vessel": true, "ships": true, "ship": true, "boats": true, "boat": true, "fishermen": true,
	"aircraft": true, "planes": true, "drones": true, "trawlers": true,
}

// expelledCraft reports an expulsion whose object is craft, not people:
// "took measures to expel Philippine vessels".
func expelledCraft(s *sentInfo, end int) bool {
	for q := end; q < len(s.toks) && q-end <= 3; q++ {
		if movedAway[s.toks[q].lower] {
			return true
		}
	}
	return false
}

// relativeAside reports a trigger at token i inside a "whose ..." relative
// clause: "said U.S. Attorney Martin Estrada, whose office is prosecuting the
// case".
func relativeAside(s *sentInfo, i int) bool {
	for q := i - 1; q >= 0 && i-q <= 4; q-- {
		switch s.toks[q].lower {
		case "whose":
			return true
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// euCouncil is the Council of the European Union when the article is about
// the EU (it names the EU or is datelined Brussels), or nil: an EU press
// release calls it "the Council" throughout.
func (a *analysis) euCouncil() *entity {
	if a.ents["ORGANIZATION\x00European Union"] == nil {
		return nil // the article never names the EU
	}
	return a.byName("Council of the European Union")
}

// dropCapitalNames drops a capital city's name that is a person's given name
// after a title: "President Santiago Pena" is no mention of Chile.
func dropCapitalNames(s *sentInfo) {
	out := s.items[:0]
	for _, it := range s.items {
		capital := len(it.hits) > 0
		for _, h := range it.hits {
			capital = capital && h.kind == hitCapital
		}
		if capital && it.end-it.start == 1 && it.end < len(s.toks) && isNameTok(s.toks[it.end]) && !s.inItem(it.end, it.end+1) && s.roleItemEnding(it.start) >= 0 {
			continue
		}
		out = append(out, it)
	}
	s.items = out
	s.inItems = nil // the item index is rebuilt on the next look
}
