// Package faulttest holds Demarche's reliability and security tests. It has
// no non-test code. What each test shows:
//
//   - TestInjectionEmbedded, TestInjectionNeo4j: Cypher, Lucene, SQL and FTS5
//     injection strings in every string argument of the GraphQL API (found by
//     introspection: root and nested fields, input object fields, mutations
//     with the token) leave the graph unchanged and answer no 5xx and no
//     internal error.
//   - FuzzGraphQLVariables (seed corpus in testdata/fuzz): random variables
//     posted to the API in-process never answer 5xx, an internal error or panic.
//   - TestEmbeddedStoreSurvivesKillMidLoad: `demarche load` SIGKILLed mid-load
//     leaves an embedded store that passes PRAGMA integrity_check, holds every
//     article reported written, no half article, and a re-run gives exactly
//     the graph of an uninterrupted load.
//   - TestNeo4jFaults: on a dev Neo4j of its own, `demarche serve` starts with
//     Neo4j down (/readyz 503, queries fail fast with UNAVAILABLE) and recovers
//     when it comes up; Neo4j SIGKILLed in the middle of `demarche load` and
//     restarted loses no article reported written, leaves no half article, and
//     a re-run gives exactly the graph of an uninterrupted load.
//
// The request limits, CORS, headers and timeouts are tested in package guard,
// the metrics in package metrics, their wiring, the token-free logs and the
// graceful shutdown in package main (serve_guard_test.go); scripts/soak/run
// is the soak test.
//
// The Neo4j tests wipe the database at DEMARCHE_TEST_NEO4J_URI or start their
// own dev Neo4j (scripts/neo4j-dev/run, minutes): they run only with
// DEMARCHE_FAULT_TESTS=1, apart from `go test ./...` (whose other packages use
// the same test database in parallel):
//
//	DEMARCHE_FAULT_TESTS=1 go test -count=1 -timeout 30m -run Neo4j ./faulttest/
package faulttest
