// Package sqlitebench provides the synthetic graphs the embedded store's
// benchmarks run on: built once per test binary from package synth, or copied
// from a store a previous run left (loading 10k articles takes a minute).
package sqlitebench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/demarche/demarche/store/sqlitestore"
	"github.com/demarche/demarche/synth"
)

// DBEnv names a directory holding a loaded store (sqlitestore.FileName) that
// Graph copies instead of loading synthetic articles.
const DBEnv = "DEMARCHE_BENCH_DB"

// Batch is the number of articles per PutArticles call when Graph loads a graph.
const Batch = 500

var (
	mu     sync.Mutex
	graphs = map[int]string{}
)

// Graph returns a directory holding an embedded store loaded with the first n
// synthetic articles (synth seed 1, Batch per transaction), or a copy of the
// store in $DEMARCHE_BENCH_DB when set. The directory is built once per process
// and shared by its callers, which must not write to it; RemoveAll deletes it.
func Graph(tb testing.TB, n int) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if dir, ok := graphs[n]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "demarche-bench-*")
	if err != nil {
		tb.Fatal(err)
	}
	if src := os.Getenv(DBEnv); src != "" {
		err = CopyStore(src, dir)
	} else {
		err = load(dir, n)
	}
	if err != nil {
		os.RemoveAll(dir)
		tb.Fatalf("building the benchmark graph: %v", err)
	}
	graphs[n] = dir
	return dir
}

func load(dir string, n int) error {
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, dir, sqlitestore.Options{})
	if err != nil {
		return err
	}
	arts := synth.Articles(synth.Config{Seed: 1, Articles: n}, n)
	for i := 0; i < len(arts); i += Batch {
		if _, err := s.PutArticles(ctx, arts[i:min(i+Batch, len(arts))]); err != nil {
			s.Close()
			return fmt.Errorf("loading articles %d to %d: %w", i, min(i+Batch, len(arts)), err)
		}
	}
	return s.Close()
}

// RemoveAll deletes the graphs Graph built (call it from TestMain).
func RemoveAll() {
	mu.Lock()
	defer mu.Unlock()
	for n, dir := range graphs {
		os.RemoveAll(dir)
		delete(graphs, n)
	}
}

// CopyStore copies the store in the directory from (its database file, and its
// write-ahead log when there is one) into the directory to.
func CopyStore(from, to string) error {
	for _, name := range []string{sqlitestore.FileName, sqlitestore.FileName + "-wal"} {
		err := copyFile(filepath.Join(from, name), filepath.Join(to, name))
		if errors.Is(err, fs.ErrNotExist) && name != sqlitestore.FileName {
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
