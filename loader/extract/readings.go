package extract

// Readings: statements read from what a sentence says rather than from a
// trigger word's own arguments: an accusation judged false is a denial, a
// condemned behaviour is criticism, a reported wrong is an accusation.

import (
	"strings"
)

// evaluative words mark an accusation the speaker rejects as false.
var evaluative = map[string]bool{
	"baseless": true, "groundless": true, "unfounded": true, "frivolous": true, "false": true, "fabricated": true, "absurd": true,
	"ungrounded": true, "unreasonable": true, "smear": true, "slander": true, "distorted": true, "distorts": true, "speculation": true,
	"speculations": true, "nonsense": true, "lies": true, "untrue": true, "unjustified": true, "unsubstantiated": true, "fake": true,
	"ridiculous": true, "fiction": true, "imaginary": true, "politically": true, "hype": true, "farce": true, "disinformation": true,
	"misinformation": true, "defamation": true, "inadequate": true, "manipulation": true, "groundlessly": true, "slanderous": true, "fabrication": true, "fabrications": true, "self-contradictory": true, "mania": true,
	"unfriendly": true, "propaganda": true, "provocation": true, "hysteria": true, "unproven": true, "invented": true, "concocted": true,
	"far-fetched": true, "preposterous": true, "laughable": true, "lie": true, "falsehood": true, "falsehoods": true,
}

var accusationNouns = map[string]bool{
	"accusations": true, "accusation": true, "allegations": true, "allegation": true, "claims": true, "claim": true,
	"report": true, "reports": true, "statements": true, "assessments": true, "remarks": true, "assertions": true, "charges": true,
	"hype": true, "move": true, "decision": true, "evidence": true, "figures": true, "numbers": true, "conclusions": true, "conclusion": true, "findings": true, "assessment": true,
}

// falseNouns name an accusation by its falsity: "the fabrications coming
// from Pristina", "lies from Kyiv". They stand for the accusation only with
// their source after them.
var falseNouns = map[string]bool{
	"fabrications": true, "fabrication": true, "lies": true, "falsehoods": true, "slander": true, "smears": true,
}

// sourcedAfter reports a source after the noun at n: "from X", "coming from X".
func sourcedAfter(s *sentInfo, n int) bool {
	j := n + 1
	if w := s.lower(j); w == "coming" || w == "emanating" {
		j++
	}
	return s.lower(j) == "from"
}

// evaluativeDenial finds denials made by judging an accusation false:
// "Washington's accusations ... are frivolous, Wang said", "such ungrounded
// statements from Germany and Britain", "described the accusations as unfounded".
func (a *analysis) evaluativeDenial(si int, s *sentInfo, ts []trig) {
	eval, falsity := false, false
	for n, t := range s.toks {
		// "the allegations were part of a hostile campaign against Iran"
		if (t.lower == "allegations" || t.lower == "accusations" || t.lower == "claims") && (s.lower(n+1) == "were" || s.lower(n+1) == "are" || s.lower(n+1) == "is" || s.lower(n+1) == "was") && s.lower(n+2) == "part" && s.lower(n+3) == "of" {
			eval, falsity = true, true
		}
		if t.lower == "evidence" || t.lower == "proof" {
			// "said Germany had presented no evidence", "without any proof"
			if p := s.lower(n - 1); p == "no" || p == "without" || p == "any" && (s.lower(n-2) == "without" || s.lower(n-2) == "lacked") || p == "of" && s.lower(n-2) == "lack" {
				eval, falsity = true, true
			}
		}
		if isEvaluative(t.lower) {
			eval = true
			switch t.lower {
			case "unjustified", "unreasonable", "inadequate", "politically", "hype", "manipulation":
			default:
				falsity = true
			}
		}
	}
	if !eval {
		return
	}
	done := false
	for _, st := range a.stmts {
		if st.sent == si && st.kind == "DENIES" {
			return // a denial verb already spoke for this sentence
		}
	}
	for n, t := range s.toks {
		if !done && falsehood(s) && (t.lower == "measures" || t.lower == "sanctions" || t.lower == "listing" || t.lower == "listings") && (s.lower(n-1) == "the" || s.lower(n-1) == "these") {
			// "said the measures were part of a smear campaign": a measure
			// judged false denies whoever imposed it
			den := s.attribution
			if den == nil {
				den = a.sentenceSubject(s, n)
			}
			if den == nil {
				continue
			}
			if tg := a.sanctioner(den); tg != nil {
				if !tg.media {
					tg = tg.top()
				}
				a.add(si, "DENIES", den, tg, 0.7)
				done = true
			}
			continue
		}
		if !(accusationNouns[t.lower] || falseNouns[t.lower] && sourcedAfter(s, n)) || done {
			continue
		}
		measure := t.lower == "move" || t.lower == "decision"
		if measure && !falsity {
			continue // "called the US decision to raise tariffs unjustified" criticizes, it denies nothing
		}
		var accusers []*entity
		conf := 0.8
		if acc := a.possessor(s, n); acc != nil {
			accusers = []*entity{acc}
		} else {
			j := n + 1
			if w := s.lower(j); w == "coming" || w == "emanating" {
				j++ // "the fabrications coming from Pristina"
			}
			if w := s.lower(j); w == "from" || w == "by" || w == "of" {
				j++
				if s.lower(j) == "the" {
					j++
				}
				if mi := s.mentionAt(j); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
					for _, c := range s.coordinated(mi, 1) {
						accusers = append(accusers, s.ments[c].ent)
					}
				}
			}
		}
		// the denier: the reported speaker, else the clause subject
		den := s.attribution
		if c, semi := clauseActor(s, n); c != nil && (den == nil || s.attrTok < semi) {
			den = c // "Taiwan says ...; Beijing calls report a smear"
		}
		if den == nil {
			den = a.sentenceSubject(s, n)
		}
		if r := relativeSpeaker(s, n); r != nil && s.attribution == nil {
			den = r // "a statement by a foreign ministry spokesperson who called the accusations ..."
		}
		if den == nil {
			continue
		}
		if len(accusers) == 0 {
			if acc := accuserBy(s, n); acc != nil && acc.top() != den.top() {
				accusers = []*entity{acc} // "a smear campaign" cooked up by "the U.S."
			}
		}
		explicit := len(accusers) > 0
		named := false
		if !explicit {
			// "said the accusations were groundless smears and that NATO was
			// hyping up ...": the sentence names the accuser itself
			if acc := thatClauseActor(s, n, den); acc != nil {
				accusers = []*entity{acc}
				conf = 0.7
				named = true
			}
		}
		if prev := s.lower(n - 1); !explicit && !named && isEvaluative(prev) {
			// "unfounded and absurd statements": the evaluation names the accusation
			if acc := a.antecedentAccuser(den); acc != nil {
				accusers = []*entity{acc}
				conf = 0.7
			} else if acc := a.groupAccuser(den); acc != nil {
				accusers = []*entity{acc}
				conf = 0.65
			}
		} else if !explicit && !named {
			if speechVerbs[prev] && judgedClaim(s, n+1) {
				prev = "calls" // a headline's "Kremlin says claims 'unfounded'": the copula elided
			}
			switch prev {
			case "the", "such", "these", "this", "those", "baseless", "false", "groundless", "unfounded", "ungrounded", "recent", "new", "latest", "fresh",
				"calls", "called", "calling", "branded", "brands", "labelled", "labeled", "dubbed": // "Beijing calls report a smear"
				if acc := a.antecedentAccuser(den); acc != nil {
					accusers = []*entity{acc}
					conf = 0.7
				} else if acc := a.groupAccuser(den); acc != nil {
					accusers = []*entity{acc}
					conf = 0.65
				} else if d := s.lower(n - 1); (d == "the" || d == "such" || d == "these") && (s.toks[n].lower == "accusations" || s.toks[n].lower == "allegations" || s.toks[n].lower == "claims") || judgeVerbs[d] || d == "calls" || d == "brands" || d == "dubbed" {
					// "called the accusations unfounded" with several accusers before: no one target
					a.add(si, "DENIES", den, nil, 0.65)
					done = true
				}
			}
		}
		for _, acc := range accusers {
			if acc == den || acc.top() == den.top() || acc.typ == "GROUP" {
				continue
			}
			a.add(si, "DENIES", den, acc, conf)
			if explicit && !measure && s.lower(n-1) != "'s" && s.lower(n-1) != "'" && den.top().typ != "PERSON" {
				a.add(si, "ACCUSES", acc, den.top(), 0.75)
			}
			done = true
		}
	}
}

// clauseActor returns the first actor of the clause a semicolon opens before
// token n and the semicolon's index, or nil when no semicolon comes before n.
func clauseActor(s *sentInfo, n int) (*entity, int) {
	semi := -1
	for j := n - 1; j >= 0; j-- {
		if s.toks[j].text == ";" {
			semi = j
			break
		}
	}
	if semi < 0 {
		return nil, -1
	}
	for _, m := range s.ments {
		if m.start > semi && m.end <= n && m.kind == mActor && m.ent != nil {
			return m.ent, semi
		}
	}
	return nil, semi
}

// falsehood reports whether the sentence calls something false outright
// ("smear", "groundless", "fabricated"), not merely hostile ("a provocation").
func falsehood(s *sentInfo) bool {
	for _, t := range s.toks {
		switch t.lower {
		case "smear", "smears", "baseless", "groundless", "unfounded", "fabricated", "fabrication", "fabrications", "lies", "false", "slander", "slanderous", "untrue", "fiction", "fake":
			return true
		}
	}
	return false
}

// thatClauseActor finds a later "and that X was (is, had) ..." clause after the
// accusation noun at n whose subject is an actor of another side than the
// denier, or nil.
func thatClauseActor(s *sentInfo, n int, den *entity) *entity {
	for j := n + 1; j+2 < len(s.toks); j++ {
		if s.toks[j].lower != "that" || s.lower(j-1) != "and" {
			continue
		}
		k := j + 1
		if s.lower(k) == "the" {
			k++
		}
		mi := s.mentionAt(k)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].start != k {
			return nil
		}
		e := s.ments[mi].ent
		if e.top() == den.top() || e.typ == "GROUP" || e.typ == "INCIDENT" {
			return nil
		}
		switch s.lower(s.ments[mi].end) {
		case "was", "is", "were", "are", "had", "has", "have", "wanted", "wants", "sought", "seeks", "aimed", "aims", "used", "uses":
			if e.typ == "AGENCY" && e.pattern >= 0 && e.affil != nil {
				return e.top() // "the US intelligence community had invented ...": the state
			}
			return e
		}
		return nil
	}
	return nil
}

// warnings reads "X warned (on Wednesday) that Chinese hackers are preparing
// to ..." as an accusation against the actor the warning names.
func (a *analysis) warnings(si int, s *sentInfo) {
	for i, t := range s.toks {
		if t.lower != "warned" && t.lower != "warns" && t.lower != "warn" {
			continue
		}
		that := -1
		for j := i + 1; j < len(s.toks) && j-i <= 4; j++ {
			if s.toks[j].lower == "that" {
				that = j
				break
			}
		}
		if that < 0 {
			continue
		}
		if threatClause(s, that+1) {
			continue // "warned that Seoul would pay dearly" threatens Seoul; see threatenedSubjects
		}
		k, ok := a.subject(s, i)
		if !ok {
			continue
		}
		sp := a.speakerOf(s, k)
		if tg := harmVowed(s, that+1); tg != nil && sp != nil && tg.top() != sp.top() {
			// "the Sahel Cyber Army warned that it would strike Nigeria's power grid"
			a.add(si, "THREATENS", sp, tg, 0.7)
			continue
		}
		if mi := s.mentionAt(that + 1); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].kind == mActor && sp != nil && s.ments[mi].ent.top() != sp.top() {
			a.add(si, "ACCUSES", sp, s.ments[mi].ent, 0.7)
		} else if mi >= 0 && sp != nil && s.ments[mi].ent != nil && s.ments[mi].ent.top() == sp.top() && ownResponse(s, s.ments[mi].end) {
			// "He warned that Moscow would treat any attack as an act of
			// aggression": the speaker's side announces what it will do
			if tg := a.opponent(sp); tg != nil && !s.partner(tg) {
				a.add(si, "THREATENS", sp, tg, 0.65)
			}
		}
	}
}

