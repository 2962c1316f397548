package extract

import (
	"iter"
	"sort"
	"strings"
)

// entity is an actor or incident of one article, under its canonical name.
type entity struct {
	name, typ, country, role string
	affil                    *entity
	aliases                  []string
	first                    int // order of first sighting
	mentions                 int
	surname, given           string
	seen                     int // order of the latest mention during coreference
	pattern                  int // agency pattern index, or -1
	state                    int // index of the state in the lexicon when the entity is one, else -1
	used                     bool
	company                  bool // an organization found by its name's form ("... Technology Company")
	media                    bool // a news outlet
	year                     int
}

type mentionKind uint8

const (
	mActor    mentionKind = iota // a named actor
	mPronoun                     // he, she
	mRoleNoun                    // the spokesman, the diplomat
	mWe                          // we, our (the quoted speaker)
	mDemonym                     // a bare demonym adjective: a weak pointer to a state
	mBareHead                    // "the ministry", "Foreign Ministry" with no state named
	mPair                        // "the two countries": the article's two main states
)

// mention is a span of one sentence's tokens that names an actor.
type mention struct {
	start, end int
	ent        *entity
	kind       mentionKind
	role       string // for role nouns: the role word
	pattern    int    // for bare heads: the agency pattern
	counted    bool   // counted in the entity's mentions
	pronoun    bool   // resolved from a pronoun: weaker as a target
}

type item struct {
	start, end int
	hits       []hit
}

func (it item) has(k hitKind) (hit, bool) {
	for _, h := range it.hits {
		if h.kind == k {
			return h, true
		}
	}
	return hit{}, false
}

type sentInfo struct {
	sentence
	items []item
	ments []mention
	// attribution is who the sentence reports as speaking ("..., X said").
	attribution *entity
	attrTok     int // token index of the speech verb, -1 when none
	quoted      bool
	incidents   []*entity
	// token → mention index, rebuilt when mentions change
	mentIdx  []int16
	idxLen   int
	idxDirty bool
	// token → covered by a lexicon item
	inItems []bool
}

// analysis is the state of one Extract call.
type analysis struct {
	lex   *Lexicon
	ix    *index
	doc   Document
	sents []sentInfo
	ents  map[string]*entity
	order []*entity
	stmts []stmt
	// pub is the article date used to resolve relative dates.
	pub string
	// korea is 1 when the article names a Korea, -1 when not, 0 before koreas looks.
	korea int
	// described are the non-state actors named by a description
	// (findDescribedActors), looked for again in every sentence.
	described []*entity
	// joint holds, per sentence, the states a counted subject ("the three
	// governments") stands for; its mention names the first of them.
	joint map[int][]*entity
	// namedCountries are the ISO codes of the states the article names: a
	// head that is also one state's agency ("the Foreign Office") names that
	// agency only when the article names its state.
	namedCountries map[string]bool
}

func newAnalysis(lex *Lexicon, doc Document) *analysis {
	return &analysis{lex: lex, ix: lex.idx, doc: doc, ents: map[string]*entity{}}
}

// segment is stage 1: the title and the body become sentences.
func (a *analysis) segment() {
	var ss []sentence
	if t := strings.TrimSpace(a.doc.Title); t != "" {
		ss = segment(normalizeText(t), 0, ss)
		for i := range ss {
			ss[i].title = true
		}
	}
	seen := map[string]bool{}
	for _, s := range ss {
		seen[s.text] = true
	}
	body := a.doc.Body
	if len(a.doc.Paragraphs) > 0 {
		body = strings.Join(a.doc.Paragraphs, "\n")
	}
	n := len(ss)
	ss = segment(normalizeText(body), 1, ss)
	// drop repeated sentences (teasers repeat the lead) and the title line
	out := ss[:n]
	for _, s := range ss[n:] {
		if seen[s.text] || junk(s.text) {
			continue
		}
		seen[s.text] = true
		out = append(out, s)
	}
	a.sents = make([]sentInfo, len(out))
	for i, s := range out {
		a.sents[i] = sentInfo{sentence: s, attrTok: -1}
	}
	if !a.doc.Published.IsZero() {
		a.pub = a.doc.Published.Format("2006-01-02")
	}
}

// entity registry

func (a *analysis) get(name, typ string) *entity {
	key := typ + "\x00" + name
	if e, ok := a.ents[key]; ok {
		return e
	}
	e := &entity{name: name, typ: typ, first: len(a.order), pattern: -1, state: -1}
	a.ents[key] = e
	a.order = append(a.order, e)
	return e
}

