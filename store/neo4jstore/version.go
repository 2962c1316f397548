package neo4jstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
)

var _ store.Versioned = (*Store)(nil)

// metaKey is the key of the one DemarcheMeta node that holds the graph's version:
// epoch, a random UUID set when the node is created (again after the database is
// wiped), and version, counted up by every write transaction.
const metaKey = "graph"

// emptyVersion is the token of a database no write of this store reached since
// it was created or wiped; a real token always holds a UUID and a number.
const emptyVersion = "empty"

// bumpVersion counts a write. It runs last in every write transaction (Store.write),
// so the new version commits with the write, atomically, and the meta node's lock
// is held only until that commit.
func bumpVersion(t *txn) error {
	err := t.exec(`MERGE (m:DemarcheMeta {key: $key})
		ON CREATE SET m.epoch = randomUUID(), m.version = 1
		ON MATCH SET m.version = m.version + 1`, map[string]any{"key": metaKey})
	if err != nil {
		return fmt.Errorf("counting the write: %w", err)
	}
	return nil
}

// Version returns the meta node's epoch and version (see store.Versioned): one
// small read. Every write through this package, whichever process runs it,
// counts itself in the write's transaction, so the token changes with the first
// read that can see the write; a wiped and rebuilt database starts a new epoch.
// Writes that bypass the store (Cypher run by hand) are not counted.
func (s *Store) Version(ctx context.Context) (string, error) {
	if err := s.connect(ctx); err != nil {
		return "", fmt.Errorf("neo4jstore: version: %w", err)
	}
	// An auto-commit statement: RUN and PULL go in one round trip, with no
	// BEGIN or COMMIT (a managed transaction would cost a second one).
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `MATCH (m:DemarcheMeta {key: $key}) RETURN m.epoch AS epoch, m.version AS version`,
		map[string]any{"key": metaKey}, txTimeout(ctx)...)
	if err != nil {
		return "", fmt.Errorf("neo4jstore: version: %w", mapErr(err))
	}
	token := emptyVersion
	if res.Next(ctx) {
		rec := res.Record()
		epoch, _ := rec.Values[0].(string)
		version, _ := rec.Values[1].(int64)
		token = epoch + "." + strconv.FormatInt(version, 10)
	}
	if err := res.Err(); err != nil {
		return "", fmt.Errorf("neo4jstore: version: %w", mapErr(err))
	}
	return token, nil
}