// harmVerbs are the blows a speaker can vow to strike: "would strike",
// "will attack", "would leak".
var harmVerbs = map[string]bool{
	"strike": true, "attack": true, "hit": true, "target": true, "hack": true, "paralyse": true, "paralyze": true,
	"cripple": true, "leak": true, "publish": true, "disrupt": true,
}

// harmVowed returns the side a clause at k vows to harm in the speaker's
// own voice, "it would strike Nigeria's power grid next", "they will attack
// Ghana", or nil: the side named, or owning what is named, within a few words.
func harmVowed(s *sentInfo, k int) *entity {
	switch s.lower(k) {
	case "it", "they", "we":
	default:
		return nil
	}
	if w := s.lower(k + 1); w != "would" && w != "will" {
		return nil
	}
	q := k + 2
	if s.lower(q) == "next" || s.lower(q) == "also" {
		q++
	}
	if !harmVerbs[s.lower(q)] {
		return nil
	}
	for j := q + 1; j < len(s.toks) && j-q <= 3; j++ {
		if mi := s.mentionAt(j); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			return s.ments[mi].ent
		}
		if w := s.lower(j); w == "." || w == "," || w == "if" || w == "unless" {
			return nil
		}
	}
	return nil
}

// responsibleApposition reads an apposition that describes an actor as
// responsible for wrongs as the sentence subject's accusation: "The UK has
// today imposed sanctions on five members of Bitter Frost, a Russian-speaking
// ransomware group responsible for attacks that disrupted ...".
func (a *analysis) responsibleApposition(si int, s *sentInfo) {
	for i := 3; i+1 < len(s.toks); i++ {
		if s.lower(i) != "responsible" || s.lower(i+1) != "for" {
			continue
		}
		c := -1
		for q := i - 1; q > 0 && i-q <= 7; q-- {
			if w := s.lower(q); w == "," {
				if n := s.lower(q + 1); n == "a" || n == "an" {
					c = q
				}
				break
			}
		}
		if c < 0 {
			continue
		}
		mi := s.mentionAt(c - 1)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].ent.typ == "STATE" || s.ments[mi].ent.typ == "PERSON" {
			continue
		}
		tg := s.ments[mi].ent
		sp := s.attribution
		if sp == nil {
			sp = a.sentenceSubject(s, s.ments[mi].start)
		}
		if sp != nil && sp != tg && tg.top() != sp.top() {
			a.add(si, "ACCUSES", sp, tg, 0.7)
		}
	}
}

// sponsorNouns are what a sponsor gives the ones who act for it.
var sponsorNouns = map[string]bool{
	"funding": true, "support": true, "protection": true, "backing": true, "financing": true, "orders": true,
	"instructions": true, "money": true, "training": true, "weapons": true,
}

// receivedFrom reads hackers said to have received a sponsor's help as an
// accusation of the sponsor by whoever says so: "It said intelligence showed
// that the hackers received funding and protection from elements of the
// military government in Niger".
func (a *analysis) receivedFrom(si int, s *sentInfo) {
	sp := s.attribution
	if sp == nil {
		return
	}
	for i, t := range s.toks {
		if t.lower != "received" && t.lower != "receive" && t.lower != "receives" && t.lower != "receiving" || !sponsorNouns[s.lower(i+1)] {
			continue
		}
		for j := i + 2; j+1 < len(s.toks) && j-i <= 6; j++ {
			if s.lower(j) != "from" {
				continue
			}
			for k := j + 1; k < len(s.toks) && k-j <= 8; k++ {
				if w := s.lower(k); w == "," || w == "." || w == ";" {
					break
				}
				if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ != "PERSON" {
					if tg := s.ments[mi].ent; tg.top() != sp.top() {
						a.add(si, "ACCUSES", sp, tg, 0.7)
					}
					return
				}
			}
			return
		}
	}
}

// actingFor reads a hostile actor said to act for a sponsor as an
// accusation of the sponsor by whoever says so: "said the intruders worked on
// behalf of the Revolutionary Guard", "a group acting for Iran's intelligence
// ministry", "hackers working for Pyongyang", "acted on Moscow's orders".
func (a *analysis) actingFor(si int, s *sentInfo) {
	for i, t := range s.toks {
		k := -1
		switch t.lower {
		case "behalf":
			if s.lower(i-1) == "on" && s.lower(i+1) == "of" {
				k = i + 2
			}
		case "for":
			switch s.lower(i - 1) {
			case "working", "worked", "works", "work", "acting", "acted", "acts", "act", "operating", "operated":
				k = i + 1
			}
		case "orders":
			if mi := s.mentionAt(i - 2); s.lower(i-1) == "'s" && mi >= 0 {
				// "on Moscow's orders", "on the Kremlin's orders": the possessor
				if b := s.ments[mi].start; s.lower(b-1) == "on" || s.lower(b-1) == "the" && s.lower(b-2) == "on" {
					k = b
				}
			} else if s.lower(i-2) == "on" && s.lower(i-1) == "the" && s.lower(i+1) == "of" {
				k = i + 2
			}
		}
		if k < 0 || !hostileBefore(s, i) || negated(s, i-1) {
			continue
		}
		sp := a.claimant(s, i)
		if len(s.ments) > 0 && s.ments[0].start <= 1 && s.ments[0].kind == mActor && s.ments[0].ent != nil && s.ments[0].ent.typ == "AGENCY" && (sp == nil || sp.typ == "GROUP" || sp.typ == "ORGANIZATION") {
			sp = s.ments[0].ent // "The ministry's statement blamed X and said ...": the opening body
		}
		if sp == nil {
			continue
		}
		if s.lower(i) == "orders" {
			// "Belarus had acted on Moscow's orders": the one acting is accused too
			for q := i - 3; q >= 0 && i-q <= 8; q-- {
				if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ != "PERSON" {
					if e := s.ments[mi].ent; e.top() != sp.top() {
						a.add(si, "ACCUSES", sp, e, 0.7)
					}
					break
				}
			}
		}
		if s.lower(k) == "the" {
			k++
		}
		mi := s.mentionAt(k)
		if mi < 0 || s.ments[mi].kind != mActor && s.ments[mi].kind != mDemonym || s.ments[mi].ent == nil {
			continue
		}
		if tg := s.ments[mi].ent; tg.typ != "PERSON" && tg.top() != sp.top() && tg.typ != "GROUP" {
			a.add(si, "ACCUSES", sp, tg, 0.7)
		}
	}
}

// hostileBefore reports a hostile actor within six tokens before i: a group
// mention or a word for intruders ("the hackers", "the group", "it").
func hostileBefore(s *sentInfo, i int) bool {
	for q := i - 1; q >= 0 && i-q <= 9; q-- {
		switch s.toks[q].lower {
		case "hackers", "group", "intruders", "attackers", "operatives", "gang", "unit", "it", "they", "actors", "crew":
			return true
		case ",", ";", "said", "says":
			if i-q > 2 {
				return false
			}
		}
		if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].ent != nil && (s.ments[mi].ent.typ == "GROUP" || s.lower(i) == "orders" && s.ments[mi].kind == mActor && s.ments[mi].ent.typ != "PERSON" && q < i-3) {
			return true // "Belarus had acted on Moscow's orders": the actor ordered
		}
	}
	return false
}

// prejudged reads a speaker saying another side "jumped to conclusions" as
// denying that side's claim: "said the Philippine side had \"jumped to
// conclusions\"".
func (a *analysis) prejudged(si int, s *sentInfo) {
	for i := 1; i+2 < len(s.toks); i++ {
		w := s.toks[i].lower
		if !((w == "jumped" || w == "jumping" || w == "jump" || w == "rushed" || w == "rushing") && s.lower(i+1) == "to" && (s.lower(i+2) == "conclusions" || s.lower(i+2) == "judgment" || s.lower(i+2) == "judgement")) {
			continue
		}
		p := i - 1
		for p > 0 && (s.lower(p) == `"` || s.lower(p) == "had" || s.lower(p) == "has" || s.lower(p) == "have" || strings.HasSuffix(s.lower(p), "ly")) {
			p--
		}
		mi := s.mentionAt(p)
		if mi < 0 || s.ments[mi].ent == nil || s.ments[mi].kind != mActor && s.ments[mi].kind != mDemonym {
			continue
		}
		acc := s.ments[mi].ent
		den := s.attribution
		if den == nil {
			den = a.sentenceSubject(s, s.ments[mi].start)
		}
		if den != nil && den.top() != acc.top() && acc.typ != "GROUP" {
			a.add(si, "DENIES", den, acc, 0.7)
		}
	}
}

// judgedClaim reports an evaluation right after a claim ending before i:
// "claims 'irresponsible'", "allegations are groundless".
func judgedClaim(s *sentInfo, i int) bool {
	for q := i; q < len(s.toks) && q-i <= 3; q++ {
		w := s.toks[q].lower
		if isEvaluative(w) || conductAdjectives[w] {
			return true
		}
		if w != `"` && w != "'" && w != "are" && w != "were" && w != "is" && w != "as" {
			return false
		}
	}
	return false
}

// ownResponse reports "would/will <act>" at i that a side announces it will
// take ("would treat any attack as an act of aggression"), not what it will
// suffer ("would be", "would continue", "would face").
func ownResponse(s *sentInfo, i int) bool {
	if w := s.lower(i); w != "would" && w != "will" {
		return false
	}
	switch s.lower(i + 1) {
	case "treat", "regard", "consider", "view", "hit", "strike", "punish", "respond", "retaliate", "react":
		return true
	}
	return false
}

// holdAccountable reads "X holds Y accountable / responsible" as an accusation.
func (a *analysis) holdAccountable(si int, s *sentInfo) {
	for i, t := range s.toks {
		// "Russia will be held accountable", X said: X accuses Russia
		if t.lower == "held" && s.lower(i-1) == "be" && (s.lower(i+1) == "accountable" || s.lower(i+1) == "responsible") && s.attribution != nil {
			q := i - 2
			for q >= 0 && (s.toks[q].text == `"` || s.toks[q].lower == "will" || s.toks[q].lower == "would" || s.toks[q].lower == "must" || s.toks[q].lower == "should" || s.toks[q].lower == "shall") {
				q--
			}
			if mi := s.mentionAt(q); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.top() != s.attribution.top() {
				a.add(si, "ACCUSES", s.attribution, s.ments[mi].ent, 0.75)
			}
			continue
		}
		switch t.lower {
		case "hold", "holds", "held", "holding":
		default:
			continue
		}
		for j := i + 1; j < len(s.toks) && j-i <= 8; j++ {
			w := s.toks[j].lower
			if w != "accountable" && w != "responsible" {
				continue
			}
			var tg *entity
			for _, m := range s.ments {
				if m.start > i && m.end <= j && m.ent != nil && (m.kind == mActor || m.kind == mDemonym) {
					tg = m.ent
					break
				}
			}
			k, ok := a.subject(s, i)
			if tg != nil && ok {
				a.add(si, "ACCUSES", a.speakerOf(s, k), tg, 0.75)
			} else if p := s.lower(i - 1); tg != nil && s.attribution != nil && (p == "it" || p == "they" || p == "we") {
				a.add(si, "ACCUSES", s.attribution, tg, 0.75) // "Washington said it held Tehran responsible"
			}
			break
		}
	}
}

