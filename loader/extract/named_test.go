package extract

import (
	"strings"
	"testing"
)

// describedCases are sentences written for these tests, one rule of the third
// generalization round each: actors named by a description, persons named
// by an age or a person noun, requests that are not measures, partners that
// are not targets, transcripts and attributions.
var describedCases = []struct {
	name   string
	title  string
	text   string
	want   []string // statements (or "speaker KIND" prefixes ending in " *") that must be found
	absent []string
}{
	{name: "company named by an apposition", text: "The United States on Monday sanctioned Veltrix, a Cyprus-based hosting provider, over its support for ransomware gangs.",
		want: []string{"United States SANCTIONS Veltrix"}, absent: []string{"United States SANCTIONS Cyprus"}},
	{name: "gang named by its head noun", text: "Germany accused the Rostok ransomware gang of attacking three hospitals in Bavaria.",
		want: []string{"Germany ACCUSES Rostok"}},
	{name: "the firm refers to the described company", text: "Britain sanctioned Norvex, a Latvia-registered front company, on Tuesday. London accused the firm of laundering ransom payments.",
		want: []string{"United Kingdom SANCTIONS Norvex", "United Kingdom ACCUSES Norvex"}, absent: []string{"United Kingdom SANCTIONS Latvia"}},
	{name: "a name with a state's name in it recurs", text: "Kenya blamed Ghost Sudan, a hacking collective, for the outage. Ghost Sudan's attacks hit banks, Kenyan police said.",
		want: []string{"Kenya ACCUSES Ghost Sudan"}, absent: []string{"Kenya ACCUSES Sudan"}},
	{name: "defendants named with their ages", text: "Omar Haddad, 31, and Karim Nasser, 29, were charged with computer fraud, the Justice Department said.",
		want: []string{"United States Department of Justice INDICTS Omar Haddad", "United States Department of Justice INDICTS Karim Nasser"}},
	{name: "a militia and its leader after an apposition", text: "The United States sanctioned the Delta Liberation Front (DLF), a Niger-based militia, and its leader Amadou Keita over the kidnappings.",
		want: []string{"United States SANCTIONS Delta Liberation Front", "United States SANCTIONS Amadou Keita"}},
	{name: "sanctions asked for are no sanctions", text: "Poland's Foreign Minister Anna Kowalska urged European partners to recognise the attacks as crimes and to impose new sanctions on Moscow.",
		absent: []string{"SANCTIONS"}},
	{name: "partners are no targets", text: "Japan's defence minister Kenji Sato said Tokyo would respond firmly in cooperation with Washington and Seoul.",
		absent: []string{"THREATENS United States", "THREATENS South Korea"}},
	{name: "should address is a demand", text: "China's envoy Li Wei said the United States should address Pyongyang's security concerns.",
		want: []string{"Li Wei DEMANDS United States"}},
	{name: "a sentence with its own subject keeps it", text: `"These are lies," Russian foreign ministry spokeswoman Maria Zakharova said of Polish claims. The Russian embassy in Warsaw called the accusations "unfounded" and said it had never interfered.`,
		want: []string{"Embassy of Russia in Warsaw DENIES *"}},
	{name: "an apposition naming the speaker", text: `Brazil's government rejected Paraguay's claims. "We categorically deny any involvement," the foreign ministry, known as Itamaraty, said.`,
		want: []string{"Ministry of Foreign Affairs of Brazil DENIES *"}},
	{name: "an EU press release's Council and restrictive measures", text: "Brussels, 3 May - The Council today decided to impose restrictive measures on Iran's Islamic Revolutionary Guard Corps over its cyberattacks on EU member states.",
		want: []string{"Council of the European Union SANCTIONS Islamic Revolutionary Guard Corps"}, absent: []string{"European Union SANCTIONS Islamic Revolutionary Guard Corps"}},
	{name: "vessels driven off are not sanctioned", text: "China's coast guard said it had taken necessary measures to expel Philippine vessels from the waters.",
		absent: []string{"SANCTIONS"}},
	{name: "a summons over claims protests", title: "Paraguay summons Brazilian envoy over spying claims", text: "The foreign ministry gave no details.",
		want: []string{"Paraguay CRITICIZES Brazil"}, absent: []string{"Paraguay DENIES Brazil"}},
	{name: "a U.S. attorney's relative clause is an aside", text: `"The defendants attacked hospitals," said U.S. Attorney Maria Lopez, whose office is prosecuting the case.`,
		absent: []string{"Maria Lopez INDICTS"}},
	{name: "the hackers are the named gang", text: "Costa Rica's president Rodrigo Chaves blamed Conti, a Russian-speaking ransomware gang, for the attack. He accused the hackers of having collaborators inside the country.",
		want: []string{"Rodrigo Chaves ACCUSES Conti"}},
	{name: "a group that is attacking is accused", text: "Singapore's security minister K. Shanmugam said a group called UNC3886 is attacking the country's critical infrastructure.",
		want: []string{"K. Shanmugam ACCUSES UNC3886"}},
	{name: "a group's attacks judged callous", text: `Britain blamed Ghost Sudan, a hacking collective, for the outage. "Ghost Sudan's attacks were callous and brazen," Security Minister Dan Jarvis said.`,
		want: []string{"Dan Jarvis CRITICIZES Ghost Sudan"}},
	{name: "sympathizers keep their prefix", text: `Indian officials said pro-Pakistan hacker groups had launched a million cyberattacks on Indian banks.`,
		want: []string{"India ACCUSES pro-Pakistan hacker groups"}},
	{name: "a capital as a given name is no state", text: "President Santiago Pena condemned Brazil's spying on Paraguayan negotiators.",
		want: []string{"Santiago Pena ACCUSES Brazil"}, absent: []string{"ACCUSES Chile", "CRITICIZES Chile"}},
	{name: "a judged reaction criticizes its author", text: `South Korea's unification ministry said the North's reaction was "regrettable".`,
		want: []string{"Ministry of Unification of South Korea CRITICIZES North Korea"}},
}

