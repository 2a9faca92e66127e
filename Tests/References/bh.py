"""Reference q-values for Tests/AuditingTests/FalseDiscoveryTests.swift.

Serves: FalseDiscoveryTests.matchesScipyWithTiesAndUnsortedInput, the
Benjamini-Hochberg adjusted p-values (q-values) of each list of p-values, in the
input order (ties and unsorted input on purpose).
(The per-plan q-values of CompositionAuditTests are in per_plan_bh.py and
composition.py.)

Versions: Python 3.11.7, scipy 1.17.1, numpy 2.4.6.
Run: python3 Tests/References/bh.py
Prints `(p, q)` per case as pasted in the test (relative tolerance 1e-12).
"""
from scipy.stats import false_discovery_control

CASES = [
    [0.01, 0.04, 0.03, 0.04, 0.5, 0.001, 0.2, 0.04],
    [0.9, 0.2, 0.2, 0.6, 0.0005, 1.0, 0.03],
    [0.3],
]

for p in CASES:
    q = [float(value) for value in false_discovery_control(p, method="bh")]
    print(f"({p},\n {q}),")