var accusationHeads = map[string]bool{"claims": true, "claim": true, "allegations": true, "allegation": true, "accusations": true, "accusation": true, "charges": true}

var attackWords = map[string]bool{
	"attack": true, "attacks": true, "cyberattack": true, "cyberattacks": true, "hacking": true, "hack": true, "hacks": true,
	"espionage": true, "spying": true, "intrusion": true, "intrusions": true, "breach": true, "breaches": true, "campaign": true,
	"cyber-attacks": true, "cyber-attack": true, "interference": true, "meddling": true, "poisoning": true,
}

// criticismAsAccusation reads a criticism as an accusation when it is about
// an attack ("lashed out at alleged cyber attacks") or when several actors
// join in against an actor already accused.
func (a *analysis) criticismAsAccusation(s *sentInfo, trigEnd int, speakers int, tg *entity) bool {
	for j := trigEnd; j < len(s.toks) && j-trigEnd <= 16; j++ {
		switch s.toks[j].lower {
		case "after", "because", "when", "while", "but", ";", "since":
			j = len(s.toks) // the criticism's own object ends at a new clause
			continue
		}
		if accusationHeads[s.toks[j].lower] {
			break // "condemned Britain for baseless claims that ... attacks": the attack is only claimed
		}
		if attackWords[s.toks[j].lower] {
			return true
		}
	}
	if speakers >= 2 && tg != nil {
		for _, st := range a.stmts {
			if st.kind == "ACCUSES" && st.target != nil && st.target.top() == tg.top() {
				return true
			}
		}
	}
	return false
}

// reportedWrongs reads "X said Russian hackers had breached the network" as
// X accusing the actor that did the wrong.
func (a *analysis) reportedWrongs(si int, s *sentInfo) {
	// "thwarted an operation by a hacking group backed by the X government"
	for n, t := range s.toks {
		if !wrongNouns[t.lower] || s.lower(n+1) != "by" {
			continue
		}
		k := n + 2
		if w := s.lower(k); w == "the" || w == "a" || w == "an" {
			k++
		}
		mi := s.mentionAt(k)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].start > k {
			continue
		}
		culprit := s.ments[mi].ent
		if claimant := a.claimant(s, n); claimant != nil && claimant.top() != culprit.top() && claimant != culprit {
			a.add(si, "ACCUSES", claimant, culprit, 0.7)
		}
	}
	for _, it := range s.items {
		h, ok := it.has(hitAttack)
		if !ok {
			continue
		}
		if genericDeeds[h.word] && !attackNear(s, it.end) && !attackNear(s, max(0, it.start-6)) && !groupDoer(s, it.start) && !groupAgent(s, it.end) {
			continue // "launched an investigation" is no wrong; "hackers targeted ministries" is
		}
		if negated(s, it.start) {
			continue // "said Uganda had never attacked", "found no sign Iran hacked"
		}
		// "a smear campaign orchestrated by US intelligence services"
		if s.lower(it.end) == "by" {
			k := namedAgent(s, it.end+1)
			if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
				culprit := s.ments[mi].ent
				if claimant := a.claimant(s, it.start); claimant != nil && claimant.top() != culprit.top() {
					a.add(si, "ACCUSES", claimant, culprit, 0.7)
				}
				continue
			}
		}
		// "orchestrated from inside the United States"
		for q := it.end; q < len(s.toks) && q-it.end <= 3; q++ {
			if s.toks[q].lower != "from" {
				continue
			}
			k := q + 1
			for k < len(s.toks) && (s.toks[k].lower == "inside" || s.toks[k].lower == "within" || s.toks[k].lower == "the") {
				k++
			}
			if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "STATE" {
				culprit := s.ments[mi].ent
				if claimant := a.claimant(s, it.start); claimant != nil && claimant.top() != culprit.top() {
					a.add(si, "ACCUSES", claimant, culprit, 0.7)
				}
			}
			break
		}
		p := it.start - 1
		for p >= 0 && (s.toks[p].text == `"` || s.toks[p].lower == "had" || s.toks[p].lower == "have" || s.toks[p].lower == "has" || s.toks[p].lower == "also" || s.toks[p].lower == "been" || s.toks[p].lower == "long" || s.toks[p].lower == "once" || s.toks[p].lower == "again" || s.toks[p].lower == "already" || s.toks[p].lower == "even" || s.toks[p].lower == "is" || s.toks[p].lower == "are" || s.toks[p].lower == "was" || s.toks[p].lower == "were" || strings.HasSuffix(s.toks[p].lower, "ly") || hedges[s.toks[p].lower]) {
			p-- // "India's government "very likely" uses"
		}
		mi := s.mentionAt(p)
		if mi < 0 && s.lower(p) == "," {
			mi = appositiveHead(s, p) // "the Lazarus Group, a unit linked to ..., stole"
		}
		if mi < 0 && s.lower(it.start) == "to" {
			p = it.start // "were working together to destabilise": the phrase opens with "to"
		}
		if mi < 0 && s.lower(p) == "to" {
			// "Iran had used social engineering to gain access": the doer of the means
			for q := p - 1; q >= 0 && p-q <= 6; q-- {
				if purposeVerbs[s.toks[q].lower] {
					r := q - 1
					for r >= 0 && (auxiliaries[s.toks[r].lower] || s.toks[r].lower == "had" || s.toks[r].lower == "has" || s.toks[r].lower == "have" || s.toks[r].lower == "also" || strings.HasSuffix(s.toks[r].lower, "ly")) {
						r--
					}
					mi = s.mentionAt(r)
					break
				}
			}
		}
		if mi < 0 && s.lower(p) == "and" {
			// "The defendants ... created apps and extorted victims": the first verb's subject
			if k, ok := a.subject(s, p); ok && s.ments[k].ent != nil && s.ments[k].ent.typ == "GROUP" {
				mi = k
			}
		}
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil {
			continue
		}
		culprit := s.ments[mi].ent
		claimant := a.claimant(s, s.ments[mi].start)
		if claimant == nil || claimant.top() == culprit.top() || claimant == culprit {
			continue
		}
		a.add(si, "ACCUSES", claimant, culprit, 0.7)
		// "that Washington and London had fabricated ...": each culprit
		for _, c := range s.coordinated(mi, -1) {
			if e := s.ments[c].ent; c != mi && e != nil && s.ments[c].kind == mActor && e.top() != claimant.top() {
				a.add(si, "ACCUSES", claimant, e, 0.7)
			}
		}
		// "the Netherlands and Britain announced that ...": each claimant
		for _, c := range a.coClaimants(s, claimant, s.ments[mi].start) {
			if c.top() != culprit.top() {
				a.add(si, "ACCUSES", c, culprit, 0.7)
			}
		}
	}
}

// coClaimants are the actors coordinated with a claimant that is the
// subject of a claim verb before token i ("X and Y said that ...").
func (a *analysis) coClaimants(s *sentInfo, claimant *entity, i int) []*entity {
	var out []*entity
	for k, m := range s.ments {
		if m.ent != claimant || m.end > i || m.kind != mActor {
			continue
		}
		if !claimVerbs[s.lower(m.end)] {
			return nil
		}
		for _, c := range s.coordinated(k, -1) {
			if e := s.ments[c].ent; e != nil && e != claimant && s.ments[c].kind == mActor {
				out = append(out, e)
			}
		}
		return out
	}
	return nil
}

// evaluativeStems are word beginnings that judge a claim false ("distorts", "fabricated").
var evaluativeStems = []string{"distort", "propagand", "russophob", "sinophob", "hysteri", "paranoi", "witch-hunt", "spy-mania", "fabricat", "slander", "smear", "baseless", "groundless", "unfounded", "ungrounded", "frivolous", "absurd", "untrue", "unsubstantiated"}

