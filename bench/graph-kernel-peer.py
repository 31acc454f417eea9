#!/usr/bin/python3
"""The python3-igraph (C core) side of bench/graph-kernel.ts: the same steps on the same graph.

    /usr/bin/python3 bench/graph-kernel-peer.py <edge-list file> <n> <exact-betweenness: 0|1> <repeats>

Prints one JSON line: seconds per step (median of `repeats` for the quick ones), modularity,
and the peak resident memory of this process.
"""
import json
import random
import resource
import statistics
import sys
import time

import igraph as ig


def timed(fn, repeats=1):
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main():
    path, n, exact, repeats = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
    out = {"igraph": ig.__version__}
    out["parse"], g = timed(lambda: ig.Graph.Read_Edgelist(path, directed=False))
    if g.vcount() < n:
        g.add_vertices(n - g.vcount())
    edges = g.get_edgelist()
    # Same graph as the kernel's: repeats merged, self-loops dropped.
    out["build"], g = timed(lambda: ig.Graph(n=n, edges=edges, directed=False).simplify(multiple=True, loops=True), repeats)
    out["n"], out["m"] = g.vcount(), g.ecount()
    out["pagerank"], _ = timed(lambda: g.pagerank(damping=0.85), repeats)
    random.seed(42)
    out["louvain"], communities = timed(lambda: g.community_multilevel(), repeats)
    out["louvainModularity"] = communities.modularity
    random.seed(42)
    out["leiden"], communities = timed(lambda: g.community_leiden(objective_function="modularity"), repeats)
    out["leidenModularity"] = communities.modularity
    out["components"], components = timed(lambda: g.connected_components(), repeats)
    out["componentCount"] = len(components)
    out["reach2"], _ = timed(lambda: g.neighborhood_size(order=2))
    if exact:
        out["betweenness"], _ = timed(lambda: g.betweenness())
    out["peakMB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == "__main__":
    main()
