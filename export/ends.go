package export

import (
	"context"

	"github.com/demarche/demarche/store"
)

// endBatch is how many relationships walkWithEnds holds while it looks up
// their actors: memory stays bounded whatever the graph's size.
const endBatch = 512

// walkWithEnds walks sec's relationships and hands each with its actor ends
// (nil for an end that is not an actor or is missing), looking the actors up
// with one GetActors per batch.
func walkWithEnds(ctx context.Context, s store.Store, sec section, fn func(e *element, from, to *store.Actor) error) error {
	if sec.from != "Actor" && sec.to != "Actor" {
		return sec.walk(ctx, func(e *element) error { return fn(e, nil, nil) })
	}
	batch := make([]*element, 0, endBatch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		var ids []string
		seen := map[string]bool{}
		for _, e := range batch {
			for _, id := range [2]string{e.source, e.target} {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}
		}
		actors, err := s.GetActors(ctx, ids)
		if err != nil {
			return err
		}
		byID := make(map[string]*store.Actor, len(actors))
		for i := range actors {
			byID[actors[i].ID] = &actors[i]
		}
		for _, e := range batch {
			var from, to *store.Actor
			if sec.from == "Actor" {
				from = byID[e.source]
			}
			if sec.to == "Actor" {
				to = byID[e.target]
			}
			if err := fn(e, from, to); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	err := sec.walk(ctx, func(e *element) error {
		batch = append(batch, e)
		if len(batch) == endBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// endLabels are the Neo4j labels of a relationship's end in ID space space.
func endLabels(space string, a *store.Actor) []string {
	if a != nil {
		return []string{"Actor", a.Kind.Label()}
	}
	return []string{space}
}

// endName is the display name of an actor end ("" for other ends).
func endName(a *store.Actor) string {
	if a == nil {
		return ""
	}
	return a.Name
}
