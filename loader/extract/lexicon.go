package extract

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

//go:embed data/*.json
var dataFS embed.FS

// Lexicon holds the actors, agency patterns, roles and trigger words that
// extraction recognizes. The embedded default lexicon covers every UN member
// and observer state, international organizations, well-known agencies and
// the trigger vocabulary of the seven statement kinds; a user lexicon loaded
// with LoadLexicon adds to it.
type Lexicon struct {
	States         []Actor         `json:"states,omitempty" yaml:"states,omitempty"`
	Actors         []Actor         `json:"actors,omitempty" yaml:"actors,omitempty"`
	AgencyPatterns []AgencyPattern `json:"agency_patterns,omitempty" yaml:"agency_patterns,omitempty"`
	// StateNouns follow a demonym to name the state itself ("the Chinese side").
	StateNouns []string `json:"state_nouns,omitempty" yaml:"state_nouns,omitempty"`
	// GroupNouns follow a demonym to name a non-state group ("Russian hackers").
	GroupNouns []string  `json:"group_nouns,omitempty" yaml:"group_nouns,omitempty"`
	Roles      []string  `json:"roles,omitempty" yaml:"roles,omitempty"`
	Triggers   []Trigger `json:"triggers,omitempty" yaml:"triggers,omitempty"`

	idx *index
}

// Actor is one known actor: a state, an organization, an agency, a person or a group.
type Actor struct {
	Name        string   `json:"name" yaml:"name"`
	Type        string   `json:"type" yaml:"type"`
	Country     string   `json:"country,omitempty" yaml:"country,omitempty"` // ISO 3166 alpha-3
	Affiliation string   `json:"affiliation,omitempty" yaml:"affiliation,omitempty"`
	Role        string   `json:"role,omitempty" yaml:"role,omitempty"`
	Aliases     []string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	Demonyms    []string `json:"demonyms,omitempty" yaml:"demonyms,omitempty"` // states only
	Capitals    []string `json:"capitals,omitempty" yaml:"capitals,omitempty"` // states only: seats of government used as metonyms
	// Media marks news outlets: listed only when they act, not when credited as a source.
	Media bool `json:"media,omitempty" yaml:"media,omitempty"`
}

// AgencyPattern is a kind of agency every state may have ("Foreign Ministry").
// Name holds "{state}", replaced by the state's canonical name; Overrides maps
// an ISO alpha-3 code to the canonical name that state's agency goes by.
type AgencyPattern struct {
	Name      string            `json:"name" yaml:"name"`
	Heads     []string          `json:"heads" yaml:"heads"`
	Overrides map[string]string `json:"overrides,omitempty" yaml:"overrides,omitempty"`
	// Located patterns take a seat ("embassy in Moscow"), appended to the name.
	Located bool `json:"located,omitempty" yaml:"located,omitempty"`
}

// Trigger lists the words that signal one statement kind.
type Trigger struct {
	Kind  string `json:"kind" yaml:"kind"`
	CAMEO string `json:"cameo,omitempty" yaml:"cameo,omitempty"`
	// Verbs are base forms; inflections are generated ("accuse" → "accused").
	Verbs   []string `json:"verbs,omitempty" yaml:"verbs,omitempty"`
	Nouns   []string `json:"nouns,omitempty" yaml:"nouns,omitempty"`
	Phrases []string `json:"phrases,omitempty" yaml:"phrases,omitempty"`
	// AttackVerbs describe the wrong an accusation reports ("hacked",
	// "carried out"): "X said Y hacked Z" is X accusing Y.
	AttackVerbs []string `json:"attack_verbs,omitempty" yaml:"attack_verbs,omitempty"`
}

// Kinds are the seven statement kinds.
var Kinds = []string{"ACCUSES", "DENIES", "INDICTS", "CRITICIZES", "SANCTIONS", "DEMANDS", "THREATENS"}

var entityTypes = map[string]bool{"STATE": true, "ORGANIZATION": true, "AGENCY": true, "PERSON": true, "GROUP": true, "INCIDENT": true}

var defaultLexicon *Lexicon

func init() {
	lex := &Lexicon{}
	files, err := dataFS.ReadDir("data")
	if err != nil {
		panic(fmt.Sprintf("extract: embedded lexicon: %v", err))
	}
	for _, f := range files {
		b, err := dataFS.ReadFile("data/" + f.Name())
		if err != nil {
			panic(fmt.Sprintf("extract: embedded lexicon %s: %v", f.Name(), err))
		}
		var part Lexicon
		if err := json.Unmarshal(b, &part); err != nil {
			panic(fmt.Sprintf("extract: embedded lexicon %s: %v", f.Name(), err))
		}
		lex.merge(&part)
	}
	if err := lex.Validate(); err != nil {
		panic(fmt.Sprintf("extract: embedded lexicon: %v", err))
	}
	lex.idx = buildIndex(lex)
	defaultLexicon = lex
}

