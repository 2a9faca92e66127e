"""Reference values for ImpactRatioTests (Tests/AuditingTests/ImpactRatioTests.swift).

Planted plan: N = 40 training examples in three groups of `race`:
a = examples 0-19 (20), b = 20-31 (12), c = 32-39 (8). The plan removes 4 of a
(examples 0-3), 6 of b (20-25) and 5 of c (32-36): R = 15.
impact_ratio(g) = (kept_g / n_g) / max_h (kept_h / n_h), the EEOC four-fifths
("adverse impact") ratio with retention as the selection rate.
Prints one line per group: name, kept/n, impact_ratio (repr, full precision).

Versions: Python 3.11.7, numpy 2.4.6.
Run: python3 Tests/References/impact_ratio.py
Test tolerance: absolute 1e-15.
"""
import numpy as np

sizes = np.array([20, 12, 8])
removed = np.array([4, 6, 5])
kept = sizes - removed
retention = kept / sizes
impact = retention / retention.max()
for name, rate, ratio in zip(["a", "b", "c"], retention, impact):
    print(name, repr(float(rate)), repr(float(ratio)))
