#!/usr/bin/env python3
"""Golden pseudo p-values for Tests/HotSpotsTests/Fixtures/esda_permutation_p.json.

esda 2.9 `calculate_significance(stat, reference, alternative=...)` on fixed reference
distributions: continuous draws, and the heavy ties of empty cells (most draws equal to the
observed 0). camplan's pseudo p (Sources/HotSpots/PermutationTest.swift) is
min(greater, lesser), equal to "directed" (esda's default, the fold) when no draw ties;
"directed" and "two-sided" (esda's percentile mirroring) are recorded to show what each
does with ties.

Run:  python3 scripts/reference/esda_permutation_p.py > Tests/HotSpotsTests/Fixtures/esda_permutation_p.json
"""
import json

import numpy as np
from esda.significance import calculate_significance

rng = np.random.default_rng(12)
cases = []


def add(name, observed, reference):
    reference = np.asarray(reference, dtype=float)
    def sig(alternative):
        return float(calculate_significance(float(observed), reference, alternative=alternative))
    cases.append({"name": name, "observed": float(observed), "reference": reference.tolist(),
                  "p_greater": sig("greater"), "p_lesser": sig("lesser"),
                  "p_directed": sig("directed"), "p_esda_two_sided": sig("two-sided")})


normal = rng.normal(10, 3, 99)
for q in [0.5, 3, 50, 97, 99.5]:
    add(f"normal, observed at percentile {q}", np.percentile(normal, q), normal)
add("normal, above every draw", 30, normal)
add("normal, below every draw", -5, normal)
# An empty cell among empty cells: sums of 4 neighbours drawn from a field that is 0 in 90%
# of the cells and 1..5 elsewhere.
field = np.where(rng.random(400) < 0.9, 0.0, rng.integers(1, 6, 400).astype(float))
draws = np.array([rng.choice(field, 4, replace=False).sum() for _ in range(199)])
add("empty cell, mostly tied draws", 0, draws)
add("busy cell among sparse draws", 12, draws)
add("every draw tied", 0, np.zeros(49))
add("integer draws with ties", 3, rng.integers(0, 7, 99))

print(json.dumps({"source": "esda 2.9 calculate_significance", "cases": cases}, indent=1))
