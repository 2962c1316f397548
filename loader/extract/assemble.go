package extract

import (
	"sort"
	"strings"
	"time"
)

// assemble is stage 7: statements above the confidence threshold and the
// entities they and the article name, under canonical names.
func (a *analysis) assemble(minConf float64) Result {
	res := Result{Article: articleInfo(a.doc), Entities: []Entity{}, Statements: []Statement{}}
	type key struct {
		sp, tg *entity
		kind   string
	}
	best := map[key]int{}
	var keys []key
	for i, st := range a.stmts {
		a.stmts[i].conf = max(0, min(1, st.conf))
		k := key{st.speaker, st.target, st.kind}
		if j, ok := best[k]; ok {
			if st.conf > a.stmts[j].conf {
				best[k] = i
			}
			continue
		}
		best[k] = i
		keys = append(keys, k)
	}
	for _, k := range keys {
		st := a.stmts[best[k]]
		if st.conf < minConf {
			continue
		}
		s := &a.sents[st.sent]
		out := Statement{
			Speaker:    st.speaker.name,
			Kind:       st.kind,
			Evidence:   s.text,
			Quote:      quoteOf(s.text),
			Confidence: round2(st.conf),
			Date:       a.dateOf(s),
		}
		st.speaker.used = true
		for _, inc := range s.incidents {
			inc.used = true // the incidents the statement's sentence names
		}
		if st.target != nil {
			n := st.target.name
			out.Target = &n
			st.target.used = true
		}
		if st.incident != nil {
			n := st.incident.name
			out.Incident = &n
			st.incident.used = true
		}
		res.Statements = append(res.Statements, out)
	}
	// affiliation chains of used entities are used too
	for _, e := range a.order {
		if e.used {
			for p := e.affil; p != nil && !p.used; p = p.affil {
				p.used = true
			}
		}
	}
	kept := map[*entity]bool{}
	for _, e := range a.order {
		if e.typ == "INCIDENT" && e.used && !a.namedIncident(e) {
			e.used = false
		}
		if a.keep(e) {
			for p := e; p != nil && !kept[p]; p = p.affil {
				kept[p] = true
			}
		}
	}
	// a statement names only incidents the result lists
	names := map[string]bool{}
	for e := range kept {
		names[e.name] = true
	}
	for i := range res.Statements {
		if inc := res.Statements[i].Incident; inc != nil && !names[*inc] {
			res.Statements[i].Incident = nil
		}
	}
	for _, e := range a.order {
		if !kept[e] {
			continue
		}
		ent := Entity{Name: e.name, Type: e.typ, Role: e.role, Year: e.year, Country: e.country}
		if e.affil != nil {
			ent.Affiliation = e.affil.name
			if !kept[e.affil] {
				ent.Affiliation = ""
			}
		}
		ent.Aliases = append([]string(nil), e.aliases...)
		sort.Strings(ent.Aliases)
		res.Entities = append(res.Entities, ent)
	}
	return res
}

// keep decides which entities the result lists: those statements use, named
// persons, and actors the article names more than in passing.
func (a *analysis) keep(e *entity) bool {
	if e.used {
		return true
	}
	switch e.typ {
	case "PERSON":
		return e.mentions > 0
	case "STATE":
		return e.mentions >= minStateMentions
	case "GROUP":
		return e.mentions >= 1 && (e.affil != nil && actorGroup(e.name) || !strings.Contains(e.name, " ") || codeNameSuffixes[e.name[strings.LastIndexByte(e.name, ' ')+1:]])
	case "AGENCY":
		return e.mentions >= 1
	case "ORGANIZATION":
		if e.media {
			return e.mentions >= minOrgMentions
		}
		return e.mentions >= 1
	case "INCIDENT":
		return false
	}
	return false
}

// minStateMentions is how often a state no statement names must be named to be listed.
const minStateMentions = 1

// minOrgMentions is how often a news outlet no statement names must be
// named to be listed: an agency credited once as the source is not an actor.
const minOrgMentions = 2

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// quoteOf returns the longest quoted passage of a sentence.
func quoteOf(s string) string {
	best := ""
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '"')
		if j < 0 {
			break
		}
		q := strings.TrimSpace(s[i+1 : i+1+j])
		if len(q) > len(best) && strings.Contains(q, " ") {
			best = q
		}
		s = s[i+1+j+1:]
	}
	return strings.TrimRight(best, ",. ")
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

// dateOf is the day a sentence gives for its act ("on Tuesday", "on March
// 23"), resolved against the article date; else the article date. A date
// after "on" wins over a dateline's.
func (a *analysis) dateOf(s *sentInfo) string {
	if a.doc.Published.IsZero() {
		return ""
	}
	pub := a.doc.Published
	best := ""
	for i, t := range s.toks {
		d := ""
		if wd, ok := weekdays[t.lower]; ok && isCap(t.text) {
			back := int(pub.Weekday()-wd+7) % 7
			d = pub.AddDate(0, 0, -back).Format("2006-01-02")
		} else if m, ok := months[t.lower]; ok && isCap(t.text) && i+1 < len(s.toks) && isNumber(s.toks[i+1].lower) && len(s.toks[i+1].lower) <= 2 {
			day := 0
			for _, c := range s.toks[i+1].lower {
				day = day*10 + int(c-'0')
			}
			if day < 1 || day > 31 {
				continue
			}
			t := time.Date(pub.Year(), m, day, 0, 0, 0, 0, time.UTC)
			if t.After(pub.AddDate(0, 0, 1)) {
				t = t.AddDate(-1, 0, 0)
			}
			d = t.Format("2006-01-02")
		}
		if d == "" {
			continue
		}
		if s.lower(i-1) == "on" || s.lower(i-1) == "since" {
			return d
		}
		if best == "" {
			best = d
		}
	}
	if best != "" {
		return best
	}
	return pub.Format("2006-01-02")
}

// actorGroup reports whether a group's name says it acts (hackers, agents,
// diplomats) rather than naming a population (companies, citizens).
func actorGroup(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"hacker", "agent", "spies", "spy", "officer", "official", "commander", "operative", "diplomat", "group", "actors", "programmers", "suspects", "defendants", "members"} {
		if strings.Contains(n, w) && !strings.HasPrefix(n, "members of") {
			return true
		}
	}
	return false
}
