package respcache

import (
	"context"
	"net/http"
	"strings"
)

// A hit is cheap to find but not to send: gqlgen's transports encode every
// response with encoding/json, which compacts and escapes the data bytes again
// (for a timeline of 840 buckets, most of what a hit costs). Over plain HTTP
// (GET and POST, one JSON response each), Handler gives the extension a slot in
// the request's context; on a hit the extension puts the entry's encoded bytes
// in it and hands gqlgen a placeholder response, which Handler's writer
// replaces with those bytes. Streaming transports (WebSocket, Server-Sent
// Events) get no slot: the extension hands them the full response.

// placeholderData is the data of the placeholder response, and placeholderBody
// how gqlgen encodes it.
const (
	placeholderData = `null`
	placeholderBody = dataPrefix + placeholderData + dataSuffix
)

type slotKey struct{}

// slot carries a hit's encoded bytes from the extension to the writer. One
// request, one goroutine: no lock.
type slot struct {
	filled bool   // the extension used the slot (at most once)
	body   []byte // the bytes to write in place of the placeholder
}

// Handler wraps the GraphQL HTTP handler (the gqlgen server, inside whatever
// authenticates requests) so that answers from the cache are written from
// their stored bytes, without encoding them again. The cache works without it,
// only slower.
func (c *Cache) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
			next.ServeHTTP(w, r)
			return
		}
		sl := &slot{}
		ctx := context.WithValue(r.Context(), slotKey{}, sl)
		next.ServeHTTP(&slotWriter{ResponseWriter: w, slot: sl}, r.WithContext(ctx))
	})
}

// slotWriter replaces the placeholder body with the slot's bytes; every other
// write passes as it is.
type slotWriter struct {
	http.ResponseWriter
	slot *slot
}

func (w *slotWriter) Write(b []byte) (int, error) {
	if w.slot.body != nil && string(b) == placeholderBody {
		body := w.slot.body
		w.slot.body = nil
		if _, err := w.ResponseWriter.Write(body); err != nil {
			return 0, err
		}
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *slotWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
