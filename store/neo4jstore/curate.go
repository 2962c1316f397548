package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
)

// DeleteArticle removes an article, its reports and whatever it alone supported.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty article id", store.ErrInvalid)
	}
	err := s.write(ctx, func(t *txn) error {
		w := s.newWriter(t)
		if err := w.lock(); err != nil {
			return err
		}
		var found bool
		var mentions, incidents []string
		err := t.each(`MATCH (a:Article {id: $id})
			RETURN a.incidentIds AS inc, [(a)-[:MENTIONS]->(x) | x.id] AS mentions`,
			map[string]any{"id": id}, func(rec *neo4j.Record) error {
				found = true
				incidents, mentions = getStrs(rec, "inc"), getStrs(rec, "mentions")
				return nil
			})
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("article %q: %w", id, store.ErrNotFound)
		}
		keys := map[store.StatementKey]bool{}
		if err := w.statementKeysOfArticles([]string{id}, keys); err != nil {
			return err
		}
		if err := t.exec("MATCH (a:Article {id: $id}) DETACH DELETE a", map[string]any{"id": id}); err != nil {
			return err
		}
		if _, err := w.regroup(keys, nil, nil); err != nil {
			return err
		}
		return w.deleteOrphans(mentions, incidents)
	})
	if err != nil {
		return fmt.Errorf("neo4jstore: delete article: %w", err)
	}
	return nil
}

