package sqlitestore_test

import (
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/storetest"
)

// TestCachedResultsFollowWrites asks the same questions before and after writes:
// results cached between writes never outlive the next write.
func TestCachedResultsFollowWrites(t *testing.T) {
	ctx := t.Context()
	s := open(t, t.TempDir())
	defer s.Close()
	a := storetest.Art("art:1", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "The US accused China of espionage."))
	b := storetest.Art("art:2", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 20, "Washington accused Beijing of espionage again."),
		storetest.R(store.Criticizes, storetest.USA, storetest.GBR, 20, "The US criticized Britain."))
	put := func(g *store.ArticleGraph) {
		t.Helper()
		if _, err := s.PutArticle(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	type answers struct {
		listed, counted, buckets, neighbors, hits int
	}
	ask := func() answers {
		t.Helper()
		var x answers
		f := store.StatementFilter{Speakers: []string{storetest.USA}, Rollup: true, OrderBy: store.DateDesc}
		_, total, err := s.ListStatements(ctx, f, store.Page{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		x.listed = total
		kc, err := s.CountStatements(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kc {
			x.counted += k.Count
		}
		bs, err := s.Timeline(ctx, f, store.Month)
		if err != nil {
			t.Fatal(err)
		}
		x.buckets = len(bs)
		g, err := s.Neighborhood(ctx, storetest.USA, 2, nil, 100)
		if err != nil {
			t.Fatal(err)
		}
		x.neighbors = len(g.Actors)
		hits, err := s.Search(ctx, "espionage", []string{"Statement"}, 10)
		if err != nil {
			t.Fatal(err)
		}
		x.hits = len(hits)
		return x
	}
	put(a)
	if got, want := ask(), (answers{1, 1, 1, 2, 1}); got != want {
		t.Fatalf("after one article: %+v, want %+v", got, want)
	}
	ask() // now from the cache
	put(b)
	if got, want := ask(), (answers{3, 3, 2, 3, 2}); got != want {
		t.Fatalf("after two articles: %+v, want %+v", got, want)
	}
	if err := s.DeleteArticle(ctx, "art:2"); err != nil {
		t.Fatal(err)
	}
	if got, want := ask(), (answers{1, 1, 1, 2, 1}); got != want {
		t.Fatalf("after deleting the second: %+v, want %+v", got, want)
	}
	// A caller editing what it got back does not change what the next caller gets.
	sts, _, err := s.ListStatements(ctx, store.StatementFilter{}, store.Page{})
	if err != nil || len(sts) != 1 {
		t.Fatalf("ListStatements = %d, %v", len(sts), err)
	}
	sts[0].SpeakerIDs[0] = "edited"
	again, _, err := s.ListStatements(ctx, store.StatementFilter{}, store.Page{})
	if err != nil || again[0].SpeakerIDs[0] == "edited" {
		t.Errorf("a cached statement was changed through a returned copy: %+v, %v", again, err)
	}
}

// TestUpgradeFromVersion1 opens a database in the first schema (no day on
// statement_actors): the upgrade fills it in and lists stay the same.
func TestUpgradeFromVersion1(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s := open(t, dir)
	loadCorpusInto(t, s)
	f := store.StatementFilter{Either: []string{storetest.CHN}, OrderBy: store.DateDesc}
	list := func(s *sqlitestore.Store) []string {
		t.Helper()
		var ids []string
		for _, f := range []store.StatementFilter{f, {Speakers: []string{storetest.USA}}, {Targets: []string{storetest.CHN}, OrderBy: store.DateAsc}} {
			sts, _, err := s.ListStatements(ctx, f, store.Page{})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range sts {
				ids = append(ids, st.ID)
			}
		}
		return ids
	}
	before := list(s)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, sqlitestore.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP INDEX statement_actors_actor_day`,
		`ALTER TABLE statement_actors DROP COLUMN day`,
		// Versions 1 and 2 kept mentions in a WITHOUT ROWID table (version 3 in a
		// rowid table), not with the articles.
		`CREATE TABLE mentions (article_id TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (article_id, actor_id)) WITHOUT ROWID`,
		`INSERT INTO mentions SELECT a.id, j.value FROM articles a, json_each(a.actors) j`,
		`CREATE INDEX mentions_actor ON mentions(actor_id)`,
		`CREATE TABLE incident_mentions (article_id TEXT NOT NULL, incident_id TEXT NOT NULL, PRIMARY KEY (article_id, incident_id)) WITHOUT ROWID`,
		`INSERT INTO incident_mentions SELECT a.id, j.value FROM articles a, json_each(a.incidents) j`,
		`ALTER TABLE articles DROP COLUMN actors`,
		`ALTER TABLE articles DROP COLUMN incidents`,
		`DROP TABLE mention_counts`,
		// Up to version 3 the full-text index of reports kept a copy of the evidence.
		`DROP TABLE fts_reports`,
		`CREATE VIRTUAL TABLE fts_reports USING fts5(evidence, tokenize = 'unicode61 remove_diacritics 2')`,
		`INSERT INTO fts_reports (rowid, evidence) SELECT rid, evidence FROM reports WHERE evidence <> ''`,
		`PRAGMA user_version = 1`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s = open(t, dir)
	defer s.Close()
	if after := list(s); len(before) == 0 || !reflect.DeepEqual(after, before) {
		t.Errorf("after the upgrade: %v, before %v", after, before)
	}
	if hits, err := s.Search(ctx, "b", []string{"Statement"}, 10); err != nil || len(hits) == 0 {
		t.Errorf("searching the evidence after the upgrade: %v, %v", hits, err)
	}
	db, err = sql.Open("sqlite", "file:"+filepath.Join(dir, sqlitestore.FileName)+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var undated, version int
	if err := db.QueryRow(`SELECT count(*) FROM statement_actors WHERE day IS NULL`).Scan(&undated); err != nil || undated != 0 {
		t.Errorf("statement_actors rows without a day after the upgrade: %d, %v", undated, err)
	}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != 4 {
		t.Errorf("schema version after the upgrade = %d, %v; want 4", version, err)
	}
	var pairs, counted, tables int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM articles a, json_each(a.actors)), (SELECT sum(articles) FROM mention_counts WHERE otype = 'Actor'),
		(SELECT count(*) FROM sqlite_master WHERE name IN ('mentions', 'incident_mentions'))`).Scan(&pairs, &counted, &tables); err != nil ||
		pairs == 0 || counted != pairs || tables != 0 {
		t.Errorf("mentions after the upgrade: %d in articles, %d counted, %d mentions tables, %v; want them with the articles",
			pairs, counted, tables, err)
	}
	var incidents string
	if err := db.QueryRow(`SELECT incidents FROM articles WHERE id = 'art:1'`).Scan(&incidents); err != nil || incidents != `["`+storetest.OPM+`"]` {
		t.Errorf("incidents of art:1 after the upgrade: %s, %v", incidents, err)
	}
	var ddl string
	if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'fts_reports'`).Scan(&ddl); err != nil || !strings.Contains(ddl, "content = ''") {
		t.Errorf("fts_reports after the upgrade: %q, %v; want a contentless table", ddl, err)
	}
	// The mention counts came along: deleting the one article naming OPM drops it.
	if _, err := s.GetIncident(ctx, storetest.OPM); err != nil {
		t.Fatalf("incident before the delete: %v", err)
	}
	if err := s.DeleteArticle(ctx, "art:1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetIncident(ctx, storetest.OPM); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("incident after deleting the only article naming it: %v, want ErrNotFound", err)
	}
}

func loadCorpusInto(t *testing.T, s *sqlitestore.Store) {
	t.Helper()
	gs := []*store.ArticleGraph{
		storetest.Art("art:1", "AP", storetest.About(storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "a"), storetest.OPM),
			storetest.R(store.Denies, storetest.Zhao, storetest.USA, 1, "b")),
		storetest.Art("art:2", "Reuters", storetest.R(store.Sanctions, storetest.DOJ, storetest.CHN, 5, "c"),
			storetest.R(store.Criticizes, storetest.GBR, storetest.CHN, 9, "d")),
	}
	if _, err := s.PutArticles(t.Context(), gs); err != nil {
		t.Fatal(err)
	}
}
