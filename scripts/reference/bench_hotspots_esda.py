#!/usr/bin/env python3
"""The reference side of the hot-spot case of scripts/bench: the same sizes and data model as
HotSpotBenchmark.run (square area of ceil(sqrt(C))^2 cells of 100 m; half uniform, half in
50 Gaussian clusters of sd 300 m; Gi* band 300 m; quartic KDE 500 m), through
libpysal DistanceBand + esda G_Local(transform="B", star=True, permutations=0) + scipy BH,
and a KD-tree quartic KDE. numpy's generator replaces SplitMix64, so the points differ but
the sizes and density are the same.

Usage: bench_hotspots_esda.py N C SEED   (prints one JSON line)
"""
import json
import sys
import time
import warnings

import numpy as np
import esda
import libpysal
from scipy import stats
from scipy.spatial import cKDTree

warnings.filterwarnings("ignore")


def main():
    n, c, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    side = max(6, int(np.ceil(np.sqrt(c))))
    size, band, bw = 100.0, 300.0, 500.0
    extent = side * size
    rng = np.random.default_rng(seed)
    half = n // 2
    centres = rng.random((50, 2)) * extent
    pick = rng.integers(0, 50, n - half)
    clustered = centres[pick] + rng.normal(0, 300, (n - half, 2))
    pts = np.vstack([rng.random((half, 2)) * extent, np.clip(clustered, 0, extent - 1e-6)])

    t = {}
    t0 = time.perf_counter()
    g = (np.arange(side) + 0.5) * size
    gx, gy = np.meshgrid(g, g)
    cells = np.column_stack([gx.ravel(), gy.ravel()])
    t["lattice_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    col = np.minimum((pts[:, 0] // size).astype(int), side - 1)
    row = np.minimum((pts[:, 1] // size).astype(int), side - 1)
    y = np.bincount(row * side + col, minlength=side * side).astype(float)
    t["aggregate_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    w = libpysal.weights.DistanceBand(cells, threshold=band, binary=True, silence_warnings=True)
    t["neighbors_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    gl = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    p = 2 * stats.norm.sf(np.abs(gl.Zs))
    for alpha in (0.01, 0.05, 0.10):
        q = stats.false_discovery_control(p, method="bh")
        _ = q <= alpha
    t["gi_star_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    d = cKDTree(pts).sparse_distance_matrix(cKDTree(cells), bw, output_type="coo_matrix")
    k = (1 - (d.data / bw) ** 2) ** 2 * 3 / np.pi / bw ** 2 * 1e6
    kde = np.bincount(d.col, weights=k, minlength=len(cells))
    t["kde_s"] = time.perf_counter() - t0

    t["total_s"] = sum(t.values())
    print(json.dumps({"tool": "esda/libpysal/scipy", "incidents": n, "cells": len(cells), "band_m": band,
                      "bandwidth_m": bw, "neighbor_pairs": int(w.s0), **t, "checksum": float(kde.sum() * 1e-9)}))


if __name__ == "__main__":
    main()
