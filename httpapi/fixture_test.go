package httpapi_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/neo4jstore"
	"github.com/demarche/demarche/store/sqlitestore"
)

// The fixture world: invented articles about real-sounding actors.
const (
	idCHN   = "state:CHN"
	idMFA   = "agency:chn/foreign-ministry"
	idZhao  = "person:chn/zhao-lijian"
	idWang  = "person:chn/wang-wenbin"
	idUSA   = "state:USA"
	idDOJ   = "agency:usa/justice-department"
	idGBR   = "state:GBR"
	idNCSC  = "agency:gbr/ncsc"
	idRUS   = "state:RUS"
	idAPT   = "group:apt40"
	idHack  = "incident:2021-mail-server-hack"
	idFlood = "incident:2021-port-flooding"
)

func world() map[string]store.Actor {
	return map[string]store.Actor{
		idCHN:  {ID: idCHN, Kind: store.State, Name: "China", Country: "CHN", Aliases: []string{"Beijing", "People's Republic of China"}},
		idMFA:  {ID: idMFA, Kind: store.Agency, Name: "Chinese Foreign Ministry", Country: "CHN", AffiliationID: idCHN},
		idZhao: {ID: idZhao, Kind: store.Person, Name: "Zhao Lijian", Country: "CHN", AffiliationID: idMFA, Role: "spokesperson"},
		idWang: {ID: idWang, Kind: store.Person, Name: "Wang Wenbin", Country: "CHN", AffiliationID: idMFA, Role: "spokesperson"},
		idUSA:  {ID: idUSA, Kind: store.State, Name: "United States", Country: "USA", Aliases: []string{"Washington", "US"}},
		idDOJ:  {ID: idDOJ, Kind: store.Agency, Name: "Justice Department", Country: "USA", AffiliationID: idUSA},
		idGBR:  {ID: idGBR, Kind: store.State, Name: "United Kingdom", Country: "GBR", Aliases: []string{"Britain", "UK"}},
		idNCSC: {ID: idNCSC, Kind: store.Agency, Name: "National Cyber Security Centre", Country: "GBR", AffiliationID: idGBR},
		idRUS:  {ID: idRUS, Kind: store.State, Name: "Russia", Country: "RUS", Aliases: []string{"Moscow"}},
		idAPT:  {ID: idAPT, Kind: store.Group, Name: "APT40", Country: "CHN"},
	}
}

func incidents() map[string]store.Incident {
	return map[string]store.Incident{
		idHack:  {ID: idHack, Name: "Mail server hack", Aliases: []string{"mail server intrusions"}, Year: 2021, AttributedTo: []string{idCHN}, Targeted: []string{idUSA}},
		idFlood: {ID: idFlood, Name: "Port flooding", Year: 2021},
	}
}