// MergeActors folds merge into keep and records the redirect so that later writes
// naming merge go to keep.
func (s *Store) MergeActors(ctx context.Context, keepID, mergeID string) (store.Actor, error) {
	if keepID == "" || mergeID == "" || keepID == mergeID {
		return store.Actor{}, fmt.Errorf("%w: merge %q into %q", store.ErrInvalid, mergeID, keepID)
	}
	var out store.Actor
	err := s.write(ctx, func(t *txn) error {
		w := s.newWriter(t)
		if err := w.lock(); err != nil {
			return err
		}
		actors := map[string]store.Actor{}
		err := t.each("MATCH (a:Actor) WHERE a.id IN $ids RETURN a{.*} AS a",
			map[string]any{"ids": []string{keepID, mergeID}}, func(rec *neo4j.Record) error {
				a := actorOf(get(rec, "a"))
				actors[a.ID] = a
				return nil
			})
		if err != nil {
			return err
		}
		keep, ok := actors[keepID]
		if !ok {
			return fmt.Errorf("actor %q: %w", keepID, store.ErrNotFound)
		}
		merge, ok := actors[mergeID]
		if !ok {
			return fmt.Errorf("actor %q: %w", mergeID, store.ErrNotFound)
		}
		// Statements naming either actor or anyone below them are regrouped.
		dirty := []string{keepID, mergeID}
		if err := w.loadAff(dirty); err != nil {
			return err
		}

		merged := mergeActor(keep, store.Actor{ID: keepID, Name: merge.Name, Aliases: merge.Aliases,
			Country: merge.Country, AffiliationID: merge.AffiliationID, Role: merge.Role})
		if merged.AffiliationID == mergeID {
			merged.AffiliationID = keep.AffiliationID
			if merged.AffiliationID == mergeID {
				merged.AffiliationID = ""
			}
		}
		// Collect the statement keys before any report moves.
		all, err := w.descendants(dirty)
		if err != nil {
			return err
		}
		keys := map[store.StatementKey]bool{}
		err = t.each(`UNWIND $ids AS id
			CALL {
				WITH id MATCH (s:Statement)-[r:REPORTED_IN]->() WHERE r.speakerId = id RETURN s
				UNION
				WITH id MATCH (s:Statement)-[r:REPORTED_IN]->() WHERE r.targetId = id RETURN s
			}
			RETURN DISTINCT s.kind AS kind, s.keySpeaker AS sp, s.keyTarget AS tg`,
			map[string]any{"ids": all}, func(rec *neo4j.Record) error {
				keys[store.StatementKey{Kind: store.StatementKind(getStr(rec, "kind")), Speaker: getStr(rec, "sp"), Target: getStr(rec, "tg")}] = true
				return nil
			})
		if err != nil {
			return err
		}

		p := map[string]any{"keep": keepID, "merge": mergeID, "props": actorProps(merged)}
		for _, q := range []string{
			// Reports, members, mentions and incident links move to keep.
			"MATCH ()-[r:REPORTED_IN {speakerId: $merge}]->() SET r.speakerId = $keep",
			"MATCH ()-[r:REPORTED_IN {targetId: $merge}]->() SET r.targetId = $keep",
			"MATCH (c:Actor {affiliationId: $merge}) WHERE c.id <> $keep SET c.affiliationId = $keep",
			`MATCH (m:Actor {id: $merge}), (k:Actor {id: $keep})
			 OPTIONAL MATCH (art:Article)-[:MENTIONS]->(m)
			 FOREACH (_ IN CASE WHEN art IS NULL THEN [] ELSE [1] END | MERGE (art)-[:MENTIONS]->(k))`,
			`MATCH (i:Incident) WHERE $merge IN i.attributedTo OR $merge IN i.targeted
			 WITH i, [x IN i.attributedTo | CASE x WHEN $merge THEN $keep ELSE x END] AS at,
			         [x IN i.targeted | CASE x WHEN $merge THEN $keep ELSE x END] AS tg
			 SET i.attributedTo = reduce(acc = [], x IN at | CASE WHEN x IN acc THEN acc ELSE acc + x END),
			     i.targeted = reduce(acc = [], x IN tg | CASE WHEN x IN acc THEN acc ELSE acc + x END)
			 WITH i MATCH (k:Actor {id: $keep})
			 FOREACH (_ IN CASE WHEN $keep IN i.attributedTo THEN [1] ELSE [] END | MERGE (i)-[:ATTRIBUTED_TO]->(k))
			 FOREACH (_ IN CASE WHEN $keep IN i.targeted THEN [1] ELSE [] END | MERGE (i)-[:TARGETED]->(k))`,
		} {
			if err := t.exec(q, p); err != nil {
				return err
			}
		}
		// Older redirects to merge now point to keep; merge itself redirects to keep.
		if err := t.exec(`MATCH (r:Redirect {to: $merge}) SET r.to = $keep
			WITH count(*) AS n
			MERGE (x:Redirect {from: $merge}) SET x.to = $keep`, p); err != nil {
			return err
		}
		if err := t.exec("MATCH (m:Actor {id: $merge}) DETACH DELETE m", p); err != nil {
			return err
		}
		if err := t.exec("MATCH (k:Actor {id: $keep}) SET k += $props", p); err != nil {
			return err
		}
		// Re-link keep and the members that moved to it.
		var relink []map[string]any
		err = t.each("MATCH (c:Actor) WHERE c.id = $keep OR c.affiliationId = $keep RETURN c.id AS id, c.affiliationId AS p",
			p, func(rec *neo4j.Record) error {
				relink = append(relink, map[string]any{"id": getStr(rec, "id"), "parent": getStr(rec, "p")})
				return nil
			})
		if err != nil {
			return err
		}
		if err := t.unwind(linkQuery, relink, nil); err != nil {
			return err
		}

		// Affiliations changed: start the cache afresh from the graph as it is now.
		w.aff = map[string]string{}
		if _, err := w.regroup(keys, all, nil); err != nil {
			return err
		}
		out = merged
		return nil
	})
	if err != nil {
		return store.Actor{}, fmt.Errorf("neo4jstore: merge actors: %w", err)
	}
	return out, nil
}

// AddAlias adds an alias to an actor.
func (s *Store) AddAlias(ctx context.Context, actorID, alias string) (store.Actor, error) {
	alias = strings.TrimSpace(alias)
	if actorID == "" || alias == "" {
		return store.Actor{}, fmt.Errorf("%w: empty actor id or alias", store.ErrInvalid)
	}
	var out store.Actor
	err := s.write(ctx, func(t *txn) error {
		found := false
		err := t.each("MATCH (a:Actor {id: $id}) RETURN a{.*} AS a", map[string]any{"id": actorID}, func(rec *neo4j.Record) error {
			found = true
			out = actorOf(get(rec, "a"))
			return nil
		})
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("actor %q: %w", actorID, store.ErrNotFound)
		}
		out.Aliases = cleanAliases(append(out.Aliases, alias), out.Name)
		p := actorProps(out)
		return t.exec("MATCH (a:Actor {id: $id}) SET a.aliases = $aliases, a.names = $names",
			map[string]any{"id": actorID, "aliases": p["aliases"], "names": p["names"]})
	})
	if err != nil {
		return store.Actor{}, fmt.Errorf("neo4jstore: add alias: %w", err)
	}
	return out, nil
}
