package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/demarche/demarche/store"
)

// fetchCap bounds how many statements one batched fetch reads before falling
// back to one store call per actor (only a very large result needs it).
const fetchCap = 10000

// maxAffiliationDepth bounds how far ancestry follows affiliation chains.
const maxAffiliationDepth = 8

// actorStatementsKey asks for one page of the statements an actor made (or
// received); Spec encodes the rest of the filter, the order and the page, so
// keys with equal Spec are fetched together.
type actorStatementsKey struct {
	ActorID  string
	Received bool
	Spec     string
}

type actorStatementsSpec struct {
	Filter store.StatementFilter
	Page   store.Page
	// CountOnly asks for the total alone (the query selects no edges).
	CountOnly bool `json:",omitempty"`
}

type actorStatements struct {
	Items []store.Statement
	Total int
	Page  store.Page
}

func encodeSpec(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("graph: encode batch spec: %v", err)) // plain structs always encode
	}
	return string(b)
}

// fetchActorStatements answers every key of a batch with one ListStatements per
// distinct spec: the statements of all the batch's actors, split per actor.
func fetchActorStatements(ctx context.Context, st store.Store, l *loaders, keys []actorStatementsKey) ([]actorStatements, []error) {
	out, errs := make([]actorStatements, len(keys)), make([]error, len(keys))
	// The groups (statements made and received on an actor page) are fetched
	// concurrently; each writes only its own keys' entries.
	var wg sync.WaitGroup
	for _, g := range groupKeys(keys, func(k actorStatementsKey) string { return fmt.Sprint(k.Received, k.Spec) }) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetchActorStatementsGroup(ctx, st, l, keys, g, out, errs)
		}()
	}
	wg.Wait()
	return out, errs
}

// fetchActorStatementsGroup answers the keys at positions g, which share one
// spec, with one ListStatements (or CountStatements).
func fetchActorStatementsGroup(ctx context.Context, st store.Store, l *loaders, keys []actorStatementsKey, g []int, out []actorStatements, errs []error) {
	var spec actorStatementsSpec
	if err := json.Unmarshal([]byte(keys[g[0]].Spec), &spec); err != nil {
		setErr(errs, g, fmt.Errorf("decode batch spec: %w", err))
		return
	}
	received := keys[g[0]].Received
	ids := keyIDs(keys, g, func(k actorStatementsKey) string { return k.ActorID })
	one := func(id string) (actorStatements, error) {
		f := withSide(spec.Filter, received, []string{id})
		if spec.CountOnly {
			ks, err := st.CountStatements(ctx, f)
			return actorStatements{Total: sumCounts(ks), Page: spec.Page}, err
		}
		items, total, err := st.ListStatements(ctx, f, spec.Page)
		return actorStatements{Items: items, Total: total, Page: spec.Page}, err
	}
	if len(ids) == 1 {
		res, err := one(ids[0])
		for _, i := range g {
			out[i], errs[i] = res, err
		}
		return
	}
	bulk := withSide(spec.Filter, received, ids)
	bulk.WithoutReports = bulk.WithoutReports || spec.CountOnly
	all, total, err := st.ListStatements(ctx, bulk, store.Page{Limit: fetchCap})
	if err != nil {
		setErr(errs, g, err)
		return
	}
	per := map[string]actorStatements{}
	if total > len(all) {
		for _, id := range ids {
			res, err := one(id)
			if err != nil {
				setErr(errs, g, err)
				break
			}
			per[id] = res
		}
	} else {
		anc, err := l.ancestry(ctx, sideIDs(all, received), spec.Filter.Rollup)
		if err != nil {
			setErr(errs, g, err)
			return
		}
		for _, id := range ids {
			var mine []store.Statement
			for _, s := range all {
				if anc.matchesAny(id, side(s, received)) {
					mine = append(mine, s)
				}
			}
			res := actorStatements{Total: len(mine), Page: spec.Page}
			if !spec.CountOnly {
				res.Items = window(mine, spec.Page)
			}
			per[id] = res
		}
	}
	for _, i := range g {
		if errs[i] == nil {
			out[i] = per[keys[i].ActorID]
		}
	}
}

// withSide returns f with the actor field of one side set to ids.
func withSide(f store.StatementFilter, received bool, ids []string) store.StatementFilter {
	if received {
		f.Targets = ids
	} else {
		f.Speakers = ids
	}
	return f
}

// side is the speakers (or targets) of a statement.
func side(s store.Statement, received bool) []string {
	if received {
		return s.TargetIDs
	}
	return s.SpeakerIDs
}

func sideIDs(ss []store.Statement, received bool) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, side(s, received)...)
	}
	return ids
}

