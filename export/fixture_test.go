package export_test

import (
	"context"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
)

// The fixture is a small invented world (none of it is taken from real
// articles): Sudria accuses Norland over a cut harbour cable, Norland's
// spokesperson and foreign ministry deny it, Sudria's justice department
// indicts, a third state criticizes, an assembly demands, and later Sudria
// sanctions and accuses again.

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	norland  = store.Actor{ID: "state:nrl", Kind: store.State, Name: "Norland", Country: "NRL", Aliases: []string{"Norlandic government"}}
	sudria   = store.Actor{ID: "state:sdr", Kind: store.State, Name: "Sudria", Country: "SDR"}
	valmont  = store.Actor{ID: "state:vlm", Kind: store.State, Name: "Valmont", Country: "VLM"}
	nrlMFA   = store.Actor{ID: "agency:nrl-mfa", Kind: store.Agency, Name: "Norland Foreign Ministry", Country: "NRL", AffiliationID: "state:nrl"}
	nrlSpox  = store.Actor{ID: "person:ola-brenn", Kind: store.Person, Name: "Ola Brenn", Country: "NRL", AffiliationID: "agency:nrl-mfa", Role: "spokesperson"}
	sdrJust  = store.Actor{ID: "agency:sdr-justice", Kind: store.Agency, Name: "Sudria Justice Department", Country: "SDR", AffiliationID: "state:sdr"}
	assembly = store.Actor{ID: "org:assembly", Kind: store.Organization, Name: "United Assembly"}
	cableCut = store.Incident{ID: "incident:cable-cut", Name: "Harbour cable cut", Aliases: []string{"cable incident"}, Year: 2024,
		AttributedTo: []string{"state:nrl"}, Targeted: []string{"state:sdr"}}
)

func article(id, publisher, published, title string) store.Article {
	return store.Article{ID: id, URL: "https://news.example/" + id, Title: title, Publisher: publisher,
		Language: "en", Published: d(published), Hash: "h-" + id, Body: "Body of " + title + "."}
}

func report(art string, i int, kind store.StatementKind, speaker, target, incident, date, evidence string) store.Report {
	return store.Report{ArticleID: art, Index: i, Kind: kind, SpeakerID: speaker, TargetID: target, IncidentID: incident,
		Date: d(date), Evidence: evidence, Quote: "\"" + evidence + "\"", Confidence: 0.5 + float64(i)/10}
}

// fixtureGraphs are the four fixture articles.
func fixtureGraphs() []*store.ArticleGraph {
	return []*store.ArticleGraph{
		{
			Article:   article("art:ledger-1", "Daily Ledger", "2024-03-01", "Sudria blames Norland for cable cut"),
			Actors:    []store.Actor{sudria, norland, nrlMFA, nrlSpox},
			Incidents: []store.Incident{cableCut},
			Reports: []store.Report{
				report("art:ledger-1", 0, store.Accuses, "state:sdr", "state:nrl", "incident:cable-cut", "2024-03-01", "Sudria said Norland cut the cable, a claim, \"deliberately\"."),
				report("art:ledger-1", 1, store.Denies, "person:ola-brenn", "state:sdr", "incident:cable-cut", "2024-03-02", "Ola Brenn rejected the accusation\nas baseless."),
			},
		},
		{
			Article:   article("art:post-1", "Evening Post", "2024-03-02", "Norland denies; Sudria indicts"),
			Actors:    []store.Actor{sudria, norland, nrlMFA, sdrJust},
			Incidents: []store.Incident{cableCut},
			Reports: []store.Report{
				report("art:post-1", 0, store.Accuses, "state:sdr", "state:nrl", "incident:cable-cut", "2024-03-02", "Sudria repeated that Norland was behind the cut."),
				report("art:post-1", 1, store.Denies, "agency:nrl-mfa", "state:sdr", "incident:cable-cut", "2024-03-02", "The ministry denied any role."),
				report("art:post-1", 2, store.Indicts, "agency:sdr-justice", "state:nrl", "incident:cable-cut", "2024-03-03", "Prosecutors charged two Norlandic officers."),
			},
		},
		{
			Article: article("art:ledger-2", "Daily Ledger", "2024-05-10", "Assembly demands answers"),
			Actors:  []store.Actor{assembly, norland, valmont, sudria},
			Reports: []store.Report{
				report("art:ledger-2", 0, store.Demands, "org:assembly", "state:nrl", "", "2024-05-10", "The assembly demanded that Norland explain itself."),
				report("art:ledger-2", 1, store.Criticizes, "state:vlm", "state:sdr", "", "2024-05-10", "Valmont criticized Sudria's tone."),
				report("art:ledger-2", 2, store.Threatens, "state:nrl", "", "", "2024-05-11", "Norland warned of consequences."),
			},
		},
		{
			Article: article("art:times-1", "Harbor Times", "2024-06-01", "Sudria sanctions Norland"),
			Actors:  []store.Actor{sudria, norland},
			Reports: []store.Report{
				report("art:times-1", 0, store.Sanctions, "state:sdr", "state:nrl", "", "2024-06-01", "Sudria froze Norlandic assets."),
				report("art:times-1", 1, store.Accuses, "state:sdr", "state:nrl", "", "2024-06-01", "Sudria accused Norland of hiding the truth."),
			},
		},
	}
}

// fixtureStore is an embedded store holding the fixture.
func fixtureStore(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, t.TempDir(), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutArticles(ctx, fixtureGraphs()); err != nil {
		t.Fatal(err)
	}
	return s
}
