package extract

import "strings"

// precisionFilters drops readings that recur as false positives on unseen
// text: a state's duplicate of its own official's statement, a body named
// only for its members, and a name the speaker disputes.
func (a *analysis) precisionFilters() {
	out := a.stmts[:0]
	for _, st := range a.stmts {
		if a.officialsOwn(st) || a.membersOnly(st) || a.disputedName(st) {
			continue
		}
		out = append(out, st)
	}
	a.stmts = out
}

// officialsOwn reports whether a state's statement restates, in the same
// sentence, the same demand or criticism of a named official of that state:
// "Foreign Minister X said the government had demanded an explanation from
// Y" is the minister's demand, and the state is not a second speaker. An
// official the article does not place counts as the state's.
func (a *analysis) officialsOwn(st stmt) bool {
	if st.speaker.typ != "STATE" || (st.kind != "DEMANDS" && st.kind != "CRITICIZES") {
		return false // a state's own threat or denial stays the state's
	}
	for _, o := range a.stmts {
		if o.sent == st.sent && o.kind == st.kind && o.target == st.target &&
			o.speaker.typ == "PERSON" && (o.speaker.top() == st.speaker || o.speaker.affil == nil && o.speaker.role != "") {
			return true
		}
	}
	return false
}

// memberWords follow a body's name when the phrase means its members.
var memberWords = map[string]bool{"member": true, "members": true}

// membersOnly reports whether every mention of an organization target in
// the statement's sentence names its members ("urged all U.N. member states
// to ..."), who are not the body.
func (a *analysis) membersOnly(st stmt) bool {
	if st.target == nil || st.target.typ != "ORGANIZATION" {
		return false
	}
	s := &a.sents[st.sent]
	return a.targetOnlyAs(st, func(m mention) bool { return memberWords[s.lower(m.end)] })
}

// disputedName reports whether a criticism's or accusation's target is named
// in its sentence only as "so-called": "expressed dissatisfaction with the
// association of China with the so-called Storm-0000" disputes the
// attribution, it does not reproach the group.
func (a *analysis) disputedName(st stmt) bool {
	if st.target == nil || (st.kind != "CRITICIZES" && st.kind != "ACCUSES") {
		return false
	}
	return a.targetOnlyAs(st, a.sents[st.sent].soCalled)
}

// targetOnlyAs reports whether the statement's target is mentioned in its
// sentence and every such mention satisfies ok.
func (a *analysis) targetOnlyAs(st stmt, ok func(mention) bool) bool {
	seen := false
	for _, m := range a.sents[st.sent].ments {
		if m.ent != st.target {
			continue
		}
		if !ok(m) {
			return false
		}
		seen = true
	}
	return seen
}

// soCalled reports whether a mention opens with, or follows, "so-called"
// (however the hyphen was tokenized).
func (s *sentInfo) soCalled(m mention) bool {
	var b strings.Builder
	for p := max(0, m.start-3); p <= m.start && p < len(s.toks); p++ {
		if w := s.toks[p].lower; w != "the" && w != `"` && w != "'" {
			b.WriteString(w)
		}
	}
	return strings.Contains(b.String(), "so-called")
}
