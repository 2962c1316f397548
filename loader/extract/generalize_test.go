package extract

import (
	"strings"
	"testing"
)

// TestNoStatementsInNeutralNews checks that articles reporting no diplomatic
// statement give none, even when they use trigger words in other senses
// ("charge a car", "the team's attack", "insurance claims").
func TestNoStatementsInNeutralNews(t *testing.T) {
	for _, doc := range []Document{
		{Title: "Liverpool beat Chelsea in cup final", Body: "Liverpool's attack dominated the second half, and the striker was charged with leading the press. " +
			"Fans claimed the referee denied them a penalty.\nThe club's manager praised the defence and said he would not blame the players."},
		{Title: "Electric car sales rise in Europe", Body: "Drivers can charge their cars at new stations in Germany and France. " +
			"The company said the battery claims were confirmed by tests.\nAnalysts expect China and the United States to remain the largest markets."},
		{Title: "Japan and Australia agree to deepen cybersecurity cooperation", Body: "TOKYO - Japan and Australia agreed on Monday to expand cooperation on " +
			"cybersecurity, the two governments said in a joint statement.\nThe ministers welcomed progress on information sharing and pledged to hold regular consultations."},
		{Title: "Ransomware attacks on hospitals rose in 2023, report finds", Body: "A report released on Tuesday found that ransomware attacks on hospitals " +
			"in North America and Europe rose by 40 percent last year.\nThe researchers said most attacks used stolen passwords."},
	} {
		if r := Extract(doc); len(r.Statements) > 0 {
			t.Errorf("%q: want no statements, got %+v", doc.Title, r.Statements)
		}
	}
}

// TestRegionIsNoState checks that a region named after a state ("North
// America") is not that state.
func TestRegionIsNoState(t *testing.T) {
	r := Extract(Document{Body: "Hospitals in North America and Latin America reported more ransomware attacks."})
	for _, e := range r.Entities {
		if e.Name == "United States" {
			t.Errorf("North America read as the United States: %+v", r.Entities)
		}
	}
}

// TestNonEnglishGivesNoStatements checks that text in other languages gives
// no statements rather than misread ones.
func TestNonEnglishGivesNoStatements(t *testing.T) {
	for _, body := range []string{
		"El Ministerio de Asuntos Exteriores de Rusia rechazó las acusaciones de Washington sobre ciberataques. Pekín acusó a Estados Unidos de espionaje.",
		"Le ministère russe des Affaires étrangères a rejeté les accusations de Washington.",
		"外交部发言人表示，美方的指控毫无根据。",
	} {
		if r := Extract(Document{Body: body}); len(r.Statements) > 0 {
			t.Errorf("%q: want no statements, got %+v", body, r.Statements)
		}
	}
}

// TestHTMLLeftovers checks that markup left in scraped text (tags, entities,
// share buttons) changes no statement.
func TestHTMLLeftovers(t *testing.T) {
	clean := "The Chinese embassy in Ottawa rejected what it called groundless accusations and urged Canada to stop politicizing cybersecurity."
	dirty := `<div class="byline">By Staff | Share</div>` + "\n" + clean + "\n" + `Advertisement &nbsp; Read more: <a href="/tags/cyber">Cyber</a>`
	want := statementSet(Extract(Document{Title: "Canada hacking claims", Body: clean}))
	got := statementSet(Extract(Document{Title: "Canada hacking claims", Body: dirty}))
	if len(want) == 0 {
		t.Fatal("no statements in the clean article")
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("with markup %v, without %v", got, want)
	}
}

func statementSet(r Result) []string {
	var out []string
	for _, s := range r.Statements {
		tg := "-"
		if s.Target != nil {
			tg = *s.Target
		}
		out = append(out, s.Speaker+" "+s.Kind+" "+tg)
	}
	return out
}
