// Package ingest is the load pipeline: it reads articles with package loader,
// extracts actors and statements with loader/extract, gives every node a stable id
// (Build), and writes each article atomically, in batches, to a store.Store.
package ingest