// DefaultLexicon returns the embedded lexicon. Callers must not modify it.
func DefaultLexicon() *Lexicon { return defaultLexicon }

// LoadLexicon reads a user lexicon from a JSON or YAML file (by extension:
// .yaml/.yml is YAML, anything else JSON) with the same keys as the embedded
// data files, validates it and returns it merged over the default lexicon.
func LoadLexicon(path string) (*Lexicon, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	return ParseLexicon(b, filepath.Ext(path))
}

// ParseLexicon parses a user lexicon (format ".json", ".yaml" or ".yml") and
// returns it merged over the default lexicon.
func ParseLexicon(b []byte, format string) (*Lexicon, error) {
	var user Lexicon
	switch strings.ToLower(format) {
	case ".yaml", ".yml", "yaml", "yml":
		if err := yaml.Unmarshal(b, &user); err != nil {
			return nil, fmt.Errorf("parse yaml lexicon: %w", err)
		}
	default:
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&user); err != nil {
			return nil, fmt.Errorf("parse json lexicon: %w", err)
		}
	}
	merged := &Lexicon{}
	merged.merge(defaultLexicon)
	merged.merge(&user)
	if err := merged.Validate(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	merged.idx = buildIndex(merged)
	return merged, nil
}

func (l *Lexicon) merge(o *Lexicon) {
	l.States = append(l.States, o.States...)
	l.Actors = append(l.Actors, o.Actors...)
	l.AgencyPatterns = append(l.AgencyPatterns, o.AgencyPatterns...)
	l.StateNouns = append(l.StateNouns, o.StateNouns...)
	l.GroupNouns = append(l.GroupNouns, o.GroupNouns...)
	l.Roles = append(l.Roles, o.Roles...)
	l.Triggers = append(l.Triggers, o.Triggers...)
}

// Validate checks that every entry is well formed: known types and kinds,
// non-empty names, ISO codes of three letters, affiliations that name a known
// actor, agency patterns with a {state} placeholder.
func (l *Lexicon) Validate() error {
	names := map[string]bool{}
	for _, s := range l.States {
		names[s.Name] = true
	}
	for _, a := range l.Actors {
		names[a.Name] = true
	}
	for i, s := range l.States {
		if s.Name == "" || len(s.Country) != 3 || strings.ToUpper(s.Country) != s.Country {
			return fmt.Errorf("state %d (%q): needs a name and an ISO alpha-3 country code", i, s.Name)
		}
		if s.Type != "" && s.Type != "STATE" {
			return fmt.Errorf("state %q: type %q, want STATE", s.Name, s.Type)
		}
	}
	for _, a := range l.Actors {
		if a.Name == "" {
			return fmt.Errorf("actor with empty name")
		}
		if !entityTypes[a.Type] {
			return fmt.Errorf("actor %q: unknown type %q", a.Name, a.Type)
		}
		if a.Country != "" && len(a.Country) != 3 {
			return fmt.Errorf("actor %q: country %q is not ISO alpha-3", a.Name, a.Country)
		}
		if a.Affiliation != "" && !names[a.Affiliation] {
			return fmt.Errorf("actor %q: affiliation %q is not a known actor", a.Name, a.Affiliation)
		}
	}
	for _, p := range l.AgencyPatterns {
		if !strings.Contains(p.Name, "{state}") || len(p.Heads) == 0 {
			return fmt.Errorf("agency pattern %q: needs {state} in the name and at least one head", p.Name)
		}
	}
	kinds := map[string]bool{}
	for _, k := range Kinds {
		kinds[k] = true
	}
	for _, t := range l.Triggers {
		if !kinds[t.Kind] {
			return fmt.Errorf("trigger: unknown kind %q", t.Kind)
		}
	}
	return nil
}

// hitKind says what a lexicon phrase is.
type hitKind uint8

const (
	hitState hitKind = iota + 1
	hitCapital
	hitDemonym
	hitActor
	hitAgencyHead
	hitStateNoun
	hitGroupNoun
	hitRole
	hitVerb
	hitNoun
	hitPhrase
	hitAttack
	hitActorDemonym  // an organization's adjective: "European" for the EU
	hitDemonymPlural // "Russians": people of a state
)

type hit struct {
	kind hitKind
	ref  int    // index into states, actors, patterns or triggers
	word string // role text, or the trigger's base form
	// caps[i] is 1 when the phrase's token i must be capitalized, 2 when all caps.
	caps []uint8
}

type index struct {
	phrases map[string][]hit
	maxLen  map[string]int // first token → longest phrase starting with it
	stateBy map[string]int // canonical name → index in States
	actorBy map[string]int // canonical name → index in Actors
	iso     map[string]int // ISO code → index in States
}

