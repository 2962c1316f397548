package faulttest

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // the driver the embedded store uses, for PRAGMA integrity_check

	"github.com/demarche/demarche/store/sqlitestore"
)

// TestEmbeddedStoreSurvivesKillMidLoad runs `demarche load` of many articles
// into the embedded store, SIGKILLs it after some batches are reported
// written, and checks: the database passes PRAGMA integrity_check, every
// article reported written before the kill is there with all its reports, no
// article is half there, and re-running the load gives exactly the graph of an
// uninterrupted load.
func TestEmbeddedStoreSurvivesKillMidLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads 1,200 articles")
	}
	const n = 1200
	articles := t.TempDir()
	gen := writeArticles(t, articles, n)

	refDir := t.TempDir()
	if out, err := loadCmd(t, articles, "DEMARCHE_DATA="+refDir).CombinedOutput(); err != nil {
		t.Fatalf("reference load: %v\n%s", err, tail(out))
	}
	ref := openEmbedded(t, refDir)
	want := takeSnapshot(t, ref)
	wantReports := reportsByArticle(t, ref)
	if len(want.Articles) != n || want.Stats.Nodes["Statement"] < n/10 {
		t.Fatalf("the reference load holds %d articles and %d statements, want %d articles and many statements", len(want.Articles), want.Stats.Nodes["Statement"], n)
	}

	dataDir := t.TempDir()
	written := loadUntil(t, loadCmd(t, articles, "DEMARCHE_DATA="+dataDir), n/4, nil, nil)
	t.Logf("killed after %d articles reported written", len(written))

	checkIntegrity(t, filepath.Join(dataDir, sqlitestore.FileName))
	s := openEmbedded(t, dataDir)
	ctx := context.Background()
	byPath := map[string]string{}
	for _, g := range gen {
		byPath[g.path] = g.url
	}
	for _, src := range written {
		if _, err := s.GetArticleByURL(ctx, byPath[src]); err != nil {
			t.Errorf("article %s was reported written before the kill but is missing: %v", src, err)
		}
	}
	got := takeSnapshot(t, s)
	if len(got.Articles) >= n {
		t.Fatalf("all %d articles were loaded before the kill: the test did not interrupt anything", n)
	}
	t.Logf("after the kill: %d of %d articles, %d of %d statements", len(got.Articles), n, got.Stats.Nodes["Statement"], want.Stats.Nodes["Statement"])
	gotReports := reportsByArticle(t, s)
	for id, k := range gotReports {
		if k != wantReports[id] {
			t.Errorf("article %s is half there after the kill: %d reports, want %d", id, k, wantReports[id])
		}
	}
	_ = s.Close()

	if out, err := loadCmd(t, articles, "DEMARCHE_DATA="+dataDir).CombinedOutput(); err != nil {
		t.Fatalf("re-run of the load: %v\n%s", err, tail(out))
	}
	checkIntegrity(t, filepath.Join(dataDir, sqlitestore.FileName))
	compareGraphs(t, "after kill -9 and a re-run", takeSnapshot(t, openEmbedded(t, dataDir)), want)
}

func openEmbedded(t *testing.T, dir string) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), dir, sqlitestore.Options{})
	if err != nil {
		t.Fatalf("reopening the embedded store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// checkIntegrity runs SQLite's own consistency checks on the database file.
func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("PRAGMA integrity_check: %q %v", res, err)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Fatal("PRAGMA foreign_key_check reports dangling references")
	}
}

func tail(b []byte) string {
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}
