"""Reference values for RandomBandTests and RemedyPolicyTests.

Test files: Tests/AuditingTests/RandomBandTests.swift,
Tests/AuditingTests/RemedyPolicyTests.swift. Prints, in the tests' order:
- quantiles: numpy.quantile (default method "linear") at 0.025 and 0.975 of
  the removal rates counts/n for the fixed draw counts below (n = 7), and of
  the 5-value list used for the interpolation branches;
- empirical p-values: (1 + #{k : |c_k - mean| >= |obs - mean|}) / (K + 1)
  for the fixed counts and each observed count 0..7 (exact fractions);
- hypergeometric band: scipy.stats.hypergeom(M=1000, n=200, N=300).ppf at
  0.025 and 0.975, divided by 200 (the exact removal-rate band of a group of
  200 when random plans remove 300 of 1000);
- DRoP quotas: class sizes (40, 100, 60), recalls (0.5, 0.9, 0.8), keep 100:
  densities min(1, c e_k) by water-filling and largest-remainder counts.

Versions: Python 3.11.7, numpy 2.4.6, scipy 1.17.1.
Run: python3 Tests/References/random_band.py
Test tolerances: 1e-15 absolute (quantiles), exact (p-values, counts),
0.02 absolute (empirical band vs hypergeometric band).
"""
from fractions import Fraction

import numpy as np
from scipy.stats import hypergeom

counts = [3, 1, 4, 1, 5, 2, 6, 2, 3, 5, 0, 4, 3, 7, 2, 3]
n = 7
rates = np.array(sorted(counts), dtype=float) / n
print("quantiles", repr(float(np.quantile(rates, 0.025))), repr(float(np.quantile(rates, 0.975))))
values = np.array([0.1, 0.2, 0.4, 0.8, 1.6])
print("five", [repr(float(np.quantile(values, q))) for q in (0.025, 0.3, 0.5, 0.7, 0.975)])

K = len(counts)
mean = Fraction(sum(counts), K)
for observed in range(n + 1):
    far = sum(1 for c in counts if abs(c - mean) >= abs(observed - mean))
    print("p", observed, Fraction(1 + far, K + 1))

dist = hypergeom(M=1000, n=200, N=300)
print("hypergeom band", dist.ppf(0.025) / 200, dist.ppf(0.975) / 200)

sizes = [40, 100, 60]
errors = [1 - r for r in (0.5, 0.9, 0.8)]
keep = 100
density = [0.0] * 3
open_ = [0, 1, 2]
share = float(keep)
while open_:
    weight = sum(sizes[k] * errors[k] for k in open_)
    scale = share / weight
    sat = [k for k in open_ if scale * errors[k] >= 1]
    if not sat:
        for k in open_:
            density[k] = scale * errors[k]
        break
    for k in sat:
        density[k] = 1.0
        share -= sizes[k]
    open_ = [k for k in open_ if k not in sat]
targets = [sizes[k] * density[k] for k in range(3)]
floors = [int(np.floor(t)) for t in targets]
extra = keep - sum(floors)
order = sorted(range(3), key=lambda k: (-(targets[k] - np.floor(targets[k])), k))
for k in order[:extra]:
    floors[k] += 1
print("drop densities", density, "targets", targets, "kept", floors)
