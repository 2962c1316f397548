// Package faulttest holds Demarche's reliability and security tests: Cypher
// injection through every string argument of the GraphQL API (on the embedded
// store and on Neo4j), fuzzing of GraphQL variables, a kill -9 of `demarche
// load` on the embedded store, Neo4j killed in the middle of a load, and
// Neo4j down when `demarche serve` starts. It has no non-test code.
//
// The Neo4j tests wipe the database at DEMARCHE_TEST_NEO4J_URI or start their
// own dev Neo4j (scripts/neo4j-dev/run): they run only with
// DEMARCHE_FAULT_TESTS=1, after `go test ./...` (which runs other packages
// against the same database in parallel):
//
//	DEMARCHE_FAULT_TESTS=1 go test -count=1 -timeout 30m ./faulttest/
package faulttest
