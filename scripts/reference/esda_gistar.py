#!/usr/bin/env python3
"""Generates the golden values for Tests/HotSpotsTests/Fixtures/esda_reference.json.

Reference tools (script-time only, never runtime dependencies of camplan):
  esda 2.9 / libpysal 4.14 (Gi*, Local Moran, global Moran), scipy (BH FDR, KD-tree),
  pymannkendall (Mann-Kendall original test).

Run:  python3 scripts/reference/esda_gistar.py > Tests/HotSpotsTests/Fixtures/esda_reference.json
"""
import json
import warnings

import numpy as np
import esda
import libpysal
import pymannkendall as mk
import scipy
from scipy import stats
from scipy.spatial import cKDTree

warnings.filterwarnings("ignore")


def gi_star(points, y, band):
    w = libpysal.weights.DistanceBand(points, threshold=band, binary=True, silence_warnings=True)
    g = esda.G_Local(y, w, transform="B", star=True, permutations=0)
    z = np.asarray(g.Zs, dtype=float)
    return z, 2 * stats.norm.sf(np.abs(z)), w


def main():
    out = {"generator": "scripts/reference/esda_gistar.py",
           "versions": {"esda": esda.__version__, "libpysal": libpysal.__version__, "scipy": scipy.__version__,
                        "numpy": np.__version__}}

    # 1. esda's G_Local doctest (DOMAIN.md): 6 points, band 15.
    pts6 = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
    y6 = np.array([2, 3, 3.2, 5, 8, 7], dtype=float)
    z6, p6, _ = gi_star(pts6, y6, 15)
    out["doctest"] = {"xs": [p[0] for p in pts6], "ys": [p[1] for p in pts6], "y": y6.tolist(), "band": 15,
                      "z": z6.tolist(), "p_two_sided": p6.tolist()}

    # 2. A 20 x 20 lattice of 100 m cells with clustered Poisson counts; band 250 m.
    rng = np.random.default_rng(20261126)
    side, size = 20, 100.0
    cx, cy = np.meshgrid(np.arange(side) * size + size / 2, np.arange(side) * size + size / 2)
    xs, ys = cx.ravel(), cy.ravel()
    lam = 1.0 + 12 * np.exp(-((xs - 500) ** 2 + (ys - 1400) ** 2) / (2 * 250 ** 2)) \
        + 8 * np.exp(-((xs - 1500) ** 2 + (ys - 600) ** 2) / (2 * 200 ** 2))
    counts = rng.poisson(lam).astype(float)
    pts = np.column_stack([xs, ys])
    band = 250.0
    z, p, w = gi_star(pts, counts, band)
    lm = esda.Moran_Local(counts, w, transformation="r", permutations=0)
    # Normal deviate from esda's conditional-randomisation moments (EIc, VIc) applied to
    # z_i * lag_i / m2 with z standardised by the population sd (so m2 = 1).
    zstd = (counts - counts.mean()) / counts.std()
    wr = libpysal.weights.DistanceBand(pts, threshold=band, binary=True, silence_warnings=True)
    wr.transform = "r"
    lag = wr.sparse @ zstd
    m2 = (zstd * zstd).mean()
    zc = (zstd * lag / m2 - lm.EIc) / np.sqrt(lm.VIc)
    wb = libpysal.weights.DistanceBand(pts, threshold=band, binary=True, silence_warnings=True)
    gm = esda.Moran(counts, wb, transformation="B", permutations=0)
    tree = cKDTree(pts)
    d, _ = tree.query(pts, k=6)
    out["lattice400"] = {"xs": xs.tolist(), "ys": ys.tolist(), "y": counts.tolist(), "band": band,
                         "gi_z": z.tolist(), "gi_p_two_sided": p.tolist(),
                         "moran_local_is": np.asarray(lm.Is).tolist(), "moran_local_q": np.asarray(lm.q).tolist(),
                         "moran_local_z_cond": zc.tolist(),
                         "global_moran_i": float(gm.I), "global_moran_z_rand": float(gm.z_rand),
                         "mean_5th_neighbor_distance": float(d[:, 5].mean())}

    # 3. Benjamini-Hochberg adjusted p-values (scipy.stats.false_discovery_control, method "bh").
    pv = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269,
                   0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986])
    out["fdr"] = {"p": pv.tolist(), "q_bh": stats.false_discovery_control(pv, method="bh").tolist(),
                  "gi_fdr_p": p.tolist()}

    # 4. Mann-Kendall (pymannkendall.original_test), one series with ties, one falling.
    series = {"rising_with_ties": [1, 2, 2, 3, 5, 4, 4, 6, 7, 7],
              "falling": [9.5, 8.1, 8.4, 7.0, 6.2, 6.9, 5.1, 4.0],
              "flat_noise": [3, 1, 4, 1, 5, 9, 2, 6]}
    out["mann_kendall"] = {}
    for name, s in series.items():
        r = mk.original_test(s)
        out["mann_kendall"][name] = {"series": s, "s": float(r.s), "var_s": float(r.var_s), "z": float(r.z),
                                     "p": float(r.p), "tau": float(r.Tau)}
    json.dump(out, __import__("sys").stdout, indent=1)


if __name__ == "__main__":
    main()
