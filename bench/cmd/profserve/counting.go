package main

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/demarche/demarche/store/storetest"
)

// storeCalls serves the read calls the API made on the store (storetest.Counting:
// each call is at least one transaction, so one round trip or more to Neo4j) and
// the time spent in them, so that a profile can say how many store calls one
// GraphQL request costs. GET answers the counts so far as JSON,
// {"Method": {"calls": n, "ms": total}}; DELETE resets them.
type storeCalls struct {
	*storetest.Counting

	mu    sync.Mutex
	calls map[string]int
	spent map[string]time.Duration
}

func newStoreCalls(c *storetest.Counting) *storeCalls {
	return &storeCalls{Counting: c, calls: map[string]int{}, spent: map[string]time.Duration{}}
}

func (c *storeCalls) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	got := c.Take()
	if r.Method == http.MethodDelete {
		c.calls, c.spent = map[string]int{}, map[string]time.Duration{}
		w.WriteHeader(http.StatusNoContent)
		return
	}
	for name, n := range got.Calls {
		c.calls[name] += n
		c.spent[name] += got.Spent[name]
	}
	type entry struct {
		Calls int     `json:"calls"`
		Ms    float64 `json:"ms"`
	}
	out := make(map[string]entry, len(c.calls))
	for name, n := range c.calls {
		out[name] = entry{n, float64(c.spent[name].Microseconds()) / 1000}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
