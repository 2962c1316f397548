// Package respcache caches whole GraphQL query responses between writes to the
// graph. Dashboards repeat the same queries and the graph changes only when
// something is written, so a repeated query (same document, operation name,
// variables and authorization scope) under the same graph version is answered
// with the bytes of the earlier response, without executing it: a hit costs a
// version check, a hash and a map lookup, and no resolver, store call or JSON
// marshalling.
//
// The graph version comes from the store (store.Versioned), read once per
// request (and once more after executing a miss). An entry is valid only for the version it was executed under, and is
// stored only when the version was the same before and after the execution, so a
// response is never older than the last write the store reports (see each
// store's Version for how soon it notices another process's writes). Only
// queries are cached, never mutations or subscriptions, and only responses
// without errors or extensions. Over a store that does not implement
// store.Versioned, or when Version fails, requests are served normally.
//
// Memory is bounded by a byte budget with least-recently-used eviction, and one
// entry by MaxEntryBytes; entries of older versions are dropped as soon as a
// response of a newer one is stored. Identical concurrent misses execute once
// (singleflight); the others share the response.
//
// Extension plugs the cache into a gqlgen server; Handler, around that server,
// lets plain HTTP hits skip gqlgen's JSON encoding (see handler.go).
package respcache

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
	"golang.org/x/sync/singleflight"

	"github.com/demarche/demarche/store"
)

// Defaults of the limits Options leaves at zero.
const (
	DefaultMaxBytes      = 64 << 20
	DefaultMaxEntryBytes = 4 << 20
)

// entryOverhead is what an entry costs besides its response bytes (the list
// element, the map slot, the response struct), counted against the budget.
const entryOverhead = 256

// Options configures a Cache.
type Options struct {
	// MaxBytes is the memory budget of the cached responses (DefaultMaxBytes when <= 0).
	MaxBytes int64
	// MaxEntryBytes is the largest response cached (DefaultMaxEntryBytes when <= 0).
	MaxEntryBytes int64
}

type key [sha256.Size]byte

type entry struct {
	key  key
	body []byte // the response as the transports encode it: {"data":...}
	size int64
}

// dataPrefix and dataSuffix frame the data in an entry's body.
const (
	dataPrefix = `{"data":`
	dataSuffix = `}`
)

// response is the entry's answer as a gqlgen response.
func (e *entry) response() *graphql.Response {
	return &graphql.Response{Data: json.RawMessage(e.body[len(dataPrefix) : len(e.body)-len(dataSuffix)])}
}

// Cache holds the responses. It is safe for concurrent use; Extension plugs it
// into a gqlgen server.
type Cache struct {
	versioned     store.Versioned // nil: nothing is cached
	maxBytes      int64
	maxEntryBytes int64

	mu      sync.Mutex
	current string // the version of the entries
	items   map[key]*list.Element
	lru     list.List // of *entry, most recently used first
	bytes   int64

	flight singleflight.Group

	hits, misses atomic.Uint64
}

// New returns a cache of the responses of queries over s. Over a store that
// does not implement store.Versioned it caches nothing.
func New(s store.Store, o Options) *Cache {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxEntryBytes <= 0 {
		o.MaxEntryBytes = DefaultMaxEntryBytes
	}
	c := &Cache{maxBytes: o.MaxBytes, maxEntryBytes: o.MaxEntryBytes, items: map[key]*list.Element{}}
	c.versioned, _ = s.(store.Versioned)
	return c
}

// Hits counts the queries answered from the cache.
func (c *Cache) Hits() uint64 { return c.hits.Load() }

// Misses counts the cacheable queries that were executed.
func (c *Cache) Misses() uint64 { return c.misses.Load() }

// Bytes is the memory the cached responses take, as counted against the budget.
func (c *Cache) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Len is the number of cached responses.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Collectors exposes the hit and miss counters and the cache size to Prometheus.
func (c *Cache) Collectors() []prometheus.Collector {
	return []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "demarche_response_cache_hits_total", Help: "GraphQL queries answered from the response cache.",
		}, func() float64 { return float64(c.Hits()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "demarche_response_cache_misses_total", Help: "Cacheable GraphQL queries that were executed.",
		}, func() float64 { return float64(c.Misses()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "demarche_response_cache_bytes", Help: "Memory held by the response cache.",
		}, func() float64 { return float64(c.Bytes()) }),
	}
}

// requestKey hashes what makes two queries the same: the authorization scope,
// the document, the operation name and the coerced variables (encoding/json
// sorts map keys, so equal variables give equal bytes). ok is false when the
// variables do not encode.
func requestKey(scope string, oc *graphql.OperationContext) (key, bool) {
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return key{}, false
	}
	h := sha256.New()
	for _, part := range [][]byte{[]byte(scope), []byte(oc.RawQuery), []byte(oc.OperationName), vars} {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(part)))
		h.Write(n[:])
		h.Write(part)
	}
	var k key
	h.Sum(k[:0])
	return k, true
}

// get returns the entry stored for k under version.
func (c *Cache) get(version string, k key) (*entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.current {
		return nil, false
	}
	el, ok := c.items[k]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*entry), true
}

