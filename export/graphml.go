package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// xmlText writes s escaped for XML text or attribute values.
func xmlText(w *out, s string) {
	// EscapeText only fails when the writer does; bufio keeps that error for Flush.
	_ = xml.EscapeText(w, []byte(s))
}

// formatValue renders a column value as text; ok is false for an unset value.
func formatValue(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case time.Time:
		return x.UTC().Format(time.DateOnly), true
	case []string:
		return strings.Join(x, ";"), true
	}
	return fmt.Sprint(v), true
}

// graphMLType is the GraphML attr.type of a column type.
func graphMLType(t colType) string {
	switch t {
	case tInt:
		return "int"
	case tDouble:
		return "double"
	}
	return "string"
}

// writeGraphML writes g as GraphML with typed keys: node id, label (the Neo4j
// label), kind, name, country and the rest of the node columns; edge kind (the
// relationship type) and the edge columns (count, reports, first, last, ...).
func writeGraphML(ctx context.Context, w *out, g *graph) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	key := func(id, domain, name, typ string) {
		fmt.Fprintf(w, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", id, domain, name, typ)
	}
	key("n_id", "node", "id", "string")
	for _, c := range columns(g.nodes) {
		key("n_"+c.name, "node", c.name, graphMLType(c.typ))
	}
	key("e_kind", "edge", "kind", "string")
	for _, c := range columns(g.rels) {
		key("e_"+c.name, "edge", c.name, graphMLType(c.typ))
	}
	w.WriteString(`  <graph id="demarche" edgedefault="directed">` + "\n")
	data := func(key, value string) {
		w.WriteString(`      <data key="`)
		w.WriteString(key)
		w.WriteString(`">`)
		xmlText(w, value)
		w.WriteString("</data>\n")
	}
	for _, sec := range g.nodes {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			w.WriteString(`    <node id="`)
			xmlText(w, e.id)
			w.WriteString("\">\n")
			data("n_id", e.id)
			for i, c := range sec.cols {
				if v, ok := formatValue(e.values[i]); ok {
					data("n_"+c.name, v)
				}
			}
			w.WriteString("    </node>\n")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	for _, sec := range g.rels {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			w.WriteString(`    <edge id="`)
			xmlText(w, e.id)
			w.WriteString(`" source="`)
			xmlText(w, e.source)
			w.WriteString(`" target="`)
			xmlText(w, e.target)
			w.WriteString("\">\n")
			data("e_kind", e.typ)
			for i, c := range sec.cols {
				if v, ok := formatValue(e.values[i]); ok {
					data("e_"+c.name, v)
				}
			}
			w.WriteString("    </edge>\n")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return nil
}
