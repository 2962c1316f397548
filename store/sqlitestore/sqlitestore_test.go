package sqlitestore_test

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/demarche/demarche/store"
	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/store/storetest"
	"github.com/demarche/demarche/synth"
)

func open(tb testing.TB, dir string) *sqlitestore.Store {
	tb.Helper()
	s, err := sqlitestore.Open(tb.Context(), dir, sqlitestore.Options{})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.RunTests(t, func(t *testing.T) store.Store { return open(t, t.TempDir()) })
}

// TestReopen closes the store and opens the directory again: the data, the caches
// rebuilt from it and the merge redirects survive.
func TestReopen(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s := open(t, dir)
	a := storetest.Art("art:1", "AP", storetest.R(store.Denies, storetest.Zhao, storetest.USA, 0, "Zhao denied."))
	b := storetest.Art("art:2", "AP", storetest.R(store.Accuses, storetest.DOJ, storetest.CHN, 1, "The DOJ accused China."))
	if _, err := s.PutArticles(ctx, []*store.ArticleGraph{a, b}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeActors(ctx, storetest.USA, storetest.DOJ); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, dir)
	defer s.Close()
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("stats after reopening = %+v, before %+v", after, before)
	}
	if _, err := s.GetArticle(ctx, "art:1"); err != nil {
		t.Errorf("GetArticle after reopening: %v", err)
	}
	// A changed version naming the merged DOJ still lands on the US (the redirect was persisted).
	res, err := s.PutArticle(ctx, storetest.Rehash(b, "v2"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced {
		t.Errorf("re-put after reopening = %+v, want Replaced", res)
	}
	if _, err := s.GetActor(ctx, storetest.DOJ); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetActor(merged DOJ) after re-put = %v, want ErrNotFound", err)
	}
	// Zhao's affiliation (cached in memory) still rolls his denial up to China.
	sts, _, err := s.ListStatements(ctx, store.StatementFilter{Speakers: []string{storetest.CHN}, Rollup: true}, store.Page{})
	if err != nil || len(sts) != 1 {
		t.Errorf("China's statements after reopening = %d, %v; want 1", len(sts), err)
	}
	if _, err := os.Stat(filepath.Join(dir, sqlitestore.FileName)); err != nil {
		t.Errorf("database file: %v", err)
	}
}

func BenchmarkLoad(b *testing.B) {
	storetest.RunBenchmarks(b, func(b *testing.B) store.Store { return open(b, b.TempDir()) })
}

// BenchmarkBareInsert calibrates the machine: one prepared insert per row into a
// table with three indexes, in one transaction, with the store's pragmas. Compare
// BenchmarkLoad with it when the machine is shared.
func BenchmarkBareInsert(b *testing.B) {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(b.TempDir(), "bare.db")+
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE TABLE r (id INTEGER PRIMARY KEY, a TEXT, n INTEGER, k TEXT, s TEXT, t TEXT, ev TEXT, UNIQUE (a, n))`,
		`CREATE INDEX r_k ON r (k, s, t)`,
	} {
		if _, err := db.Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	st, err := tx.Prepare(`INSERT INTO r (a, n, k, s, t, ev) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, err := st.Exec(fmt.Sprintf("art:%08x", i*2654435761%1000003), i%10, "ACCUSES",
			fmt.Sprintf("state:%03d", i%150), fmt.Sprintf("state:%03d", i%77), "An evidence sentence of a moderate length, reported."); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.StopTimer()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// TestWindowChange reopens a store with a wider grouping window: the statements
// are derived again with it.
func TestWindowChange(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s := open(t, dir)
	a := storetest.Art("art:1", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "a"))
	b := storetest.Art("art:2", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 5, "b"))
	if _, err := s.PutArticles(ctx, []*store.ArticleGraph{a, b}); err != nil {
		t.Fatal(err)
	}
	count := func(s *sqlitestore.Store) int {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st.Nodes["Statement"]
	}
	if n := count(s); n != 2 {
		t.Fatalf("statements with the default window = %d, want 2", n)
	}
	s.Close()
	wide, err := sqlitestore.Open(ctx, dir, sqlitestore.Options{Window: 7 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if n := count(wide); n != 1 {
		t.Errorf("statements with a 7-day window = %d, want 1", n)
	}
	wide.Close()
	s = open(t, dir)
	defer s.Close()
	if n := count(s); n != 2 {
		t.Errorf("statements back with the default window = %d, want 2", n)
	}
}

// TestConcurrentUse loads synthetic articles from several goroutines while others
// read: the result equals a sequential load (statements do not depend on order).
func TestConcurrentUse(t *testing.T) {
	ctx := t.Context()
	arts := synth.Articles(synth.Config{Seed: 3}, 120)
	seq := open(t, t.TempDir())
	defer seq.Close()
	if _, err := seq.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	s := open(t, t.TempDir())
	defer s.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += 4 {
				if _, err := s.PutArticle(ctx, arts[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, _, err := s.ListStatements(ctx, store.StatementFilter{Speakers: []string{"state:USA"}, Rollup: true}, store.Page{Limit: 5}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Search(ctx, "accused", nil, 5); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	walk := func(s *sqlitestore.Store) []store.Statement {
		var out []store.Statement
		if err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
			out = append(out, st)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	got, want := walk(s), walk(seq)
	if len(got) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("concurrent load gave %d statements, sequential %d (or they differ)", len(got), len(want))
	}
}

// TestWalkMentions streams exactly the MENTIONS edges Stats counts, and a deleted
// article's mentions go with it.
func TestWalkMentions(t *testing.T) {
	ctx := t.Context()
	s := open(t, t.TempDir())
	defer s.Close()
	a := storetest.Art("art:1", "AP", storetest.R(store.Accuses, storetest.USA, storetest.CHN, 0, "The US accused China."))
	b := storetest.Art("art:2", "AP", storetest.R(store.Denies, storetest.CHN, storetest.USA, 1, "China denied it."),
		storetest.R(store.Criticizes, storetest.GBR, storetest.CHN, 1, "London criticized Beijing."))
	if _, err := s.PutArticles(ctx, []*store.ArticleGraph{a, b}); err != nil {
		t.Fatal(err)
	}
	walk := func() map[string]int {
		per := map[string]int{}
		if err := s.WalkMentions(ctx, func(art, actor string) error { per[art]++; return nil }); err != nil {
			t.Fatal(err)
		}
		return per
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	per := walk()
	if per["art:1"] == 0 || per["art:2"] == 0 || per["art:1"]+per["art:2"] != st.Edges["MENTIONS"] {
		t.Fatalf("mentions per article %v, Stats MENTIONS %d", per, st.Edges["MENTIONS"])
	}
	if err := s.DeleteArticle(ctx, "art:2"); err != nil {
		t.Fatal(err)
	}
	if got := walk(); got["art:2"] != 0 || got["art:1"] != per["art:1"] {
		t.Errorf("after deleting art:2: %v", got)
	}
}
