package respcache

import (
	"container/list"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// Entries of one version are dropped when an answer of another is stored, and
// a lookup under another version than the entries' misses.
func TestVersionSwitch(t *testing.T) {
	c := &Cache{maxBytes: DefaultMaxBytes, maxEntryBytes: DefaultMaxEntryBytes, items: map[key]*list.Element{}}
	resp := func(s string) *graphql.Response { return &graphql.Response{Data: json.RawMessage(`{"x":"` + s + `"}`)} }
	a, b := key{1}, key{2}
	c.put("v1", a, resp("a1"))
	c.put("v1", b, resp("b1"))
	if e, ok := c.get("v1", a); !ok || string(e.response().Data) != `{"x":"a1"}` {
		t.Fatalf("get(v1, a) = %v, %v", e, ok)
	}
	if _, ok := c.get("v2", a); ok {
		t.Fatal("get under another version hit")
	}
	c.put("v2", a, resp("a2"))
	if _, ok := c.get("v2", b); ok {
		t.Error("an entry of v1 survived an answer of v2")
	}
	if e, ok := c.get("v2", a); !ok || string(e.response().Data) != `{"x":"a2"}` {
		t.Errorf("get(v2, a) = %v, %v", e, ok)
	}
	if n := len(c.items); n != 1 || c.bytes != int64(len(`{"data":{"x":"a2"}}`))+entryOverhead {
		t.Errorf("after the switch: %d entries, %d bytes", n, c.bytes)
	}
	// Storing a key again replaces its entry and keeps the count right.
	c.put("v2", a, resp("a2-longer"))
	if n := len(c.items); n != 1 || c.bytes != int64(len(`{"data":{"x":"a2-longer"}}`))+entryOverhead {
		t.Errorf("after a replace: %d entries, %d bytes", n, c.bytes)
	}
}