func isEvaluative(w string) bool {
	if evaluative[w] {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for _, p := range evaluativeStems {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// conductNouns and conductAdjectives describe behaviour a speaker condemns:
// "a pattern of irresponsible behavior by Beijing", "Russia's malign activities".
var conductNouns = map[string]bool{
	"behavior": true, "behaviour": true, "conduct": true, "activities": true, "activity": true, "actions": true, "action": true,
	"incursion": true, "incursions": true, "provocation": true, "provocations": true,
	// words judged: "the North's reaction was regrettable"
	"reaction": true, "remarks": true, "rhetoric": true,
	"step": true, "move": true, "acts": true, "measures": true, "practices": true, "practice": true, "policy": true, "policies": true,
	// measures against the speaker's side: "called the sanctions unfriendly"
	"sanctions": true, "restrictions": true, "expulsion": true, "expulsions": true, "decision": true,
	"penalties": true, "designation": true, "designations": true, "bans": true, "listings": true,
}

// measureNouns are measures taken against the speaker's side: judging one
// criticizes whoever imposed it.
var measureNouns = map[string]bool{
	"sanctions": true, "restrictions": true, "expulsion": true, "expulsions": true, "decision": true,
	"measures": true, "penalties": true, "designation": true, "designations": true, "bans": true, "listings": true,
}

var conductAdjectives = map[string]bool{
	"callous": true, "brazen": true, "cowardly": true, "heinous": true, "egregious": true,
	"irresponsible": true, "malign": true, "reckless": true, "hostile": true, "destabilizing": true, "destabilising": true,
	"unacceptable": true, "provocative": true, "aggressive": true, "malicious": true, "unhelpful": true, "unproductive": true,
	"destructive": true, "dangerous": true, "illegal": true, "unlawful": true, "outrageous": true, "bullying": true,
	"hegemonic": true, "coercive": true, "disruptive": true, "unjustified": true, "unfriendly": true, "regrettable": true,
	"illegitimate": true, "counterproductive": true, "despicable": true, "shameful": true, "counter-productive": true, "self-destructive": true,
	// predicate nouns: "the sanctions were a grave provocation"
	"provocation": true, "aggression": true, "blackmail": true, "violation": true, "farce": true, "hostility": true, "escalation": true,
	"hybrid": true, "subversive": true, "nefarious": true,
}

// badConduct reads a condemned behaviour as criticism of whoever it is
// attributed to: "the White House spoke of irresponsible behavior by
// Beijing", "This is Russia's latest unhelpful step", "described by Russia as
// a hostile action".
func (a *analysis) badConduct(si int, s *sentInfo) {
	for n, t := range s.toks {
		// an attack judged by name: "called the attacks extremely regrettable"
		judged := judgedDeed(t.lower) && s.lower(n-1) == "the" && (judgeVerbs[s.lower(n-2)] || copulaJudged(s, n)) ||
			attackWords[t.lower] && s.lower(n-1) == "'s" && copulaJudged(s, n) || // "Anonymous Sudan's attacks were callous"
			attackWords[t.lower] && demonstrativeBefore(s, n) && copulaJudged(s, n) // "This malicious cyber campaign is unacceptable"
		if !conductNouns[t.lower] && !judged {
			continue
		}
		measure := measureNouns[t.lower]
		// "This is a clear provocation": a verdict on the deed the article reports
		adj := conductAdjectives[t.lower] && predicateVerdict(s, n)
		for j := n - 1; j >= 0 && n-j <= 5 && !(measure && n-j > 2) && !judged; j-- {
			if conductAdjectives[s.toks[j].lower] {
				adj = true
				break
			}
		}
		// predicative: "these measures are regrettable and unacceptable"
		cop := -1
		for j := n + 1; j < len(s.toks) && j-n <= 5 && !adj; j++ {
			if w := s.toks[j].lower; w == "are" || w == "is" || w == "was" || w == "were" {
				cop = j
				break
			} else if w == "," || w == "." || w == `"` {
				break
			}
		}
		if !adj && measure && n > 1 {
			// "called new EU sanctions on Iranian officials illegitimate"
			span := 6
			if s.lower(n+1) == `"` {
				span = 8 // called the listings "a typical act of economic bullying"
			}
			for j := n + 1; j < len(s.toks) && j-n <= span; j++ {
				w := s.toks[j].lower
				if w == `"` && j == n+1 && span == 8 {
					continue
				}
				if w == "," || w == "." || w == `"` || w == ";" || speechVerbs[w] {
					break
				}
				if conductAdjectives[w] && j > n+1 {
					if nx := s.lower(j + 1); nx == "." || nx == "," || nx == "and" || nx == "" || nx == `"` {
						for q := n - 1; q >= 0 && n-q <= 5; q-- {
							if v := s.toks[q].lower; v == "called" || v == "calling" || v == "call" || v == "calls" || v == "branded" || v == "labeled" || v == "labelled" {
								adj = true
								break
							}
						}
					}
					break
				}
			}
		}
		nx := n + 1
		for s.lower(nx) == `"` || s.lower(nx) == "'" || s.lower(nx) == "a" || s.lower(nx) == "an" || strings.HasSuffix(s.lower(nx), "ly") && nx < n+4 {
			nx++ // called the measures "illegitimate", called the expulsion "a provocation"
		}
		if !adj && n > 1 && conductAdjectives[s.lower(nx)] {
			// "called the sanctions unfriendly", "calling the restrictions illegitimate"
			for j := n - 1; j >= 0 && n-j <= 4; j-- {
				if w := s.toks[j].lower; w == "called" || w == "calling" || w == "call" || w == "calls" || w == "branded" || w == "labeled" || w == "labelled" {
					adj = true
					break
				}
			}
		}
		if cop > 0 {
			for j := cop + 1; j < len(s.toks) && j-cop <= 5; j++ {
				if conductAdjectives[s.toks[j].lower] || s.toks[j].lower == "threat" && s.lower(j+1) == "to" && (a.possessor(s, n) != nil || judgedDeed(t.lower) && s.lower(n-1) == "the") {
					// "Iran's cyber operations are a direct threat to our security"
					adj = true
					break
				}
				if s.toks[j].text == "," || s.toks[j].text == "." {
					break
				}
			}
		}
		if !adj || demandedHalt(s, n) {
			continue
		}
		// the actor behaving: "by X", "of X" after, or the possessor before
		var tg *entity
		for j := n + 1; j < len(s.toks) && j-n <= 6; j++ {
			w := s.toks[j].lower
			if w == "by" || w == "of" || w == "from" {
				k := j + 1
				if s.lower(k) == "the" {
					k++
				}
				if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
					tg = s.ments[mi].ent
				}
				break
			}
			if w == `"` && j == n+1 {
				continue // "a campaign of hostile activities" by Russia: the quote closes
			}
			if w == "," || w == "." || w == "is" || w == "was" || w == "are" || w == "were" || w == "and" || w == `"` {
				break // "the incursion was unacceptable and a violation of Canadian sovereignty"
			}
		}
		if tg == nil {
			tg = a.possessor(s, n)
		}
		// the speaker: the reported speaker, a passive agent, or the clause subject
		var sp *entity
		for j := 0; j+2 < len(s.toks); j++ {
			if s.toks[j].lower == "described" && s.toks[j+1].lower == "by" {
				if mi := s.mentionAt(j + 2); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].kind == mActor {
					sp = s.ments[mi].ent
				}
			}
		}
		if sp == nil {
			sp = s.attribution
		}
		if sp == nil && measure {
			sp = a.sentenceSubject(s, n)
		} else if sp == nil {
			if k, ok := a.subject(s, n); ok && s.ments[k].ent != tg {
				sp = a.speakerOf(s, k)
				if m := s.ments[k]; (s.lower(m.end) == "of" || s.lower(m.end) == "for") && accusedBefore(s, m.start) {
					continue // "accused Russia of a string of hostile acts": the accusation says it
				}
				if m := s.ments[k]; heldToAccount(s, m.end, n) {
					// "who said Moscow would be held accountable for reckless
					// behaviour": the one held to account behaved, the speaker judges
					if sp, tg = nil, m.ent; s.attribution == nil && s.lower(m.start-1) == "said" && s.lower(m.start-2) == "who" {
						if r := s.mentionAt(m.start - 4); r >= 0 && s.ments[r].ent != nil && s.ments[r].kind == mActor {
							sp = s.ments[r].ent // ", Kaja Kallas, who said"
						}
					}
				}
				if m := s.ments[k]; s.lower(m.end) == "to" && urgedBefore(s, m.start) {
					// "The EU urged China to take action against malicious
					// activities from its territory": the one urged is judged
					if e := a.sentenceSubject(s, m.start); e != nil && e.top() != m.ent.top() {
						sp = e
						if tg == nil {
							tg = m.ent
						}
					}
				}
			}
			q := n - 1
			for q > 0 && n-q < 3 && conductAdjectives[s.lower(q)] {
				q--
			}
			if p := s.lower(q); (p == "its" || p == "their") && s.lower(q-1) != "of" {
				// "warned that Seoul would pay for its hostile acts": the one warning judges
				if e := a.sentenceSubject(s, n); e != nil && (sp == nil || e.top() != sp.top()) {
					sp, tg = e, sp
				}
			}
		}
		var more []*entity
		if sp != nil && tg == nil && measure {
			tg = a.sanctioner(sp) // the sanctions the speaker's side is under
			more = a.coSanctioners(tg, sp)
			if tg != nil && !tg.media {
				tg = tg.top() // the foreign office imposed them for its state
			}
		}
		if sp == nil || sp.typ == "STATE" && sp == tg {
			continue
		}
		if tg == nil {
			tg = a.opponent(sp)
			if sponsor := a.sponsorOf(tg); sponsor != nil && sponsor != sp.top() {
				tg = sponsor // "the attacks were a threat to our security": the state behind the group
			}
		}
		if tg != nil && tg.top() != sp.top() {
			a.add(si, "CRITICIZES", sp, tg, 0.7)
			for _, o := range more {
				a.add(si, "CRITICIZES", sp, o, 0.7)
			}
		}
	}
}

// accusedBefore reports whether the mention starting at i is the object of
// an accusation verb: "accused Russia of", "blamed Moscow for".
func accusedBefore(s *sentInfo, i int) bool {
	switch s.lower(i - 1) {
	case "accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming", "charged", "charges":
		return true
	}
	return false
}

// urgedBefore reports whether the mention starting at i is the object of a
// request: "urge China to", "called on Moscow to", "asked Beijing to".
func urgedBefore(s *sentInfo, i int) bool {
	switch s.lower(i - 1) {
	case "urge", "urges", "urged", "urging", "asked", "asks", "ask", "told", "tells", "pressed", "presses":
		return true
	case "on", "upon":
		w := s.lower(i - 2)
		return w == "call" || w == "calls" || w == "called" || w == "calling"
	}
	return false
}

var hedges = map[string]bool{"almost": true, "certainly": true, "likely": true, "probably": true, "highly": true, "most": true, "very": true, "also": true, "allegedly": true, "reportedly": true}

// behindClaims reads "Russia's GRU was almost certainly behind the attacks"
// when hedges separate the verb from "behind" (the plain phrase is a trigger).
func (a *analysis) behindClaims(si int, s *sentInfo) {
	for i, t := range s.toks {
		if t.lower == "work" && s.lower(i-1) == "the" && s.lower(i+1) == "of" && auxiliaries[s.lower(i-2)] {
			// "said the attack was the work of Sandworm": an attribution
			if mi := s.mentionAt(namedAgent(s, i+2)); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
				culprit := s.ments[mi].ent
				if sp := a.claimant(s, i); sp != nil && sp.top() != culprit.top() && sp.typ != "GROUP" {
					a.add(si, "ACCUSES", sp, culprit, 0.75)
				}
			}
			continue
		}
		if t.lower == "behind" {
			// "Britain names Chinese state hackers behind the breach": naming is accusing
			if mi := s.mentionAt(i - 1); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].end == i {
				q := s.ments[mi].start - 1
				if s.lower(q) == "the" {
					q--
				}
				switch s.lower(q) {
				case "names", "named", "naming", "identifies", "identified", "identifying", "unmasks", "unmasked", "exposes", "exposed", "blames", "blamed":
					if k, ok := a.subject(s, q); ok {
						if sp := a.speakerOf(s, k); sp != nil && sp.top() != s.ments[mi].ent.top() {
							a.add(si, "ACCUSES", sp, s.ments[mi].ent, 0.75)
						}
					}
					continue
				}
			}
		}
		if tg := hedgedLink(s, i); tg >= 0 {
			// "said the group was highly likely working for the Russian
			// government": the state behind it is accused
			k, ok := a.subject(s, tg)
			culprit := s.ments[tg].ent
			if sp := a.claimant(s, i); ok && sp != nil && sp.top() != culprit.top() && s.ments[k].ent != culprit {
				a.add(si, "ACCUSES", sp, culprit, 0.7)
			}
			continue
		}
		suspected := t.lower == "suspected" && s.lower(i+1) == "of"
		if t.lower != "behind" && !(t.lower == "responsible" && s.lower(i+1) == "for") && !suspected {
			continue
		}
		p := i - 1
		hedged := suspected // "the officers are suspected of stealing"
		for p >= 0 && hedges[s.toks[p].lower] {
			p--
			hedged = true
		}
		if !hedged || p < 0 || !auxiliaries[s.toks[p].lower] {
			continue
		}
		k, ok := a.subject(s, p)
		if !ok {
			continue
		}
		culprit := s.ments[k].ent
		if sp := a.claimant(s, s.ments[k].start); sp != nil && sp.top() != culprit.top() {
			a.add(si, "ACCUSES", sp, culprit, 0.7)
		}
	}
}

// hedgedLink returns the mention of the actor a hedged link at i names
// ("was highly likely working for the Russian government", "were probably
// linked to China"), or -1. Without a hedge and a copula the link is a
// description ("hackers linked to China"), not a claim.
func hedgedLink(s *sentInfo, i int) int {
	w := s.toks[i].lower
	var prep string
	switch w {
	case "working", "acting":
		prep = "for"
	case "linked", "tied", "connected":
		prep = "to"
	default:
		return -1
	}
	k := i + 1
	if w == "acting" && s.lower(k) == "on" && s.lower(k+1) == "behalf" && s.lower(k+2) == "of" {
		k += 3
	} else if s.lower(k) == prep {
		k++
	} else {
		return -1
	}
	if s.lower(k) == "the" {
		k++
	}
	p := i - 1
	hedged := false
	for p >= 0 && (hedges[s.toks[p].lower] || s.toks[p].text == `"`) {
		if hedges[s.toks[p].lower] {
			hedged = true
		}
		p--
	}
	if !hedged || p < 0 || !auxiliaries[s.toks[p].lower] {
		return -1
	}
	mi := s.mentionAt(k)
	if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].start != k {
		return -1
	}
	if t := s.ments[mi].ent.typ; t != "STATE" && t != "AGENCY" {
		return -1
	}
	return mi
}

// genericDeeds are attack verbs that report a wrong only with an attack as object.
var genericDeeds = map[string]bool{
	"launched": true, "conducted": true, "carried out": true, "sponsored": true, "targeted": true, "orchestrated": true,
	"conducting": true, "carrying out": true, "launching": true, "waging": true, "directed": true,
}

// attackNear reports an attack word within a few tokens after i.
func attackNear(s *sentInfo, i int) bool {
	for j := i; j < len(s.toks) && j-i <= 5; j++ {
		w := s.toks[j].lower
		if attackWords[w] || incidentHeads[w] || strings.HasPrefix(w, "cyber") || w == "strike" || w == "strikes" || w == "operation" || w == "operations" || w == "infrastructure" || w == "networks" || w == "systems" {
			return true
		}
	}
	return false
}