func TestDescribedActors(t *testing.T) {
	for _, c := range describedCases {
		t.Run(c.name, func(t *testing.T) {
			r := Extract(Document{Title: c.title, Body: c.text, Published: published}, WithMinConfidence(0))
			got := triples(r)
			for _, w := range c.want {
				found := contains(got, w)
				if p, ok := strings.CutSuffix(w, " *"); ok {
					for _, g := range got {
						found = found || strings.HasPrefix(g, p+" ")
					}
				}
				if !found {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, x := range c.absent {
				for _, g := range got {
					if absentMatch(g, x) {
						t.Errorf("unexpected %q; got %q", g, got)
					}
				}
			}
		})
	}
}

// TestPersonCue checks the cues that make a capitalized run a person's name
// when no title or speech verb does.
func TestPersonCue(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"Ahmed Omer, 22, was charged.", "Ahmed Omer", true},
		{"Prosecutors charged Russian national Dmitry Volkov with fraud.", "Dmitry Volkov", true},
		{"It named the company's administrators, Ivan Petrov and Oleg Sidorov.", "Oleg Sidorov", true},
		{"Visitors to Grand Central Station were evacuated.", "Grand Central Station", false},
		{"\"The attack was sophisticated,\" said John Hultquist, the group's chief analyst.", "John Hultquist", true},
		{"President Santiago Pena said Paraguay would take the matter to regional bodies.", "Santiago Pena", true},
	} {
		r := Extract(Document{Body: c.text})
		found := false
		for _, e := range r.Entities {
			found = found || e.Type == "PERSON" && e.Name == c.name
		}
		if found != c.want {
			t.Errorf("%q: person %q found = %v, want %v (entities %+v)", c.text, c.name, found, c.want, r.Entities)
		}
	}
}

// TestTranscriptAnswers checks that the answers of a press-conference
// transcript are attributed to the spokesperson the title names, and the
// questions are not.
func TestTranscriptAnswers(t *testing.T) {
	a := newAnalysis(defaultLexicon, Document{
		Title: "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference",
		Body:  "Q: Reporters asked about the report. What is your comment?\n\nA: I noted the report. China firmly opposes such smears.\n\nQ: One more question on trade.",
	})
	a.segment()
	a.findMentions()
	a.resolveCoref()
	got := map[string]string{}
	for _, s := range a.sents {
		if s.attribution != nil {
			got[s.text] = s.attribution.name
		}
	}
	for _, text := range []string{"I noted the report.", "China firmly opposes such smears."} {
		if got[text] != "Lin Jian" {
			t.Errorf("%q attributed to %q, want Lin Jian", text, got[text])
		}
	}
	for _, text := range []string{"Reporters asked about the report.", "One more question on trade."} {
		if got[text] != "" {
			t.Errorf("question %q attributed to %q", text, got[text])
		}
	}
}

var kinds = map[string]bool{"ACCUSES": true, "DENIES": true, "INDICTS": true, "CRITICIZES": true, "SANCTIONS": true, "DEMANDS": true, "THREATENS": true}

// absentMatch matches a statement against an unwanted one: a whole triple,
// a kind alone, "KIND target" (any speaker) or "speaker KIND" (any target).
func absentMatch(got, x string) bool {
	f := strings.Fields(x)
	switch {
	case got == x:
		return true
	case len(f) == 1 && kinds[x]:
		return strings.Contains(got, " "+x+" ")
	case kinds[f[0]]:
		return strings.HasSuffix(got, " "+x) && strings.Contains(got, " "+f[0]+" ")
	case kinds[f[len(f)-1]]:
		return strings.HasPrefix(got, x+" ")
	}
	return false
}

// TestRegime checks that "the regime" stands for the state named before it,
// not for the side of the official who says it.
func TestRegime(t *testing.T) {
	text := `CARACAS - Venezuela accused the United States of sabotaging its power grid. State Department spokesman Ned Price rejected the claim on behalf of the United States. "The regime is once again blaming others," Price said.`
	a := newAnalysis(defaultLexicon, Document{Body: text})
	a.segment()
	a.findMentions()
	found := false
	for _, s := range a.sents {
		for _, m := range s.ments {
			if strings.EqualFold(s.span(m.start, m.end), "the regime") {
				found = true
				if m.ent == nil || m.ent.name != "Venezuela" {
					t.Errorf("the regime = %v, want Venezuela", m.ent)
				}
			}
		}
	}
	if !found {
		t.Error("no mention for the regime")
	}
}

// TestBareProsecutors checks that a bare "Prosecutors" continues the
// prosecuting agency already named instead of taking a defendant's state.
func TestBareProsecutors(t *testing.T) {
	r := Extract(Document{Body: "Federal prosecutors on Monday charged two Sudanese brothers with running a hacking group. Prosecutors said the brothers sold access to their attack tool."})
	for _, e := range r.Entities {
		if strings.Contains(e.Name, "Prosecutors of") {
			t.Errorf("entity %q: want the prosecutors already named", e.Name)
		}
		if e.Name == "United States Department of Justice" && !contains(e.Aliases, "Prosecutors") {
			t.Errorf("aliases %q lack the bare mention", e.Aliases)
		}
	}
}