// window cuts one page out of a full list.
func window[T any](items []T, p store.Page) []T {
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	if p.Offset >= len(items) {
		return []T{}
	}
	end := min(p.Offset+limit, len(items))
	return items[p.Offset:end]
}

// groupKeys groups the positions of keys by a group name, in first-seen order.
func groupKeys[K any](keys []K, name func(K) string) [][]int {
	idx := map[string]int{}
	var groups [][]int
	for i, k := range keys {
		n := name(k)
		j, ok := idx[n]
		if !ok {
			j = len(groups)
			idx[n] = j
			groups = append(groups, nil)
		}
		groups[j] = append(groups[j], i)
	}
	return groups
}

// keyIDs lists the distinct actor ids of a group of keys.
func keyIDs[K any](keys []K, g []int, id func(K) string) []string {
	var ids []string
	for _, i := range g {
		if k := id(keys[i]); !slices.Contains(ids, k) {
			ids = append(ids, k)
		}
	}
	return ids
}

func setErr(errs []error, g []int, err error) {
	for _, i := range g {
		errs[i] = err
	}
}

// ancestry knows the affiliation parents of a set of actors.
type ancestry struct {
	rollup bool
	parent map[string]string
}

// ancestry loads the affiliation chains of ids through the actor loader: one
// round trip per level of the deepest chain, whatever the number of ids. When
// rollup is false nothing is loaded.
func (l *loaders) ancestry(ctx context.Context, ids []string, rollup bool) (ancestry, error) {
	a := ancestry{rollup: rollup, parent: map[string]string{}}
	if !rollup {
		return a, nil
	}
	next := ids
	for depth := 0; len(next) > 0 && depth < maxAffiliationDepth; depth++ {
		var ask []string
		for _, id := range next {
			if _, ok := a.parent[id]; !ok && id != "" && !slices.Contains(ask, id) {
				ask = append(ask, id)
			}
		}
		if len(ask) == 0 {
			break
		}
		actors, err := l.actors.LoadAll(ctx, ask)
		if err != nil && !isOnlyNotFound(err) {
			return a, err
		}
		next = nil
		for i, id := range ask {
			p := actors[i].AffiliationID
			a.parent[id] = p
			if p != "" {
				next = append(next, p)
			}
		}
	}
	return a, nil
}

func (a ancestry) aff() store.Affiliations {
	return func(id string) string { return a.parent[id] }
}

// matches reports whether actor id is x, or (with rollup) one of x's ancestors.
func (a ancestry) matches(id, x string) bool {
	if id == x {
		return true
	}
	return a.rollup && slices.Contains(a.aff().Ancestors(x), id)
}

func (a ancestry) matchesAny(id string, xs []string) bool {
	for _, x := range xs {
		if a.matches(id, x) {
			return true
		}
	}
	return false
}

// end is what a counterpart end counts as: its top-level actor with rollup.
func (a ancestry) end(x string) string {
	if a.rollup {
		return a.aff().Root(x)
	}
	return x
}

// membersKey asks for the direct members of an actor, of some kinds.
type membersKey struct {
	ActorID string
	Kinds   string // comma-separated, empty for all
}

// fetchMembers answers a batch with one store call: a filtered list for a single
// actor, one walk over the actors otherwise.
func fetchMembers(ctx context.Context, st store.Store, keys []membersKey) ([][]store.Actor, []error) {
	out, errs := make([][]store.Actor, len(keys)), make([]error, len(keys))
	wantKind := func(k membersKey, kind store.ActorKind) bool {
		return k.Kinds == "" || slices.Contains(strings.Split(k.Kinds, ","), string(kind))
	}
	if len(keys) == 1 {
		k := keys[0]
		var kinds []store.ActorKind
		if k.Kinds != "" {
			for _, s := range strings.Split(k.Kinds, ",") {
				kinds = append(kinds, store.ActorKind(s))
			}
		}
		as, _, err := st.ListActors(ctx, store.ActorFilter{AffiliationID: k.ActorID, Kinds: kinds, OrderBy: store.ByName}, store.Page{Limit: fetchCap})
		out[0], errs[0] = as, err
		return out, errs
	}
	parents := map[string]bool{}
	for _, k := range keys {
		parents[k.ActorID] = true
	}
	byParent := map[string][]store.Actor{}
	err := st.WalkActors(ctx, func(a store.Actor) error {
		if parents[a.AffiliationID] {
			byParent[a.AffiliationID] = append(byParent[a.AffiliationID], a)
		}
		return nil
	})
	for i, k := range keys {
		if err != nil {
			errs[i] = err
			continue
		}
		ms := []store.Actor{}
		for _, a := range byParent[k.ActorID] {
			if wantKind(k, a.Kind) {
				ms = append(ms, a)
			}
		}
		sort.Slice(ms, func(i, j int) bool {
			if ms[i].Name != ms[j].Name {
				return ms[i].Name < ms[j].Name
			}
			return ms[i].ID < ms[j].ID
		})
		out[i] = ms
	}
	return out, errs
}