// put stores resp for k under version. Another version than the entries'
// replaces them: versions have no order, and the one stored last is almost
// always the newest (put runs only when the version held still while the query
// ran). A late answer of an older version, stored after a newer one, costs the
// newer entries once; the next answer of the newer version replaces it again.
func (c *Cache) put(version string, k key, resp *graphql.Response) {
	if int64(len(resp.Data))+entryOverhead > c.maxEntryBytes {
		return
	}
	// Encoded as the transports will (encoding/json compacts and escapes the
	// data), once: hits through Handler write these bytes as they are.
	body, err := json.Marshal(&graphql.Response{Data: resp.Data})
	if err != nil || !bytes.HasPrefix(body, []byte(dataPrefix)) || !bytes.HasSuffix(body, []byte(dataSuffix)) {
		return
	}
	size := int64(len(body)) + entryOverhead
	if size > c.maxEntryBytes || size > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.current {
		c.current = version
		clear(c.items)
		c.lru.Init()
		c.bytes = 0
	}
	if el, ok := c.items[k]; ok {
		old := el.Value.(*entry)
		c.bytes += size - old.size
		old.body, old.size = body, size
		c.lru.MoveToFront(el)
	} else {
		c.items[k] = c.lru.PushFront(&entry{key: k, body: body, size: size})
		c.bytes += size
	}
	for c.bytes > c.maxBytes {
		last := c.lru.Back()
		e := last.Value.(*entry)
		c.lru.Remove(last)
		delete(c.items, e.key)
		c.bytes -= e.size
	}
}

// cacheable says whether resp may be stored: a complete answer with data,
// without errors, extensions or incremental delivery.
func cacheable(resp *graphql.Response) bool {
	return resp != nil && len(resp.Errors) == 0 && len(resp.Extensions) == 0 && resp.Data != nil &&
		resp.HasNext == nil && resp.Label == "" && len(resp.Path) == 0
}

// copyOf returns a response of its own to each request: the transports and
// interceptors may set fields of it, and the data bytes are never written.
func copyOf(resp *graphql.Response) *graphql.Response {
	r := *resp
	return &r
}

// Extension returns the gqlgen handler extension that answers from c. scope
// names the caller's authorization (for example whether the request carried
// the API's token): queries are only answered from responses of the same
// scope, so an answer that needed a token never reaches a request without it.
// A nil scope puts every request in the same one. Register it after the
// interceptors that authorize operations, so refused requests never reach it.
func (c *Cache) Extension(scope func(context.Context) string) *Extension {
	return &Extension{c: c, scope: scope}
}

// Extension is a graphql.HandlerExtension and graphql.OperationInterceptor
// answering queries from a Cache.
type Extension struct {
	c     *Cache
	scope func(context.Context) string
}

var (
	_ graphql.HandlerExtension     = (*Extension)(nil)
	_ graphql.OperationInterceptor = (*Extension)(nil)
)

// ExtensionName names the extension.
func (*Extension) ExtensionName() string { return "ResponseCache" }

// Validate accepts every schema.
func (*Extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation answers a query from the cache, or executes it and stores
// its response.
func (x *Extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	c := x.c
	oc := graphql.GetOperationContext(ctx)
	if c.versioned == nil || oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	version, err := c.versioned.Version(ctx)
	if err != nil || version == "" {
		return next(ctx)
	}
	var scope string
	if x.scope != nil {
		scope = x.scope(ctx)
	}
	k, ok := requestKey(scope, oc)
	if !ok {
		return next(ctx)
	}
	if e, ok := c.get(version, k); ok {
		c.hits.Add(1)
		if sl, ok := ctx.Value(slotKey{}).(*slot); ok && !sl.filled {
			// Handler writes the stored bytes in place of this placeholder.
			sl.filled, sl.body = true, e.body
			return graphql.OneShot(&graphql.Response{Data: json.RawMessage(placeholderData)})
		}
		return graphql.OneShot(e.response())
	}
	c.misses.Add(1)
	h := next(ctx)
	first, own := true, false // own: h gives this request's answers
	return func(ctx context.Context) *graphql.Response {
		if !first {
			// A query has one response; only a deferred one (never cached) has more.
			if own {
				return h(ctx)
			}
			return nil
		}
		first = false
		executed := false
		flightKey := version + "\x00" + string(k[:])
		v, _, _ := c.flight.Do(flightKey, func() (any, error) {
			// An identical request may have finished between our look and now.
			if e, ok := c.get(version, k); ok {
				return e.response(), nil
			}
			executed = true
			resp := h(ctx)
			if !cacheable(resp) {
				return resp, nil
			}
			// Store only an answer read wholly at version: a write that committed
			// while it ran may have left it half old, half new.
			if after, err := c.versioned.Version(ctx); err == nil && after == version {
				c.put(version, k, resp)
			}
			return resp, nil
		})
		resp, _ := v.(*graphql.Response)
		switch {
		case executed:
			own = true
			if cacheable(resp) {
				return copyOf(resp)
			}
			return resp
		case !cacheable(resp):
			// The request this one waited for got an answer of its own (an error,
			// a cancelled context, a time limit, a deferred part): run this one.
			own = true
			return h(ctx)
		}
		return copyOf(resp)
	}
}
