"""Read Demarche's GraphML, GEXF and Cytoscape.js exports with networkx and
check them against the counts and attributes the store gave (expected.json
written by scripts/interop/gen). Exits 1 on any mismatch.

    python check.py OUT_DIR
"""

import json
import sys
from collections import Counter

import networkx as nx

failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")
        return False
    return True


def edge_by_id(G, edge_id):
    for u, v, k, data in G.edges(keys=True, data=True):
        if k == edge_id or data.get("id") == edge_id:
            return u, v, data
    return None


def check_graph(name, G, exp, reader):
    where = f"{name} ({reader})"
    print(f"{where}: {type(G).__name__}, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    check(f"{where} directed", G.is_directed(), True)
    check(f"{where} nodes", G.number_of_nodes(), exp["nodes"])
    check(f"{where} edges", G.number_of_edges(), exp["edges"])
    kinds = Counter(d.get("kind") for _, _, d in G.edges(data=True))
    for typ, n in exp["types"].items():
        check(f"{where} {typ} edges", kinds.get(typ, 0), n)
    label_key = "type" if reader == "read_gexf" else "label"
    labels = Counter(d.get(label_key) for _, d in G.nodes(data=True))
    for label, n in exp["labels"].items():
        if label == "Actor":
            continue
        check(f"{where} {label} nodes", labels.get(label, 0), n)
    for s in exp["node_samples"]:
        if not check(f"{where} node {s['id']} present", s["id"] in G, True):
            continue
        d = G.nodes[s["id"]]
        check(f"{where} node {s['id']} {label_key}", d.get(label_key), s["label"])
        for key in ("kind", "name"):
            check(f"{where} node {s['id']} {key}", d.get(key), s[key])
        check(f"{where} node {s['id']} country", d.get("country", ""), s["country"])
        if reader == "read_gexf":
            check(f"{where} node {s['id']} label (display name)", d.get("label"), s["name"])
    for s in exp["edge_samples"]:
        found = edge_by_id(G, s["id"])
        if not check(f"{where} edge {s['id']} present", found is not None, True):
            continue
        u, v, d = found
        check(f"{where} edge {s['id']} ends", (u, v), (s["source"], s["target"]))
        for key in ("kind", "count", "reports", "first", "last"):
            check(f"{where} edge {s['id']} {key}", d.get(key), s[key])
        # Typed keys: counts come back as integers, not strings.
        check(f"{where} edge {s['id']} count type", type(d.get("count")).__name__, "int")
        if reader == "read_gexf":
            check(f"{where} edge {s['id']} interval", (d.get("start"), d.get("end")), (s["first"], s["last"]))
            check(f"{where} edge {s['id']} weight", d.get("weight"), float(s["count"]))


def main(out):
    with open(f"{out}/expected.json") as f:
        expected = json.load(f)
    print(f"networkx {nx.__version__}")
    for name, exp in expected.items():
        check_graph(name, nx.read_graphml(f"{out}/{name}.graphml"), exp, "read_graphml")
        G = nx.read_gexf(f"{out}/{name}.gexf")
        check(f"{name} (read_gexf) mode", G.graph.get("mode"), "dynamic")
        check_graph(name, G, exp, "read_gexf")
        with open(f"{out}/{name}.cyjs") as f:
            check_graph(name, nx.cytoscape_graph(json.load(f)), exp, "cytoscape_graph")
    if failures:
        print(f"{len(failures)} mismatches:", file=sys.stderr)
        for line in failures[:50]:
            print("  " + line, file=sys.stderr)
        return 1
    print("networkx: every GraphML, GEXF and Cytoscape export matches the store")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
