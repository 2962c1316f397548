package faulttest

import (
	"encoding/json"
	"strings"
	"testing"
)

// fuzzQueries are operations whose variables the fuzzer fills: every query
// argument kind (strings, ids, enums, lists, dates, numbers, input objects).
var fuzzQueries = []string{
	`query($first: Int, $after: String, $filter: ActorFilter, $orderBy: ActorOrder) { actors(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount edges { cursor node { id name } } } }`,
	`query($first: Int, $after: String, $filter: StatementFilter, $orderBy: StatementOrder) { statements(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id kind date evidence } } } }`,
	`query($text: String!, $kinds: [SearchKind!], $first: Int) { search(text: $text, kinds: $kinds, first: $first) { __typename } }`,
	`query($a: String!, $b: String!, $kinds: [StatementKind!], $from: Date, $to: Date) { dyad(a: $a, b: $b, kinds: $kinds, from: $from, to: $to) { total statements(first: 3) { totalCount } } }`,
	`query($id: ID!) { actor(id: $id) { id name statementsMade(first: 2) { totalCount } } }`,
	`query($id: ID!) { node(id: $id) { id __typename } }`,
	`query($first: Int, $filter: ArticleFilter) { articles(first: $first, filter: $filter) { totalCount edges { node { id title } } } }`,
	`query($first: Int, $filter: IncidentFilter) { incidents(first: $first, filter: $filter) { totalCount } }`,
}

// FuzzGraphQLVariables posts random variables (and random JSON) with each
// query to the API in-process, on an embedded store holding the examples:
// every answer must be below 500, with no internal error and no panic.
func FuzzGraphQLVariables(f *testing.F) {
	f.Add(uint8(0), `{"first": 5, "filter": {"nameContains": "chin"}}`)
	f.Add(uint8(1), `{"first": -1, "after": "bm90IGEgY3Vyc29y", "filter": {"kinds": ["ACCUSES"], "from": "2023-02-30"}}`)
	f.Add(uint8(2), `{"text": "\"}) DETACH DELETE n //", "first": 1000000}`)
	f.Add(uint8(3), `{"a": "China", "b": "United States", "kinds": ["NOPE"], "from": "yesterday"}`)
	f.Add(uint8(4), `{"id": ""}`)
	f.Add(uint8(5), `{"id": "QWN0b3I6c3RhdGU6Q0hO"}`)
	f.Add(uint8(6), `{"first": 2147483648, "filter": {"from": "0001-01-01", "to": "9999-12-31"}}`)
	f.Add(uint8(7), `{"filter": {"year": -5}}`)
	f.Add(uint8(0), `{"filter": {"ids": [null, 1, {"a": []}]}}`)
	f.Add(uint8(2), `[1, 2, 3]`)
	f.Add(uint8(2), `{"text": "name:China~ AND (accus* OR \"x"}`)
	f.Add(uint8(1), `not json at all`)
	s := openSQLite(f)
	loadExamples(f, s)
	h := newAPI(s)
	f.Fuzz(func(t *testing.T, which uint8, vars string) {
		q := fuzzQueries[int(which)%len(fuzzQueries)]
		var body []byte
		if json.Valid([]byte(vars)) {
			body, _ = json.Marshal(map[string]any{"query": q, "variables": json.RawMessage(vars)})
		} else {
			body, _ = json.Marshal(map[string]any{"query": q, "variables": map[string]any{"text": vars, "id": vars, "a": vars, "b": vars}})
		}
		code, g, resp := postRaw(h, body, false)
		if code >= 500 {
			t.Fatalf("HTTP %d for variables %s: %s", code, vars, resp)
		}
		if ie := g.internalErrors(); len(ie) > 0 {
			t.Fatalf("internal error for variables %s: %v", vars, ie)
		}
		if code == 200 && !strings.HasPrefix(strings.TrimSpace(string(resp)), "{") {
			t.Fatalf("200 without a JSON object for variables %s: %s", vars, resp)
		}
	})
}

// TestFuzzQueriesAreValid keeps the fuzzed operations valid against the
// schema, so the fuzzer exercises variables and resolvers, not the validator.
func TestFuzzQueriesAreValid(t *testing.T) {
	h := newAPI(openSQLite(t))
	vars := map[string]any{"text": "China", "a": "China", "b": "Japan", "id": "x"}
	for _, q := range fuzzQueries {
		_, g, body := post(h, q, vars, false)
		for _, e := range g.Errors {
			if c := e.Extensions["code"]; c == "GRAPHQL_VALIDATION_FAILED" || c == "GRAPHQL_PARSE_FAILED" {
				t.Errorf("%s: %s", q, body)
			}
		}
	}
}