// wrongNouns name a wrong whose doer follows "by": "an effort by", "attacks by".
var wrongNouns = map[string]bool{
	"effort": true, "efforts": true, "attempt": true, "attempts": true, "campaign": true, "operation": true, "attack": true,
	"attacks": true, "cyberattack": true, "cyberattacks": true, "intrusion": true, "intrusions": true, "hacking": true,
	"plot": true, "espionage": true, "interference": true,
}

// sanctioner is the latest actor reported to sanction the speaker's side.
func (a *analysis) sanctioner(sp *entity) *entity {
	for k := len(a.stmts) - 1; k >= 0; k-- {
		st := a.stmts[k]
		if st.kind == "SANCTIONS" && st.target != nil && st.target.top() == sp.top() && st.speaker.top() != sp.top() {
			return st.speaker
		}
	}
	return nil
}

// consequenceHeads are what a threatened actor "will" do or suffer:
// "Warsaw would regret its decision", "London will pay a price".
var consequenceHeads = map[string]string{
	"regret": "", "pay": "price|dearly|heavily|heavy", "bear": "consequences", "face": "consequences", "suffer": "consequences",
}

// threatenedSubjects reads a warning whose subject is the threatened actor,
// said by someone else: "Zakharova said Warsaw would regret its decision",
// `"London will pay a price for this," the ministry said`.
func (a *analysis) threatenedSubjects(si int, s *sentInfo) {
	for i, t := range s.toks {
		obj, ok := consequenceHeads[t.lower]
		if !ok || i < 2 {
			continue
		}
		q := i - 1
		for q > 0 && (s.toks[q].text == `"` || s.toks[q].text == "'") {
			q-- // Seoul would "pay dearly"
		}
		m := s.lower(q)
		if m != "will" && m != "would" && m != "shall" {
			continue
		}
		if obj != "" {
			found := false
			for j := i + 1; j < len(s.toks) && j-i <= 4 && !found; j++ {
				for _, o := range strings.Split(obj, "|") {
					if strings.HasPrefix(s.toks[j].lower, o) {
						found = true
						break
					}
				}
			}
			if !found {
				continue
			}
		}
		mi := s.mentionAt(q - 1)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].end != q {
			continue
		}
		sp := s.attribution
		if sp == nil {
			// "A ministry spokesman called ... and said Ottawa would regret"
			if said := s.lower(mi2start(s, mi) - 1); said == "said" || said == "warned" || said == "that" {
				sp = a.sentenceSubject(s, s.ments[mi].start)
			}
		}
		if sp == nil {
			continue
		}
		for _, c := range s.coordinated(mi, -1) {
			tg := s.ments[c].ent
			if tg == nil || sp == tg || sp.top() == tg.top() {
				continue
			}
			a.add(si, "THREATENS", sp, tg, 0.7)
		}
	}
}

// drawnCriticism reads "Pyongyang has conducted tests, drawing condemnation
// from Washington, Seoul and Tokyo": each actor after "from" criticizes the
// clause's subject.
func (a *analysis) drawnCriticism(si int, s *sentInfo) {
	for i := 1; i+2 < len(s.toks); i++ {
		switch s.toks[i].lower {
		case "drawing", "drew", "draws", "sparking", "sparked", "prompting", "prompted", "triggering", "triggered", "provoking", "provoked":
		default:
			continue
		}
		n := i + 1
		for n < len(s.toks) && n-i <= 3 && (s.toks[n].lower == "sharp" || s.toks[n].lower == "strong" || s.toks[n].lower == "international" || s.toks[n].lower == "swift" || s.toks[n].lower == "widespread") {
			n++
		}
		kind := ""
		switch s.lower(n) {
		case "condemnation", "criticism", "rebukes", "rebuke", "protests", "protest":
			kind = "CRITICIZES"
		case "threats", "warnings":
			kind = "THREATENS"
		default:
			continue
		}
		if s.lower(n+1) != "from" {
			continue
		}
		tg := a.sentenceSubject(s, i)
		if tg == nil {
			continue
		}
		var tgs []*entity
		for k, m := range s.ments {
			if m.ent == tg && m.kind == mActor && m.start < i {
				var co []*entity
				for _, c := range s.coordinated(k, 1) {
					if s.ments[c].start < i {
						co = append(co, s.ments[c].ent)
					}
				}
				if len(co) > len(tgs) {
					tgs = co // the dateline's capital is no coordination
				}
			}
		}
		if len(tgs) == 0 {
			tgs = []*entity{tg}
		}
		q := n + 2
		if s.lower(q) == "the" {
			q++
		}
		mi := s.mentionAt(q)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil {
			continue
		}
		for _, c := range s.coordinated(mi, 1) {
			for _, tg := range tgs {
				if sp := s.ments[c].ent; sp != nil && tg != nil && sp.top() != tg.top() {
					a.add(si, kind, sp, tg, 0.7)
				}
			}
		}
	}
}

// stopVerbs follow "must" in a demand: "The American side must stop its provocations".
var stopVerbs = map[string]bool{
	"stop": true, "cease": true, "end": true, "halt": true, "refrain": true, "withdraw": true, "release": true,
	"immediately": true, "abandon": true, "respect": true, "desist": true, "correct": true, "retract": true,
	// other acts one side tells the other to perform: "should address Pyongyang's concerns"
	"address": true, "explain": true, "clarify": true, "apologize": true, "apologise": true, "extradite": true,
	"comply": true, "reverse": true, "revoke": true, "lift": true, "punish": true, "compensate": true,
	"disarm": true, "rein": true, "dismantle": true, "prosecute": true, "shut": true, "hand": true,
}

// mustStop reads "X must stop ...", said by someone of another side, as a
// demand on X.
func (a *analysis) mustStop(si int, s *sentInfo) {
	sp := s.attribution
	if sp == nil {
		// "The embassy rejected ... and said Canada should stop ...": the clause subject says it
		for i, t := range s.toks {
			if speechVerbs[t.lower] && i > 0 {
				sp = a.sentenceSubject(s, i)
				break
			}
		}
	}
	if sp == nil {
		return
	}
	for i := 1; i+1 < len(s.toks); i++ {
		v := i + 1
		switch s.toks[i].lower {
		case "must", "should":
		case "needs", "need", "has", "have", "ought":
			if s.lower(i+1) != "to" {
				continue
			}
			v++ // "Canada needs to stop"
		case "expected", "expects", "expect":
			// "Qatar expected Abu Dhabi to rein in the networks"
			if mi := s.mentionAt(v); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.lower(s.ments[mi].end) == "to" && demandedAct(s, s.ments[mi].end+1) {
				if tg := s.ments[mi].ent; tg.top() != sp.top() && tg.typ != "INCIDENT" {
					a.add(si, "DEMANDS", sp, tg, 0.7)
				}
			} else if w := s.lower(v); (w == "them" || w == "it") && s.lower(v+1) == "to" && demandedAct(s, v+2) {
				// "shared the evidence with the Afghan authorities and we expect
				// them to take action": the other side named before in the sentence
				if tg := a.priorOther(s, i, sp); tg != nil {
					a.add(si, "DEMANDS", sp, tg, 0.65)
				}
			}
			continue
		default:
			continue
		}
		if w := s.lower(v); w == "instead" || w == "first" || w == "now" {
			v++ // "Kinshasa should instead disarm the militia"
		}
		if !stopVerbs[s.lower(v)] {
			continue
		}
		mi := s.mentionAt(i - 1)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].end != i {
			continue
		}
		tg := s.ments[mi].ent
		if tg.top() == sp.top() || tg.typ == "INCIDENT" {
			continue
		}
		a.add(si, "DEMANDS", sp, tg, 0.7)
	}
}

// demandedAct reports an act one side expects of another at token q: a
// stop verb, or "take (concrete) action/steps/measures".
func demandedAct(s *sentInfo, q int) bool {
	if stopVerbs[s.lower(q)] {
		return true
	}
	if s.lower(q) != "take" {
		return false
	}
	for k := q + 1; k < len(s.toks) && k-q <= 5; k++ {
		switch s.toks[k].lower {
		case "action", "actions", "steps", "measures":
			return true
		case ",", ".", ";", "to":
			return false
		}
	}
	return false
}

// priorOther is the last actor mentioned before token i in the sentence that
// is not of the speaker's side, or nil.
func (a *analysis) priorOther(s *sentInfo, i int, sp *entity) *entity {
	var tg *entity
	for _, m := range s.ments {
		if m.end > i || m.kind != mActor || m.ent == nil || m.ent.typ == "INCIDENT" || m.ent.typ == "PERSON" {
			continue
		}
		if m.ent.top() != sp.top() {
			tg = m.ent
		}
	}
	return tg
}

// smearNouns name accusations as falsehoods when someone is told to stop them.
// Accusations count only when judged false ("groundless accusations");
// "stop spreading disinformation" is a demand that denies nothing named.
var smearNouns = map[string]bool{
	"smears": true, "smear": true, "smearing": true, "slander": true, "slandering": true, "lies": true,
}

