package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"
)

// specFront bounds request bodies and fixes up the two places where gqlgen's
// transports answer differently from the GraphQL over HTTP spec:
//
//   - with application/json, a request that fails before execution (parse,
//     validation, variable coercion) answers 200, not gqlgen's 422;
//   - a request that fails before execution has no "data" entry at all
//     (gqlgen writes "data": null);
//   - invalid request parameters (no query, a query that is not a string)
//     answer 400 whatever the media type.
//
// Streaming requests (WebSocket upgrades, Server-Sent Events) pass untouched.
func specFront(next http.Handler, maxBody int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		}
		if r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
			next.ServeHTTP(w, r)
			return
		}
		if msg := invalidParams(r); msg != "" {
			writeParamsError(w, r, msg)
			return
		}
		sw := &specWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		sw.finish()
	})
}

// specWriter holds back the body of an error response so it can be fixed.
type specWriter struct {
	http.ResponseWriter
	status int
	held   *bytes.Buffer
}

func (w *specWriter) WriteHeader(code int) {
	if code == http.StatusUnprocessableEntity || code == http.StatusBadRequest {
		if code == http.StatusUnprocessableEntity && mediaType(w.Header()) == "application/json" {
			code = http.StatusOK
		}
		w.status, w.held = code, new(bytes.Buffer)
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *specWriter) Write(b []byte) (int, error) {
	if w.held != nil {
		return w.held.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// Flush lets streamed responses through.
func (w *specWriter) Flush() {
	if w.held != nil {
		return
	}
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *specWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// finish writes a held-back response with a null data entry removed.
func (w *specWriter) finish() {
	if w.held == nil {
		return
	}
	body := w.held.Bytes()
	var resp map[string]json.RawMessage
	if json.Unmarshal(body, &resp) == nil {
		if d, ok := resp["data"]; ok && string(d) == "null" {
			delete(resp, "data")
			if b, err := json.Marshal(resp); err == nil {
				body = b
			}
		}
	}
	w.ResponseWriter.WriteHeader(w.status)
	_, _ = w.ResponseWriter.Write(body)
}

func mediaType(h http.Header) string {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	return mt
}

// invalidParams checks the GraphQL request parameters of a POST with a JSON
// body or of a GET, and says what is wrong ("" when nothing is, or when the
// body is not a JSON object at all, which gqlgen answers itself). A missing
// query is fine when a persisted query hash stands in for it.
func invalidParams(r *http.Request) string {
	params := map[string]json.RawMessage{}
	switch {
	case r.Method == http.MethodPost && mediaType(r.Header) == "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return "cannot read the request body: " + err.Error()
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if json.Unmarshal(body, &params) != nil {
			return ""
		}
	case r.Method == http.MethodGet:
		q := r.URL.Query()
		for _, k := range []string{"query", "operationName"} {
			if q.Has(k) {
				b, _ := json.Marshal(q.Get(k))
				params[k] = b
			}
		}
		for _, k := range []string{"variables", "extensions"} {
			if q.Has(k) {
				params[k] = json.RawMessage(q.Get(k))
			}
		}
	default:
		return ""
	}
	kind := func(k string) byte {
		v := bytes.TrimSpace(params[k])
		if len(v) == 0 || string(v) == "null" {
			return 0
		}
		return v[0]
	}
	switch {
	case kind("query") == 0 && !bytes.Contains(params["extensions"], []byte("persistedQuery")):
		return "the request has no query parameter"
	case kind("query") != 0 && kind("query") != '"':
		return "the query parameter must be a string"
	case kind("operationName") != 0 && kind("operationName") != '"':
		return "the operationName parameter must be a string"
	case kind("variables") != 0 && kind("variables") != '{':
		return "the variables parameter must be an object"
	case kind("extensions") != 0 && kind("extensions") != '{':
		return "the extensions parameter must be an object"
	}
	return ""
}

// writeParamsError answers 400 with one error, in the media type the client accepts.
func writeParamsError(w http.ResponseWriter, r *http.Request, msg string) {
	ct := "application/json"
	if strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
		ct = "application/graphql-response+json"
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]any{"code": "BAD_REQUEST"}}},
	})
}
