package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/demarche/demarche/export"
	"github.com/demarche/demarche/store"
)

func (e *environment) export(ctx context.Context, args []string) error {
	fs := e.newFlagSet("export", "export --format F [flags] [-o FILE]\n\nWrites the graph for graph tools. Formats: "+strings.Join(export.Formats, ", ")+".")
	e.cfg.storeFlags(fs)
	format := fs.String("format", "graphml", "output format: "+strings.Join(export.Formats, ", "))
	graph := fs.String("graph", "actors", "granularity: actors (direct statement edges) or provenance (statements, articles, incidents)")
	out := fs.String("o", "-", "output file (- for stdout)")
	kinds := fs.String("kinds", "", "comma-separated statement kinds (ACCUSES,DENIES,...)")
	speaker := fs.String("speaker", "", "only statements made by this actor (id, name or alias)")
	target := fs.String("target", "", "only statements aimed at this actor")
	either := fs.String("either", "", "only statements this actor made or received")
	incident := fs.String("incident", "", "only statements about this incident id")
	from := fs.String("from", "", "first day (YYYY-MM-DD)")
	to := fs.String("to", "", "last day (YYYY-MM-DD)")
	publisher := fs.String("publisher", "", "only statements reported by this publisher")
	text := fs.String("text", "", "only statements whose evidence or quote contains this text")
	noRollup := fs.Bool("no-rollup", false, "match actor filters exactly, not through affiliation")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	s, err := openStore(ctx, e.cfg)
	if err != nil {
		return err
	}
	defer s.Close()

	f := store.StatementFilter{Incident: *incident, Publisher: *publisher, TextContains: *text, Rollup: !*noRollup}
	for _, k := range splitList(*kinds) {
		kind := store.StatementKind(strings.ToUpper(k))
		if !kind.Valid() {
			return fmt.Errorf("export: unknown statement kind %q", k)
		}
		f.Kinds = append(f.Kinds, kind)
	}
	for _, a := range []struct {
		ref  string
		into *[]string
	}{{*speaker, &f.Speakers}, {*target, &f.Targets}, {*either, &f.Either}} {
		if a.ref == "" {
			continue
		}
		id, err := resolveOne(ctx, s, a.ref)
		if err != nil {
			return err
		}
		*a.into = []string{id}
	}
	if f.From, err = parseDay(*from); err != nil {
		return err
	}
	if f.To, err = parseDay(*to); err != nil {
		return err
	}
	opts := export.Options{Format: *format, Graph: *graph, Filter: f}
	var w io.Writer = e.stdout
	if *out != "-" {
		file, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer file.Close()
		w = file
	}
	if err := export.Write(ctx, w, s, opts); err != nil {
		return fmt.Errorf("export %s: %w", *format, err)
	}
	if c, ok := w.(io.Closer); ok && *out != "-" {
		return c.Close()
	}
	return nil
}

// resolveOne turns an actor id, name or alias into one actor id.
func resolveOne(ctx context.Context, s store.Store, ref string) (string, error) {
	found, err := s.ResolveActor(ctx, ref)
	if err != nil {
		return "", err
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("no actor named %q", ref)
	case 1:
		return found[0].ID, nil
	}
	names := make([]string, len(found))
	for i, a := range found {
		names[i] = fmt.Sprintf("%s (%s)", a.Name, a.ID)
	}
	return "", fmt.Errorf("%q names several actors: %s", ref, strings.Join(names, ", "))
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, errors.New("dates are YYYY-MM-DD: " + s)
	}
	return t, nil
}
