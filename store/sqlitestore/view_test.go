package sqlitestore_test

import (
	"database/sql"
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
		// Versions 1 and 2 kept mentions in a WITHOUT ROWID table.
		`CREATE TABLE old_mentions (article_id TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (article_id, actor_id)) WITHOUT ROWID`,
		`INSERT INTO old_mentions SELECT article_id, actor_id FROM mentions`,
		`DROP TABLE mentions`,
		`ALTER TABLE old_mentions RENAME TO mentions`,
		`CREATE INDEX mentions_actor ON mentions(actor_id)`,
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
	db, err = sql.Open("sqlite", "file:"+filepath.Join(dir, sqlitestore.FileName)+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var undated, version int
	if err := db.QueryRow(`SELECT count(*) FROM statement_actors WHERE day IS NULL`).Scan(&undated); err != nil || undated != 0 {
		t.Errorf("statement_actors rows without a day after the upgrade: %d, %v", undated, err)
	}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != 3 {
		t.Errorf("schema version after the upgrade = %d, %v; want 3", version, err)
	}
	var mentions int
	var ddl string
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM mentions), sql FROM sqlite_master WHERE name = 'mentions'`).Scan(&mentions, &ddl); err != nil ||
		mentions == 0 || strings.Contains(ddl, "WITHOUT ROWID") {
		t.Errorf("mentions after the upgrade: %d rows, table %q, %v; want the rows in a rowid table", mentions, ddl, err)
	}
}

func loadCorpusInto(t *testing.T, s *sqlitestore.Store) {
	t.Helper()
	gs := []*store.ArticleGraph{
		storetest.Art("art:1", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "a"),
			storetest.R(store.Denies, storetest.Zhao, storetest.USA, 1, "b")),
		storetest.Art("art:2", "Reuters", storetest.R(store.Sanctions, storetest.DOJ, storetest.CHN, 5, "c"),
			storetest.R(store.Criticizes, storetest.GBR, storetest.CHN, 9, "d")),
	}
	if _, err := s.PutArticles(t.Context(), gs); err != nil {
		t.Fatal(err)
	}
}
