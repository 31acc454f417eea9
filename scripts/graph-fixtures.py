#!/usr/bin/python3
"""Reference values for the graph kernel's tests: test/fixtures/graphs/reference.json.

Computed with Debian's python3-igraph (C core) and python3-networkx, never with relais's own
code, so the tests compare two independent implementations. Run from the repository root:

    /usr/bin/python3 scripts/graph-fixtures.py

Karate and Les Misérables come from the committed fixtures; ego-Facebook and the other SNAP
graphs from ../shared/data/graphs/ (skipped, with a warning, when that folder is absent).
Exact optimal modularity uses igraph's GLPK solver (about 15 s for Les Misérables).
"""
import json
import os
import random
import sys
import time

import igraph as ig
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "test", "fixtures", "graphs")
SHARED = os.environ.get("RELAIS_GRAPH_DATA", os.path.join(ROOT, "..", "shared", "data", "graphs"))


def read_pairs(path):
    """SNAP text: '#' comments, whitespace-separated integer ids; any line end."""
    with open(path, "rb") as f:
        text = f.read().decode("ascii")
    pairs = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        pairs.append((int(fields[0]), int(fields[1])))
    return pairs


def graph_from_pairs(pairs, directed=False):
    """igraph graph with vertex attribute 'name' = the file's id, in order of first appearance."""
    ids, index = [], {}
    for u, v in pairs:
        for x in (u, v):
            if x not in index:
                index[x] = len(ids)
                ids.append(x)
    g = ig.Graph(n=len(ids), edges=[(index[u], index[v]) for u, v in pairs], directed=directed)
    g.vs["name"] = ids
    return g


def rounded(values, digits=12):
    return [None if v != v else round(float(v), digits) for v in values]


def overlap(g, u, v):
    """Onnela et al. 2007: |N(u) ∩ N(v)| / (|N(u) ∪ N(v)| − 2), simple neighbourhoods."""
    nu = set(g.neighbors(u)) - {u}
    nv = set(g.neighbors(v)) - {v}
    union = (nu | nv) - {u, v}
    return len(nu & nv) / len(union) if union else 0.0


def components(g, mode="weak"):
    cl = g.connected_components(mode=mode) if hasattr(g, "connected_components") else g.clusters(mode=mode)
    return {"count": len(cl), "largest": sorted((len(c) for c in cl), reverse=True)[:5]}


def louvain_reference(g, weights=None, runs=20):
    """igraph's multilevel (Louvain) and Leiden modularity: the best and mean over seeded runs."""
    multilevel, leiden = [], []
    for seed in range(runs):
        random.seed(seed)
        multilevel.append(g.community_multilevel(weights=weights).modularity)
        random.seed(seed)
        leiden.append(g.community_leiden(objective_function="modularity", weights=weights, n_iterations=-1).modularity)
    return {
        "igraphMultilevel": {"best": max(multilevel), "mean": sum(multilevel) / runs, "runs": runs},
        "igraphLeiden": {"best": max(leiden), "mean": sum(leiden) / runs, "runs": runs},
    }


def small_graph_reference(g, weights=None):
    out = {
        "ids": [int(x) for x in g.vs["name"]],
        "n": g.vcount(),
        "m": g.ecount(),
        "degree": g.degree(),
        "pagerank": rounded(g.pagerank(damping=0.85)),
        "betweenness": rounded(g.betweenness()),
        "constraint": rounded(g.constraint()),
        "reach2": [x - 1 for x in g.neighborhood_size(order=2)],
        "components": components(g),
        "overlap": [[int(g.vs[e.source]["name"]), int(g.vs[e.target]["name"]), round(overlap(g, e.source, e.target), 12)] for e in g.es],
    }
    if weights:
        w = g.es[weights]
        out["strength"] = g.strength(weights=weights)
        out["pagerankWeighted"] = rounded(g.pagerank(damping=0.85, weights=w))
        out["betweennessWeighted"] = rounded(g.betweenness(weights=w))
        out["constraintWeighted"] = rounded(g.constraint(weights=w))
    return out


def karate():
    g = graph_from_pairs(read_pairs(os.path.join(FIXTURES, "karate.txt")))
    out = small_graph_reference(g)
    index = {name: i for i, name in enumerate(g.vs["name"])}
    out["personalizedPagerank"] = {"reset": 1, "scores": rounded(g.personalized_pagerank(damping=0.85, reset_vertices=[index[1]]))}
    # The factions after the split, as NetworkX records them (node i there is id i + 1 here).
    nxg = nx.karate_club_graph()
    assert {tuple(sorted((u + 1, v + 1))) for u, v in nxg.edges()} == {tuple(sorted((int(g.vs[e.source]["name"]), int(g.vs[e.target]["name"])))) for e in g.es}
    out["factions"] = {str(i + 1): nxg.nodes[i]["club"] for i in nxg.nodes}
    optimal = g.community_optimal_modularity()
    factions = [0 if out["factions"][str(name)] == "Mr. Hi" else 1 for name in g.vs["name"]]
    out["modularity"] = {
        "optimal": optimal.modularity, "optimalCommunities": len(optimal), "optimalMembership": optimal.membership,
        "factionsModularity": g.modularity(factions), **louvain_reference(g),
    }
    return out