// stopSmears reads "X should stop making groundless smears against China" and
// "urged NATO to stop spreading disinformation", said by the other side, as a
// denial answering X.
func (a *analysis) stopSmears(si int, s *sentInfo) {
	sp := s.attribution
	for i, t := range s.toks {
		if t.lower != "stop" && t.lower != "cease" {
			continue
		}
		found := false
		for j := i + 1; j < len(s.toks) && j-i <= 4; j++ {
			w := s.toks[j].lower
			if smearNouns[w] || accusationHeads[w] && isEvaluative(s.lower(j-1)) {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		// the one told to stop: "X should (...) stop", "urged X to stop"
		var tg *entity
		for j := i - 1; j >= 0 && i-j <= 14; j-- {
			w := s.toks[j].lower
			if w == "should" || w == "must" || w == "to" {
				if mi := s.mentionAt(j - 1); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].end == j {
					tg = s.ments[mi].ent
					break
				}
			}
		}
		den := sp
		if den == nil {
			den = a.sentenceSubject(s, i)
		}
		if tg == nil || den == nil || tg.top() == den.top() || tg.typ == "GROUP" || tg.typ == "INCIDENT" {
			continue
		}
		a.add(si, "DENIES", den, tg, 0.7)
		return
	}
}

// mi2start is where the coordination ending in mention mi begins.
func mi2start(s *sentInfo, mi int) int {
	c := s.coordinated(mi, -1)
	start := s.ments[mi].start
	for _, k := range c {
		if s.ments[k].start < start {
			start = s.ments[k].start
		}
	}
	return start
}

// coSanctioners are the other actors that imposed the same measures as
// sanctioner in the same sentence ("Canada and Norway imposed sanctions").
func (a *analysis) coSanctioners(sanctioner, sp *entity) []*entity {
	if sanctioner == nil {
		return nil
	}
	sent := -1
	for k := len(a.stmts) - 1; k >= 0; k-- {
		if st := a.stmts[k]; st.kind == "SANCTIONS" && st.speaker == sanctioner && st.target != nil && st.target.top() == sp.top() {
			sent = st.sent
			break
		}
	}
	var out []*entity
	for _, st := range a.stmts {
		if st.sent == sent && st.kind == "SANCTIONS" && st.speaker != sanctioner && st.target != nil && st.target.top() == sp.top() && st.speaker.top() != sp.top() {
			dup := false
			for _, o := range out {
				dup = dup || o == st.speaker
			}
			if !dup {
				out = append(out, st.speaker)
			}
		}
	}
	return out
}

// nominalWrongs reads "Faeser said the attacks were part of a Russian hybrid
// war": a wrong named with its doer's demonym or possessive, in reported
// speech, accuses the doer.
func (a *analysis) nominalWrongs(si int, s *sentInfo) {
	for n, t := range s.toks {
		w := t.lower
		if !(attackWords[w] || w == "war" && (s.lower(n-1) == "hybrid" || s.lower(n-1) == "cyber" || s.lower(n-1) == "information")) {
			continue
		}
		if w == "campaign" || w == "attack" || w == "attacks" {
			continue // too often the victim's or a plain description
		}
		if accusationNouns[s.lower(n+1)] && judgedClaim(s, n+2) {
			continue // "says Philippine hacking claims 'irresponsible'": the judged claim's author
		}
		var culprit *entity
		start := -1
		for q := n - 1; q >= 0 && n-q <= 4; q-- {
			if mi := s.mentionAt(q); mi >= 0 {
				m := s.ments[mi]
				if m.ent != nil && m.ent.typ == "STATE" && (m.kind == mDemonym || s.lower(m.end) == "'s" || s.lower(m.end) == "'") {
					culprit, start = m.ent, m.start
				}
				break
			}
			if x := s.toks[q].lower; x == "," || x == "." || blockers[x] || x == "by" || x == "of" {
				break
			}
		}
		if culprit == nil {
			continue
		}
		var claimant *entity
		for v := start - 1; v >= 0; v-- {
			if claimVerbs[s.toks[v].lower] {
				if k, ok := a.subject(s, v); ok {
					claimant = a.speakerOf(s, k)
				}
				break
			}
		}
		if claimant == nil && s.quoted {
			claimant = s.attribution // a quote: "... Chinese political espionage against us," she said
		}
		if claimant == nil || claimant.top() == culprit || claimant.typ == "GROUP" {
			continue
		}
		a.add(si, "ACCUSES", claimant, culprit, 0.65)
	}
}

// purposeVerbs take the means of a wrong before "to": "used phishing to
// gain access", "sought to", "worked to undermine".
var purposeVerbs = map[string]bool{
	"used": true, "uses": true, "using": true, "sought": true, "seeks": true, "tried": true, "tries": true, "attempted": true,
	"worked": true, "aimed": true, "planned": true, "helped": true, "conspired": true,
	"working": true, "trying": true, "seeking": true, "attempting": true, "plotting": true, "conspiring": true,
}

// groupDeeds reads "X said Russian hackers linked to the GRU had sent
// thousands of fraudulent emails": a hacking group's reported deed is a wrong
// whatever the verb.
func (a *analysis) groupDeeds(si int, s *sentInfo) {
	for _, m := range s.ments {
		if m.kind != mActor || m.ent == nil || m.ent.typ != "GROUP" || !actorGroup(m.ent.name) || !hostileGroup(m.ent.name) {
			continue
		}
		j := m.end
		// a post-modifier: "linked to the GRU", "working for Beijing"
		if w := s.lower(j); (w == "linked" || w == "backed" || w == "tied" || w == "affiliated" || w == "working" || w == "associated") && (s.lower(j+1) == "to" || s.lower(j+1) == "by" || s.lower(j+1) == "with" || s.lower(j+1) == "for") {
			k := j + 2
			if s.lower(k) == "the" {
				k++
			}
			if mi := s.mentionAt(k); mi >= 0 {
				j = s.ments[mi].end
			}
		}
		if w := s.lower(j); w != "had" && w != "have" && w != "has" {
			continue
		}
		v := j + 1
		for s.lower(v) == "also" || s.lower(v) == "repeatedly" || strings.HasSuffix(s.lower(v), "ly") && s.lower(v) != "only" {
			v++
		}
		if w := s.lower(v); w == "been" || w == "not" || w == "never" || !(strings.HasSuffix(w, "ed") || irregularDeeds[w]) {
			continue
		}
		claimant := a.claimant(s, m.start)
		if claimant == nil || claimant.top() == m.ent.top() || negated(s, v) {
			continue
		}
		a.add(si, "ACCUSES", claimant, m.ent, 0.65)
		for _, c := range a.coClaimants(s, claimant, m.start) {
			if c.top() != m.ent.top() {
				a.add(si, "ACCUSES", c, m.ent, 0.65)
			}
		}
	}
}

// irregularDeeds are past participles of deeds that do not end in -ed.
var irregularDeeds = map[string]bool{"sent": true, "stolen": true, "broken": true, "taken": true, "run": true, "spread": true, "hit": true, "built": true, "made": true, "sought": true, "won": true, "got": true, "gotten": true, "begun": true}

// hostileGroup reports a group whose name says it does wrongs: hackers,
// spies, operatives, cyber actors.
func hostileGroup(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"hacker", "spies", "spy", "operative", "cyber actor", "threat actor", "agents", "cybercriminal", "cyber criminal"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return !strings.Contains(n, " ") // a code name: "APT31"
}

// appositiveHead finds the actor an appositive ending at the comma at p
// describes: "the Lazarus Group, a hacking unit linked to X," gives the
// Lazarus Group; "the group, known as APT40," gives APT40. It returns a
// mention index or -1.
func appositiveHead(s *sentInfo, p int) int {
	for q := p - 1; q >= 0 && p-q <= 12; q-- {
		if s.toks[q].text != "," {
			continue
		}
		if mi := s.mentionAt(q - 1); mi >= 0 && s.ments[mi].end == q && s.ments[mi].kind == mActor {
			return mi
		}
		// a head noun without a name: the name inside the appositive
		// ("the group, known as APT40,", "the group, which researchers call Mustang Panda,")
		if w := s.lower(q + 1); w == "known" || w == "dubbed" || w == "called" || w == "named" || w == "codenamed" || w == "nicknamed" || w == "tracked" || w == "which" || w == "also" {
			for k := q + 2; k < p; k++ {
				if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "GROUP" {
					return mi
				}
			}
		}
		return -1
	}
	return -1
}

// groupDoer reports a hacking group or other non-state group as the doer of
// the deed at token i, skipping auxiliaries and adverbs: "APT31 had
// targeted", "the hackers repeatedly targeted".
func groupDoer(s *sentInfo, i int) bool {
	p := i - 1
	for p >= 0 && (auxiliaries[s.toks[p].lower] || s.toks[p].lower == "had" || s.toks[p].lower == "has" || s.toks[p].lower == "have" || s.toks[p].lower == "also" || strings.HasSuffix(s.toks[p].lower, "ly")) {
		p--
	}
	mi := s.mentionAt(p)
	if mi < 0 && s.lower(p) == "," {
		mi = appositiveHead(s, p)
	}
	return mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "GROUP"
}

// groupAgent reports a group named as the "by" agent after token end: "were
// repeatedly targeted by hacker groups operating from ...".
func groupAgent(s *sentInfo, end int) bool {
	if s.lower(end) != "by" {
		return false
	}
	mi := s.mentionAt(namedAgent(s, end+1))
	return mi >= 0 && s.ments[mi].kind == mActor && s.ments[mi].ent != nil && s.ments[mi].ent.typ == "GROUP"
}

// threatClause reports a clause from token i whose subject "will" or "would"
// suffer a consequence: "Seoul would pay dearly", "London will regret".
func threatClause(s *sentInfo, i int) bool {
	for j := i; j < len(s.toks) && j-i <= 6; j++ {
		if w := s.toks[j].lower; (w == "will" || w == "would" || w == "shall") && j+1 < len(s.toks) {
			n := j + 1
			if s.toks[n].text == `"` && n+1 < len(s.toks) {
				n++
			}
			if _, ok := consequenceHeads[s.lower(n)]; ok {
				return true
			}
			switch s.lower(n) {
			case "respond", "retaliate", "react", "take", "impose", "expel", "not":
				return true // "warned that Moscow would respond": a threat, not an accusation
			}
		}
	}
	return false
}

// judgeVerbs label what follows: "called the attacks regrettable".
var judgeVerbs = map[string]bool{"called": true, "calling": true, "branded": true, "labelled": true, "labeled": true, "described": true, "termed": true}

// copulaJudged reports an attack noun at n followed by a copula and a
// conduct adjective: "the attacks were unacceptable".
// sponsorOf returns the state accused in the same sentence as the
// unaffiliated group g ("said the group was acting on behalf of China"), or
// nil.
func (a *analysis) sponsorOf(g *entity) *entity {
	if g == nil || g.typ != "GROUP" || g.affil != nil {
		return nil
	}
	var sponsor *entity
	for _, st := range a.stmts {
		if st.kind != "ACCUSES" || st.target != g {
			continue
		}
		for _, o := range a.stmts {
			if o.sent == st.sent && o.kind == "ACCUSES" && o.target != nil && o.target.typ == "STATE" && o.target != st.speaker.top() {
				sponsor = o.target
			}
		}
	}
	return sponsor
}

// judgedDeed reports a deed whose judgement ("called the theft
// regrettable", "the thefts were a direct threat to peace") criticizes its
// doer: an attack, a theft or a heist.
func judgedDeed(w string) bool {
	return attackWords[w] || w == "theft" || w == "thefts" || w == "heist" || w == "heists"
}

// demonstrativeBefore reports a noun at n that a demonstrative opens, over
// up to three modifiers: "this malicious cyber campaign", "these attacks".
func demonstrativeBefore(s *sentInfo, n int) bool {
	for q := n - 1; q >= 0 && n-q <= 4; q-- {
		switch w := s.toks[q].lower; w {
		case "this", "these", "such":
			return true
		case "the", "a", "an", ",", `"`, "and":
			return false
		default:
			if isCap(s.toks[q].text) && q > 0 {
				return false
			}
		}
	}
	return false
}

// predicateVerdict reports a verdict noun at n predicated of a demonstrative
// subject: "This is a clear provocation", "these are an escalation".
func predicateVerdict(s *sentInfo, n int) bool {
	q := n - 1
	for q > 0 && n-q <= 2 && s.lower(q) != "a" && s.lower(q) != "an" {
		q--
	}
	if w := s.lower(q); w != "a" && w != "an" {
		return false
	}
	if w := s.lower(q - 1); w != "is" && w != "was" && w != "are" && w != "were" {
		return false
	}
	switch s.lower(q - 2) {
	case "this", "these", "that", "it":
		return q-2 == 0 || s.lower(q-3) == `"`
	}
	return false
}

func copulaJudged(s *sentInfo, n int) bool {
	if w := s.lower(n + 1); w != "were" && w != "was" && w != "are" && w != "is" {
		return false
	}
	for j := n + 2; j < len(s.toks) && j-n <= 5; j++ {
		if conductAdjectives[s.toks[j].lower] || s.toks[j].lower == "threat" && s.lower(j+1) == "to" {
			return true // "the thefts were a direct threat to peace"
		}
		if s.toks[j].text == "," || s.toks[j].text == "." {
			return false
		}
	}
	return false
}

// demandedHalt reports a conduct noun at n that is the object of a demanded
// halt: "called on Moscow to stop its destabilising actions", "the DPRK must
// immediately cease these malicious activities" demand; the demand carries
// the judgement, which is no separate criticism.
func demandedHalt(s *sentInfo, n int) bool {
	for q := n - 1; q > 0 && n-q <= 5; q-- {
		switch s.toks[q].lower {
		case "stop", "end", "cease", "halt", "refrain", "desist", "abandon":
			p := q - 1
			for p > 0 && (s.toks[p].text == `"` || strings.HasSuffix(s.toks[p].lower, "ly")) {
				p-- // to "immediately stop
			}
			w := s.lower(p)
			return w == "to" || w == "must" || w == "should"
		case ",", ".", ";", `"`:
			return false
		}
	}
	return false
}

// namedAgent returns where the actor of a "by" phrase starting at k begins,
// past an article and a description that names it: "by the GRU", "by a
// group known as Chimera", "by a hacking group called Sandworm".
func namedAgent(s *sentInfo, k int) int {
	if w := s.lower(k); w == "the" || w == "a" || w == "an" {
		k++
	}
	if mi := s.mentionAt(k); mi >= 0 {
		if m := s.ments[mi]; m.ent != nil && !namedGroup(m.ent) {
			if n := s.namedAs(m.end); n >= 0 {
				return s.ments[n].start // "by a GRU unit tracked by researchers as Sandworm"
			}
		}
		return k
	}
	for q := k; q < len(s.toks) && q-k <= 4; q++ {
		w := s.toks[q].lower
		if w == "known" && s.lower(q+1) == "as" {
			return q + 2
		}
		if w == "tracked" {
			if n := s.namedAs(q); n >= 0 {
				return s.ments[n].start // "by a unit tracked by researchers as UNC4221"
			}
		}
		if w == "called" || w == "dubbed" || w == "named" {
			return q + 1
		}
		if mi := s.mentionAt(q); mi >= 0 && q > k && (s.lower(q-1) == "the" && s.lower(q-2) == "of" || s.lower(q-1) == "of") {
			// "by a unit of the GRU known as Unit 74455": the unit's own name
			if m := s.ments[mi]; s.lower(m.end) == "known" && s.lower(m.end+1) == "as" && s.mentionAt(m.end+2) >= 0 {
				return m.end + 2
			}
			break
		}
		if !isWordRune([]rune(w)[0]) || s.mentionAt(q) >= 0 {
			break
		}
	}
	return k
}

// insultNouns name an actor as a wrongdoer: "called the regime a criminal
// syndicate", "branded Russia a terrorist state".
var insultNouns = map[string]bool{
	"criminal": true, "criminals": true, "syndicate": true, "terrorist": true, "rogue": true, "pariah": true,
	"bully": true, "aggressor": true, "menace": true, "thugs": true, "thug": true, "gangster": true, "gangsters": true,
	"mafia": true, "dictatorship": true, "tyranny": true, "liar": true, "liars": true, "outlaw": true,
	"empire": true, "hegemon": true,
}

// calledNames reads a speaker naming an actor with an insult as criticism of
// it: "She called the regime \"a criminal syndicate with a flag\"".
func (a *analysis) calledNames(si int, s *sentInfo) {
	for q, t := range s.toks {
		switch t.lower {
		case "called", "calls", "branded", "brands", "labelled", "labeled", "dubbed":
		case "said", "says":
			// "said Washington was \"the biggest hacker empire\"": the copula names it
			if mi := s.mentionAt(q + 1); mi < 0 || s.ments[mi].start != q+1 || (s.lower(s.ments[mi].end) != "was" && s.lower(s.ments[mi].end) != "is") {
				continue
			}
		default:
			continue
		}
		mi := s.mentionAt(q + 1)
		if mi < 0 {
			mi = s.mentionAt(q + 2)
			if mi < 0 || s.lower(q+1) != "the" {
				continue
			}
		}
		m := s.ments[mi]
		if m.kind != mActor || m.ent == nil || m.pronoun || m.start > q+2 {
			continue
		}
		insult, kind := false, "CRITICIZES"
		for j := m.end; j < len(s.toks) && j-m.end <= 6 && !insult; j++ {
			w := s.toks[j].lower
			if w == "." || w == "," || w == ";" {
				break
			}
			if w == "hacker" || w == "hacking" || w == "cyberattack" || w == "espionage" {
				kind = "ACCUSES" // "the biggest hacker empire" names a wrong, not only a vice
			}
			insult = insultNouns[w]
		}
		if !insult {
			continue
		}
		k, ok := a.subject(s, q)
		if !ok {
			continue
		}
		sp := a.speakerOf(s, k)
		if sp == nil || sp.top() == m.ent.top() {
			continue
		}
		a.add(si, kind, sp, m.ent, 0.75)
	}
}

// listVerbs put a target on a trade or sanctions list.
var listVerbs = map[string]bool{
	"added": true, "adds": true, "adding": true, "placed": true, "places": true, "placing": true, "put": true, "puts": true,
}

// designationList reads a press release's numbered list of designations:
// after "The individuals and entities designated today are:" each item that
// opens with a person, company or group ("1. Name, who ...") is sanctioned
// by whoever announced the sanctions in the paragraphs before.
func (a *analysis) designationList(si int, s *sentInfo) {
	n := len(s.toks)
	if n < 3 || s.toks[n-1].text != ":" || s.title {
		return
	}
	listing := false
	for _, t := range s.toks {
		switch t.lower {
		case "designated", "designations", "sanctioned", "listed", "listings":
			listing = true
		}
	}
	if !listing {
		return
	}
	var sp *entity
	for k := len(a.stmts) - 1; k >= 0; k-- {
		if st := a.stmts[k]; st.kind == "SANCTIONS" && st.sent < si && s.para-a.sents[st.sent].para <= 3 {
			sp = st.speaker
			break
		}
	}
	if sp == nil {
		return
	}
	for k := si + 1; k < len(a.sents) && k-si <= 40; k++ {
		it := &a.sents[k]
		q := 0
		for q < len(it.toks) && (isNumber(it.toks[q].text) || it.toks[q].text == "." || it.toks[q].text == ")") {
			q++
		}
		if q == len(it.toks) {
			continue // the item's number printed as a line of its own
		}
		mi := it.mentionAt(q)
		if mi < 0 || it.ments[mi].kind != mActor || it.ments[mi].ent == nil {
			return
		}
		switch e := it.ments[mi].ent; e.typ {
		case "PERSON", "ORGANIZATION", "GROUP":
			a.add(k, "SANCTIONS", sp, e, 0.8)
		default:
			return
		}
	}
}

// listedOn reads a target put on a blacklist as a sanction: "the Commerce
// Department added 14 Chinese firms to its Entity List", "placed the
// companies, including X and Y, on a trade blacklist". A hypothetical
// listing ("likely to respond by adding U.S. contractors to its list") is none.
func (a *analysis) listedOn(si int, s *sentInfo) {
	for n := 1; n < len(s.toks); n++ {
		w := s.toks[n].lower
		if !(w == "blacklist" || w == "list" && (s.lower(n-1) == "entity" || s.lower(n-1) == "sanctions" || penalisedList(s, n))) {
			continue
		}
		// back over "to a trade", "on its Entity": the preposition
		p := n - 1
		for p > 0 && n-p <= 4 && s.lower(p) != "to" && s.lower(p) != "on" {
			p--
		}
		if s.lower(p) != "to" && s.lower(p) != "on" {
			continue
		}
		v := -1
		for q := p - 1; q >= 0 && p-q <= 16; q-- {
			if listVerbs[s.toks[q].lower] {
				v = q
				break
			}
			if t := s.toks[q].lower; t == "." || t == ";" {
				break
			}
		}
		if v < 1 || negated(s, v) || hypotheticalAct(s, v) {
			continue
		}
		if b := s.lower(v - 1); b == "by" || b == "to" || b == "would" || b == "could" || b == "may" || b == "might" || b == "will" {
			continue // "respond by adding", "plans to add": not done
		}
		k, ok := a.subject(s, v)
		if !ok {
			continue
		}
		sp := a.speakerOf(s, k)
		if sp == nil || sp.typ == "GROUP" || sp.typ == "PERSON" && s.attribution == sp && sp.affil == nil {
			continue
		}
		for _, m := range s.ments {
			if m.start <= v || m.start >= p || m.ent == nil || m.kind != mActor || m.ent.top() == sp.top() {
				continue
			}
			if m.ent.typ == "STATE" {
				continue // a state is no listed company
			}
			a.add(si, "SANCTIONS", sp, m.ent, 0.8)
		}
	}
}

// penalisedList reports a list at n that its own clause says is of the
// sanctioned: "to a list of more than 100 firms and individuals penalised for
// helping Moscow", "a list of people subject to sanctions".
func penalisedList(s *sentInfo, n int) bool {
	if s.lower(n+1) != "of" {
		return false
	}
	for q := n + 2; q < len(s.toks) && q-n <= 12; q++ {
		switch s.toks[q].lower {
		case "penalised", "penalized", "sanctioned", "blacklisted", "designated", "subject":
			return s.toks[q].lower != "subject" || s.lower(q+1) == "to" && (s.lower(q+2) == "sanctions" || s.lower(q+2) == "restrictions")
		case ".", ";", ",", "who", "that", "which":
			return false
		}
	}
	return false
}

// tracedTo reads an attack traced to an actor as the claimant's accusation:
// "investigators had traced the intrusion to devices located in the United
// Arab Emirates", "attacks traced to servers in Iran".
func (a *analysis) tracedTo(si int, s *sentInfo) {
	for v, t := range s.toks {
		if t.lower != "traced" && t.lower != "traces" && t.lower != "trace" {
			continue
		}
		if negated(s, v) || s.lower(v-1) == "be" || s.lower(v-1) == "to" && s.lower(v-2) != "able" {
			continue // "could not be traced", "sought to trace"
		}
		q := v + 1
		for q < len(s.toks) && q-v <= 6 && s.toks[q].lower != "to" {
			q++
		}
		if s.lower(q) != "to" {
			continue
		}
		// past a description of machines: "to devices located in", "to servers based in"
		k := skipArticle(s, q+1)
		for n := 0; n < 4 && k < len(s.toks) && s.mentionAt(k) < 0 && tracedPlace[s.toks[k].lower]; n++ {
			k = skipArticle(s, k+1)
		}
		mi := s.mentionAt(k)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].start != k {
			continue
		}
		culprit := s.ments[mi].ent
		if claimant := a.claimant(s, v); claimant != nil && claimant.top() != culprit.top() {
			a.add(si, "ACCUSES", claimant, culprit, 0.7)
		}
	}
}