func buildIndex(l *Lexicon) *index {
	ix := &index{phrases: map[string][]hit{}, maxLen: map[string]int{}, stateBy: map[string]int{}, actorBy: map[string]int{}, iso: map[string]int{}}
	add := func(phrase string, h hit) {
		toks := tokenize(normalizeText(phrase))
		if len(toks) == 0 {
			return
		}
		parts := make([]string, len(toks))
		h.caps = make([]uint8, len(toks))
		for i, t := range toks {
			parts[i] = t.lower
			switch {
			case len(t.text) >= 2 && isAllCaps(t.text):
				h.caps[i] = 2
			case isCap(t.text):
				h.caps[i] = 1
			}
		}
		if h.kind != hitState && h.kind != hitCapital && h.kind != hitDemonym && h.kind != hitActor && h.kind != hitActorDemonym {
			// common nouns and verbs match in any case; acronyms stay case-sensitive
			for i := range h.caps {
				if h.caps[i] == 1 {
					h.caps[i] = 0
				}
			}
		}
		key := strings.Join(parts, " ")
		for _, old := range ix.phrases[key] {
			if old.kind == h.kind && old.ref == h.ref {
				// the same phrase listed twice: the more lenient capitalization wins
				for i := range old.caps {
					old.caps[i] = min(old.caps[i], h.caps[i])
				}
				return
			}
		}
		ix.phrases[key] = append(ix.phrases[key], h)
		if len(toks) > ix.maxLen[parts[0]] {
			ix.maxLen[parts[0]] = len(toks)
		}
	}
	for i, s := range l.States {
		ix.stateBy[s.Name] = i
		ix.iso[s.Country] = i
		add(s.Name, hit{kind: hitState, ref: i})
		for _, a := range s.Aliases {
			add(a, hit{kind: hitState, ref: i})
		}
		for _, c := range s.Capitals {
			add(c, hit{kind: hitCapital, ref: i})
		}
		for _, d := range s.Demonyms {
			add(d, hit{kind: hitDemonym, ref: i})
			if strings.HasSuffix(d, "an") || strings.HasSuffix(d, "i") {
				add(d+"s", hit{kind: hitDemonymPlural, ref: i}) // "Russians", "Pakistanis"
			}
		}
	}
	for i, a := range l.Actors {
		ix.actorBy[a.Name] = i
		for _, d := range a.Demonyms {
			add(d, hit{kind: hitActorDemonym, ref: i})
		}
		add(a.Name, hit{kind: hitActor, ref: i})
		for _, al := range a.Aliases {
			add(al, hit{kind: hitActor, ref: i})
		}
	}
	for i, p := range l.AgencyPatterns {
		for _, h := range p.Heads {
			add(h, hit{kind: hitAgencyHead, ref: i})
		}
	}
	for _, n := range l.StateNouns {
		add(n, hit{kind: hitStateNoun, word: n})
	}
	for _, n := range l.GroupNouns {
		add(n, hit{kind: hitGroupNoun, word: n})
	}
	for _, r := range l.Roles {
		add(r, hit{kind: hitRole, word: strings.ToLower(r)})
	}
	for i, t := range l.Triggers {
		for _, v := range t.Verbs {
			for _, f := range inflect(v) {
				add(f, hit{kind: hitVerb, ref: i, word: v})
			}
		}
		for _, n := range t.Nouns {
			add(n, hit{kind: hitNoun, ref: i, word: n})
		}
		for _, p := range t.Phrases {
			add(p, hit{kind: hitPhrase, ref: i, word: p})
		}
		for _, v := range t.AttackVerbs {
			add(v, hit{kind: hitAttack, ref: i, word: v})
		}
	}
	for k := range ix.phrases {
		sort.SliceStable(ix.phrases[k], func(a, b int) bool { return ix.phrases[k][a].kind < ix.phrases[k][b].kind })
	}
	return ix
}

// inflect returns a verb's base form and its -s, -ed and -ing forms.
func inflect(v string) []string {
	v = strings.ToLower(v)
	out := []string{v}
	switch {
	case strings.HasSuffix(v, "e"):
		out = append(out, v+"s", v+"d", v[:len(v)-1]+"ing")
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		out = append(out, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied", v+"ing")
	case strings.HasSuffix(v, "ss") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		out = append(out, v+"es", v+"ed", v+"ing")
	case doublesFinal(v):
		last := v[len(v)-1:]
		out = append(out, v+"s", v+last+"ed", v+last+"ing")
	default:
		out = append(out, v+"s", v+"ed", v+"ing")
	}
	return out
}

// doublesFinal reports whether a one-syllable consonant-vowel-consonant verb
// doubles its last letter ("slam" → "slammed"), or a listed longer one does.
func doublesFinal(v string) bool {
	switch v {
	case "rebut", "expel", "compel", "propel", "refer", "commit", "admit", "submit", "regret", "patrol", "control":
		return true
	}
	if len(v) < 3 || len(v) > 4 {
		return false
	}
	vow := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	a, b, c := v[len(v)-3], v[len(v)-2], v[len(v)-1]
	return !vow(a) && vow(b) && !vow(c) && c != 'w' && c != 'x' && c != 'y'
}