func (a *analysis) stateEntity(i int) *entity {
	s := a.lex.States[i]
	e := a.get(s.Name, "STATE")
	e.country = s.Country
	e.state = i
	return e
}

func (a *analysis) actorEntity(i int) *entity {
	ac := a.lex.Actors[i]
	if ac.Type == "STATE" {
		if j, ok := a.ix.stateBy[ac.Name]; ok {
			return a.stateEntity(j)
		}
	}
	e := a.get(ac.Name, ac.Type)
	e.country = ac.Country
	e.role = ac.Role
	e.media = ac.Media
	if e.affil == nil && ac.Affiliation != "" {
		e.affil = a.byName(ac.Affiliation)
	}
	if e.country == "" && e.affil != nil {
		e.country = e.affil.country
	}
	return e
}

// byName returns the lexicon actor or state with that canonical name.
func (a *analysis) byName(name string) *entity {
	if i, ok := a.ix.stateBy[name]; ok {
		return a.stateEntity(i)
	}
	if i, ok := a.ix.actorBy[name]; ok {
		return a.actorEntity(i)
	}
	return nil
}

func (a *analysis) agencyEntity(p int, st *entity, seat string) *entity {
	pat := a.lex.AgencyPatterns[p]
	if name, ok := pat.Overrides[st.country]; ok && seat == "" {
		if e := a.byName(name); e != nil {
			return e
		}
		e := a.get(name, "AGENCY")
		e.affil, e.country, e.pattern = st, st.country, p
		return e
	}
	name := strings.ReplaceAll(pat.Name, "{state}", st.name)
	if seat != "" {
		name += " in " + seat
	}
	e := a.get(name, "AGENCY")
	e.affil, e.country, e.pattern = st, st.country, p
	return e
}

func (e *entity) addAlias(s string) {
	s = strings.TrimSpace(strings.Trim(s, ` ,;:"'-`))
	if s == "" || s == e.name {
		return
	}
	for _, x := range e.aliases {
		if x == s {
			return
		}
	}
	e.aliases = append(e.aliases, s)
}

// top is the entity at the root of the affiliation chain (a person's state).
func (e *entity) top() *entity {
	for i := 0; e.affil != nil && i < 8; i++ {
		e = e.affil
	}
	return e
}

func (s *sentInfo) span(i, j int) string {
	if i >= j {
		return ""
	}
	return s.text[s.toks[i].start:s.toks[j-1].end]
}

// mentionAt returns the index of the mention covering token i, or -1.
func (s *sentInfo) mentionAt(i int) int {
	if i < 0 || i >= len(s.toks) {
		return -1
	}
	if s.idxDirty || s.idxLen != len(s.ments) || len(s.mentIdx) != len(s.toks) {
		s.rebuildIndex()
	}
	return int(s.mentIdx[i])
}

// rebuildIndex maps each token to the first mention covering it.
func (s *sentInfo) rebuildIndex() {
	if cap(s.mentIdx) < len(s.toks) {
		s.mentIdx = make([]int16, len(s.toks))
	}
	s.mentIdx = s.mentIdx[:len(s.toks)]
	for i := range s.mentIdx {
		s.mentIdx[i] = -1
	}
	for k, m := range s.ments {
		for t := m.start; t < m.end && t < len(s.toks); t++ {
			if s.mentIdx[t] < 0 {
				s.mentIdx[t] = int16(k)
			}
		}
	}
	s.idxLen, s.idxDirty = len(s.ments), false
}

func (s *sentInfo) sortMentions() {
	s.idxDirty = true
	sort.SliceStable(s.ments, func(i, j int) bool { return s.ments[i].start < s.ments[j].start })
}

// junk reports navigation and related-link lines that are not article prose:
// list bullets and lines in another script.
func junk(t string) bool {
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") {
		return true
	}
	for _, r := range t {
		if r >= 0x3000 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7af {
			return true
		}
	}
	return false
}

// answers yields the sentences of a transcript's answer turns: each from an
// "A:" turn up to the next "Q:" one. Other texts have none.
func (a *analysis) answers() iter.Seq[*sentInfo] {
	return func(yield func(*sentInfo) bool) {
		answering := false
		for si := range a.sents {
			s := &a.sents[si]
			switch s.turn {
			case 'Q':
				answering = false
			case 'A':
				answering = true
			}
			if answering && !yield(s) {
				return
			}
		}
	}
}