// tracedPlace are the words between "traced to" and the place an attack came from.
var tracedPlace = map[string]bool{
	"devices": true, "servers": true, "computers": true, "machines": true, "infrastructure": true, "addresses": true,
	"ip": true, "located": true, "based": true, "in": true, "inside": true, "hosted": true, "networks": true,
}

// heldToAccount reports "would be held accountable/responsible for" between
// a subject ending at i and the conduct noun at n.
func heldToAccount(s *sentInfo, i, n int) bool {
	for q := i; q < n && q-i <= 6; q++ {
		if s.toks[q].lower == "held" && (s.lower(q+1) == "accountable" || s.lower(q+1) == "responsible") {
			return true
		}
	}
	return false
}

// agentNouns are people a state sends to do harm.
var agentNouns = map[string]bool{
	"hackers": true, "agents": true, "spies": true, "officers": true, "operatives": true, "saboteurs": true,
	"proxies": true, "mercenaries": true,
}

// sentAgents reads a state sending its agents to act as the reporter's
// accusation: "'The regime in Tehran sent its hackers to poison our water,'
// X said", "Moscow sent its intelligence officers to tamper with ...".
func (a *analysis) sentAgents(si int, s *sentInfo) {
	for v, t := range s.toks {
		if t.lower != "sent" && t.lower != "sends" && t.lower != "dispatched" && t.lower != "deployed" {
			continue
		}
		if p := s.lower(v + 1); p != "its" && p != "their" {
			continue
		}
		q := v + 2
		for q < len(s.toks) && q-v <= 4 && !agentNouns[s.toks[q].lower] {
			q++
		}
		if !agentNouns[s.lower(q)] || s.lower(q+1) != "to" || negated(s, v) {
			continue
		}
		k, ok := a.subject(s, v)
		if !ok || s.ments[k].kind != mActor {
			continue
		}
		culprit := s.ments[k].ent
		if claimant := a.claimant(s, v); claimant != nil && claimant.top() != culprit.top() {
			a.add(si, "ACCUSES", claimant, culprit, 0.7)
		}
	}
}

