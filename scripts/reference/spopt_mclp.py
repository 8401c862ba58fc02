#!/usr/bin/env python3
"""Reference MCLP optima from PySAL spopt (PuLP + CBC) for the Swift optimizer tests.

Builds three instances, writes each as JSON under Tests/OptimizerTests/Fixtures/mclp/ (the
test resources; `camplan bench mclp` reads the same files) and solves it with
spopt.locate.MCLP.from_cost_matrix + PULP_CBC_CMD, recording CBC's objective and wall time:

  synthetic-2000x500-p20   clustered demand, circular coverage (r = 400 m), p = 20
  synthetic-5000x1000-p50  clustered demand, circular coverage (r = 350 m), p = 50
  tien-giang-mytho-p40     real: Mỹ Tho road sample points (every 100 m, weight by road
                           class) + OSM POIs (weight 5) as demand, road junctions (degree >= 3)
                           as candidate sites, r = 150 m, in UTM 48N (EPSG:32648), p = 40

JSON fields: name, description, demand_count, facility_count, p, service_radius_m, weights
(integers), offsets/indices (CSR by facility: demand indices covered by each facility, i.e.
distance <= radius, the same test spopt applies), cbc {objective, status, solve_seconds,
build_seconds, selected}. Coverage is computed here once and spopt is given the same dense
distance matrix, so both sides see identical coverage sets.

Run from the repository root:  python3 scripts/reference/spopt_mclp.py
Timing mode (used by scripts/bench, writes nothing):
  python3 scripts/reference/spopt_mclp.py --time Tests/OptimizerTests/Fixtures/mclp/NAME.json
  python3 scripts/reference/spopt_mclp.py --time-sparse INSTANCE.json SECONDS
solves an instance written by `camplan bench placement --write-instance` (the issue-size case;
spopt's dense matrix would not fit in memory) as a sparse PuLP model with one heading per site,
CBC stopped after SECONDS, and prints one JSON line with CBC's status, incumbent, bound and gap.
The first form re-solves a committed instance two ways and prints one JSON line: spopt's MCLP on the dense
cost matrix it needs (as above) and the same MCLP written directly as a sparse PuLP model
(x_i <= sum of y_j covering i, sum y_j = p), both with CBC, with build and solve times.
Tools: spopt 0.7, pulp 3.3 (CBC bundled), geopandas, shapely, numpy, scipy (script-only).
"""
import json
import pathlib
import sys
import time

import geopandas as gpd
import numpy as np
import pulp
from scipy.spatial import cKDTree
from spopt.locate import MCLP

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parents[1] / "Tests" / "OptimizerTests" / "Fixtures" / "mclp"
DATA = HERE.parents[2] / "shared" / "data" / "tien-giang"
if not DATA.exists():
    DATA = pathlib.Path("/work/shared/data/tien-giang")


def clustered(rng, n, side, clusters, sigma):
    centres = rng.uniform(0, side, size=(clusters, 2))
    k = rng.integers(0, clusters, size=n)
    pts = centres[k] + rng.normal(0, sigma, size=(n, 2))
    background = rng.uniform(size=n) < 0.2
    pts[background] = rng.uniform(0, side, size=(background.sum(), 2))
    return np.clip(pts, 0, side)


