// Package store defines Demarche's domain types (articles, actors, incidents,
// statements and the reports behind them) and the one storage interface that
// every backend implements.
//
// The knowledge graph keeps reports as its source of truth: a Report is what
// one article says (speaker, kind, target, incident, evidence sentence, quote,
// date). Statements and the direct actor-to-actor edges are derived from the
// reports deterministically by GroupReports and DirectEdges, so every backend
// computes the same graph whatever the order in which articles were loaded.
//
// Backends live in their own packages (sqlitestore, neo4jstore) and prove the
// contract by calling storetest.RunTests.
package store