// counterpartsKey asks for the counterparts of an actor; Spec encodes the
// filter (kinds, dates, rollup) and how many to keep.
type counterpartsKey struct {
	ActorID string
	Spec    string
}

type counterpartsSpec struct {
	Filter store.StatementFilter
	First  int
}

// fetchCounterparts answers a batch: store.Counterparts for a single actor; for
// several, one ListStatements over all of them, counted per actor here with
// the same rules (both ends rolled up to their top-level actors with rollup).
func fetchCounterparts(ctx context.Context, st store.Store, l *loaders, keys []counterpartsKey) ([][]store.Counterpart, []error) {
	out, errs := make([][]store.Counterpart, len(keys)), make([]error, len(keys))
	for _, g := range groupKeys(keys, func(k counterpartsKey) string { return k.Spec }) {
		var spec counterpartsSpec
		if err := json.Unmarshal([]byte(keys[g[0]].Spec), &spec); err != nil {
			setErr(errs, g, fmt.Errorf("decode batch spec: %w", err))
			continue
		}
		ids := keyIDs(keys, g, func(k counterpartsKey) string { return k.ActorID })
		per := map[string][]store.Counterpart{}
		var err error
		if len(ids) == 1 {
			per[ids[0]], err = st.Counterparts(ctx, ids[0], spec.Filter)
		} else {
			per, err = batchCounterparts(ctx, st, l, ids, spec.Filter)
		}
		if err != nil {
			setErr(errs, g, err)
			continue
		}
		for _, i := range g {
			cs := per[keys[i].ActorID]
			if len(cs) > spec.First {
				cs = cs[:spec.First]
			}
			if cs == nil {
				cs = []store.Counterpart{}
			}
			out[i] = cs
		}
	}
	return out, errs
}

func batchCounterparts(ctx context.Context, st store.Store, l *loaders, ids []string, f store.StatementFilter) (map[string][]store.Counterpart, error) {
	f.Either = ids
	f.WithoutReports = true // counts need the ends and kinds only
	all, total, err := st.ListStatements(ctx, f, store.Page{Limit: fetchCap})
	if err != nil {
		return nil, err
	}
	per := map[string][]store.Counterpart{}
	if total > len(all) {
		for _, id := range ids {
			f.Either = nil
			if per[id], err = st.Counterparts(ctx, id, f); err != nil {
				return nil, err
			}
		}
		return per, nil
	}
	anc, err := l.ancestry(ctx, append(sideIDs(all, false), sideIDs(all, true)...), f.Rollup)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		per[id] = countCounterparts(id, all, anc)
	}
	return per, nil
}

// countCounterparts counts, for actor id, the statements it has with every
// other actor, by kind and direction.
func countCounterparts(id string, all []store.Statement, anc ancestry) []store.Counterpart {
	type counts struct{ made, received map[store.StatementKind]int }
	acc := map[string]*counts{}
	add := func(ends []string, kind store.StatementKind, made bool) {
		seen := map[string]bool{}
		for _, x := range ends {
			c := anc.end(x)
			if c == id || seen[c] {
				continue
			}
			seen[c] = true
			if acc[c] == nil {
				acc[c] = &counts{made: map[store.StatementKind]int{}, received: map[store.StatementKind]int{}}
			}
			if made {
				acc[c].made[kind]++
			} else {
				acc[c].received[kind]++
			}
		}
	}
	for _, s := range all {
		if anc.matchesAny(id, s.SpeakerIDs) {
			add(s.TargetIDs, s.Kind, true)
		}
		if anc.matchesAny(id, s.TargetIDs) {
			add(s.SpeakerIDs, s.Kind, false)
		}
	}
	out := make([]store.Counterpart, 0, len(acc))
	for c, n := range acc {
		cp := store.Counterpart{ActorID: c, Made: kindCounts(n.made), Received: kindCounts(n.received)}
		for _, k := range cp.Made {
			cp.Total += k.Count
		}
		for _, k := range cp.Received {
			cp.Total += k.Count
		}
		out = append(out, cp)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].ActorID < out[j].ActorID
	})
	return out
}

// kindCounts lists non-zero counts in StatementKinds order.
func kindCounts(m map[store.StatementKind]int) []store.KindCount {
	out := []store.KindCount{}
	for _, k := range store.StatementKinds {
		if m[k] > 0 {
			out = append(out, store.KindCount{Kind: k, Count: m[k]})
		}
	}
	return out
}