// day is a fixture date: 2021-07-01 plus n days.
func day(n int) time.Time { return time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

func rep(kind store.StatementKind, speaker, target string, n int, evidence string) store.Report {
	return store.Report{Kind: kind, SpeakerID: speaker, TargetID: target, Date: day(n), Evidence: evidence, Confidence: 0.9}
}

func about(r store.Report, incident string) store.Report { r.IncidentID = incident; return r }

func quoted(r store.Report, q string) store.Report { r.Quote = q; return r }

// article builds an article graph with every actor its reports name and their
// affiliation parents.
func article(w map[string]store.Actor, id, title, publisher string, reports ...store.Report) *store.ArticleGraph {
	g := &store.ArticleGraph{Article: store.Article{
		ID: id, URL: "https://news.example/" + id, Title: title, Publisher: publisher,
		Language: "en", Hash: "h-" + id, Body: title + ".",
	}}
	if len(reports) > 0 {
		g.Article.Published = reports[0].Date.Add(9 * time.Hour)
	}
	seen := map[string]bool{}
	var add func(id string)
	add = func(id string) {
		if id == "" || seen[id] {
			return
		}
		a, ok := w[id]
		if !ok {
			panic(fmt.Sprintf("fixture: no actor %q", id))
		}
		seen[id] = true
		g.Actors = append(g.Actors, a)
		add(a.AffiliationID)
	}
	incs := incidents()
	for i, r := range reports {
		r.ArticleID, r.Index = id, i
		g.Reports = append(g.Reports, r)
		add(r.SpeakerID)
		add(r.TargetID)
		if r.IncidentID != "" && !slices.ContainsFunc(g.Incidents, func(in store.Incident) bool { return in.ID == r.IncidentID }) {
			in := incs[r.IncidentID]
			g.Incidents = append(g.Incidents, in)
			for _, a := range slices.Concat(in.AttributedTo, in.Targeted) {
				add(a)
			}
		}
	}
	return g
}

// fixtureArticles is the small fixture graph most tests load.
func fixtureArticles() []*store.ArticleGraph {
	w := world()
	return []*store.ArticleGraph{
		article(w, "a1", "Allies blame Beijing for mail server hack", "Harbor Ledger",
			about(rep(store.Accuses, idGBR, idCHN, 18, "Britain accused China of being behind the mail server hack."), idHack),
			about(rep(store.Accuses, idUSA, idCHN, 18, "Washington accused Beijing of sponsoring the intrusions."), idHack),
			rep(store.Indicts, idDOJ, idAPT, 18, "The Justice Department charged four members of APT40.")),
		article(w, "a2", "Beijing rejects hacking claims", "Eastern Wire",
			quoted(about(rep(store.Denies, idZhao, idUSA, 19, "Zhao Lijian denied the accusations made by the United States."), idHack), "groundless smears"),
			rep(store.Criticizes, idMFA, idUSA, 19, "The foreign ministry criticized Washington for hypocrisy.")),
		article(w, "a3", "China answers London", "Harbor Ledger",
			rep(store.Denies, idWang, idGBR, 21, "Wang Wenbin rejected the claims from Britain."),
			rep(store.Demands, idCHN, idUSA, 21, "China demanded that the United States stop its smear campaign.")),
		article(w, "a4", "Sanctions over port flooding", "Capital Courier",
			about(rep(store.Sanctions, idUSA, idRUS, 40, "The United States sanctioned Russia over the port flooding."), idFlood),
			rep(store.Threatens, idRUS, idUSA, 41, "Russia threatened to retaliate against Washington.")),
		article(w, "a5", "Spokesman turns the tables", "Eastern Wire",
			rep(store.Accuses, idZhao, idUSA, 66, "Zhao Lijian accused the United States of hacking Chinese universities."),
			rep(store.Criticizes, idNCSC, idCHN, 67, "The National Cyber Security Centre criticized China's reckless behaviour.")),
	}
}

// openStore opens a fresh embedded store in a temporary directory.
func openStore(t testing.TB) store.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), t.TempDir(), sqlitestore.Options{})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// backend is a store implementation the end-to-end tests run against.
type backend struct {
	name string
	open func(testing.TB) store.Store
}

// neo4jAPIEnv turns the Neo4j runs of this package's end-to-end tests on. They
// wipe the database at DEMARCHE_TEST_NEO4J_URI, so they must not run while
// another package's tests use it: run them on their own, after go test ./...:
//
//	DEMARCHE_TEST_NEO4J_API=1 go test -count=1 -run OnBothStores ./httpapi/
const neo4jAPIEnv = "DEMARCHE_TEST_NEO4J_API"

// backends lists the embedded store, and Neo4j when neo4jAPIEnv and
// DEMARCHE_TEST_NEO4J_URI are set.
func backends(t *testing.T) []backend {
	bs := []backend{{"sqlite", openStore}}
	uri := os.Getenv("DEMARCHE_TEST_NEO4J_URI")
	if os.Getenv(neo4jAPIEnv) == "" || uri == "" {
		t.Logf("Neo4j runs off (set %s=1 and DEMARCHE_TEST_NEO4J_URI)", neo4jAPIEnv)
		return bs
	}
	return append(bs, backend{"neo4j", func(tb testing.TB) store.Store {
		tb.Helper()
		ctx := context.Background()
		db := os.Getenv("DEMARCHE_TEST_NEO4J_DATABASE")
		drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := neo4j.ExecuteQuery(ctx, drv, "MATCH (n) DETACH DELETE n", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db)); err != nil {
			tb.Fatalf("wipe test database: %v", err)
		}
		_ = drv.Close(ctx)
		s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri, Database: db})
		if err != nil {
			tb.Fatalf("open neo4j store: %v", err)
		}
		tb.Cleanup(func() { _ = s.Close() })
		return s
	}})
}

// onBothStores runs f once per backend, as a subtest named after it.
func onBothStores(t *testing.T, f func(t *testing.T, open func(testing.TB) store.Store)) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) { f(t, b.open) })
	}
}

// loadFixture puts articles into s, one PutArticle each (PutArticles in one
// batch when there are many, which is quicker on Neo4j).
func loadFixture(t testing.TB, s store.Store, gs []*store.ArticleGraph) {
	t.Helper()
	if len(gs) > 10 {
		if _, err := s.PutArticles(context.Background(), gs); err != nil {
			t.Fatalf("put %d articles: %v", len(gs), err)
		}
		return
	}
	for _, g := range gs {
		if _, err := s.PutArticle(context.Background(), g); err != nil {
			t.Fatalf("put %s: %v", g.Article.ID, err)
		}
	}
}
