package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/demarche/demarche/store"
)

// view is what readers know of the store between two writes: a generation number,
// the affiliation tree (to expand rollups without recursive SQL) and a cache of
// query results. Each committed write publishes a new view; results cached in an
// older one are dropped with it, so a cached answer is never older than the
// transaction it was read after.
type view struct {
	parent   map[string]string   // actor id -> affiliation ("" at the top)
	children map[string][]string // affiliation -> direct members

	mu    sync.Mutex
	cache map[string]any // nil: results are not cached

	adjMu sync.Mutex
	adj   *adjacency // built on first use

	gen uint64 // unique in the process (nextGen): the store's Version
}

// maxCached bounds the cached results of one view; when full the cache starts over.
const maxCached = 512

func newView(actors map[string]*store.Actor, noCache bool) *view {
	v := &view{parent: make(map[string]string, len(actors)), children: map[string][]string{}, gen: nextGen()}
	if !noCache {
		v.cache = map[string]any{}
	}
	for id, a := range actors {
		v.parent[id] = a.AffiliationID
		if a.AffiliationID != "" {
			v.children[a.AffiliationID] = append(v.children[a.AffiliationID], id)
		}
	}
	for _, c := range v.children {
		slices.Sort(c)
	}
	return v
}

// next returns a fresh view (empty cache) sharing v's affiliation tree.
func (v *view) next() *view {
	n := &view{parent: v.parent, children: v.children, gen: nextGen()}
	if v.cache != nil {
		n.cache = map[string]any{}
	}
	return n
}

// isRoot reports whether id has no affiliation (unknown ids count as roots: they
// match nothing either way).
func (v *view) isRoot(id string) bool { return v.parent[id] == "" }

// subtree returns ids and every actor affiliated to one of them, directly or
// through others, sorted.
func (v *view) subtree(ids []string) []string {
	seen := map[string]bool{}
	var walk func(string)
	walk = func(id string) {
		if seen[id] {
			return
		}
		seen[id] = true
		for _, c := range v.children[id] {
			walk(c)
		}
	}
	for _, id := range ids {
		walk(id)
	}
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (v *view) cached(key string) (any, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	x, ok := v.cache[key]
	return x, ok
}

func (v *view) store(key string, x any) {
	if v.cache == nil {
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.cache) >= maxCached {
		clear(v.cache)
	}
	v.cache[key] = x
}

// currentView returns the view readers use now, first catching up with another
// process's writes (see refreshIfChanged).
func (s *Store) currentView() *view {
	s.refreshIfChanged()
	return s.view.Load()
}

// querier is a connection or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Another process (`demarche load` beside a running `demarche serve`) may write
// the same database. SQLite's data_version says so: on a connection it changes
// when any other connection commits. Writes compare it at the start of their
// transaction; readers at most once per freshInterval, so the caches and cached
// results lag another process's commit by at most that.
var freshInterval = time.Second

// refreshIfChanged runs syncExternal when the last look is freshInterval old and
// no write is under way (a write publishes a fresh view itself).
func (s *Store) refreshIfChanged() {
	now := time.Now().UnixNano()
	last := s.checkedAt.Load()
	if now-last < int64(freshInterval) || !s.checkedAt.CompareAndSwap(last, now) {
		return
	}
	if !s.mu.TryLock() {
		return
	}
	defer s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.syncExternal(ctx, s.w); err != nil {
		slog.Warn("sqlitestore: checking for other writers", "path", s.path, "err", err)
	}
}

// syncExternal reloads the caches (and drops cached results) when another
// connection committed since the last look; the first call loads them. The
// caller holds s.mu (or is Open).
func (s *Store) syncExternal(ctx context.Context, q querier) error {
	var v int64
	if err := q.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return fmt.Errorf("reading data_version of %s: %w", s.path, err)
	}
	if v == s.dataVersion && s.view.Load() != nil {
		return nil
	}
	if err := s.loadCaches(ctx, q); err != nil {
		return err
	}
	s.dataVersion = v
	return nil
}

// publish installs the view of a committed write.
func (s *Store) publish(actorsChanged bool) {
	if actorsChanged {
		s.view.Store(newView(s.actors, s.noCache))
		return
	}
	s.view.Store(s.view.Load().next())
}

// cloneStatements copies statements deeply enough that callers may reorder,
// append to or edit the lists without touching a cached copy.
func cloneStatements(sts []store.Statement) []store.Statement {
	if sts == nil {
		return nil
	}
	out := make([]store.Statement, len(sts))
	for i, st := range sts {
		st.SpeakerIDs = slices.Clone(st.SpeakerIDs)
		st.TargetIDs = slices.Clone(st.TargetIDs)
		st.RespondsTo = slices.Clone(st.RespondsTo)
		st.Reports = slices.Clone(st.Reports)
		out[i] = st
	}
	return out
}

// cacheKey identifies a call and its arguments.
func cacheKey(call string, args ...any) string {
	b, _ := json.Marshal(args)
	return call + string(b)
}