// linkVerbs tie a wrong to its doer: "KAPO linked the attacks to Russian
// military intelligence", "allegations linking agents of the Indian
// government to the killing".
var linkVerbs = map[string]bool{
	"linked": true, "links": true, "link": true, "linking": true, "tied": true, "ties": true, "tying": true,
	"connected": true, "connecting": true,
}

// linkedWrongs are the deeds a link ties to a doer.
var linkedWrongs = map[string]bool{
	"killing": true, "murder": true, "assassination": true, "theft": true, "heist": true, "sabotage": true,
	"operation": true, "operations": true, "plot": true, "outage": true, "outages": true, "incident": true, "incidents": true,
}

// linkedWrong reports a wrong named in the words [i, j): "a wave of
// cyberattacks on state agencies", "the killing of".
func linkedWrong(s *sentInfo, i, j int) bool {
	for q := i; q < j; q++ {
		if w := s.toks[q].lower; attackWords[w] || linkedWrongs[w] {
			return true
		}
	}
	return false
}

// agentsOf are the people of a body a link may name before it: "agents of
// the Indian government".
var agentsOf = map[string]bool{"agents": true, "officials": true, "officers": true, "members": true, "operatives": true}

// linkedTo reads a wrong linked to an actor as the linker's accusation: "the
// Internal Security Service linked a wave of cyberattacks to Russian military
// intelligence" (the wrong, then its doer), "credible allegations linking
// agents of the Indian government to the killing" (the doer, then the wrong).
// A link someone denies or questions is no accusation, and a participle on a
// noun ("a group linked to Beijing") names no linker.
func (a *analysis) linkedTo(si int, s *sentInfo) {
	for v, t := range s.toks {
		if !linkVerbs[t.lower] || negated(s, v) || openQuestion(s, v) {
			continue
		}
		if t.lower == "linked" || t.lower == "tied" || t.lower == "connected" {
			if auxiliaries[s.lower(v-1)] {
				continue // "was linked to": no linker in the clause
			}
		}
		q := v + 1
		for q < len(s.toks) && q-v <= 10 && s.toks[q].lower != "to" && s.toks[q].lower != "," && s.toks[q].lower != "." {
			q++
		}
		if s.lower(q) != "to" || q == v+1 {
			continue
		}
		var culprit *entity
		if linkedWrong(s, v+1, q) {
			// the wrong, then its doer: "linked the attacks to X"
			k := skipArticle(s, q+1)
			for n := 0; n < 4 && k < len(s.toks) && s.mentionAt(k) < 0 && tracedPlace[s.toks[k].lower]; n++ {
				k = skipArticle(s, k+1)
			}
			if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].start == k && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
				culprit = s.ments[mi].ent
			}
		} else if linkedWrong(s, q+1, min(q+4, len(s.toks))) {
			// the doer, then the wrong: "linking agents of the Indian government to the killing"
			k := skipArticle(s, v+1)
			if agentsOf[s.lower(k)] && s.lower(k+1) == "of" {
				k = skipArticle(s, k+2)
			}
			if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].start == k && s.ments[mi].end == q && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
				culprit = s.ments[mi].ent
			}
		}
		if culprit == nil {
			continue
		}
		var claimant *entity
		if k, ok := a.subject(s, v); ok && s.ments[k].kind == mActor && !strings.HasSuffix(t.lower, "ing") {
			claimant = a.speakerOf(s, k)
		} else {
			claimant = a.reporterBefore(s, v)
		}
		if claimant != nil && claimant.top() != culprit.top() && claimant.typ != "GROUP" {
			a.add(si, "ACCUSES", claimant, culprit, 0.7)
		}
	}
}

// reporterBefore is who reports the clause at token i: the subject of the
// nearest speech or claim verb before it ("X told Parliament that there were
// allegations linking ..."), else the sentence's attribution.
func (a *analysis) reporterBefore(s *sentInfo, i int) *entity {
	for v := i - 1; v >= 0; v-- {
		if w := s.toks[v].lower; speechVerbs[w] || claimVerbs[w] {
			if k, ok := a.subject(s, v); ok && s.ments[k].kind == mActor {
				return a.speakerOf(s, k)
			}
			break
		}
	}
	return s.attribution
}

// campaignNouns name a concerted effort a denier lays at the accuser's door.
var campaignNouns = map[string]bool{
	"campaign": true, "pattern": true, "practice": true, "effort": true, "efforts": true, "attempt": true,
	"attempts": true, "plot": true,
}

// deniedCampaigns reads a denier's "part of a campaign by X" as criticism of
// the side its denial answers: "the accusations were 'baseless' and formed
// part of 'an obsessive campaign' by the Algerian regime", "it fitted a
// pattern of Canadian efforts to discredit India". The campaign must be the
// answered side's (or, for a denial that answers no one, another state's).
func (a *analysis) deniedCampaigns() {
	n := len(a.stmts)
	for i := 0; i < n; i++ {
		st := a.stmts[i]
		if st.kind != "DENIES" {
			continue
		}
		for si := st.sent; si <= st.sent+1 && si < len(a.sents); si++ {
			s := &a.sents[si]
			if si > st.sent && (s.para != a.sents[st.sent].para || s.attribution != st.speaker) {
				break // the next sentence only when the denier goes on speaking
			}
			if a.campaignCriticism(si, st) {
				break
			}
		}
	}
}

// campaignCriticism adds the denial's criticism of the side whose campaign
// sentence si names, and reports whether it found one.
func (a *analysis) campaignCriticism(si int, st stmt) bool {
	s := &a.sents[si]
	for q, t := range s.toks {
		if !campaignNouns[t.lower] {
			continue
		}
		owner := a.campaignOwner(s, q)
		if owner == nil || owner.top() == st.speaker.top() {
			continue
		}
		if st.target != nil && owner.top() != st.target.top() || st.target == nil && owner.typ != "STATE" {
			continue
		}
		a.stmts = append(a.stmts, stmt{speaker: st.speaker, target: owner, kind: "CRITICIZES", sent: si, conf: 0.7, incident: st.incident})
		return true
	}
	return false
}

// campaignOwner is the actor a campaign noun at q is by or of: "a campaign
// by X", "the practice of the Armenian side", "Canadian efforts".
func (a *analysis) campaignOwner(s *sentInfo, q int) *entity {
	if mi := s.mentionAt(q - 1); mi >= 0 && s.ments[mi].end == q && s.ments[mi].ent != nil && (s.ments[mi].kind == mActor || s.ments[mi].kind == mDemonym) {
		return s.ments[mi].ent
	}
	j := q + 1
	for j < len(s.toks) && (s.toks[j].text == `"` || s.toks[j].text == "'" || s.toks[j].text == "”") {
		j++
	}
	if w := s.lower(j); w != "by" && w != "of" {
		return nil
	}
	k := skipArticle(s, j+1)
	if mi := s.mentionAt(k); mi >= 0 && s.ments[mi].ent != nil && (s.ments[mi].kind == mActor || s.ments[mi].kind == mDemonym) {
		return s.ments[mi].ent
	}
	return nil
}

// namingVerbs name a culprit "as responsible": "Estonia named Unit 29155 as
// responsible for the attacks".
var namingVerbs = map[string]bool{"named": true, "names": true, "identified": true, "identifies": true, "singled": true}

// namedResponsible reads "X named Y as responsible for Z" (also "as the
// culprit", "as being behind") as X accusing Y.
func (a *analysis) namedResponsible(si int, s *sentInfo) {
	for v, t := range s.toks {
		if !namingVerbs[t.lower] || negated(s, v) {
			continue
		}
		k := v + 1
		if s.lower(k) == "out" {
			k++ // "singled out"
		}
		mi := s.mentionAt(k)
		q := -1
		if mi >= 0 && s.ments[mi].start == k && s.ments[mi].kind == mActor && s.ments[mi].ent != nil {
			q = s.ments[mi].end
		} else if r := relativeObject(s, v); r >= 0 {
			// "Unit 29155, the same unit that Estonia publicly named last year as responsible"
			mi = r
			for q = k; q < len(s.toks) && q-k < 3 && s.toks[q].lower != "as"; q++ {
			}
		}
		if q < 0 || s.lower(q) != "as" {
			continue
		}
		q++
		if s.lower(q) == "being" {
			q++
		}
		if w := s.lower(q); w != "responsible" && !(w == "the" && (s.lower(q+1) == "culprit" || s.lower(q+1) == "perpetrator" || s.lower(q+1) == "culprits" || s.lower(q+1) == "perpetrators")) && w != "behind" {
			continue
		}
		culprit := s.ments[mi].ent
		sk, ok := a.subject(s, v)
		if !ok || s.ments[sk].kind != mActor && s.ments[sk].kind != mWe {
			continue
		}
		if sp := a.speakerOf(s, sk); sp != nil && sp.top() != culprit.top() {
			a.add(si, "ACCUSES", sp, culprit, 0.75)
		}
	}
}

// relativeObject returns the mention a relative clause holding the verb at v
// is about, when the clause has its own subject and the mention is its
// object: "Unit 29155 of the GRU, the same unit that Estonia named as ...",
// "the group which Britain named as ..."; or -1.
func relativeObject(s *sentInfo, v int) int {
	for q := v - 1; q > 0 && v-q <= 10; q-- {
		w := s.toks[q].lower
		if w != "that" && w != "which" {
			if w == "," || w == "." || w == ";" {
				return -1
			}
			continue
		}
		if s.mentionAt(q+1) < 0 {
			return -1 // the clause needs a subject of its own
		}
		p := q - 1
		if s.lower(p) != "," && s.mentionAt(p) < 0 {
			// ", the same unit that": back over the apposition's noun phrase
			for p > 0 && q-p <= 4 && s.lower(p) != "," {
				p--
			}
			if s.lower(p) != "," {
				return -1
			}
		}
		if s.lower(p) == "," {
			p--
		}
		mi := s.mentionAt(p)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil {
			return -1
		}
		// "Unit 29155 of the GRU": the head of an of-chain
		if st := s.ments[mi].start; s.lower(st-1) == "the" && s.lower(st-2) == "of" || s.lower(st-1) == "of" {
			o := st - 2
			if s.lower(st-1) == "the" {
				o = st - 3
			}
			if mj := s.mentionAt(o); mj >= 0 && s.ments[mj].kind == mActor && s.ments[mj].ent != nil {
				return mj
			}
		}
		return mi
	}
	return -1
}

// blameWords follow "instead of" in a rebuke: "should look at its own
// failures instead of blaming others".
var blameWords = map[string]bool{"blaming": true, "accusing": true, "pointing": true, "smearing": true, "scapegoating": true}

// insteadOfBlaming reads "X should look inside its own borders instead of
// blaming others", said by someone of another side, as criticism of X.
func (a *analysis) insteadOfBlaming(si int, s *sentInfo) {
	sp := s.attribution
	for q, t := range s.toks {
		if !(t.lower == "instead" && s.lower(q+1) == "of" || t.lower == "rather" && s.lower(q+1) == "than") || !blameWords[s.lower(q+2)] {
			continue
		}
		if sp == nil {
			// "Gil rejected the remark and said Colombia should ... instead of
			// blaming its neighbour": the sentence's subject says it
			if sp = a.sentenceSubject(s, q); sp == nil || sp.typ != "PERSON" {
				return
			}
		}
		for _, m := range s.ments {
			if m.start >= q || m.kind != mActor || m.ent == nil || m.ent.typ == "INCIDENT" || m.ent.typ == "PERSON" && m.ent == sp {
				continue
			}
			if m.ent.top() != sp.top() {
				a.add(si, "CRITICIZES", sp, m.ent, 0.7)
			}
			break
		}
		return
	}
}
