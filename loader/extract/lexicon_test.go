package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultLexiconCoversStates(t *testing.T) {
	lex := DefaultLexicon()
	if n := len(lex.States); n < 195 {
		t.Fatalf("%d states, want every UN member and observer (195+)", n)
	}
	iso := map[string]bool{}
	for _, s := range lex.States {
		if iso[s.Country] {
			t.Errorf("ISO code %s used twice", s.Country)
		}
		iso[s.Country] = true
	}
	for _, code := range []string{"USA", "CHN", "RUS", "GBR", "DEU", "FRA", "PSE", "VAT", "PRK", "KOR"} {
		if !iso[code] {
			t.Errorf("missing state %s", code)
		}
	}
}

func TestLexiconCanonicalNames(t *testing.T) {
	cases := []struct{ text, name, country string }{
		{"Beijing condemned Tokyo.", "China", "CHN"},
		{"The Chinese side condemned Japan.", "China", "CHN"},
		{"The US Department of Justice condemned Iran.", "United States Department of Justice", "USA"},
		{"The Justice Department condemned Iran.", "United States Department of Justice", "USA"},
		{"The Kremlin condemned Finland.", "Kremlin", "RUS"},
		{"Russia's Foreign Ministry condemned Finland.", "Ministry of Foreign Affairs of Russia", "RUS"},
		{"The Ministry of Foreign Affairs of Russia condemned Finland.", "Ministry of Foreign Affairs of Russia", "RUS"},
		{"The Obama administration condemned Iran.", "Obama administration", "USA"},
	}
	for _, c := range cases {
		r := Extract(Document{Body: c.text}, WithMinConfidence(0))
		if len(r.Statements) == 0 || r.Statements[0].Speaker != c.name {
			t.Errorf("%q: speaker %v, want %q", c.text, triples(r), c.name)
			continue
		}
		for _, e := range r.Entities {
			if e.Name == c.name && e.Country != c.country {
				t.Errorf("%q: country %q, want %q", c.text, e.Country, c.country)
			}
		}
	}
}

func TestLoadLexiconJSONAndYAML(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "extra.json")
	if err := os.WriteFile(js, []byte(`{"actors": [{"name": "Ruritanian Cyber Command", "type": "AGENCY", "country": "RRT", "affiliation": "Ruritania", "aliases": ["RCC"]}],
 "states": [{"name": "Ruritania", "country": "RRT", "demonyms": ["Ruritanian"], "capitals": ["Strelsau"]}],
 "triggers": [{"kind": "ACCUSES", "verbs": ["finger"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(dir, "extra.yaml")
	if err := os.WriteFile(yml, []byte("states:\n  - name: Ruritania\n    country: RRT\n    capitals: [Strelsau]\ntriggers:\n  - kind: ACCUSES\n    verbs: [finger]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{js, yml} {
		lex, err := LoadLexicon(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r := Extract(Document{Body: "Strelsau fingered Norway for the breach."}, WithLexicon(lex), WithMinConfidence(0))
		if got := triples(r); !contains(got, "Ruritania ACCUSES Norway") {
			t.Errorf("%s: got %q, want Ruritania ACCUSES Norway", filepath.Ext(path), got)
		}
		// the default lexicon is untouched
		r = Extract(Document{Body: "Strelsau fingered Norway for the breach."}, WithMinConfidence(0))
		if len(r.Statements) != 0 {
			t.Errorf("default lexicon learned the user's words: %q", triples(r))
		}
	}
}

func TestLoadLexiconRejectsBadEntries(t *testing.T) {
	for name, body := range map[string]string{
		"unknown type":        `{"actors": [{"name": "X", "type": "COMPANY"}]}`,
		"bad ISO code":        `{"states": [{"name": "X", "country": "XX"}]}`,
		"unknown affiliation": `{"actors": [{"name": "X", "type": "AGENCY", "affiliation": "Nowhere"}]}`,
		"unknown kind":        `{"triggers": [{"kind": "PRAISES", "verbs": ["laud"]}]}`,
		"unknown field":       `{"actorz": []}`,
	} {
		if _, err := ParseLexicon([]byte(body), ".json"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := LoadLexicon(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "read lexicon") {
		t.Errorf("missing file: %v", err)
	}
}

func TestInflect(t *testing.T) {
	for verb, want := range map[string]string{
		"accuse": "accused", "deny": "denied", "slam": "slammed", "expel": "expelled", "dismiss": "dismisses", "urge": "urging",
	} {
		if !contains(inflect(verb), want) {
			t.Errorf("inflect(%q) = %q, missing %q", verb, inflect(verb), want)
		}
	}
}

func TestDates(t *testing.T) {
	r := Extract(Document{Body: "On Tuesday, Canada accused Iran of hacking. Iran denied the accusations on March 2.", Published: published}, WithMinConfidence(0))
	want := map[string]string{"Canada ACCUSES Iran": "2024-03-12", "Iran DENIES Canada": "2024-03-02"}
	for _, st := range r.Statements {
		if d, ok := want[triple(st)]; ok && st.Date != d {
			t.Errorf("%s: date %s, want %s", triple(st), st.Date, d)
		}
		delete(want, triple(st))
	}
	if len(want) > 0 {
		t.Errorf("missing statements %v; got %q", want, triples(r))
	}
}

func TestQuoteAndConfidence(t *testing.T) {
	r := Extract(Document{Body: `"Ottawa is spreading lies," the Iranian Foreign Ministry said, rejecting Canada's allegations.`}, WithMinConfidence(0))
	for _, st := range r.Statements {
		if st.Confidence <= 0 || st.Confidence > 1 {
			t.Errorf("%s: confidence %v out of [0,1]", triple(st), st.Confidence)
		}
		if st.Quote != "Ottawa is spreading lies" {
			t.Errorf("%s: quote %q", triple(st), st.Quote)
		}
	}
	if len(r.Statements) == 0 {
		t.Fatal("no statements")
	}
	// a threshold above every confidence leaves nothing out... but everything
	if r := Extract(Document{Body: `Canada accused Iran of hacking.`}, WithMinConfidence(1.01)); len(r.Statements) != 0 {
		t.Errorf("min confidence 1.01 kept %q", triples(r))
	}
}

func TestWithLexiconInCode(t *testing.T) {
	lex := &Lexicon{Actors: []Actor{{Name: "Syldavian Secret Police", Type: "AGENCY", Country: "USA", Affiliation: "United States", Aliases: []string{"SSP"}}}}
	r := Extract(Document{Body: "The SSP accused Canada of spying."}, WithLexicon(lex), WithMinConfidence(0))
	if got := triples(r); !contains(got, "Syldavian Secret Police ACCUSES Canada") {
		t.Errorf("got %q", got)
	}
}

// TestTokenizeNames checks that romanized hyphenated given names and
// underscored handles stay one token while compound modifiers split.
func TestTokenizeNames(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"deputy director Liu Chia-tsun said", []string{"deputy", "director", "Liu", "Chia-tsun", "said"}},
		{"President Moon Jae-in met", []string{"President", "Moon", "Jae-in", "met"}},
		{"the Kremlin-backed group", []string{"the", "Kremlin", "-", "backed", "group"}},
		{"North Korea-linked hackers", []string{"North", "Korea", "-", "linked", "hackers"}},
		{"Soviet-era systems", []string{"Soviet", "-", "era", "systems"}},
		{"calls itself Cyber_Horus,", []string{"calls", "itself", "Cyber_Horus", ","}},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range tokenize(c.text) {
			got = append(got, tk.text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