def lesmis():
    g = ig.Graph.Read_GML(os.path.join(FIXTURES, "lesmis.gml"))
    g.vs["name"] = [int(x) for x in g.vs["id"]]
    out = small_graph_reference(g, weights="value")
    out["labels"] = g.vs["label"]
    optimal = g.community_optimal_modularity(weights="value")
    out["modularity"] = {
        "weighted": {
            "optimal": optimal.modularity, "optimalCommunities": len(optimal), "optimalMembership": optimal.membership,
            "optimalMembershipUnweighted": g.modularity(optimal.membership), **louvain_reference(g, "value"),
        },
        "unweighted": louvain_reference(g),
    }
    return out


def quirks():
    """A small directed graph with a dangling node, a self-loop and a parallel arc."""
    arcs = [(0, 1), (1, 2), (2, 0), (2, 3), (0, 3), (3, 4), (4, 3), (1, 1), (0, 1), (5, 0)]
    g = ig.Graph(n=6, edges=arcs, directed=True)
    u = ig.Graph(n=4, edges=[(0, 1), (1, 1), (1, 2), (2, 3), (2, 3)], directed=False)
    return {
        "directed": {
            "arcs": arcs,
            "pagerank": rounded(g.pagerank(damping=0.85)),
            "personalizedPagerank": {"reset": [1, 0, 0, 0, 0, 1], "scores": rounded(g.personalized_pagerank(damping=0.85, reset=[1, 0, 0, 0, 0, 1]))},
            "betweenness": rounded(g.betweenness()),
            "strong": [int(x) for x in g.connected_components(mode="strong").membership],
            "weak": [int(x) for x in g.connected_components(mode="weak").membership],
            "constraint": rounded(g.constraint()),
        },
        "undirected": {
            "edges": [(0, 1), (1, 1), (1, 2), (2, 3), (2, 3)],
            "pagerank": rounded(u.pagerank(damping=0.85)),
            "degree": u.degree(),
            "betweenness": rounded(u.betweenness()),
            "constraint": rounded(u.constraint()),
        },
    }


def top(ids, values, k=10):
    order = sorted(range(len(values)), key=lambda i: (-values[i], ids[i]))[:k]
    return [[ids[i], round(values[i], 12)] for i in order]


def shared():
    out = {}
    if not os.path.isdir(SHARED):
        print(f"warning: {SHARED} not found; SNAP references skipped", file=sys.stderr)
        return out
    g = graph_from_pairs(read_pairs(os.path.join(SHARED, "facebook_combined.txt")))
    ids = [int(x) for x in g.vs["name"]]
    started = time.time()
    b = g.betweenness()
    print(f"ego-Facebook exact betweenness: {time.time() - started:.1f} s", file=sys.stderr)
    random.seed(1)
    out["facebook"] = {
        "n": g.vcount(), "m": g.ecount(), "components": components(g),
        "pagerankTop10": top(ids, g.pagerank(damping=0.85)),
        "betweennessTop10": top(ids, b),
        "igraphMultilevelModularity": g.community_multilevel().modularity,
    }
    for name, directed in (("email-Eu-core.txt", True), ("Wiki-Vote.txt", True), ("CA-GrQc.txt", False)):
        d = graph_from_pairs(read_pairs(os.path.join(SHARED, name)), directed)
        d = d.simplify(multiple=True, loops=False)
        entry = {"n": d.vcount(), "m": d.ecount(), "weak": components(d, "weak")}
        if directed:
            entry["strong"] = components(d, "strong")
        entry["pagerankTop10"] = top([int(x) for x in d.vs["name"]], d.pagerank(damping=0.85))
        out[name] = entry
    return out


def main():
    reference = {
        "_about": "Reference values from python3-igraph %s and networkx %s, written by scripts/graph-fixtures.py. "
        "Node values are aligned with `ids`; PageRank damping 0.85; betweenness not normalised (igraph); "
        "weighted betweenness takes weights as lengths." % (ig.__version__, nx.__version__),
        "karate": karate(),
        "lesmis": lesmis(),
        "quirks": quirks(),
        "shared": shared(),
    }
    path = os.path.join(FIXTURES, "reference.json")
    with open(path, "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
