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
}

var accusationNouns = map[string]bool{
	"accusations": true, "accusation": true, "allegations": true, "allegation": true, "claims": true, "claim": true,
	"report": true, "reports": true, "statements": true, "assessments": true, "remarks": true, "assertions": true, "charges": true,
	"hype": true, "move": true, "decision": true, "evidence": true, "conclusions": true, "conclusion": true, "findings": true, "assessment": true,
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
		if !accusationNouns[t.lower] || done {
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
		if den == nil {
			den = a.sentenceSubject(s, n)
		}
		if den == nil {
			continue
		}
		explicit := len(accusers) > 0
		if !explicit {
			switch s.lower(n - 1) {
			case "the", "such", "these", "this", "those", "baseless", "false", "groundless", "unfounded", "ungrounded", "recent", "new", "latest", "fresh":
				if acc := a.antecedentAccuser(den); acc != nil {
					accusers = []*entity{acc}
					conf = 0.7
				} else if d := s.lower(n - 1); (d == "the" || d == "such" || d == "these") && (s.toks[n].lower == "accusations" || s.toks[n].lower == "allegations" || s.toks[n].lower == "claims") {
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
			if explicit && !measure && s.lower(n-1) != "'s" && s.lower(n-1) != "'" {
				a.add(si, "ACCUSES", acc, den.top(), 0.75)
			}
			done = true
		}
	}
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
		k, ok := a.subject(s, i)
		if !ok {
			continue
		}
		sp := a.speakerOf(s, k)
		if mi := s.mentionAt(that + 1); mi >= 0 && s.ments[mi].ent != nil && s.ments[mi].kind == mActor && sp != nil && s.ments[mi].ent.top() != sp.top() {
			a.add(si, "ACCUSES", sp, s.ments[mi].ent, 0.7)
		}
	}
}

// holdAccountable reads "X holds Y accountable / responsible" as an accusation.
func (a *analysis) holdAccountable(si int, s *sentInfo) {
	for i, t := range s.toks {
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
	// "disrupted an effort by a hacking group backed by the Chinese government"
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
		if genericDeeds[h.word] && !attackNear(s, it.end) && !attackNear(s, max(0, it.start-6)) {
			continue // "launched an investigation" is no wrong
		}
		if negated(s, it.start) {
			continue // "said Uganda had never attacked", "found no sign Iran hacked"
		}
		// "a smear campaign orchestrated by US intelligence services"
		if s.lower(it.end) == "by" {
			k := it.end + 1
			if s.lower(k) == "the" {
				k++
			}
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
		for p >= 0 && (s.toks[p].text == `"` || s.toks[p].lower == "had" || s.toks[p].lower == "have" || s.toks[p].lower == "has" || s.toks[p].lower == "also" || s.toks[p].lower == "been" || s.toks[p].lower == "long" || s.toks[p].lower == "is" || s.toks[p].lower == "are" || s.toks[p].lower == "was" || s.toks[p].lower == "were" || strings.HasSuffix(s.toks[p].lower, "ly")) {
			p--
		}
		mi := s.mentionAt(p)
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
	"step": true, "move": true, "acts": true, "measures": true, "practices": true, "practice": true, "policy": true, "policies": true,
	// measures against the speaker's side: "called the sanctions unfriendly"
	"sanctions": true, "restrictions": true, "expulsion": true, "expulsions": true, "decision": true,
}

// measureNouns are measures taken against the speaker's side: judging one
// criticizes whoever imposed it.
var measureNouns = map[string]bool{"sanctions": true, "restrictions": true, "expulsion": true, "expulsions": true, "decision": true}

var conductAdjectives = map[string]bool{
	"irresponsible": true, "malign": true, "reckless": true, "hostile": true, "destabilizing": true, "destabilising": true,
	"unacceptable": true, "provocative": true, "aggressive": true, "malicious": true, "unhelpful": true, "unproductive": true,
	"destructive": true, "dangerous": true, "illegal": true, "unlawful": true, "outrageous": true, "bullying": true,
	"hegemonic": true, "coercive": true, "disruptive": true, "unjustified": true, "unfriendly": true, "regrettable": true,
	"illegitimate": true, "counterproductive": true, "despicable": true, "shameful": true, "counter-productive": true, "self-destructive": true,
}

// badConduct reads a condemned behaviour as criticism of whoever it is
// attributed to: "the White House spoke of irresponsible behavior by
// Beijing", "This is Russia's latest unhelpful step", "described by Russia as
// a hostile action".
func (a *analysis) badConduct(si int, s *sentInfo) {
	for n, t := range s.toks {
		if !conductNouns[t.lower] {
			continue
		}
		measure := measureNouns[t.lower]
		adj := false
		for j := n - 1; j >= 0 && n-j <= 5 && !(measure && n-j > 2); j-- {
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
			for j := n + 1; j < len(s.toks) && j-n <= 6; j++ {
				w := s.toks[j].lower
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
		if !adj && n > 1 && conductAdjectives[s.lower(n+1)] {
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
				if conductAdjectives[s.toks[j].lower] {
					adj = true
					break
				}
				if s.toks[j].text == "," || s.toks[j].text == "." {
					break
				}
			}
		}
		if !adj {
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
			}
		}
		var more []*entity
		if sp != nil && tg == nil && measure {
			tg = a.sanctioner(sp) // the sanctions the speaker's side is under
			more = a.coSanctioners(tg, sp)
		}
		if sp == nil || sp.typ == "STATE" && sp == tg {
			continue
		}
		if tg == nil {
			tg = a.opponent(sp)
		}
		if tg != nil && tg.top() != sp.top() {
			a.add(si, "CRITICIZES", sp, tg, 0.7)
			for _, o := range more {
				a.add(si, "CRITICIZES", sp, o, 0.7)
			}
		}
	}
}

var hedges = map[string]bool{"almost": true, "certainly": true, "likely": true, "probably": true, "highly": true, "most": true, "very": true, "also": true, "allegedly": true, "reportedly": true}

// behindClaims reads "Russia's GRU was almost certainly behind the attacks"
// when hedges separate the verb from "behind" (the plain phrase is a trigger).
func (a *analysis) behindClaims(si int, s *sentInfo) {
	for i, t := range s.toks {
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

// genericDeeds are attack verbs that report a wrong only with an attack as object.
var genericDeeds = map[string]bool{"launched": true, "conducted": true, "carried out": true, "sponsored": true, "targeted": true, "orchestrated": true}

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
	"regret": "", "pay": "price", "bear": "consequences", "face": "consequences", "suffer": "consequences",
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
		m := s.lower(i - 1)
		if m != "will" && m != "would" && m != "shall" {
			continue
		}
		if obj != "" {
			found := false
			for j := i + 1; j < len(s.toks) && j-i <= 4; j++ {
				if strings.HasPrefix(s.toks[j].lower, obj) {
					found = true
					break
				}
			}
			if !found {
				continue
			}
		}
		mi := s.mentionAt(i - 2)
		if mi < 0 || s.ments[mi].kind != mActor || s.ments[mi].ent == nil || s.ments[mi].end != i-1 {
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
}

// mustStop reads "X must stop ...", said by someone of another side, as a
// demand on X.
func (a *analysis) mustStop(si int, s *sentInfo) {
	sp := s.attribution
	if sp == nil {
		return
	}
	for i := 1; i+1 < len(s.toks); i++ {
		if s.toks[i].lower != "must" || !stopVerbs[s.lower(i+1)] {
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