def synthetic(name, n, m, p, radius, seed):
    rng = np.random.default_rng(seed)
    side = 8000.0
    demand = clustered(rng, n, side, clusters=max(4, n // 100), sigma=300.0)
    near = demand[rng.integers(0, n, size=m)] + rng.normal(0, 100.0, size=(m, 2))
    facilities = np.clip(near, 0, side)
    weights = 1 + np.floor(rng.exponential(3.0, size=n)).astype(int)
    desc = (f"synthetic clustered demand ({n}) in an {side:.0f} m square, facilities near demand ({m}), "
            f"circular coverage r = {radius} m, seed {seed}")
    return name, desc, demand, facilities, weights, p, radius


def real_mytho(p=40, radius=150.0):
    bbox = (106.33, 10.33, 106.40, 10.38)  # lon/lat box over central Mỹ Tho
    roads = gpd.read_file(DATA / "roads.geojson", bbox=bbox).to_crs(32648)
    pois = gpd.read_file(DATA / "pois.geojson", bbox=bbox).to_crs(32648)
    x0, y0 = gpd.GeoSeries.from_xy([bbox[0]], [bbox[1]], crs=4326).to_crs(32648).iloc[0].coords[0]
    x1, y1 = gpd.GeoSeries.from_xy([bbox[2]], [bbox[3]], crs=4326).to_crs(32648).iloc[0].coords[0]
    class_weight = {"motorway": 4, "trunk": 4, "primary": 3, "secondary": 3, "tertiary": 2, "minor": 1}
    pts, w = [], []
    ends = {}
    for geom, cls in zip(roads.geometry, roads["omt_class"]):
        if geom is None or geom.is_empty:
            continue
        lines = getattr(geom, "geoms", [geom])
        for line in lines:
            for d in np.arange(0, line.length, 100.0):
                q = line.interpolate(d)
                pts.append((q.x, q.y))
                w.append(class_weight.get(cls, 1))
            coords = list(line.coords)
            for k, c in enumerate(coords):
                key = (round(c[0], 1), round(c[1], 1))
                ends[key] = ends.get(key, 0) + (1 if k in (0, len(coords) - 1) else 2)
    for q in pois.geometry:
        pts.append((q.x, q.y))
        w.append(5)
    demand = np.array(pts)
    inside = (demand[:, 0] >= x0) & (demand[:, 0] <= x1) & (demand[:, 1] >= y0) & (demand[:, 1] <= y1)
    demand, weights = demand[inside], np.array(w)[inside]
    junctions = np.array(sorted(k for k, c in ends.items() if c >= 3))
    jin = (junctions[:, 0] >= x0) & (junctions[:, 0] <= x1) & (junctions[:, 1] >= y0) & (junctions[:, 1] <= y1)
    facilities = junctions[jin]
    desc = (f"Mỹ Tho (lon {bbox[0]}-{bbox[2]}, lat {bbox[1]}-{bbox[3]}): {len(demand)} demand points "
            f"(OSM road samples every 100 m weighted by class, POIs weight 5), {len(facilities)} road junctions "
            f"(degree >= 3), r = {radius} m, EPSG:32648; © OpenStreetMap contributors, ODbL 1.0")
    return "tien-giang-mytho-p40", desc, demand, facilities, weights, p, radius


def solve_and_write(name, desc, demand, facilities, weights, p, radius):
    tree = cKDTree(demand)
    lists = tree.query_ball_point(facilities, r=radius)
    offsets, indices = [0], []
    for lst in lists:
        indices.extend(sorted(int(i) for i in lst))
        offsets.append(len(indices))
    t0 = time.perf_counter()
    cost = np.linalg.norm(demand[:, None, :] - facilities[None, :, :], axis=2)
    # Make the coverage test identical to the CSR above (query_ball_point uses d <= r too).
    covered = np.zeros(cost.shape, dtype=bool)
    for j, lst in enumerate(lists):
        covered[lst, j] = True
    cost = np.where(covered, 0.0, 2.0 * radius)
    model = MCLP.from_cost_matrix(cost, weights, service_radius=radius, p_facilities=p, name=name)
    t1 = time.perf_counter()
    model = model.solve(pulp.PULP_CBC_CMD(msg=False))
    t2 = time.perf_counter()
    status = pulp.LpStatus[model.problem.status]
    objective = float(pulp.value(model.problem.objective))
    selected = [j for j in range(len(facilities)) if model.fac2cli[j]] if hasattr(model, "fac2cli") else []
    record = {
        "name": name,
        "description": desc,
        "demand_count": int(len(demand)),
        "facility_count": int(len(facilities)),
        "p": int(p),
        "service_radius_m": radius,
        "weights": [int(x) for x in weights],
        "offsets": offsets,
        "indices": indices,
        "cbc": {"objective": objective, "status": status, "build_seconds": round(t1 - t0, 3),
                "solve_seconds": round(t2 - t1, 3), "selected": selected},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(record, separators=(",", ":")))
    print(f"{name}: n={len(demand)} m={len(facilities)} nnz={len(indices)} p={p} "
          f"CBC {status} objective {objective} build {t1 - t0:.2f} s solve {t2 - t1:.2f} s")


def time_instance(path):
    """Re-solves one committed instance with spopt (dense) and with a sparse PuLP model."""
    rec = json.loads(pathlib.Path(path).read_text())
    n, m, p = rec["demand_count"], rec["facility_count"], rec["p"]
    radius = rec["service_radius_m"]
    weights = np.array(rec["weights"])
    offsets, indices = rec["offsets"], rec["indices"]
    out = {"tool": "spopt/pulp-cbc", "case": rec["name"], "demand": n, "facilities": m, "cameras": p,
           "stored_cbc_objective": rec["cbc"]["objective"]}

    t0 = time.perf_counter()
    cost = np.full((n, m), 2.0 * radius)
    for j in range(m):
        cost[indices[offsets[j]:offsets[j + 1]], j] = 0.0
    model = MCLP.from_cost_matrix(cost, weights, service_radius=radius, p_facilities=p, name=rec["name"])
    t1 = time.perf_counter()
    model = model.solve(pulp.PULP_CBC_CMD(msg=False))
    t2 = time.perf_counter()
    out.update({"spopt_status": pulp.LpStatus[model.problem.status],
                "spopt_objective": float(pulp.value(model.problem.objective)),
                "spopt_build_s": round(t1 - t0, 3), "spopt_solve_s": round(t2 - t1, 3)})
    del cost, model

    t0 = time.perf_counter()
    prob, y = sparse_model(n, m, offsets, indices, weights)
    prob += pulp.lpSum(y) == p
    t1 = time.perf_counter()
    prob.solve(pulp.PULP_CBC_CMD(msg=False))
    t2 = time.perf_counter()
    out.update({"pulp_status": pulp.LpStatus[prob.status], "pulp_objective": float(pulp.value(prob.objective)),
                "pulp_build_s": round(t1 - t0, 3), "pulp_solve_s": round(t2 - t1, 3)})
    print(json.dumps(out), flush=True)


def sparse_model(n, m, offsets, indices, weights):
    """The MCLP as a sparse PuLP model from CSR coverage: binary y_j per facility, x_i per
    coverable demand point, x_i <= sum of the y_j covering i. The caller adds the budget."""
    covers = [[] for _ in range(n)]
    for j in range(m):
        for i in indices[offsets[j]:offsets[j + 1]]:
            covers[i].append(j)
    prob = pulp.LpProblem("mclp", pulp.LpMaximize)
    y = [pulp.LpVariable(f"y{j}", cat="Binary") for j in range(m)]
    x = {i: pulp.LpVariable(f"x{i}", cat="Binary") for i in range(n) if covers[i]}
    prob += pulp.lpSum(float(weights[i]) * x[i] for i in x)
    for i, xi in x.items():
        prob += xi <= pulp.lpSum(y[j] for j in covers[i])
    return prob, y


def time_sparse(path, seconds):
    """CBC on a large instance with per-site constraints, stopped after `seconds`."""
    import re
    import tempfile
    rec = json.loads(pathlib.Path(path).read_text())
    n, m, p = rec["demand_count"], rec["facility_count"], rec["p"]
    offsets, indices, weights = rec["offsets"], rec["indices"], rec["weights"]
    site = rec["site_of_facility"]
    t0 = time.perf_counter()
    prob, y = sparse_model(n, m, offsets, indices, weights)
    by_site = {}
    for j, s in enumerate(site):
        by_site.setdefault(s, []).append(y[j])
    for ys in by_site.values():
        if len(ys) > 1:
            prob += pulp.lpSum(ys) <= 1
    prob += pulp.lpSum(y) == p
    t1 = time.perf_counter()
    log = tempfile.NamedTemporaryFile(suffix=".log", delete=False).name
    prob.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=seconds, logPath=log))
    t2 = time.perf_counter()
    text = pathlib.Path(log).read_text(errors="replace")
    def grab(label):
        found = re.findall(label + r"\s*:?\s*(-?[0-9.eE+]+)", text, flags=re.I)
        return abs(float(found[-1])) if found else None
    # An incumbent exists only for sol_status 1 (optimal) or 2 (integer feasible); otherwise the
    # variables hold LP values. CBC minimises the negated objective: its "best possible" is our bound.
    value = pulp.value(prob.objective) if prob.sol_status in (1, 2) else None
    print(json.dumps({"tool": "pulp-cbc", "case": rec["name"], "demand": n, "facilities": m, "cameras": p,
                      "cbc_status": pulp.LpStatus[prob.status], "cbc_solution": pulp.LpSolution[prob.sol_status],
                      "cbc_objective": None if value is None else float(value),
                      "cbc_bound": grab("best possible"),
                      "pulp_build_s": round(t1 - t0, 3), "cbc_solve_s": round(t2 - t1, 3), "time_limit_s": seconds,
                      "camplan_objective": rec["camplan"]["objective"], "camplan_bound": rec["camplan"]["upper_bound"]}),
          flush=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--time-sparse":
        time_sparse(sys.argv[2], float(sys.argv[3]))
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--time":
        time_instance(sys.argv[2])
        return
    solve_and_write(*synthetic("synthetic-2000x500-p20", 2000, 500, 20, 400.0, seed=1))
    solve_and_write(*synthetic("synthetic-5000x1000-p50", 5000, 1000, 50, 350.0, seed=2))
    solve_and_write(*real_mytho())


if __name__ == "__main__":
    main()
