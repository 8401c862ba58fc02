#!/usr/bin/env python3
"""Markdown tables from the records scripts/bench writes (OUT/results.jsonl; stdlib only).

Usage: scripts/bench-report.py results.jsonl
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def s(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


def mb(x):
    return "–" if x is None else f"{x:,.0f} MB"


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def main():
    recs = load(sys.argv[1])
    by = {}
    for r in recs:
        by.setdefault(r.get("group"), []).append(r)
    failed = [r for r in recs if r.get("failed")]
    parts = []

    hs, ref = by.get("hotspots", []), by.get("hotspots-ref", [])
    if hs:
        rows = []
        for r in hs:
            e = next((q for q in ref if q.get("incidents") == r.get("incidents") and not q.get("failed")), None)
            row = [f"{r['incidents']:,} incidents, {r['cells']:,} cells", f"{r['neighbor_pairs']:,}",
                   f"{s(r['aggregate_s'])} / {s(r['neighbors_s'])} / {s(r['gi_star_s'])} / {s(r['kde_s'])}",
                   s(r["total_s"]), s(r["wall_s"]), mb(r["max_rss_mb"])]
            if e:
                row += [f"{s(e['aggregate_s'])} / {s(e['neighbors_s'])} / {s(e['gi_star_s'])} / {s(e['kde_s'])}",
                        s(e["total_s"]), s(e["wall_s"]), mb(e["max_rss_mb"]), f"{e['total_s'] / r['total_s']:.0f}x"]
            else:
                row += ["–"] * 5
            rows.append(row)
        parts.append("### Hot spots (Gi* + KDE)\n\n" + table(
            ["case", "neighbour pairs", "camplan aggregate / band / Gi* / KDE (s)", "camplan total (s)",
             "camplan process wall (s)", "camplan peak RSS", "esda+scipy aggregate / band / Gi* / KDE (s)",
             "esda total (s)", "esda process wall (s)", "esda peak RSS", "ratio (total)"], rows))

    cov = [r for r in by.get("coverage", []) if not r.get("failed")]
    if cov:
        parts.append("### Coverage matrix build (no obstacles)\n\n" + table(
            ["case", "facilities", "non-zeros", "build (s)", "merge (s)", "process wall (s)", "peak RSS"],
            [[r["case"], f"{r['facilities']:,}", f"{r['nnz']:,}", s(r["build_s"]), s(r["merge_s"]), s(r["wall_s"]),
              mb(r["max_rss_mb"])] for r in cov]))

    place = [r for g in ("placement", "placement-limit", "optimizer") for r in by.get(g, []) if not r.get("failed")]
    if place:
        rows = []
        for r in place:
            build = r.get("coverage_s", r.get("build_s"))
            path = {"placement": "CoverageBuilder + MCLPSolver", "placement-limit": "same, --time-limit 10",
                    "optimizer": "OptimizerBenchmark (plain sector maths) + MCLPSolver"}[r["group"]]
            rows.append([r["case"], path, f"{r['facilities']:,}", f"{r['nnz']:,}", s(build), s(r["solve_s"]),
                         s(r["total_s"]), s(r["wall_s"]), mb(r["max_rss_mb"]), f"{r['coverage_ratio'] * 100:.2f}%",
                         f"{r['gap'] * 100:.3f}% ({r['bound_source']})", r["stop"]])
        parts.append("### Placement (coverage + MCLP solve)\n\n" + table(
            ["case", "path", "facilities", "non-zeros", "coverage (s)", "solve (s)", "total (s)", "process wall (s)",
             "peak RSS", "covered weight", "certified gap (bound)", "stop"], rows))

    issue, base = by.get("place-issue", []), by.get("place-issue-base", [])
    if issue:
        def median(xs):
            xs = sorted(xs)
            return xs[len(xs) // 2] if xs else None

        rows = []
        med = {}
        for name, runs in (("baseline", base), ("this build", issue)):
            ok = [r for r in runs if not r.get("failed")]
            if not ok:
                continue
            walls = [r["wall_s"] for r in ok]
            solves = [r["summary"]["runtime_seconds"] for r in ok if r.get("summary")]
            last = ok[-1].get("summary", {})
            med[name] = median(walls)
            rows.append([name, len(ok), s(median(walls)), s(min(walls)), s(median(solves)),
                         mb(max(r["max_rss_mb"] for r in ok)), f"{last.get('coverage_ratio', 0) * 100:.2f}%",
                         f"{last.get('gap', 0) * 100:.3f}%", last.get("stop_reason", "–")])
        note = ""
        if "baseline" in med and "this build" in med:
            note = f"\n\nbaseline / this build (median process wall): {med['baseline'] / med['this build']:.1f}x"
        parts.append("### Issue-size case end to end (`camplan place`, GeoJSON in, 500 cameras)\n\n" + table(
            ["binary", "runs", "process wall, median (s)", "min (s)", "solver, median (s)", "peak RSS",
             "covered weight", "certified gap", "stop"], rows) + note)

    ttg = [r for r in by.get("time-to-gap", []) if not r.get("failed")]
    if ttg:
        rows = []
        for r in ttg:
            prog = r.get("progress", [])
            full = r.get("solve_s")
            cells = []
            for t in (0.05, 0.02, 0.01, 0.005, 0.003):
                hit = next((p for p in prog if p["gap"] <= t), None)
                cells.append("–" if hit is None else f"{hit['seconds']:.2f} s / {hit['work'] / 1e6:,.0f} M")
            rows.append([r["label"], *cells, f"{r['gap'] * 100:.3f}%", s(full), f"{r.get('work', 0) / 1e6:,.0f} M",
                         r["stop"]])
        parts.append("### Solver time to gap (placement medium: 1e5 demand, 1.6e5 facilities, p = 500)\n\n" + table(
            ["run", "gap <= 5%", "<= 2%", "<= 1%", "<= 0.5%", "<= 0.3%", "final gap", "solve (s)", "work", "stop"],
            rows) + "\n\nEach cell: solver seconds / matrix non-zeros touched when the certified gap first fell "
            "to that level (the progress points of the run).")

    ours, cbc = by.get("mclp", []), {r["case"]: r for r in by.get("mclp-ref", []) if not r.get("failed")}
    if ours:
        rows = []
        for r in ours:
            if r.get("failed"):
                continue
            c = cbc.get(r["case"])
            row = [r["case"], f"{r['demand']:,} x {r['facilities']:,}, p={r['cameras']}", f"{r['objective']:.0f}",
                   f"{r['cbc_objective']:.0f}", f"{r['below_cbc'] * 100:.2f}%", f"{r['upper_bound']:.1f}",
                   f"{r['gap'] * 100:.2f}%", r["stop"], s(r["solve_s"])]
            if c:
                spopt_total = c["spopt_build_s"] + c["spopt_solve_s"]
                pulp_total = c["pulp_build_s"] + c["pulp_solve_s"]
                row += [f"{s(c['spopt_build_s'])} + {s(c['spopt_solve_s'])}", f"{s(c['pulp_build_s'])} + {s(c['pulp_solve_s'])}",
                        f"{c['pulp_solve_s'] / r['solve_s']:.1f}x", f"{spopt_total / r['solve_s']:.0f}x",
                        f"{c['spopt_status']}/{c['pulp_status']}"]
            else:
                row += ["–"] * 5
            rows.append(row)
        parts.append("### MCLP against spopt / PuLP + CBC (committed instances)\n\n" + table(
            ["instance", "n x m, p", "camplan objective", "CBC optimum", "below CBC", "camplan bound", "certified gap",
             "stop", "camplan solve (s)", "spopt build + CBC solve (s)", "sparse PuLP build + CBC solve (s)",
             "CBC solve / camplan", "spopt total / camplan", "CBC status (spopt/PuLP)"], rows))

    big = [r for r in by.get("placement-cbc", []) if not r.get("failed")]
    if big:
        rows = []
        for r in big:
            ours = next((q for q in by.get("placement", []) if q.get("case", "").endswith(
                f"{r['demand']}x{r['facilities'] // 8}x8 p={r['cameras']}")), None)
            t = ours["solve_s"] if ours else None
            obj, bound = r.get("cbc_objective"), r.get("cbc_bound")
            rows.append([r["case"], f"{r['demand']:,} x {r['facilities']:,}, p={r['cameras']}",
                         f"{r['camplan_objective']:.0f}", f"{r['camplan_bound']:.0f}", s(t),
                         f"{r['cbc_status']} ({r['cbc_solution']})", "–" if obj is None else f"{obj:.0f}",
                         "–" if bound is None else f"{bound:.1f}",
                         f"{(min(bound or 1e300, r['camplan_bound']) - r['camplan_objective']) / min(bound or 1e300, r['camplan_bound']) * 100:.2f}%",
                         s(r["pulp_build_s"]), s(r["cbc_solve_s"]),
                         s(r["time_limit_s"], 0), mb(r["max_rss_mb"])])
        parts.append("### Issue-size placement instance through CBC (sparse PuLP model)\n\n" + table(
            ["instance", "n x m, p", "camplan objective", "camplan bound", "camplan solve (s)", "CBC status",
             "CBC incumbent", "CBC bound", "camplan gap to the best bound", "PuLP build (s)", "CBC solve (s)", "CBC limit (s)", "peak RSS (largest process)"],
            rows))

    sc = [r for r in by.get("scenario", []) if not r.get("failed")]
    ref = [r for r in by.get("scenario-ref", []) if not r.get("failed")]
    if sc:
        rows = [["camplan run geodata/tien-giang/scenarios.yaml (shipped: demand auto, held-out 2023)", r["label"],
                 s(r["wall_s"], 1), mb(r["max_rss_mb"])] for r in sc]
        rows += [["the same file with demand: incidents (reference)", r["label"], s(r["wall_s"], 1), mb(r["max_rss_mb"])]
                 for r in ref]
        text = "### End to end\n\n" + table(["command", "run", "wall (s)", "peak RSS"], rows)
        if ref:
            med = lambda xs: sorted(xs)[len(xs) // 2]
            text += (f"\n\nMedian wall: {med([r['wall_s'] for r in sc]):.1f} s shipped, {med([r['wall_s'] for r in ref]):.1f} s "
                     f"reference; ratio {med([r['wall_s'] for r in sc]) / med([r['wall_s'] for r in ref]):.2f}x (same run).")
        parts.append(text)

    if failed:
        parts.append("Failed cases: " + ", ".join(f"{r['group']} / {r['case']}" for r in failed))
    print("\n\n".join(parts))


if __name__ == "__main__":
    main()
